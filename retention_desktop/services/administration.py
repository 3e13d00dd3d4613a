"""Administration use cases behind ``retention-admin``: the database and the demo data."""

from __future__ import annotations

import datetime as dt
import logging
import threading
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.engine import make_url

from retention_desktop.data import demo_data, migrations
from retention_desktop.data.bank_day import bank_today_of
from retention_desktop.data.database import (
    Database,
    central_url,
    create_app_engine,
    open_database,
    public_url,
)
from retention_desktop.data.embedded import EmbeddedServer
from retention_desktop.data.settings import load_settings
from retention_desktop.domain.errors import EXIT_BAD_INPUT, EXIT_UNAVAILABLE, UserError

log = logging.getLogger(__name__)

DEFAULT_DEMO_CUSTOMERS = 1000
DEFAULT_DEMO_SEED = 20261123


class AdminError(UserError):
    """A refused administration command; ``code`` is its exit status (2 bad input, 3 database unreachable)."""

    def __init__(self, message: str, code: int = EXIT_BAD_INPUT, **params: object):
        super().__init__(message, **params)
        self.exit_code = self.code = code




def open_for_admin(data_dir: Path, demo: bool, ask_password: Callable[[str], str | None], api: bool = True
                   ) -> Database:
    """The database of this data folder, opened as configured: the embedded server's superuser in demo mode; in
    central mode the settings' login role, reading the ``api`` views (``api=False``: the batch role, which reads
    the portfolio's tables). Its own errors already say what to do (``SettingsError`` exit 2,
    ``DatabaseUnavailable``/``EmbeddedServerError`` exit 3)."""
    return open_database(data_dir, demo, ask_password, api)


def db_command(data_dir: Path, demo: bool, action: str, libpq: bool,
               ask_password: Callable[[str], str | None], out: Callable[[str], None]) -> int:
    settings = None if demo else load_settings(data_dir)
    embedded_mode = demo or settings.central is None
    if action in ("start", "stop", "status") and not embedded_mode:
        raise AdminError("db start/stop/status는 내장 서버를 다룹니다. 이 데이터 폴더는 중앙 서버를 씁니다 "
                         "(내장 서버를 다루려면 --demo를 붙이세요).")
    if action == "start":
        server = EmbeddedServer(data_dir)
        url = server.start()
        server.pin()
        db = Database("embedded", make_url(url), create_app_engine(url))
        try:
            _prepare(db, demo)
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
                raise AdminError("내장 서버가 실행 중이 아닙니다. 'retention-admin db start'로 시작하세요.",
                                 code=EXIT_UNAVAILABLE)
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
        finally:
            db.close()
        return 0
    raise AdminError("알 수 없는 동작입니다: {action}", action=action)


def _prepare(db: Database, demo: bool) -> None:
    """Bring an embedded database to the latest schema; with ``demo``, fill it with the demo on first use.

    Without ``--demo`` nothing is invented: a command that then lacks reference data says which import
    loads it."""
    migrations.upgrade(db.engine)
    if not demo:
        return
    with db.engine.connect() as conn:
        has_data = conn.execute(text("SELECT EXISTS (SELECT 1 FROM customers)")).scalar()
    if not has_data:
        log.info("empty embedded database: generating %s demo customers", DEFAULT_DEMO_CUSTOMERS)
        demo_data.regenerate(db.engine, DEFAULT_DEMO_CUSTOMERS, DEFAULT_DEMO_SEED)
        # a demo branch opens with trained models and today's call list, as the nightly batch would leave it
        from retention_desktop.services.portfolio_scoring import score_portfolio

        score_portfolio(db, bank_today_of(db))
    else:
        demo_data.ensure_demo_letterhead(db.engine)


def open_demo_ready(data_dir: Path, demo: bool, ask_password: Callable[[str], str | None], api: bool = True
                    ) -> Database:
    """The database a command or the app works on, ready: an embedded one migrated (and with ``demo`` filled
    with the demo on first use, whatever the command); a central one at the latest schema (``api``: see
    ``open_for_admin``)."""
    db = open_for_admin(data_dir, demo, ask_password, api)
    try:
        if db.mode == "embedded":
            _prepare(db, demo)
        elif not migrations.is_current(db.engine):
            raise AdminError("중앙 데이터베이스 스키마가 최신이 아닙니다. 관리자가 'retention-admin db upgrade'를 실행해야 "
                             "합니다.")
    except BaseException:
        db.close()
        raise
    return db


