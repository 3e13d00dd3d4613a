"""The customer search, recorded first (the outside test of 30 Nov 2026, findings 2 and 6), on the real database
with an officer's own login: a search rolled back shows nothing; every search that showed rows has its
committed audit row with the query's kind, its keyed hash (never the query) and how many customers of other
branches it showed; other branches' customers show the surname only, at most head office's number a day."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac

import psycopg2
import pytest
from sqlalchemy import text

from retention_desktop.data import roles
from tests.support import bank_today, connect_as

OFFICER = roles.login_role("E1007")  # 강남역지점 (branch 2)


@pytest.fixture
def officer_conn(db, server_url):
    conn = connect_as(server_url, db.url.database, OFFICER)
    yield conn
    conn.close()


@pytest.fixture
def walk_ins(db) -> list[tuple[str, str]]:
    """Customers of 본점 (branch 1) whose full names no customer of 강남역지점 shares: (customer_no, name)."""
    with db.session() as s:
        return [tuple(r) for r in s.execute(text("""
            SELECT c.customer_no, c.name FROM data.customers c
            WHERE c.home_branch_id = 1 AND length(c.name) >= 3
              AND NOT EXISTS (SELECT 1 FROM data.customers o WHERE o.name = c.name AND o.id <> c.id)
            ORDER BY c.id LIMIT 3""")).all()]


def searches(db) -> list[dict]:
    with db.session() as s:
        return [dict(r) for r in s.execute(text(
            "SELECT id, db_user, details FROM data.audit_log WHERE action = 'customer.search' ORDER BY id")).mappings()]


def sqlstate(conn, sql: str, *params) -> str | None:
    try:
        with conn.cursor() as cur:
            cur.execute(sql, params)
            cur.fetchall()
    except psycopg2.Error as exc:
        conn.rollback()
        return exc.pgcode
    return None


def test_a_search_inside_begin_rollback_shows_nothing_and_leaves_nothing_to_read_with(officer_conn, db):
    """Finding 2: `BEGIN; SELECT * FROM api.search_customers(…); ROLLBACK` read names and birth dates with no
    trace. Now the rows come only for a ticket committed before: in the recording transaction they are refused,
    and after the rollback the ticket is gone — as is any row of the search."""
    before = len(searches(db))
    with officer_conn.cursor() as cur:
        cur.execute("SELECT api.record_search('name', '김')")
        ticket = cur.fetchone()[0]
        with pytest.raises(psycopg2.Error) as refused:
            cur.execute("SELECT * FROM api.search_customers(%s)", (ticket,))
    assert refused.value.pgcode == "55000" and "커밋" in refused.value.diag.message_primary
    officer_conn.rollback()
    assert sqlstate(officer_conn, "SELECT * FROM api.search_customers(%s)", ticket) == "42501"
    assert len(searches(db)) == before  # nothing recorded, nothing shown


def test_a_rolled_back_search_tells_nothing_not_even_how_many_it_found(officer_conn, walk_ins):
    """Second outside test: the recording call returned how many it found and how many at other branches, so
    `BEGIN; SELECT * FROM api.record_search('name_birth', …); ROLLBACK` over every date spelled another branch's
    customer's birth date in 27 s with no trace. Now it returns the ticket alone — a customer who exists
    elsewhere and a name nobody has give the same one-column answer — and what was found is refused until the
    recording has committed."""
    number, name = walk_ins[0]
    answers = []
    for query in (("name", name), ("customer_no", number), ("name", "갑을병정무")):
        with officer_conn.cursor() as cur:
            cur.execute("SELECT * FROM api.record_search(%s, %s)", query)
            answers.append(([c.name for c in cur.description], [type(v) for v in cur.fetchone()]))
        officer_conn.rollback()
    assert answers == [(["record_search"], [int])] * 3
    with officer_conn.cursor() as cur:
        cur.execute("SELECT api.record_search('name', %s)", (name,))
        ticket = cur.fetchone()[0]
        with pytest.raises(psycopg2.Error) as refused:
            cur.execute("SELECT * FROM api.search_summary(%s)", (ticket,))
    assert refused.value.pgcode == "55000"
    officer_conn.rollback()
    assert sqlstate(officer_conn, "SELECT * FROM api.search_summary(%s)", ticket) == "42501"


def test_a_ticket_not_yet_committed_is_no_ticket_for_another_session(officer_conn, db, server_url):
    """The recording transaction left open, a second session of the same officer asks for the rows: the ticket
    is invisible until it commits, so the rows never come before the record is durable."""
    second = connect_as(server_url, db.url.database, OFFICER)
    try:
        with officer_conn.cursor() as cur:
            cur.execute("SELECT api.record_search('name', '김')")
            ticket = cur.fetchone()[0]
        assert sqlstate(second, "SELECT * FROM api.search_customers(%s)", ticket) == "42501"
        officer_conn.commit()
        with second.cursor() as cur:
            cur.execute("SELECT * FROM api.search_customers(%s)", (ticket,))
            assert cur.fetchall()
        second.rollback()
    finally:
        second.close()


def test_every_search_that_showed_rows_has_a_committed_audit_row_with_its_counts(login, db, walk_ins):
    """The desktop's search: two short transactions. Each search that returned rows has its audit row, with
    the query's kind, its keyed hash, the scope, and how many rows and customers of other branches it showed
    (the hit count shown); the query itself is nowhere in the row."""
    from retention_desktop.services.customer_search import search

    officer = login("E1007")
    before = len(searches(db))
    walk_in_no, walk_in_name = walk_ins[0]
    queries = ["김", "김하늘", walk_in_name, walk_in_no, "C0000001"]
    results = [search(officer, q) for q in queries]
    recorded = searches(db)[before:]
    assert [r["details"]["query_kind"] for r in recorded] == ["name", "name", "name", "customer_no", "customer_no"]
    for result, row, query in zip(results, recorded, queries):
        details = row["details"]
        assert row["db_user"] == OFFICER
        assert details["results"] == len(result.hits) and details["offset"] == 0 and details["branch_id"] == 2
        assert details["outside_branch"] == sum(not h.in_scope for h in result.hits) == result.outside_branch
        assert len(details["query_hmac"]) == 64 and query not in str(details)
    assert results[0].hits and results[2].hits and results[3].hits
    assert recorded[2]["details"]["outside_branch"] == 1 and recorded[3]["details"]["outside_branch"] == 1
    # the same query gives the same hash (the review counts repeats); another query another hash
    assert recorded[3]["details"]["query_hmac"] != recorded[4]["details"]["query_hmac"]
    search(officer, walk_in_no)
    assert searches(db)[-1]["details"]["query_hmac"] == recorded[3]["details"]["query_hmac"]


def test_the_query_hash_is_an_hmac_with_a_key_only_the_owner_reads(login, db, officer_conn):
    """HMAC-SHA-256 (RFC 2104) of the query under the server's key: without the key a name cannot be tried
    against the trail (a plain hash of every Korean name could). The key is not the officer's to read."""
    from retention_desktop.services.customer_search import search

    search(login("E1007"), "김하늘")
    with db.session() as s:
        key = bytes(s.execute(text("SELECT key FROM data.search_secret")).scalar())
        rfc4231 = bytes(s.execute(text("SELECT data.hmac_sha256('\\x0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b'::bytea, "
                                       "convert_to('Hi There', 'UTF8'))")).scalar())
        owner = s.execute(text("SELECT tableowner FROM pg_tables WHERE schemaname = 'data' "
                               "AND tablename = 'search_secret'")).scalar()
        readers = s.execute(text("SELECT grantee FROM information_schema.role_table_grants "
                                 "WHERE table_schema = 'data' AND table_name = 'search_secret'")).scalars().all()
    assert rfc4231.hex() == "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"  # RFC 4231 case 1
    message = "\x1f".join(("rd-search-v1", "name", "김하늘")).encode()
    assert searches(db)[-1]["details"]["query_hmac"] == hmac.new(key, message, hashlib.sha256).hexdigest()
    assert searches(db)[-1]["details"]["query_hmac"] != hashlib.sha256(message).hexdigest()
    assert len(key) == 32 and owner == roles.system("owner") and set(readers) <= {roles.system("owner")}
    assert sqlstate(officer_conn, "SELECT key FROM data.search_secret") == "42501"


