-- The engine's schedule arithmetic the database re-checks a quote with (api.archive_proposal): whole months between
-- two dates (domain/fees.py months_between) and the monthly payment a schedule asks first (domain/schedule.py
-- build_schedule(...).regular_payment without grace). Integers and exact numerics only, as the engine: a month's
-- interest is balance × rate_e4 / 12,000,000 rounded half-up (domain/rates.py month_interest), rate_e4 the annual
-- rate in whole 0.0001 %.

-- Whole months from start_day to end_day (negative if end_day is earlier); adding months clips to the month's end
-- (1월 31일 + 1개월 = 2월 28/29일) in PostgreSQL as in domain/fees.py add_months.
CREATE OR REPLACE FUNCTION data.months_between(start_day date, end_day date) RETURNS integer
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog
AS $$
    SELECT m - CASE WHEN m > 0 AND start_day + make_interval(months => m) > end_day THEN 1 ELSE 0 END
    FROM (SELECT ((extract(year FROM end_day) - extract(year FROM start_day)) * 12
                  + extract(month FROM end_day) - extract(month FROM start_day))::integer AS m) x
$$;

-- base^n for a whole base and 0 <= n, exactly (repeated squaring: numeric multiplication keeps every integer
-- digit; PostgreSQL's power() rounds a large result to some 16 significant digits).
CREATE OR REPLACE FUNCTION data.whole_power(base numeric, n integer) RETURNS numeric
LANGUAGE plpgsql IMMUTABLE SET search_path = pg_catalog
AS $$
DECLARE
    result numeric := 1;
    square numeric := base;
    left_over integer := n;
BEGIN
    WHILE left_over > 0 LOOP
        IF left_over % 2 = 1 THEN
            result := result * square;
        END IF;
        left_over := left_over / 2;
        IF left_over > 0 THEN
            square := square * square;
        END IF;
    END LOOP;
    RETURN result;
END
$$;

-- The first instalment (won) of a schedule of principal (won) at annual_rate_pct (% a year, at most four decimals)
-- over months (1–600) repaid by method (equal_payment 원리금균등, equal_principal 원금균등, bullet 만기일시), no
-- grace: what the quote's option calls monthly_payment. NULL for an argument the engine refuses.
--   interest of the month = (2·e4·P + den) div (2·den), den = 12,000,000
--   one month: P + interest
--   equal_payment: P·r·g / (g − 1) rounded half-up once, r = e4/den, g = (1 + r)^n — computed exactly as
--     P·e4·(den+e4)^n / (den·((den+e4)^n − den^n)) (integers of some 4,300 digits at 600 months); P/n at 0 %;
--     the first instalment is min(max(level − interest, 0), P) + interest
--   equal_principal: P div n + interest;  bullet: interest
CREATE OR REPLACE FUNCTION data.first_instalment(principal bigint, annual_rate_pct numeric, months integer,
                                                 method text) RETURNS bigint
LANGUAGE plpgsql IMMUTABLE SET search_path = pg_catalog
AS $$
DECLARE
    den constant numeric := 12000000;  -- domain/rates.py MONTHLY_DENOMINATOR: 10,000 × 100 × 12
    e4 numeric := annual_rate_pct * 10000;
    interest numeric;
    growth numeric;
    level numeric;
BEGIN
    IF principal IS NULL OR principal <= 0 OR months IS NULL OR months NOT BETWEEN 1 AND 600 OR e4 IS NULL
       OR e4 < 0 OR e4 <> trunc(e4) OR method IS NULL OR method NOT IN ('equal_payment', 'equal_principal', 'bullet') THEN
        RETURN NULL;
    END IF;
    interest := div(2 * e4 * principal + den, 2 * den);
    IF months = 1 THEN
        RETURN principal + interest;
    END IF;
    IF method = 'bullet' THEN
        RETURN interest;
    ELSIF method = 'equal_principal' THEN
        RETURN div(principal::numeric, months) + interest;
    END IF;
    IF e4 = 0 THEN
        level := div(2 * principal::numeric + months, 2 * months);
    ELSE
        growth := data.whole_power(den + e4, months);
        level := den * (growth - data.whole_power(den, months));  -- the denominator, for a moment
        level := div(2 * principal * e4 * growth + level, 2 * level);
    END IF;
    RETURN least(greatest(level - interest, 0), principal) + interest;
END
$$;
