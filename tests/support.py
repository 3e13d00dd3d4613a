"""Helpers the tests share (imported as ``tests.support``; fixtures live in conftest.py)."""

from __future__ import annotations

import datetime as dt
import os
import time
import secrets
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.engine import URL

from retention_desktop.data.database import Database, create_app_engine

def bank_today() -> dt.date:
    """Today in the bank's time zone (Asia/Seoul): what the server's clock stamps (``data.bank_today()``); between
    15:00 and 24:00 UTC it is already tomorrow there."""
    from retention_desktop.domain.korean_time import korean_time

    return korean_time(dt.datetime.now(dt.timezone.utc)).date()


def workstation_on_another_day() -> tuple[str, dt.date]:
    """A POSIX ``TZ`` whose local date differs from the bank's (Seoul's) at this moment, and that local date:
    UTC-12 while it is before 21:00 in Seoul (there it is still yesterday), else UTC+14 (already tomorrow).
    For a process that must not take its business date from the workstation's clock."""
    seoul = dt.datetime.now(dt.timezone(dt.timedelta(hours=9)))
    hours = -12 if seoul.hour < 21 else 14
    local = seoul.astimezone(dt.timezone(dt.timedelta(hours=hours))).date()
    assert local != seoul.date()
    return f"Etc/GMT{-hours:+d}", local  # the tz database counts hours west of UTC: "Etc/GMT+12" is UTC-12


# The tests' business date: a week before the bank's today, as the app works on the day it runs. The
# database refuses a proposal dated more than 30 days back or valid (14 days) until a past day, so a fixed
# date would fail every archiving test two weeks after it was written; a week back leaves room for a run
# that crosses midnight in Seoul, and for tests that age a proposal by a few days.
TEST_AS_OF = bank_today() - dt.timedelta(days=7)
TEST_CUSTOMERS = 600
TEST_SEED = 7


def _admin_execute(server_url: URL, *statements: str) -> None:
    engine = create_app_engine(server_url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            for statement in statements:
                conn.execute(text(statement))
    finally:
        engine.dispose()


def new_database(server_url: URL, template: str | None = None) -> Database:
    name = f"rdt_{os.getpid()}_{secrets.token_hex(4)}"
    clause = f" TEMPLATE {template}" if template else " TEMPLATE template0 ENCODING 'UTF8'"
    _admin_execute(server_url, f"CREATE DATABASE {name}{clause}")
    url = server_url.set(database=name)
    database = Database("embedded", url, create_app_engine(url))
    if template:  # a copy does not inherit the database's own privileges (no TEMP, CONNECT for the groups only)
        from retention_desktop.data import migrations

        migrations.harden(database.engine)
    return database


def drop_database(server_url: URL, db: Database) -> None:
    db.engine.dispose()
    _admin_execute(server_url, f"DROP DATABASE IF EXISTS {db.url.database} WITH (FORCE)")


def revision_module(name: str):
    """An Alembic revision file loaded as a module (its seeded constants, no database needed)."""
    import importlib.util

    from retention_desktop.data.locations import migrations_dir

    path = next((migrations_dir() / "versions").glob(f"{name}_*.py"))
    spec = importlib.util.spec_from_file_location(f"revision_{name}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def seed_revision():
    """Revision 0007 (the regulation audit) as a module: its VERSIONS and the documents of each measure, each
    document as the migrations leave it (with revision 0009's rate-renegotiation section)."""
    module = revision_module("0007")
    for name, value in list(vars(module).items()):
        if isinstance(value, dict) and "dsr" in value and "stamp_duty" in value:
            setattr(module, name, with_renegotiation(value))
    module.VERSIONS = [(v, d, with_renegotiation(p), *rest) for v, d, p, *rest in module.VERSIONS]
    return module


def with_renegotiation(params: dict) -> dict:
    """A policy document as revision 0009 leaves it: with the rate-renegotiation section."""
    return {**params, "renegotiation": dict(revision_module("0009").RENEGOTIATION_POLICY)}


def seeded_policy_parameters() -> list[tuple[str, str, dict]]:
    """(version, effective date, parameters) of every seeded policy version, as the migrations leave them."""
    return [(v, d, p) for v, d, p, *_ in seed_revision().VERSIONS]


def seeded_policies():
    """The policy versions the migrations leave (revision 0007's corrected and added versions, with revision
    0009's renegotiation section), read from the revisions themselves (no database needed)."""
    from retention_desktop.domain.policy import Policy

    return [Policy.from_parameters(v, dt.date.fromisoformat(d), p) for v, d, p in seeded_policy_parameters()]


def seeded_pricing_rules():
    """The bank's pricing rules the migrations seed (revision 0004's grid with revision 0009's additions)."""
    from retention_desktop.domain.pricing import PricingRules

    params = {**revision_module("0009").RENEGOTIATION_PRICING, **revision_module("0004").PRICING_2025}
    return PricingRules.from_parameters("2025.01-grid", dt.date(2025, 1, 1), params)


def login_as(db: Database, server_url: URL, employee_no: str):
    """Log a demo officer in as their own database role; an external server (RETENTION_TEST_DATABASE_URL)
    gets a one-off password on the role, as a central server would have one per officer."""
    from retention_desktop.services.officer_session import log_in

    from retention_desktop.data import roles

    return log_in(db, employee_no, role_password(server_url, roles.login_role(employee_no)))


def guard_role(role: str) -> str:
    """``role`` if this run may alter it: on an external server only the roles of the run's own prefix
    (conftest.py sets ``RETENTION_ROLE_PREFIX`` to ``rdt<hex>_``), never the installation's ``rd_`` ones."""
    from retention_desktop.data import roles

    if os.environ.get("RETENTION_TEST_DATABASE_URL"):
        current = roles.prefix()
        if current == roles.DEFAULT_PREFIX or not role.startswith(current):
            raise RuntimeError(f"the test suite refuses to alter role {role!r}: it did not create it "
                               f"(this run's roles start with {current!r})")
    return role


def drop_run_roles(server_url: URL) -> list[str]:
    """Drop every role of this run's prefix (external servers only); returns their names."""
    from retention_desktop.data import roles

    current = roles.prefix()
    if current == roles.DEFAULT_PREFIX:
        return []
    engine = create_app_engine(server_url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            names = [r[0] for r in conn.exec_driver_sql(
                "SELECT rolname FROM pg_roles WHERE starts_with(rolname, %s) ORDER BY rolname DESC", (current,))]
            for name in names:
                conn.exec_driver_sql(f'DROP OWNED BY "{guard_role(name)}"')
            for name in names:
                conn.exec_driver_sql(f'DROP ROLE IF EXISTS "{guard_role(name)}"')
    finally:
        engine.dispose()
    return names


def role_password(server_url: URL, role: str) -> str | None:
    """Against an external server (RETENTION_TEST_DATABASE_URL) a login role gets a one-off password, as a
    central server would have one per officer; the embedded server trusts local logins."""
    if not os.environ.get("RETENTION_TEST_DATABASE_URL"):
        return None
    guard_role(role)
    password = secrets.token_urlsafe(16)
    _admin_execute(server_url, f"ALTER ROLE {role} PASSWORD '{password}'")
    return password


def connect_as(server_url: URL, database: str, role: str):
    """A plain psycopg2 connection as ``role`` — what an officer gets with psql, Excel or a script."""
    import psycopg2

    url = server_url.set(database=database, username=role, password=role_password(server_url, role),
                         drivername="postgresql")
    return psycopg2.connect(url.render_as_string(hide_password=False))


def ensure_login_role(server_url: URL, role: str, group: str) -> None:
    """A login role in a group (e.g. a batch account), created once per cluster."""
    guard_role(role)
    _admin_execute(server_url, f"DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{role}') THEN "
                               f"CREATE ROLE {role} LOGIN; END IF; END $$", f"GRANT {group} TO {role}")


def income_proof(gross: int) -> bytes:
    """A minimal 근로소득 원천징수영수증 with the gross pay line, in Hangul."""
    import io

    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    from retention_desktop.proposal.document import FONT, register_fonts

    register_fonts()
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4)
    page.setFont(FONT, 12)
    for y, line in ((800, "근로소득 원천징수영수증 (2025 귀속)"), (770, "징수의무자: 한빛전자(주)"),
                    (740, "소득자 성명: 김하늘"), (710, f"⑯ 총급여 {gross:,} 원"), (680, "⑰ 근로소득공제 12,000,000 원"),
                    (650, "결정세액 3,215,000 원")):
        page.drawString(60, y, line)
    page.save()
    return buffer.getvalue()


def scan_image(fmt: str = "PNG", size: tuple[int, int] = (40, 30)) -> bytes:
    """A small real image (an ID copy's scan), PNG or JPEG."""
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 210, 220)).save(buffer, format=fmt)
    return buffer.getvalue()