def test_another_branchs_customer_shows_the_surname_only(login, walk_ins):
    """Finding 6: the mask 김*늘 left all but one syllable of a name to guess. Now another branch's customer
    shows as 김** (the surname and a fixed mask: not even the length), no birth date, no phone."""
    from retention_desktop.services.customer_search import search_customers

    officer = login("E1007")
    for number, name in walk_ins:
        hit = next(h for h in search_customers(officer, name) if h.customer_no == number)
        assert not hit.in_scope and hit.name == name[0] + "**" and hit.birth_date is None
        assert hit.phone_masked == "***-****-****"


def test_other_branches_hits_are_limited_per_officer_and_day_in_the_database(login, db, walk_ins, officer_conn):
    """Finding 6: head office's dated limit (api.set_search_limit) of other branches' customers an officer is
    shown a day. Past it a search still lists the officer's own scope, withholds the others and records how
    many; the officer is told the limit is reached on every search from then on, found or not, so the answer
    is no oracle of whether a name exists elsewhere. The count is the database's: psql gets no more."""
    from retention_desktop.gui.pages.search import limit_notice
    from retention_desktop.services.customer_search import search

    with db.session() as s:  # the embedded superuser acts as head office (recorded under its name)
        s.execute(text("SELECT api.set_search_limit(data.bank_today(), 2)"))
    officer = login("E1007")
    first, second, third = walk_ins
    shown = search(officer, first[1])
    assert [h.customer_no for h in shown.hits if not h.in_scope] == [first[0]]
    assert (shown.shown_today, shown.limit_reached, limit_notice(shown)) == (1, False, "")
    reached = search(officer, second[0])
    assert reached.outside_branch == 1 and reached.limit_reached  # the last one allowed is shown
    past = search(officer, third[1])
    assert third[0] not in [h.customer_no for h in past.hits] and all(h.in_scope for h in past.hits)
    assert past.limit_reached and past.daily_limit == 2
    assert "하루 2명" in limit_notice(past) and "표시하지 않습니다" in limit_notice(past)
    nobody = search(officer, "갑을병정무")  # a name nobody has: the same answer as a withheld one
    assert (nobody.hits, nobody.outside_branch, nobody.limit_reached) == (past.hits, 0, True)
    # the officer's own scope still answers past the limit
    assert search(officer, "김").hits
    # … and psql gets no more: the count is kept by the database, per login role and day
    with officer_conn.cursor() as cur:
        cur.execute("SELECT api.record_search('customer_no', %s)", (third[0],))
        ticket = cur.fetchone()[0]
    officer_conn.commit()
    with officer_conn.cursor() as cur:
        cur.execute("SELECT outside_branch, limit_reached FROM api.search_summary(%s)", (ticket,))
        assert cur.fetchone() == (0, True)
    officer_conn.commit()
    with db.session() as s:
        day = s.execute(text("SELECT outside_hits, withheld FROM data.search_daily WHERE db_role = :r AND day = :d"),
                        {"r": OFFICER, "d": bank_today()}).one()
        last = s.execute(text("SELECT details FROM data.audit_log WHERE action = 'customer.search' "
                              "ORDER BY id DESC LIMIT 1")).scalar()
        limit_set = s.execute(text("SELECT count(*) FROM data.audit_log WHERE action = 'head_office.search_limit'")
                              ).scalar()
    assert tuple(day) == (2, 2) and last["withheld"] == 1 and last["outside_branch"] == 0 and limit_set == 1