def _require_loans(db: Database) -> None:
    """Models and call lists learn from the bank's loans; an empty database is said in words."""
    from sqlalchemy import select

    from retention_desktop.data.models import Loan

    with db.session() as s:
        if s.scalar(select(Loan.id).limit(1)) is None:
            raise AdminError("이 데이터베이스에는 대출이 하나도 없어 학습하거나 점수를 매길 수 없습니다. 데모 데이터로 해 "
                             "보려면 --demo를 붙이세요 (처음 쓸 때 만들어집니다).")


def demo_data_command(data_dir: Path, demo: bool, customers: int, seed: int, as_of: dt.date | None, force: bool,
                      ask_password: Callable[[str], str | None], progress: Callable[[str], None]) -> dict[str, int]:
    if not demo and load_settings(data_dir).central is not None and not force:  # before any connection is tried
        raise AdminError("중앙 서버의 데이터를 데모로 바꾸지 않습니다. 정말 그러려면 --force를 붙이세요.")
    db = open_for_admin(data_dir, demo, ask_password, api=False)
    try:
        migrations.upgrade(db.engine)
        try:
            return demo_data.regenerate(db.engine, customers, seed, as_of or bank_today_of(db), progress)
        except ValueError as exc:
            raise AdminError(str(exc)) from exc
    finally:
        db.close()


def train_models_command(data_dir: Path, demo: bool, as_of: dt.date | None,
                         ask_password: Callable[[str], str | None], progress: Callable[[str], None]) -> dict:
    """Train and record the models on the history up to ``as_of`` (default: the bank's business date)."""
    from retention_desktop.services.model_training import train_models

    db = open_demo_ready(data_dir, demo, ask_password, api=False)
    try:
        _require_loans(db)
        return train_models(db, as_of or bank_today_of(db), progress)
    finally:
        db.close()


def score_portfolio_command(data_dir: Path, demo: bool, as_of: dt.date | None, excel: Path | None,
                            ask_password: Callable[[str], str | None], progress: Callable[[str], None],
                            partition: str = "1/1", restart: bool = False):
    from retention_desktop.data.portfolio_stream import Partition
    from retention_desktop.services.portfolio_scoring import score_portfolio

    try:
        part = Partition.parse(partition)
    except ValueError as exc:
        raise AdminError("--partition {value}: {reason}", value=partition, reason=str(exc)) from None

    if excel is not None and excel.suffix.lower() != ".xlsx":
        raise AdminError("Excel 파일 이름은 .xlsx로 끝나야 합니다: {excel}", excel=str(excel))
    db = open_demo_ready(data_dir, demo, ask_password, api=False)
    try:
        _require_loans(db)
        return score_portfolio(db, as_of or bank_today_of(db), excel, progress, partition=part, restart=restart)
    finally:
        db.close()