class StallMeter:
    """Counts the longest gap between 10 ms ticks of the event loop: a frozen GUI shows up as a long gap."""

    def __init__(self):
        from PySide6.QtCore import QTimer

        self.timer = QTimer(interval=10)
        self.timer.timeout.connect(self._tick)
        self.last = None
        self.worst = 0.0

    def _tick(self):
        now = time.perf_counter()
        if self.last is not None:
            self.worst = max(self.worst, now - self.last)
        self.last = now

    def __enter__(self):
        self.timer.start()
        return self

    def __exit__(self, *exc):
        self.timer.stop()


def bank_issued_identity(folder: Path, employee_no: str, officer_name: str):
    """A production-like signing identity: a bank's root CA and an officer certificate it issued, with no DEMO mark
    (central mode refuses DEMO certificates), as a PKCS#12 whose passphrase is in the keyring. Returns
    (p12 path, root PEM)."""
    from cryptography import x509
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.hazmat.primitives.serialization import pkcs12
    from cryptography.x509.oid import NameOID

    from retention_desktop.data import credentials
    from retention_desktop.proposal import pki

    def name(common: str) -> x509.Name:
        return x509.Name([x509.NameAttribute(NameOID.COUNTRY_NAME, "KR"),
                          x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Example Bank"),
                          x509.NameAttribute(NameOID.COMMON_NAME, common)])

    folder.mkdir(parents=True, exist_ok=True)
    root_key, officer_key = ec.generate_private_key(ec.SECP256R1()), ec.generate_private_key(ec.SECP256R1())
    root = pki._certificate(name("Example Bank Root CA"), root_key.public_key(), name("Example Bank Root CA"),
                            root_key, ca=True, years=5)
    officer = pki._certificate(name(f"{officer_name} {employee_no}"), officer_key.public_key(), root.subject,
                               root_key, ca=False, years=1, signer_key_id=pki._ski(root))
    passphrase = secrets.token_urlsafe(16)
    p12 = folder / f"bank-{employee_no}.p12"
    p12.write_bytes(pkcs12.serialize_key_and_certificates(employee_no.encode(), officer_key, officer, [root],
                                                          serialization.BestAvailableEncryption(passphrase.encode())))
    assert credentials.store_secret(f"pkcs12:{p12.name}", passphrase)
    return p12, root.public_bytes(serialization.Encoding.PEM)


def in_english(text: str) -> str:
    """An engine sentence or an import error (``domain.sentences``) as the English catalogue says it."""
    from retention_desktop.domain.sentences import render
    from retention_desktop.messages import translator

    english = translator("en")
    return render(text, english, english)