def test_the_search_that_reaches_the_limit_shows_what_is_left_of_it(login, db):
    """Several namesakes at other branches, one left of the day's limit: the first is shown, the rest withheld."""
    from retention_desktop.services.customer_search import search

    with db.session() as s:
        name, count = s.execute(text("""
            SELECT c.name, count(*) FROM data.customers c WHERE c.home_branch_id NOT IN (2)
              AND NOT EXISTS (SELECT 1 FROM data.customers o WHERE o.home_branch_id = 2
                              AND o.name COLLATE "C" LIKE c.name || '%')
            GROUP BY c.name HAVING count(*) >= 2 ORDER BY count(*) DESC, c.name LIMIT 1""")).one()
        s.execute(text("SELECT api.set_search_limit(data.bank_today(), 1)"))
    result = search(login("E1007"), name)
    assert (len(result.hits), result.outside_branch, result.limit_reached) == (1, 1, True)
    with db.session() as s:
        details = s.execute(text("SELECT details FROM data.audit_log WHERE action = 'customer.search' "
                                 "ORDER BY id DESC LIMIT 1")).scalar()
    assert (details["results"], details["outside_branch"], details["withheld"]) == (1, 1, count - 1)


def test_the_months_review_lists_a_query_searched_again_and_again(login, db, walk_ins):
    """`audit review` shows repeated identical queries per officer, by hash (first pages only): a name tried
    five times stands out; the hash is all the review knows of the query."""
    import datetime as dt

    from retention_desktop.domain.korean_time import KST
    from retention_desktop.services import audit_trail
    from retention_desktop.services.customer_search import search

    officer = login("E1007")
    for _ in range(4):
        search(officer, walk_ins[0][1])
    search(officer, "김")
    search(officer, "김", offset=50)  # a next page is not a repeated query
    repeated = audit_trail.repeated_searches(db, dt.datetime.now(KST).date(), 2)
    assert [(r.employee_no, r.query_kind, r.searches, r.outside_branch) for r in repeated] == [("E1007", "name", 4, 4)]
    assert walk_ins[0][1] not in str(repeated)
    assert audit_trail.repeated_searches(db, dt.datetime.now(KST).date(), 5) == []


