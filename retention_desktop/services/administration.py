"""Administration use cases behind ``retention-admin``: the database and the demo data."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from sqlalchemy import select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError

from retention_desktop.data import credentials, demo_data, migrations
from retention_desktop.data.database import (
    Database,
    DatabaseUnavailable,
    central_url,
    create_app_engine,
    open_database,
    public_url,
)
from retention_desktop.data.embedded import EmbeddedServer, EmbeddedServerError
from retention_desktop.data.models import Customer, Loan
from retention_desktop.data.settings import SettingsError, load_settings
from retention_desktop.domain.proposal_code import ProposalCodeError
from retention_desktop.domain.proposal_form import ProposalForm, ProposalFormError
from retention_desktop.services import proposal_form, quoting
from retention_desktop.services.proposal_check import check_proposal
from retention_desktop.services.model_training import TrainingError, train_models
from retention_desktop.services.officer_session import LoginError, log_in
from retention_desktop.services.portfolio_scoring import score_portfolio
from retention_desktop.services.proposal_service import (
    ProposalError,
    ProposalRefused,
    create_proposal,
    trust_roots,
    verify_pdf,
)

log = logging.getLogger(__name__)

DEFAULT_DEMO_CUSTOMERS = 1000
DEFAULT_DEMO_SEED = 20261123


class AdminError(Exception):
    def __init__(self, message: str, code: int = 1):
        super().__init__(message)
        self.code = code


def open_for_admin(data_dir: Path, demo: bool, ask_password: Callable[[str], str | None]) -> Database:
    try:
        return open_database(data_dir, demo, ask_password)
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
        db = open_for_admin(data_dir, demo, ask_password)
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
        score_portfolio(db, dt.date.today())
    else:
        demo_data.ensure_demo_letterhead(db.engine)


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
    db = open_for_admin(data_dir, demo, ask_password)
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
    db = open_for_admin(data_dir, demo, ask_password)
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
    if excel is not None and excel.suffix.lower() != ".xlsx":
        raise AdminError(f"the Excel file must end in .xlsx: {excel}", code=2)
    db = open_for_admin(data_dir, demo, ask_password)
    try:
        if db.mode == "embedded":
            _prepare(db)
        return score_portfolio(db, as_of, excel, progress)
    finally:
        db.close()


def proposal_command(data_dir: Path, demo: bool, customer_no: str, loan_no: str, employee_no: str, out: Path,
                     ask_password: Callable[[str], str | None], action: str | None = None) -> dict:
    """Build, sign and archive the proposal of the engine's offer (or of ``action``). An offer that may not be
    proposed (not eligible, dearer than keeping, none at all) exits 2 with the reason."""
    db = open_demo_ready(data_dir, demo, ask_password)
    try:
        with db.session() as s:
            owner = s.scalar(select(Customer.customer_no).join(Loan, Loan.customer_id == Customer.id)
                             .where(Loan.loan_no == loan_no))
        if owner is None:
            raise AdminError(f"대출번호 {loan_no}가 없습니다.", code=2)
        if owner != customer_no:
            raise AdminError(f"대출 {loan_no}은(는) 고객 {customer_no}의 대출이 아닙니다.", code=2)
        try:
            officer = log_in(db, employee_no)
        except LoginError as exc:
            raise AdminError(str(exc), code=2) from exc
        try:
            made = create_proposal(officer, loan_no, dt.date.today(), data_dir, action=action)
        except ProposalRefused as exc:
            raise AdminError(str(exc), code=2) from exc
        except (ProposalError, quoting.QuoteBasisError) as exc:
            raise AdminError(str(exc)) from exc
        finally:
            officer.database.close()
        out.write_bytes(made.pdf)
        return {"proposal_no": made.proposal_no, "pdf_sha256": made.pdf_sha256, "file": str(out),
                "action": made.action, "annual_rate_pct": str(made.annual_rate_pct)}
    finally:
        db.close()


def verify_proposal_command(data_dir: Path, demo: bool, path: Path, ask_password: Callable[[str], str | None]):
    try:
        pdf = path.read_bytes()
    except OSError as exc:
        raise AdminError(f"파일을 읽을 수 없습니다: {exc}", code=2) from exc
    db = open_for_admin(data_dir, demo, ask_password)
    try:
        return verify_pdf(db, pdf, trust_roots(data_dir))
    finally:
        db.close()


def quote_basis(data_dir: Path, demo: bool, ask_password: Callable[[str], str | None]) -> quoting.QuoteBasis:
    """The policy, pricing rules, products, market and models a quote or simulation reads, from the database."""
    db = open_for_admin(data_dir, demo, ask_password)
    try:
        if db.mode == "embedded":
            migrations.upgrade(db.engine)  # policy and pricing rules are seeded by the migrations
        return quoting.load_basis(db)
    except AdminError:
        raise
    except Exception as exc:
        raise AdminError(f"규제정책·가격 기준을 데이터베이스에서 읽지 못했습니다: {exc}") from exc
    finally:
        db.close()


def check_proposal_command(data_dir: Path, demo: bool, typed: str, ask_password: Callable[[str], str | None]):
    """A proposal number, or the QR's text, checked against the archive (services/proposal_check.py)."""
    db = open_for_admin(data_dir, demo, ask_password)
    try:
        return check_proposal(db, typed, dt.date.today(), trust_roots(data_dir))
    except ProposalCodeError as exc:
        raise AdminError(f"파일도 제안서 번호도 아닙니다: {exc}", code=2) from exc
    finally:
        db.close()


def proposal_form_command(data_dir: Path, demo: bool, action: str, values: dict,
                          ask_password: Callable[[str], str | None]) -> dict:
    """Show or set head office's proposal form settings (set: through the database's set_proposal_form)."""
    db = open_demo_ready(data_dir, demo, ask_password) if action == "set" else open_for_admin(data_dir, demo,
                                                                                              ask_password)
    try:
        if action == "set":
            current = proposal_form.stored_form(db) or {}
            merged = {**current, **{k: v for k, v in values.items() if v is not None}}
            try:
                proposal_form.set_form(db, ProposalForm.from_document(merged))
            except ProposalFormError as exc:
                raise AdminError(str(exc), code=2) from exc
        return proposal_form.stored_form(db) or {}
    finally:
        db.close()


def forget_secrets(data_dir: Path) -> list[str]:
    """Remove this installation's entries from the OS keyring (used by the uninstaller on request)."""
    accounts = [demo_data.RRN_KEY_ACCOUNT]
    settings = load_settings(data_dir)
    if settings.central is not None and settings.remembered_employee_no:
        user = f"rd_{settings.remembered_employee_no.lower()}"
        accounts.append(replace(settings.central, user=user).keyring_account)
    accounts += [f"pkcs12:{p.name}" for p in sorted((data_dir / "pki").glob("*.p12"))]
    for account in accounts:
        credentials.forget_secret(account)
    return accounts
