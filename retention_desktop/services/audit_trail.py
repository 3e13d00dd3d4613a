"""개인정보 접근기록, checked from outside the database: the hash chain recomputed here (never by the
database's own functions, which whoever can rewrite the rows could also rewrite), anchors exported to a file,
and the monthly access review.

The chain (``db/sql/03_audit_chain.sql``): ``row_hash = sha256(prev_hash || canonical bytes)``, genesis
``prev_hash`` 32 zero bytes; canonical bytes v1 = ``b"rd-audit-v1|"`` then, for id, at, db_user,
employee_no, client_addr, workstation, action, customer_no, details: ``b"-,"`` for NULL, else
``b"<n>:" + utf8 + b","`` with n the UTF-8 length, ``at`` as UTC ``YYYY-MM-DDTHH:MM:SS.ffffffZ`` and details
as jsonb's own text.

``verify`` names the first edited row (its hash does not recompute), the first deleted row (a row's
predecessor is missing from the chain) and the first inserted row (a row that is not on the chain walked back
from the head). Anchors (``anchor``) pin the chain head outside the database; a later ``verify`` against them
shows even a full rewrite by the owner.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import text

GENESIS = bytes(32)
VERSION = b"rd-audit-v1|"
COLUMNS = ("id", "at", "db_user", "employee_no", "client_addr", "workstation", "action", "customer_no")


def _field(value: str | None) -> bytes:
    if value is None:
        return b"-,"
    raw = value.encode("utf-8")
    return str(len(raw)).encode() + b":" + raw + b","


def _utc(at: dt.datetime) -> str:
    return at.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def canonical(row_id: int, at: dt.datetime, db_user: str, employee_no: str | None, client_addr: str | None,
              workstation: str, action: str, customer_no: str | None, details_text: str) -> bytes:
    return VERSION + b"".join(_field(v) for v in (str(row_id), _utc(at), db_user, employee_no, client_addr,
                                                     workstation, action, customer_no, details_text))


def row_hash(prev_hash: bytes, row_id: int, at: dt.datetime, db_user: str, employee_no: str | None,
             client_addr: str | None, workstation: str, action: str, customer_no: str | None,
             details_text: str) -> bytes:
    return hashlib.sha256(bytes(prev_hash) + canonical(row_id, at, db_user, employee_no, client_addr, workstation,
                                                       action, customer_no, details_text)).digest()


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: dt.datetime
    db_user: str
    employee_no: str | None
    client_addr: str | None
    workstation: str
    action: str
    customer_no: str | None
    details_text: str
    prev_hash: bytes
    row_hash: bytes

    def recomputed(self) -> bytes:
        return row_hash(self.prev_hash, self.id, self.at, self.db_user, self.employee_no, self.client_addr,
                        self.workstation, self.action, self.customer_no, self.details_text)


@dataclass
class Verification:
    rows: int
    head_id: int | None
    edited: list[int] = field(default_factory=list)  # ids whose content no longer matches their hash
    deleted_before: list[int] = field(default_factory=list)  # ids whose predecessor is gone
    inserted: list[int] = field(default_factory=list)  # ids not on the chain from the head
    tail_deleted: bool = False  # the head names a row that is gone
    anchor_problems: list[str] = field(default_factory=list)
    head_count: int | None = None  # the number of rows the chain head says were written

    @property
    def count_wrong(self) -> bool:
        """The head counts every row ever chained; fewer rows means some were deleted (even at the tail, with the
        head moved back), more that some were inserted."""
        return self.head_count is not None and self.head_count != self.rows

    @property
    def ok(self) -> bool:
        return not (self.edited or self.deleted_before or self.inserted or self.tail_deleted or self.anchor_problems
                    or self.count_wrong)

    def findings(self) -> list[str]:
        """The problems in words, the first of each kind first."""
        lines = []
        if self.edited:
            lines.append(f"edited: row {self.edited[0]} no longer matches its hash"
                         + (f" (and {len(self.edited) - 1} more)" if len(self.edited) > 1 else ""))
        if self.deleted_before:
            lines.append(f"deleted: the row before row {self.deleted_before[0]} is missing from the chain"
                         + (f" (and {len(self.deleted_before) - 1} more gaps)" if len(self.deleted_before) > 1 else ""))
        if self.tail_deleted:
            lines.append(f"deleted: the last row of the chain (id {self.head_id}) is missing")
        if self.inserted:
            lines.append(f"inserted: row {self.inserted[0]} is not on the chain"
                         + (f" (and {len(self.inserted) - 1} more)" if len(self.inserted) > 1 else ""))
        if self.count_wrong:
            lines.append(f"count: the chain head counts {self.head_count} rows written, the table holds {self.rows}")
        lines.extend(self.anchor_problems)
        return lines


def read_rows(connection) -> list[AuditRow]:
    """Every audit row in id order (through ``api.audit_log``: the security group's view, or a superuser)."""
    result = connection.execute(text(
        "SELECT id, at, db_user, employee_no, client_addr, workstation, action, customer_no, details::text, "
        "prev_hash, row_hash FROM api.audit_log ORDER BY id"))
    return [AuditRow(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], bytes(r[9]), bytes(r[10])) for r in result]