def other_branch_customer(db, walk_in: tuple[str, str]) -> tuple[str, dt.date]:
    with db.session() as s:
        return tuple(s.execute(text("SELECT name, birth_date FROM data.customers WHERE customer_no = :n"),
                               {"n": walk_in[0]}).one())


def probes_of_the_day(db) -> int:
    with db.session() as s:
        return s.execute(text("SELECT coalesce(max(probes), 0) FROM data.search_daily WHERE db_role = :r AND day = :d"),
                         {"r": OFFICER, "d": bank_today()}).scalar()


def test_name_and_birth_date_guesses_that_find_nobody_count_against_a_daily_budget(login, db, walk_ins):
    """Third outside test: only hits counted toward the daily limit, so an officer could guess another branch's
    customer's birth date by name-and-birth-date searches, each wrong date finding nobody and costing nothing.
    Now every search that could identify another branch's customer and found nobody in the officer's scope is a
    probe, counted hit or miss; past head office's budget the right date finds the customer no more than a wrong
    one does, and the answer says why in Korean."""
    from retention_desktop.gui.pages.search import limit_notice
    from retention_desktop.services.customer_search import search

    with db.session() as s:  # the embedded superuser acts as head office
        s.execute(text("SELECT api.set_search_probe_limit(data.bank_today(), 3)"))
    name, born = other_branch_customer(db, walk_ins[0])
    officer = login("E1007")
    wrong_dates = [born + dt.timedelta(days=d) for d in (1, 2, 3)]
    for n, wrong in enumerate(wrong_dates, start=1):
        missed = search(officer, f"{name} {wrong:%Y%m%d}")
        assert (missed.hits, missed.probes_today, missed.probe_limit) == ([], n, 3)
    assert missed.probe_limit_reached
    right = search(officer, f"{name} {born:%Y%m%d}")  # the right date, once the budget is spent: nobody shown
    wrong = search(officer, f"{name} {born + dt.timedelta(days=4):%Y%m%d}")
    assert right.hits == wrong.hits == [] and right.outside_branch == wrong.outside_branch == 0
    assert right.probe_limit_reached and wrong.probe_limit_reached
    assert "한도 하루 3회" in limit_notice(right) and "다른 영업점 고객은 표시하지 않습니다" in limit_notice(right)
    assert probes_of_the_day(db) == 5
    # the officer's own customers are still found, and such a search is no probe
    assert search(officer, "김").hits and probes_of_the_day(db) == 5
    with db.session() as s:
        last = s.execute(text("SELECT details FROM data.audit_log WHERE action = 'customer.search' AND details ? 'probe' "
                              "ORDER BY id DESC OFFSET 1 LIMIT 1")).scalar()
        limit_set = s.execute(text("SELECT count(*) FROM data.audit_log WHERE action = 'head_office.search_probe_limit'")
                              ).scalar()
    assert last["probe"] and last["probe_blocked"] and last["withheld"] == 0 and limit_set == 1


