"""Administration use cases behind ``retention-admin``: the database and the demo data."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError

from retention_desktop.data import demo_data, migrations
from retention_desktop.data.database import (
    Database,
    DatabaseUnavailable,
    central_url,
    create_app_engine,
    open_database,
    public_url,
)
from retention_desktop.data.embedded import EmbeddedServer, EmbeddedServerError
from retention_desktop.data.settings import SettingsError, load_settings

log = logging.getLogger(__name__)

DEFAULT_DEMO_CUSTOMERS = 1000
DEFAULT_DEMO_SEED = 20261123


class AdminError(Exception):
    def __init__(self, message: str, code: int = 1):
        super().__init__(message)
        self.code = code


DEMO_HEAD_OFFICE = "E1005"  # the demo's head-office administrator (본점영업부)


def open_for_admin(data_dir: Path, demo: bool, ask_password: Callable[[str], str | None], api: bool = True
                   ) -> Database:
    """The database for a ``retention-admin`` command: the embedded server's superuser in demo mode; in central
    mode the settings' login role, reading the ``api`` views (``api=False``: the batch role, which reads the
    portfolio's tables)."""
    try:
        return open_database(data_dir, demo, ask_password, api)
    except (DatabaseUnavailable, EmbeddedServerError, SettingsError) as exc:
        raise AdminError(str(exc)) from exc


def db_command(data_dir: Path, demo: bool, action: str, libpq: bool,
               ask_password: Callable[[str], str | None], out: Callable[[str], None]) -> int:
    settings = load_settings(data_dir)
    embedded_mode = demo or settings.central is None
    if action in ("start", "stop", "status") and not embedded_mode:
        raise AdminError("db start/stop/status manage the embedded server; this data folder uses a central server "
                         "(add --demo to manage its embedded server)", code=2)
    if action == "start":
        server = EmbeddedServer(data_dir)
        try:
            url = server.start()
        except EmbeddedServerError as exc:
            raise AdminError(str(exc)) from exc
        server.pin()
        db = Database("embedded", make_url(url), create_app_engine(url))
        try:
            _prepare(db)
        finally:
            db.engine.dispose()
        out(f"running: {url}")
        return 0
    if action == "stop":
        stopped = EmbeddedServer(data_dir).stop()
        out("stopped" if stopped else "not running")
        return 0
    if action == "status":
        st = EmbeddedServer(data_dir).status()
        out(f"{'running' if st.running else 'stopped'} cluster={st.cluster_dir} pid={st.pid or '-'} "
            f"attached={len(st.attached_pids)} pinned={'yes' if st.pinned else 'no'}")
        return 0 if st.running else 3
    if action == "url":
        if embedded_mode:
            server = EmbeddedServer(data_dir)
            if not server.status().running:
                raise AdminError("the embedded server is not running; start it with 'retention-admin db start'")
            url = server.url()
            out(url.replace("postgresql+psycopg2", "postgresql") if libpq else url)
            return 0
        url = public_url(central_url(settings.central, None))
        out(url.replace("postgresql+psycopg2", "postgresql") if libpq else url)
        return 0
    if action == "upgrade":
        db = open_for_admin(data_dir, demo, ask_password, api=False)
        try:
            before = migrations.current_revision(db.engine)
            migrations.upgrade(db.engine)
            out(f"schema {before or 'empty'} → {migrations.current_revision(db.engine)}")
        except OperationalError as exc:
            raise AdminError(f"데이터베이스에 연결하지 못했습니다: {exc.orig}") from exc
        finally:
            db.close()
        return 0
    raise AdminError(f"unknown action {action}", code=2)


def _prepare(db: Database) -> None:
    """Bring an embedded database to the latest schema and fill it with demo data on first use."""
    migrations.upgrade(db.engine)
    with db.engine.connect() as conn:
        has_data = conn.execute(text("SELECT EXISTS (SELECT 1 FROM customers)")).scalar()
    if not has_data:
        log.info("empty embedded database: generating %s demo customers", DEFAULT_DEMO_CUSTOMERS)
        demo_data.regenerate(db.engine, DEFAULT_DEMO_CUSTOMERS, DEFAULT_DEMO_SEED)
        # a demo branch opens with trained models and today's call list, as the nightly batch would leave it
        from retention_desktop.services.portfolio_scoring import score_portfolio

        score_portfolio(db, dt.date.today())


