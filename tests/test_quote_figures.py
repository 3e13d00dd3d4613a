"""The database's copy of the engine's schedule arithmetic (db/sql/38_schedule.sql), which api.archive_proposal
checks a quote's monthly payment and a renegotiation's remaining term with, compared with the Python that is the
truth (domain/schedule.py, domain/fees.py) on many cases."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from retention_desktop.domain.fees import months_between
from retention_desktop.domain.schedule import RepaymentMethod, build_schedule
from tests.support import drop_database, new_database

METHODS = [m.value for m in RepaymentMethod]


@pytest.fixture(scope="module")
def sql(server_url, template_db):
    """One connection to a copy of the demo database (the functions are pure: nothing is written)."""
    db = new_database(server_url, template=template_db)
    with db.engine.connect() as conn:
        yield conn
    drop_database(server_url, db)


def first_instalment(conn, principal: int, rate: Decimal, months: int, method: str) -> int | None:
    return conn.execute(text("SELECT data.first_instalment(:p, :r, :n, :m)"),
                        {"p": principal, "r": rate, "n": months, "m": method}).scalar()


# the schedules of docs/engine.md and domain/schedule.py's docstring, by hand
GOLDEN = [
    (100_000_000, "4.5", 360, "equal_payment", 506_685),
    (100_000_000, "4.5", 360, "equal_principal", 277_777 + 375_000),  # principal div months
    (100_000_000, "4.5", 360, "bullet", 375_000),
    (100_000_000, "4.5", 1, "equal_payment", 100_375_000),
    (12_000_000, "0", 12, "equal_payment", 1_000_000),
]


@pytest.mark.parametrize("principal,rate,months,method,payment", GOLDEN)
def test_first_instalment_of_known_schedules(sql, principal, rate, months, method, payment):
    assert first_instalment(sql, principal, Decimal(rate), months, method) == payment
    assert build_schedule(principal, Decimal(rate), months, method).regular_payment == payment


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(principal=st.integers(1, 3_000_000_000), e4=st.integers(0, 200_000), months=st.integers(1, 600),
       method=st.sampled_from(METHODS))
@example(principal=1, e4=200_000, months=600, method="equal_payment")  # the largest powers, the smallest loan
@example(principal=3_000_000_000, e4=1, months=600, method="equal_payment")
@example(principal=7, e4=0, months=600, method="equal_payment")
@example(principal=1, e4=43_700, months=2, method="equal_principal")
def test_first_instalment_is_the_engines_regular_payment(sql, principal, e4, months, method):
    rate = Decimal(e4) / 10_000
    assert first_instalment(sql, principal, rate, months, method) == \
        build_schedule(principal, rate, months, method).regular_payment


@pytest.mark.parametrize("principal,rate,months,method", [
    (0, "4", 12, "bullet"), (1000, "4.00001", 12, "bullet"), (1000, "-1", 12, "bullet"), (1000, "4", 0, "bullet"),
    (1000, "4", 601, "bullet"), (1000, "4", 12, "balloon")])
def test_first_instalment_of_what_the_engine_refuses_is_null(sql, principal, rate, months, method):
    assert first_instalment(sql, principal, Decimal(rate), months, method) is None


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(start=st.dates(dt.date(2000, 1, 1), dt.date(2040, 12, 31)), days=st.integers(-400, 20_000))
@example(start=dt.date(2024, 1, 31), days=29)  # 2월 29일: one month
@example(start=dt.date(2023, 1, 31), days=28)  # 2월 28일: one month
@example(start=dt.date(2024, 3, 31), days=29)  # 4월 29일: not yet
def test_months_between_is_the_engines(sql, start, days):
    end = start + dt.timedelta(days=days)
    assert sql.execute(text("SELECT data.months_between(:a, :b)"), {"a": start, "b": end}).scalar() == \
        months_between(start, end)