def test_within_the_budget_a_walk_in_is_found_and_own_branch_searches_cost_nothing(login, db, walk_ins):
    """The legitimate path: a customer of another branch who walks in is found by full name or number (a probe
    each, counted), and an officer's searches of their own customers count nothing however many."""
    from retention_desktop.services.customer_search import search

    officer = login("E1007")
    for _ in range(5):
        assert search(officer, "김").hits
    assert probes_of_the_day(db) == 0
    number, name = walk_ins[0]
    found = search(officer, name)
    assert number in [h.customer_no for h in found.hits if not h.in_scope]
    by_number = search(officer, walk_ins[1][0])
    assert [h.customer_no for h in by_number.hits] == [walk_ins[1][0]]
    assert (by_number.probes_today, by_number.probe_limit, by_number.probe_limit_reached) == (2, 50, False)


def test_a_probe_past_the_budget_is_told_to_psql_in_korean(officer_conn, db, walk_ins):
    """The count and the words are the database's: psql gets the same budget and the notice to read."""
    with db.session() as s:
        s.execute(text("SELECT api.set_search_probe_limit(data.bank_today(), 1)"))
    name, born = other_branch_customer(db, walk_ins[0])
    notices = []
    for birth in (born + dt.timedelta(days=1), born):
        with officer_conn.cursor() as cur:
            cur.execute("SELECT api.record_search('name_birth', %s, %s)", (name, birth))
            ticket = cur.fetchone()[0]
        officer_conn.commit()
        with officer_conn.cursor() as cur:
            cur.execute("SELECT results, probe_limit_reached, probes_today, notice FROM api.search_summary(%s)", (ticket,))
            notices.append(cur.fetchone())
        officer_conn.commit()
    assert notices[0][:3] == (0, True, 1) and notices[1][:3] == (0, True, 2)
    assert "다른 영업점 고객을 찾는 검색" in notices[1][3] and "하루 1회" in notices[1][3]


def test_the_months_review_shows_the_probes_per_officer_and_day(login, db, walk_ins):
    """`audit review`: per officer and day, the probes, how many found nobody, how many came past the budget."""
    from retention_desktop.domain.korean_time import KST
    from retention_desktop.services import audit_trail
    from retention_desktop.services.customer_search import search

    with db.session() as s:
        s.execute(text("SELECT api.set_search_probe_limit(data.bank_today(), 2)"))
    officer = login("E1007")
    search(officer, walk_ins[0][1])  # found at another branch
    search(officer, "갑을병정무")  # nobody
    search(officer, "을병정무갑")  # nobody, past the budget
    search(officer, "김")  # the officer's own customers: no probe
    today = dt.datetime.now(KST).date()
    lines = audit_trail.search_probes(db, today)
    assert [(p.employee_no, p.day, p.probes, p.found_nobody, p.past_budget) for p in lines] == [
        ("E1007", bank_today(), 3, 2, 1)]