def open_demo_ready(data_dir: Path, demo: bool, ask_password: Callable[[str], str | None]) -> Database:
    """The database the app works on: embedded ones are migrated and filled on first use."""
    db = open_for_admin(data_dir, demo, ask_password)
    if db.mode == "embedded":
        _prepare(db)
    elif not migrations.is_current(db.engine):
        db.close()
        raise AdminError("중앙 데이터베이스 스키마가 최신이 아닙니다. 관리자가 'retention-admin db upgrade'를 실행해야 합니다.")
    return db


def demo_data_command(data_dir: Path, demo: bool, customers: int, seed: int, as_of: dt.date | None, force: bool,
                      ask_password: Callable[[str], str | None], progress: Callable[[str], None]) -> dict[str, int]:
    db = open_for_admin(data_dir, demo, ask_password, api=False)
    try:
        if db.mode != "embedded" and not force:
            raise AdminError("refusing to replace data on a central server; add --force if you really mean it",
                             code=2)
        migrations.upgrade(db.engine)
        try:
            return demo_data.regenerate(db.engine, customers, seed, as_of, progress)
        except ValueError as exc:
            raise AdminError(str(exc), code=2) from exc
    finally:
        db.close()


def train_models_command(data_dir: Path, demo: bool, as_of: dt.date, ask_password: Callable[[str], str | None],
                         progress: Callable[[str], None]) -> dict:
    from retention_desktop.services.model_training import TrainingError, train_models

    db = open_for_admin(data_dir, demo, ask_password, api=False)
    try:
        if db.mode == "embedded":
            _prepare(db)
        return train_models(db, as_of, progress)
    except TrainingError as exc:
        raise AdminError(str(exc)) from exc
    finally:
        db.close()


def score_portfolio_command(data_dir: Path, demo: bool, as_of: dt.date, excel: Path | None,
                            ask_password: Callable[[str], str | None], progress: Callable[[str], None]):
    from retention_desktop.services.portfolio_scoring import score_portfolio

    if excel is not None and excel.suffix.lower() != ".xlsx":
        raise AdminError(f"the Excel file must end in .xlsx: {excel}", code=2)
    db = open_for_admin(data_dir, demo, ask_password, api=False)
    try:
        if db.mode == "embedded":
            _prepare(db)
        return score_portfolio(db, as_of, excel, progress)
    finally:
        db.close()


def proposal_command(data_dir: Path, demo: bool, customer_no: str, loan_no: str, employee_no: str, out: Path,
                     ask_password: Callable[[str], str | None]) -> dict:
    from sqlalchemy import select

    from retention_desktop.data.models import Customer, Loan
    from retention_desktop.services.officer_session import LoginError, log_in
    from retention_desktop.services.proposal_service import ProposalError, create_proposal

    db = open_demo_ready(data_dir, demo, ask_password)
    try:
        try:
            officer = log_in(db, employee_no)
        except LoginError as exc:
            raise AdminError(str(exc), code=2) from exc
        try:
            with officer.database.session() as s:  # as the officer: within their scope
                owner = s.scalar(select(Customer.customer_no).join(Loan, Loan.customer_id == Customer.id)
                                 .where(Loan.loan_no == loan_no))
            if owner is None:
                raise AdminError(f"대출번호 {loan_no}가 없거나 직원 {employee_no}의 조회 범위 밖입니다.", code=2)
            if owner != customer_no:
                raise AdminError(f"대출 {loan_no}은(는) 고객 {customer_no}의 대출이 아닙니다.", code=2)
            made = create_proposal(officer, loan_no, dt.date.today(), data_dir)
        except ProposalError as exc:
            raise AdminError(str(exc)) from exc
        finally:
            officer.database.close()
        out.write_bytes(made.pdf)
        return {"proposal_no": made.proposal_no, "pdf_sha256": made.pdf_sha256, "file": str(out)}
    finally:
        db.close()


def verify_proposal_command(data_dir: Path, demo: bool, path: Path, ask_password: Callable[[str], str | None]):
    from retention_desktop.services.proposal_service import trust_roots, verify_pdf

    try:
        pdf = path.read_bytes()
    except OSError as exc:
        raise AdminError(f"파일을 읽을 수 없습니다: {exc}", code=2) from exc
    db = open_for_admin(data_dir, demo, ask_password)
    try:
        return verify_pdf(db, pdf, trust_roots(db, data_dir))
    finally:
        db.close()