def proposal_command(data_dir: Path, demo: bool, customer_no: str, loan_no: str, employee_no: str, out: Path,
                     ask_password: Callable[[str], str | None], action: str | None = None) -> dict:
    """Build, sign and archive the proposal of the engine's offer (or of ``action``: renegotiation or reloan). An
    offer that may not be proposed (not eligible, dearer than keeping, none at all) is refused with the reason
    (``ProposalRefused``, exit 2)."""
    from sqlalchemy import select

    from retention_desktop.data.models import Customer, Loan
    from retention_desktop.services.input_files import check_output_path
    from retention_desktop.services.officer_session import log_in
    from retention_desktop.services.proposal_service import create_proposal

    check_output_path(out)  # before anything is archived: a file that cannot be written is bad input (exit 2)
    # reportlab and pyHanko load (and the font is parsed) while the server starts and the offer is
    # priced: the command waits on the database and numpy meanwhile
    threading.Thread(target=_load_proposal_modules, name="proposal-modules", daemon=True).start()
    db = open_demo_ready(data_dir, demo, ask_password)
    try:
        with db.session() as s:
            any_loan = s.scalar(select(Loan.id).limit(1)) is not None
        if not any_loan:
            raise AdminError("이 데이터베이스에는 대출이 하나도 없습니다. 데모 데이터로 해 보려면 --demo를 붙이세요 "
                             "(처음 쓸 때 만들어집니다).")
        officer = log_in(db, employee_no)
        try:
            with officer.database.session() as s:  # as the officer: within their scope
                owner = s.scalar(select(Customer.customer_no).join(Loan, Loan.customer_id == Customer.id)
                                 .where(Loan.loan_no == loan_no))
            if owner is None:
                raise AdminError("대출번호 {loan_no}가 없거나 직원 {employee_no}의 조회 범위 밖입니다.", loan_no=loan_no,
                                 employee_no=employee_no)
            if owner != customer_no:
                raise AdminError("대출 {loan_no}은(는) 고객 {customer_no}의 대출이 아닙니다.", loan_no=loan_no,
                                 customer_no=customer_no)
            made = create_proposal(officer, loan_no, officer.bank_today, data_dir, action=action)
        finally:
            officer.database.close()
        try:
            out.write_bytes(made.pdf)
        except OSError as exc:  # the folder went away or filled up meanwhile: the proposal is archived, say where
            raise AdminError("제안서 {proposal_no}는 보관되었지만 파일에 쓰지 못했습니다 ({reason}). 다른 곳을 --out으로 "
                             "주어 'retention-admin verify-proposal {proposal_no}'로 확인하거나 화면에서 다시 여세요.",
                             proposal_no=made.proposal_no, reason=exc.strerror or str(exc)) from None
        return {"proposal_no": made.proposal_no, "pdf_sha256": made.pdf_sha256, "file": str(out),
                "action": made.action, "annual_rate_pct": str(made.annual_rate_pct)}
    finally:
        db.close()


def _load_proposal_modules() -> None:
    try:
        import retention_desktop.proposal.chart  # noqa: F401
        import retention_desktop.proposal.document  # noqa: F401
        import retention_desktop.proposal.signing  # noqa: F401
        from retention_desktop.proposal.fonts import register_korean_fonts

        register_korean_fonts()
    except Exception:  # the proposal itself imports them again and reports any failure in words
        log.debug("loading the proposal modules ahead failed", exc_info=True)


def quote_basis(data_dir: Path, demo: bool, ask_password: Callable[[str], str | None]):
    """Policy, pricing rules, products, market and models a quote or simulation reads, from the data folder's
    database (with ``demo``, the demo is created and filled on first use; without it, missing reference data is
    named with its import). Here, not in ``quoting``, so that the services stay acyclic."""
    from retention_desktop.services.quoting import load_basis

    db = open_demo_ready(data_dir, demo, ask_password)
    try:
        return load_basis(db)
    finally:
        db.close()


def verify_proposal_command(data_dir: Path, demo: bool, path: Path, ask_password: Callable[[str], str | None]):
    from retention_desktop.proposal import signing
    from retention_desktop.services.proposal_service import VerificationResult, trust_roots, verify_pdf

    from retention_desktop.services.input_files import PDF_MAX_BYTES, read_limited

    pdf = read_limited(path, PDF_MAX_BYTES)  # a regular file only, refused above the limit before reading (exit 2)
    local = signing.verify(pdf, [])  # unsigned, unreadable or altered: said without the database
    if not local.intact:
        return VerificationResult(False, local.reason, local.signer, local.signing_time, local.level)
    db = open_for_admin(data_dir, demo, ask_password)
    try:
        return verify_pdf(db, pdf, trust_roots(db, data_dir))
    finally:
        db.close()


def _head_office(db: Database, employee_no: str | None) -> Database:
    """Who acts for head office: the settings' login role in central mode (the database refuses it unless it is
    head office's); in embedded mode the embedded server's superuser (whoever holds the data folder owns that
    database), or with ``employee_no`` that officer through their own login role. Close it if it is not ``db``."""
    from retention_desktop.services.officer_session import LoginError, log_in

    if db.mode != "embedded" or not employee_no:
        return db
    try:
        return log_in(db, employee_no).database
    except LoginError as exc:
        raise AdminError(str(exc), code=2) from exc