def read_head(connection) -> tuple[int, bytes, int]:
    last_id, last_hash, count = connection.execute(
        text("SELECT last_id, last_hash, row_count FROM api.audit_chain_head")).one()
    return last_id, bytes(last_hash), count


def check(rows: list[AuditRow], head: tuple[int, bytes, int], anchors: Iterable[dict] = ()) -> Verification:
    """Everything wrong with the chain (pure: the rows and the head as read).

    Edited rows are those whose content no longer gives their hash. The chain is walked back from the head
    along the stored hashes; where a predecessor is missing (a deletion) the walk resumes at the row with the
    next lower id. Rows the walk never meets were inserted.
    """
    head_id, head_hash, count = head
    result = Verification(rows=len(rows), head_id=head_id, head_count=count)
    ordered = sorted(rows, key=lambda r: r.id)
    by_hash = {row.row_hash: row for row in ordered}
    result.edited = [row.id for row in ordered if row.recomputed() != row.row_hash]
    on_chain: set[int] = set()
    current = head_hash
    below: int | None = None  # the walk resumes below this id after a gap
    if current != GENESIS and current not in by_hash:
        result.tail_deleted = True
    while True:
        if current == GENESIS:
            break
        row = by_hash.get(current)
        if row is None or row.id in on_chain:
            candidates = [r for r in ordered if (below is None or r.id < below) and r.id not in on_chain]
            if not candidates:
                break
            row = candidates[-1]
        on_chain.add(row.id)
        below = row.id
        if row.prev_hash != GENESIS and row.prev_hash not in by_hash:
            result.deleted_before.append(row.id)
        current = row.prev_hash
    result.deleted_before.sort()
    result.inserted = [row.id for row in ordered if row.id not in on_chain]
    ids = {row.id: row for row in ordered}
    for anchor in anchors:
        anchored = ids.get(int(anchor["last_id"]))
        when = anchor.get("anchored_at", "?")
        if anchored is None:
            result.anchor_problems.append(f"anchor of {when}: row {anchor['last_id']} is gone")
        elif anchored.row_hash.hex() != anchor["last_hash"]:
            result.anchor_problems.append(f"anchor of {when}: row {anchor['last_id']} now has another hash than the one "
                                          "exported (the chain was rewritten)")
    return result


def verify(database, anchors: Iterable[dict] = ()) -> Verification:
    """The chain checked in one snapshot, against ``anchors`` (as ``read_anchors`` returns them) if given."""
    # one snapshot for the rows and the head (a writer committing in between would look like an insertion)
    with database.engine.connect().execution_options(isolation_level="REPEATABLE READ") as conn:
        rows = read_rows(conn)
        head = read_head(conn)
    return check(rows, head, anchors)


def anchor(database, anchors_file: Path | None = None) -> dict:
    """The chain head as of now, appended to ``anchors_file`` (one JSON object per line) if given. Keep the
    file where the database's administrators cannot change it (WORM storage, the audit department's mail)."""
    with database.engine.connect() as conn:
        row = conn.execute(text("SELECT * FROM api.audit_anchor()")).mappings().one()
        conn.commit()
    record = {"database": row["database_name"], "anchored_at": row["anchored_at"].isoformat(),
              "last_id": row["last_id"], "last_hash": row["last_hash"], "rows": row["row_count"]}
    if anchors_file is not None:
        with anchors_file.open("a", encoding="utf-8") as out:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return record