def import_command(data_dir: Path, demo: bool, kind: str, path: Path, employee_no: str | None,
                   ask_password: Callable[[str], str | None]):
    """``retention-admin import KIND FILE``: as a head-office administrator — in demo mode the demo's (or
    ``employee_no``), in central mode whoever the settings' login role is. The database refuses anyone else."""
    from retention_desktop.services import imports
    from retention_desktop.services.officer_session import LoginError, log_in, session_of

    db = open_for_admin(data_dir, demo, ask_password)
    try:
        if db.mode == "embedded":
            _prepare(db)  # the demo's officers (and their roles) exist from the first start
        try:
            officer = log_in(db, employee_no or DEMO_HEAD_OFFICE) if db.mode == "embedded" else session_of(db)
        except LoginError as exc:
            raise AdminError(str(exc), code=2) from exc
        try:
            return imports.IMPORTERS[kind](officer.database, path)
        finally:
            if officer.database is not db:
                officer.database.close()
    finally:
        db.close()


def forget_secrets(data_dir: Path) -> list[str]:
    """Remove this installation's entries from the OS keyring (used by the uninstaller on request)."""
    from dataclasses import replace

    from retention_desktop.data import credentials
    from retention_desktop.data.demo_data import RRN_KEY_ACCOUNT

    accounts = [RRN_KEY_ACCOUNT]
    settings = load_settings(data_dir)
    if settings.central is not None and settings.remembered_employee_no:
        user = f"rd_{settings.remembered_employee_no.lower()}"
        accounts.append(replace(settings.central, user=user).keyring_account)
    accounts += [f"pkcs12:{p.name}" for p in sorted((data_dir / "pki").glob("*.p12"))]
    from retention_desktop.proposal.pki import ROOT_KEY_ACCOUNT

    accounts.append(ROOT_KEY_ACCOUNT)
    for account in accounts:
        credentials.forget_secret(account)
    return accounts


def audit_call(run: Callable[[], object]):
    """An audit-trail command's database work; a refusal (not the security group) becomes a one-line error."""
    from retention_desktop.data import api_calls

    try:
        with api_calls.refusals():
            return run()
    except api_calls.Refused as exc:
        raise AdminError(f"{exc} (보안·감사 그룹의 계정으로 실행하세요)", code=2) from exc


def trust_root_add(data_dir: Path, demo: bool, path: Path, employee_no: str | None,
                   ask_password: Callable[[str], str | None]) -> dict:
    """Head office trusts a root certificate (PEM) for proposal signatures; returns its subject and fingerprint."""
    from cryptography import x509

    from retention_desktop.data import api_calls
    from retention_desktop.services.officer_session import LoginError, log_in, session_of

    try:
        pem = path.read_text(encoding="ascii")
        subject = x509.load_pem_x509_certificate(pem.encode("ascii")).subject.rfc4514_string()
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise AdminError(f"PEM 인증서를 읽을 수 없습니다: {path}: {exc}", code=2) from exc
    db = open_for_admin(data_dir, demo, ask_password)
    try:
        if db.mode == "embedded":
            _prepare(db)
        try:
            officer = log_in(db, employee_no or DEMO_HEAD_OFFICE) if db.mode == "embedded" else session_of(db)
        except LoginError as exc:
            raise AdminError(str(exc), code=2) from exc
        try:
            with officer.database.session() as s:
                fingerprint = api_calls.scalar(s, "add_trust_root", pem, subject, f"retention-admin trust-root add {path.name}")
        except api_calls.Refused as exc:
            raise AdminError(str(exc), code=2) from exc
        finally:
            if officer.database is not db:
                officer.database.close()
        return {"subject": subject, "fingerprint": fingerprint}
    finally:
        db.close()


def trust_root_list(data_dir: Path, demo: bool, ask_password: Callable[[str], str | None]) -> list[dict]:
    from retention_desktop.data import api_calls

    db = open_for_admin(data_dir, demo, ask_password)
    try:
        with db.session() as s:
            return api_calls.rows(s, "pinned_trust_roots")
    finally:
        db.close()