def import_command(data_dir: Path, demo: bool, kind: str, path: Path, employee_no: str | None,
                   ask_password: Callable[[str], str | None]):
    """``retention-admin import KIND FILE``, stored by the database's head-office functions: in central mode as
    the settings' login role (refused unless it is head office's); in embedded mode as the embedded server's
    superuser (whoever holds the data folder), or with ``employee_no`` as that officer through their own login
    role (``--employee-no E1005``, the demo's head-office administrator)."""
    from retention_desktop.domain import bounded_json
    from retention_desktop.services import imports, tabular
    from retention_desktop.services.input_files import check_regular

    # /dev/zero or a huge file: bad input before anything is read or the server asked (read again, bounded, below)
    check_regular(path, bounded_json.MAX_BYTES if kind == "policy" else tabular.MAX_FILE_BYTES)
    db = open_for_admin(data_dir, demo, ask_password)
    try:
        if db.mode == "embedded":
            _prepare(db, demo)  # with --demo the demo's officers (and their roles) exist from the first start
        with db.engine.connect() as conn:  # a server that is down is said first (exit 3), whatever the file
            conn.execute(text("SELECT 1"))
        acting = _head_office(db, employee_no)
        try:
            return imports.IMPORTERS[kind](acting, path)
        finally:
            if acting is not db:
                acting.close()
    finally:
        db.close()


def check_proposal_command(data_dir: Path, demo: bool, typed: str, ask_password: Callable[[str], str | None]):
    """A proposal number, or the QR's text, checked against the archive (services/proposal_check.py)."""
    from retention_desktop.domain.proposal_code import ProposalCodeError
    from retention_desktop.services.proposal_check import check_proposal
    from retention_desktop.services.proposal_service import trust_roots

    db = open_for_admin(data_dir, demo, ask_password)
    try:
        return check_proposal(db, typed, bank_today_of(db), trust_roots(db, data_dir))
    except ProposalCodeError as exc:
        raise AdminError(f"파일도 제안서 번호도 아닙니다: {exc}", code=2) from exc
    finally:
        db.close()


def proposal_form_command(data_dir: Path, demo: bool, action: str, values: dict,
                          ask_password: Callable[[str], str | None]) -> dict:
    """Show or set head office's proposal form settings (set: through the database's set_proposal_form)."""
    from retention_desktop.domain.proposal_form import ProposalForm, ProposalFormError
    from retention_desktop.services import proposal_form

    db = open_demo_ready(data_dir, demo, ask_password)  # an empty embedded database is migrated first
    try:
        if action == "set":  # as head office: the settings' login role, or the embedded server's superuser
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
    from dataclasses import replace

    from retention_desktop.data import credentials
    from retention_desktop.data.demo_data import RRN_KEY_ACCOUNT

    accounts = [RRN_KEY_ACCOUNT]
    settings = load_settings(data_dir)
    if settings.central is not None and settings.remembered_employee_no:
        from retention_desktop.data import roles

        user = roles.login_role(settings.remembered_employee_no)
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
    from retention_desktop.services.input_files import PEM_MAX_BYTES, read_limited

    try:
        pem = read_limited(path, PEM_MAX_BYTES).decode("ascii")
        subject = x509.load_pem_x509_certificate(pem.encode("ascii")).subject.rfc4514_string()
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise AdminError(f"PEM 인증서를 읽을 수 없습니다: {path}: {exc}", code=2) from exc
    db = open_for_admin(data_dir, demo, ask_password)
    try:
        if db.mode == "embedded":
            _prepare(db, demo)
        else:  # central mode trusts no DEMO certificate (proposal/pki.py is_demo_pem; docs/security.md)
            from retention_desktop.proposal.pki import is_demo_pem

            if is_demo_pem(pem.encode("ascii")):
                raise AdminError("DEMO 인증서는 중앙(운영) 모드의 신뢰 루트가 될 수 없습니다.", code=2)
        acting = _head_office(db, employee_no)
        try:
            with acting.session() as s:
                fingerprint = api_calls.scalar(s, "add_trust_root", pem, subject, f"retention-admin trust-root add {path.name}")
        finally:
            if acting is not db:
                acting.close()
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