def read_anchors(path: Path) -> list[dict]:
    """The anchors written by ``anchor`` (one JSON object per line). Raises ``InputError`` (exit 2) for a file
    that is not a regular file, too large, not UTF-8 or holds a line that is not such an object."""
    from retention_desktop.domain.errors import InputError, Where
    from retention_desktop.services.input_files import ANCHORS_MAX_BYTES, read_limited

    anchors = []
    try:
        text = read_limited(path, ANCHORS_MAX_BYTES).decode("utf-8")
    except UnicodeDecodeError:
        raise InputError("앵커 파일이 UTF-8 텍스트가 아닙니다.", where=Where(str(path))) from None
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except ValueError:
            record = None
        if (not isinstance(record, dict) or not {"last_id", "last_hash"} <= record.keys()
                or not isinstance(record["last_id"], int) or not isinstance(record["last_hash"], str)):
            raise InputError("앵커 파일의 줄이 'audit anchor'가 쓴 기록이 아닙니다.", where=Where(str(path), number))
        anchors.append(record)
    return anchors


@dataclass(frozen=True)
class ReviewLine:
    employee_no: str
    officer_name: str
    branch_name: str
    logins: int
    searches: int
    customers_viewed: int
    outside_branch: int
    reveals: int
    consultation_accesses: int
    exports: int
    exported_rows: int
    document_downloads: int


@dataclass(frozen=True)
class ReasonLine:
    at: dt.datetime
    employee_no: str
    action: str
    customer_no: str
    reason: str
    outside_branch: bool


@dataclass(frozen=True)
class RepeatedSearch:
    """One query (known only by its keyed hash) one officer searched again and again in a month."""

    employee_no: str
    officer_name: str
    query_kind: str
    query_hmac: str
    searches: int
    outside_branch: int  # other branches' customers those searches showed
    withheld: int  # … and withheld, the officer's daily limit reached
    first_at: dt.datetime
    last_at: dt.datetime


def repeated_searches(database, month: dt.date, min_repeats: int = 3) -> list[RepeatedSearch]:
    """반복 검색 of a month (``api.audit_repeated_searches``): the same query searched ``min_repeats`` times or
    more by one officer (first pages only), most repeated first. Name guessing shows as many searches of one
    hash with other branches' customers shown or withheld. Security group only (42501 otherwise)."""
    with database.engine.connect() as conn:
        return [RepeatedSearch(**shown(r)) for r in conn.execute(
            text("SELECT * FROM api.audit_repeated_searches(:m, :n)"), {"m": month, "n": min_repeats}).mappings()]


@dataclass(frozen=True)
class SearchProbes:
    """One officer's searches of one day that probed other branches (``api.audit_search_probes``)."""

    employee_no: str
    officer_name: str
    day: dt.date
    probes: int  # identifying searches that found nobody in the officer's scope or showed someone elsewhere
    found_nobody: int  # … of which found nobody at all (guessing looks like many of these)
    past_budget: int  # searches made past the day's budget of probes (other branches' customers withheld)


def search_probes(database, month: dt.date) -> list[SearchProbes]:
    """타지점 식별 검색 of a month, per officer and day (``api.audit_search_probes``). Security group only."""
    with database.engine.connect() as conn:
        return [SearchProbes(**shown(r)) for r in conn.execute(
            text("SELECT * FROM api.audit_search_probes(:m)"), {"m": month}).mappings()]


def review(database, month: dt.date) -> tuple[list[ReviewLine], list[ReasonLine]]:
    """접근기록 점검 of a month: per officer, and every reveal and consultation access with its reason (text as
    ``shown``: a reason is the officer's own words)."""
    with database.engine.connect() as conn:
        lines = [ReviewLine(**shown(r)) for r in conn.execute(text("SELECT * FROM api.audit_review(:m)"), {"m": month})
                 .mappings()]
        reasons = [ReasonLine(**shown(r)) for r in conn.execute(text("SELECT * FROM api.audit_reasons(:m)"),
                                                                 {"m": month}).mappings()]
    return lines, reasons


def visible(value: str) -> str:
    """``value`` with every control and format character (Unicode categories Cc, Cf, Zl, Zp: escape sequences,
    carriage returns, right-to-left overrides) written as its escape (``\\x1b``, ``\\u202e``), so a terminal or
    screen showing a review neither obeys nor hides it. An officer writes the reasons: ``ESC[1A ESC[2K CR …``
    in one erased a review line on the reviewer's terminal and printed another (outside test, 1 Dec 2026)."""
    if value.isprintable():
        return value
    return "".join(_escaped(ch) if unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp") else ch for ch in value)


def _escaped(ch: str) -> str:
    return f"\\x{ord(ch):02x}" if ord(ch) < 0x100 else f"\\u{ord(ch):04x}"


def shown(row: Mapping) -> dict:
    """A review row with its text fields ``visible``."""
    return {key: visible(value) if isinstance(value, str) else value for key, value in row.items()}
