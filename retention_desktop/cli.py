"""Command-line entry points: ``retention-desktop`` (the GUI) and ``retention-admin`` (administration).

Both take ``--data-dir`` (settings, logs, the embedded database) and ``--demo`` (use the embedded
database; create and fill it on first use, whatever the command). No failure ends in a traceback:
``retention-admin`` prints one line and exits 2 for bad input, 3 when the database cannot be
reached, and 1 only for a bug (the traceback then goes to the log file, which the line names).
Messages follow the settings' language (Korean unless ``"language": "en"``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import getpass
import json
import logging
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal, InvalidOperation
from pathlib import Path

from retention_desktop import __version__
from retention_desktop.data.locations import default_data_dir, keep_data_folder_private
from retention_desktop.domain.errors import EXIT_BAD_INPUT, EXIT_BUG, EXIT_UNAVAILABLE, UserError
from retention_desktop.domain.schedule import RepaymentMethod
from retention_desktop.logs import configure_logging

EXIT_USAGE = EXIT_BAD_INPUT
EXIT_FAILURE = EXIT_BUG

log = logging.getLogger(__name__)


def _global_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data-dir", type=Path, default=None,
                        help="settings, logs and the embedded database (default: the per-user data folder)")
    parser.add_argument("--demo", action="store_true",
                        help="use the embedded demo database; create and fill it on first use")
    parser.add_argument("--verbose", action="store_true", help="debug logging")
    parser.add_argument("--password-fd", type=_fd, default=None, metavar="N",
                        help="read the database password (central mode) from file descriptor N, one line, for "
                             "unattended runs (e.g. 3<secret-file); else the OS keyring, else a prompt")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value <= 0:
        raise argparse.ArgumentTypeError(f"must be positive: {value}")
    return value


def _fd(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a file descriptor number: {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more: {value}")
    return value


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def admin_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="retention-admin", description="Retention Desktop administration")
    _global_options(parser)
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    db = sub.add_parser("db", help="the database: url, start, stop, status, upgrade")
    db_sub = db.add_subparsers(dest="db_command", required=True, metavar="ACTION")
    url = db_sub.add_parser("url", help="print the SQLAlchemy URL of the database in use (never a password)")
    url.add_argument("--libpq", action="store_true", help="print a libpq URI for psql instead")
    db_sub.add_parser("start", help="start the embedded server and keep it running")
    db_sub.add_parser("stop", help="stop the embedded server")
    db_sub.add_parser("status", help="is the embedded server running, and who uses it")
    db_sub.add_parser("upgrade", help="bring the database to the latest schema")
    db_sub.add_parser("provision", help="DBA: roles (owner nobody logs in as, groups), the schema, grants and the "
                      "per-role timeouts; idempotent")

    officers = sub.add_parser("officers", help="DBA: officers' database logins (add, password, disable, list, check)")
    officers_sub = officers.add_subparsers(dest="officers_command", required=True, metavar="ACTION")
    add = officers_sub.add_parser("add", help="enrol an officer: row, login role, group, password with expiry")
    add.add_argument("employee_no")
    add.add_argument("--name", required=True)
    add.add_argument("--branch", required=True, help="branch code (영업점 코드), e.g. 001")
    add.add_argument("--role", required=True, choices=("officer", "manager", "admin", "security"))
    for action in (add, officers_sub.add_parser("password", help="a new password and expiry for an officer")):
        if action is not add:
            action.add_argument("employee_no")
        action.add_argument("--new-password-fd", type=_fd, default=None, metavar="N",
                            help="read the officer's new password from file descriptor N (else asked twice on a "
                                 "terminal); never on the command line")
        action.add_argument("--valid-days", type=_positive_int, default=None,
                            help="days until the password expires (VALID UNTIL; default: the policy's 90)")
    officers_sub.add_parser("disable", help="disable an officer: no login, sessions ended, row kept"
                            ).add_argument("employee_no")
    officers_sub.add_parser("list", help="officers with their login role, groups and password expiry"
                            ).add_argument("--json", action="store_true")
    officers_sub.add_parser("check", help="officers whose row and granted group disagree, unsafe or expiring "
                            "logins (exit 1 if any)")

    schedule = sub.add_parser("schedule", help="a repayment schedule, as a table or JSON")
    schedule.add_argument("--principal", type=_positive_int, required=True, help="whole won")
    schedule.add_argument("--annual-rate-pct", type=_rate, required=True, help="e.g. 4.5")
    schedule.add_argument("--months", type=_positive_int, required=True)
    schedule.add_argument("--method", choices=[m.value for m in RepaymentMethod], required=True)
    schedule.add_argument("--grace-months", type=int, default=0)
    schedule.add_argument("--json", action="store_true")

    quote = sub.add_parser("quote", help="compare keep / re-loan / switch offers for one loan (JSON in, JSON out)")
    quote.add_argument("file", help="the quote input JSON, or - for standard input")
    simulate = sub.add_parser("simulate", help="future borrowing limit: scenarios, 36-month timeline, suggestion")
    simulate.add_argument("file", help="the quote input JSON (plus optional scenarios), or - for standard input")

    train = sub.add_parser("train-models", help="train the risk and switching models on the bank's history")
    train.add_argument("--as-of", type=_date, default=None,
                       help="the training date (default: the bank's today, the server's clock in Korea)")

    scoring = sub.add_parser("score-portfolio", help="score every active loan and write the dated call lists")
    scoring.add_argument("--as-of", type=_date, default=None,
                         help="the scoring date (default: the bank's today, the server's clock in Korea)")
    scoring.add_argument("--xlsx", type=Path, default=None, help="also export the call list to this Excel file")
    scoring.add_argument("--partition", default="1/1", metavar="K/N",
                         help="score only part K of N (customers whose id is K-1 modulo N), so N machines share a "
                              "run; the last part to finish ranks and writes the call list (default 1/1)")
    scoring.add_argument("--restart", action="store_true",
                         help="discard an unfinished run of the date instead of resuming it")

    proposal = sub.add_parser("proposal", help="build, sign and archive a proposal PDF without the GUI")
    proposal.add_argument("--customer-no", required=True)
    proposal.add_argument("--loan-no", required=True)
    proposal.add_argument("--out", type=Path, required=True)
    proposal.add_argument("--employee-no", default="E1007", help="the officer who signs (demo: E1007)")
    proposal.add_argument("--action", choices=("renegotiation", "reloan"), default=None,
                          help="propose this retention action (default: the engine's offer); refused (exit 2) "
                               "when it is not available")
    verify = sub.add_parser("verify-proposal", help="check a proposal file's signature and that it is the archived "
                            "one; or a proposal number / the QR's text against the archive")
    verify.add_argument("file", metavar="FILE_OR_CODE",
                        help="a proposal PDF, or a number such as P20261130-1C09B6 (with its check code, as in the QR)")
    form = sub.add_parser("proposal-form", help="head office's proposal form settings: show, or set "
                          "(advertising review number 심의필, consumer-protection contact)")
    form_sub = form.add_subparsers(dest="form_action", required=True, metavar="ACTION")
    form_sub.add_parser("show", help="print the settings as JSON")
    form_set = form_sub.add_parser("set", help="change the settings (rd_admin; recorded in the audit log)")
    form_set.add_argument("--ad-review-no", help="e.g. '준법감시인 심의필 제2026-0123호'")
    form_set.add_argument("--ad-review-valid-until", type=_date, help="the review's expiry (YYYY-MM-DD)")
    form_set.add_argument("--consumer-protection-phone", help="e.g. 1588-0000")
    form_set.add_argument("--consumer-protection-name", help="default 금융소비자보호부")
    form_set.add_argument("--bank-name")

    imports = sub.add_parser("import", help="head-office data imports (all rows valid, or nothing changes)")
    import_sub = imports.add_subparsers(dest="import_kind", required=True, metavar="KIND")
    import_sub.add_parser("products", help="re-loan products (CSV, see docs/head-office.md): codes added or updated"
                          ).add_argument("file", type=Path)
    market = import_sub.add_parser("market-offers", help="competitor rate sheets (CSV, see docs/head-office.md)")
    market.add_argument("file", type=Path)
    import_sub.add_parser("index-rates", help="COFIX / bank-bond rates (CSV index_name,rate_date,annual_rate_pct)"
                          ).add_argument("file", type=Path)
    import_sub.add_parser("policy", help="a new regulatory policy version (JSON, see docs/head-office.md)"
                          ).add_argument("file", type=Path)
    imports.add_argument("--employee-no", default=None,
                         help="embedded mode: import as this head-office officer's own login role (demo: E1005; "
                              "default: the embedded server's superuser); central mode: the settings' login role")

    trust = sub.add_parser("trust-root", help="head office: the root certificates proposal signatures may chain to")
    trust_sub = trust.add_subparsers(dest="trust_command", required=True, metavar="ACTION")
    trust_sub.add_parser("add", help="trust a root certificate (PEM); its fingerprint is pinned in the audit trail"
                         ).add_argument("file", type=Path)
    trust_sub.add_parser("list", help="the trusted roots and their fingerprints")
    trust.add_argument("--employee-no", default=None, help="embedded mode: as this head-office officer (demo: E1005; default: the "
                       "embedded server's superuser)")

    audit = sub.add_parser("audit", help="the audit trail: verify the hash chain, anchor its head, review a month")
    audit_sub = audit.add_subparsers(dest="audit_command", required=True, metavar="ACTION")
    verify_audit = audit_sub.add_parser("verify", help="recompute the hash chain; name the first edited, deleted or "
                                                       "inserted row (exit 1 when any)")
    verify_audit.add_argument("--anchors", type=Path, default=None,
                              help="a file of exported chain heads (audit anchor) the chain must still match")
    anchor = audit_sub.add_parser("anchor", help="export the chain head (append it to FILE; keep that file outside "
                                                 "the database administrators' reach)")
    anchor.add_argument("--out", type=Path, default=None)
    review = audit_sub.add_parser("review", help="who viewed how many customers in a month, outside their branch, "
                                                 "reveals and consultation accesses with their reasons")
    review.add_argument("--month", type=_month, required=True, help="YYYY-MM")
    review.add_argument("--min-repeats", type=int, default=3,
                        help="list a query (by its keyed hash) one officer searched at least this often (default 3)")

    sub.add_parser("forget-secrets", help="remove this installation's passwords and keys from the OS keyring")

    demo = sub.add_parser("demo-data", help="regenerate the demo data (replaces earlier demo data)")
    demo.add_argument("--customers", type=_positive_int, default=1000)
    demo.add_argument("--seed", type=int, default=20261123)
    demo.add_argument("--as-of", type=_date, default=None,
                      help="the demo's today (default: the bank's today, the server's clock in Korea)")
    demo.add_argument("--force", action="store_true", help="allow running against a central server")
    return parser


def _month(text: str) -> dt.date:
    try:
        return dt.datetime.strptime(text, "%Y-%m").date()
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a month (YYYY-MM): {text!r}") from None


def _rate(text: str) -> Decimal:
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not value.is_finite() or value < 0 or value > 100:
        raise argparse.ArgumentTypeError(f"must be a percent between 0 and 100: {text}")
    return value


def admin_main(argv: list[str] | None = None) -> int:
    try:
        return _admin(argv)
    except BrokenPipeError:
        # the reader (| head) went away: not an error of ours; keep Python from complaining at exit
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def _admin(argv: list[str] | None) -> int:
    parser = admin_parser()
    args = parser.parse_args(argv)
    global _password_source
    _password_source = _PasswordSource(args.password_fd)
    prefix = f"retention-admin {args.command}"
    if args.command == "schedule":
        return _schedule(args)
    data_dir = (args.data_dir or default_data_dir()).expanduser()
    try:
        log_file = configure_logging(data_dir, args.verbose)
        keep_data_folder_private(data_dir)
    except OSError as exc:
        print(f"{prefix}: 데이터 폴더에 쓸 수 없습니다 ({data_dir}): {exc.strerror or exc}", file=sys.stderr)
        return EXIT_USAGE
    translate = _translator(data_dir)
    try:
        return _dispatch(parser, args, data_dir)
    except UserError as exc:
        print(f"{prefix}: {_one_line(exc.message(translate))}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print(f"{prefix}: {translate('중단했습니다.')}", file=sys.stderr)
        return 130
    except BrokenPipeError:
        raise  # the reader of our output went away (| head): admin_main's, not a bug
    except Exception as exc:  # the last line: a person gets one line and the log gets the traceback
        from retention_desktop.data.failures import unreachable

        gone = unreachable(exc)
        if gone is not None:
            log.warning("%s: database unreachable: %s", prefix, exc)
            print(f"{prefix}: {_one_line(gone.message(translate))}", file=sys.stderr)
            return gone.exit_code
        log.exception("%s failed (a bug)", prefix)
        print(f"{prefix}: " + translate("예상하지 못한 오류입니다 (프로그램 결함): {kind}. 자세한 내용은 로그 파일 {log}에 "
                                        "있습니다; 지원 담당자에게 보내 주세요.").format(kind=type(exc).__name__,
                                                                                log=log_file), file=sys.stderr)
        return EXIT_BUG


@contextmanager
def _without_cycle_collection() -> Iterator[None]:
    """Python's cyclic garbage collector paused for one proposal (issue 16: the proposal command within 1.5 s).

    The command loads about a thousand modules (SQLAlchemy, the engine, reportlab, pyHanko) and builds one document:
    the collector, triggered by the allocations, walked the growing heap again and again while they loaded (0.13 to
    0.18 s of the command's 1.3 s of CPU, measured) and found next to nothing to free (peak memory 159 MB with or
    without it). Reference counting still frees everything else. Afterwards the objects made meanwhile are frozen
    (``gc.freeze``: no later collection walks them, the interpreter's own at exit included; switched back on with
    them unfrozen, the next collections walked them all: 0.23 s of CPU, measured) and the collector is switched
    back on (``admin_main`` also runs inside test processes)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if was_enabled:
            gc.enable()


def _proposal(args: argparse.Namespace, data_dir: Path) -> int:
    from retention_desktop.services import administration

    made = administration.proposal_command(data_dir, args.demo, args.customer_no, args.loan_no,
                                           args.employee_no, args.out, _ask_password, args.action)
    print(json.dumps(made, ensure_ascii=False))
    return 0


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _translator(data_dir: Path):
    from retention_desktop.data.settings import SettingsError, load_settings
    from retention_desktop.messages import translator

    try:
        return translator(load_settings(data_dir).language)
    except SettingsError:
        return translator("ko")  # the command itself reports the broken settings file


def _dispatch(parser: argparse.ArgumentParser, args: argparse.Namespace, data_dir: Path) -> int:
    if args.command == "proposal":
        with _without_cycle_collection():
            return _proposal(args, data_dir)
    from retention_desktop.services import administration

    if args.command == "db" and args.db_command == "provision":
        return _provision(args, data_dir)
    if args.command == "db":
        return administration.db_command(data_dir, args.demo, args.db_command, libpq=getattr(args, "libpq", False),
                                         ask_password=_ask_password, out=print)
    if args.command == "officers":
        return _officers(args, data_dir)
    if args.command in ("quote", "simulate"):
        return _quote(args, data_dir)
    if args.command == "train-models":
        cards = administration.train_models_command(data_dir, args.demo, args.as_of,
                                                    _ask_password, progress=lambda m: print(m, file=sys.stderr))
        print(json.dumps(cards, ensure_ascii=False, indent=2))
        return 0
    if args.command == "score-portfolio":
        summary = administration.score_portfolio_command(
            data_dir, args.demo, args.as_of, args.xlsx, _ask_password,
            progress=_progress, partition=args.partition, restart=args.restart)
        if sys.stderr.isatty():
            print(file=sys.stderr)
        print(json.dumps({"as_of": summary.as_of.isoformat(), "loans_scored": summary.loans_scored,
                          "call_list_entries": summary.entries, "branches": summary.branches,
                          "switching_model": summary.switching_model,
                          "recommended_actions": summary.actions, "call_list_actions": summary.listed_actions,
                          "violations": summary.violations, "partition": summary.partition,
                          "parts_done": summary.parts_done, "complete": summary.complete,
                          "chunks_scored": summary.chunks_scored,
                          "excel": str(summary.excel) if summary.excel else None}, ensure_ascii=False))
        return 0
    if args.command == "verify-proposal" and not Path(args.file).exists():
        check = administration.check_proposal_command(data_dir, args.demo, args.file, _ask_password)
        return _print_check(check)
    if args.command == "proposal-form":
        values = {} if args.form_action == "show" else {
            "ad_review_no": args.ad_review_no, "consumer_protection_phone": args.consumer_protection_phone,
            "consumer_protection_name": args.consumer_protection_name, "bank_name": args.bank_name,
            "ad_review_valid_until": args.ad_review_valid_until.isoformat() if args.ad_review_valid_until else None}
        stored = administration.proposal_form_command(data_dir, args.demo, args.form_action, values, _ask_password)
        print(json.dumps(stored, ensure_ascii=False))
        return 0
    if args.command == "verify-proposal":
        result = administration.verify_proposal_command(data_dir, args.demo, Path(args.file), _ask_password)
        if result.ok:
            from retention_desktop.domain.korean_time import format_datetime_ko

            when = (format_datetime_ko(result.signing_time, seconds=True) + " (한국 시간)"
                    if result.signing_time else "?")
            print(f"OK {result.proposal_no}: {result.level}, 서명자 {result.signer}, 서명 시각 {when}; "
                  "sha256이 보관된 제안서와 일치합니다")
            return 0
        print(f"retention-admin verify-proposal: {result.reason}", file=sys.stderr)
        return 1
    if args.command == "import":
        from retention_desktop.services import imports as head_office

        try:
            result = administration.import_command(data_dir, args.demo, args.import_kind, args.file,
                                                   args.employee_no, _ask_password)
        except head_office.ImportRejected as exc:
            from retention_desktop.domain.sentences import render

            translate = _translator(data_dir)
            for error in exc.errors[:50]:  # each one line, naming file:line:column, in the settings' language
                print(_one_line(render(error, translate, translate)), file=sys.stderr)
            more = f" (+{len(exc.errors) - 50})" if len(exc.errors) > 50 else ""
            print(f"retention-admin import: {len(exc.errors)} error(s){more}; nothing was imported",
                  file=sys.stderr)
            return EXIT_USAGE
        print(f"imported {args.import_kind} from {args.file}: {result}")
        return 0
    if args.command == "trust-root":
        if args.trust_command == "add":
            added = administration.trust_root_add(data_dir, args.demo, args.file, args.employee_no, _ask_password)
            print(f"trusted {added['subject']}\nsha256 fingerprint {added['fingerprint']} (pinned in the audit trail)")
        else:
            for root in administration.trust_root_list(data_dir, args.demo, _ask_password):
                print(f"{root['fingerprint_sha256']}  {root['subject']}")
        return 0
    if args.command == "audit":
        return _audit(args, data_dir)
    if args.command == "forget-secrets":
        for account in administration.forget_secrets(data_dir):
            print(f"forgot {account}")
        return 0
    if args.command == "demo-data":
        counts = administration.demo_data_command(data_dir, args.demo, args.customers, args.seed, args.as_of,
                                                  args.force, ask_password=_ask_password,
                                                  progress=lambda m: print(m, file=sys.stderr))
        print(json.dumps(counts, ensure_ascii=False))
        return 0
    parser.error(f"unknown command {args.command}")
    return EXIT_USAGE


def _audit(args: argparse.Namespace, data_dir: Path) -> int:
    from retention_desktop.services import administration, audit_trail

    anchors = []
    if args.audit_command == "verify" and args.anchors:
        anchors = audit_trail.read_anchors(args.anchors)  # a bad anchor file is bad input (exit 2), said before connecting
    db = administration.open_for_admin(data_dir, args.demo, _ask_password)
    try:
        if args.audit_command == "verify":
            result = administration.audit_call(lambda: audit_trail.verify(db, anchors))
            if result.ok:
                anchored = f", {len(anchors)} anchor(s) matched" if args.anchors else ""
                print(f"OK: {result.rows:,} rows, chain intact up to row {result.head_id}{anchored}")
                return 0
            for line in result.findings():
                print(f"retention-admin audit verify: {line}", file=sys.stderr)
            return EXIT_FAILURE
        if args.audit_command == "anchor":
            record = administration.audit_call(lambda: audit_trail.anchor(db, args.out))
            print(json.dumps(record, ensure_ascii=False))
            return 0
        lines, reasons = administration.audit_call(lambda: audit_trail.review(db, args.month))
        print(f"접근기록 점검 {args.month:%Y-%m}")
        print(f"{'직원':<8}{'이름':<8}{'영업점':<12}{'로그인':>6}{'검색':>6}{'열람고객':>8}{'타지점':>6}{'열람사유':>8}"
              f"{'상담열람':>8}{'내보내기':>8}{'행수':>8}{'서류':>6}")
        for r in lines:
            print(f"{r.employee_no:<8}{r.officer_name or '':<8}{r.branch_name or '':<12}{r.logins:>6}{r.searches:>6}"
                  f"{r.customers_viewed:>8}{r.outside_branch:>6}{r.reveals:>8}{r.consultation_accesses:>8}"
                  f"{r.exports:>8}{r.exported_rows:>8}{r.document_downloads:>6}")
        if reasons:
            print("\n열람·상담 사유")
            for r in reasons:
                where = "타지점" if r.outside_branch else "본 지점"
                print(f"{r.at:%Y-%m-%d %H:%M} {r.employee_no} {r.action} {r.customer_no} ({where}): {r.reason}")
        repeated = administration.audit_call(lambda: audit_trail.repeated_searches(db, args.month, args.min_repeats))
        if repeated:
            print(f"\n반복 검색 (같은 검색어 {args.min_repeats}회 이상, 검색어는 키 해시로만 기록)")
            print(f"{'직원':<8}{'이름':<8}{'종류':<12}{'검색어 해시':<18}{'횟수':>6}{'타지점 표시':>10}{'한도 초과':>8}  기간")
            for q in repeated:
                print(f"{q.employee_no:<8}{q.officer_name or '':<8}{q.query_kind:<12}{q.query_hmac[:16]:<18}"
                      f"{q.searches:>6}{q.outside_branch:>10}{q.withheld:>8}  "
                      f"{q.first_at:%m-%d %H:%M}–{q.last_at:%m-%d %H:%M}")
        probes = administration.audit_call(lambda: audit_trail.search_probes(db, args.month))
        if probes:
            print("\n타지점 식별 검색 (전체 이름·이름과 생년월일·번호로 다른 영업점 고객을 찾은 검색, 찾았든 못 찾았든)")
            print(f"{'날짜':<12}{'직원':<8}{'이름':<8}{'검색':>6}{'못 찾음':>8}{'한도 초과':>8}")
            for d in probes:
                print(f"{d.day:%Y-%m-%d}  {d.employee_no:<8}{d.officer_name or '':<8}{d.probes:>6}{d.found_nobody:>8}"
                      f"{d.past_budget:>8}")
        return 0
    finally:
        db.close()


def _print_check(check) -> int:
    """One line: OK with what the archive says (exit 0), or why not (stderr, exit 1)."""
    if not check.ok:
        print(f"retention-admin verify-proposal: {check.proposal_no}: {check.reason}", file=sys.stderr)
        return EXIT_FAILURE
    s = check.summary
    figures = (f"; 권해 드린 선택 {s.get('option', '?')} 연 {s.get('new_rate_pct', '?')}%, 월 {s.get('monthly_payment', 0):,}원, "
               f"총 절약 {s.get('total_saving', 0):,}원") if s else ""
    print(f"OK {check.proposal_no}: {check.reason} 고객 {check.customer}, 담당 {check.officer} ({check.branch}), "
          f"유효기한 {check.valid_until:%Y-%m-%d}{figures}")
    return 0


def _schedule(args: argparse.Namespace) -> int:
    from retention_desktop.domain import exact_json
    from retention_desktop.domain.schedule import ScheduleError, build_schedule

    try:
        schedule = build_schedule(args.principal, args.annual_rate_pct, args.months, args.method, args.grace_months)
    except (ScheduleError, ValueError) as exc:
        print(f"retention-admin schedule: {exc}", file=sys.stderr)
        return EXIT_USAGE
    rows = schedule.instalments
    if args.json:
        print(exact_json.dumps({
            "payments": [{"month": r.month, "payment": r.payment, "principal": r.principal, "interest": r.interest,
                          "balance": r.balance} for r in rows],
            "total_interest": schedule.total_interest,
        }))
        return 0
    print(f"{'회차':>5} {'납입액':>14} {'원금':>14} {'이자':>12} {'잔액':>16}")
    for r in rows:
        print(f"{r.month:>6} {r.payment:>15,} {r.principal:>15,} {r.interest:>13,} {r.balance:>17,}")
    print(f"총이자 {schedule.total_interest:,}원, 총상환액 {schedule.total_interest + schedule.total_principal:,}원")
    return 0


def _quote(args: argparse.Namespace, data_dir: Path) -> int:
    from retention_desktop.domain import exact_json
    from retention_desktop.services import administration, quoting

    name = "(stdin)" if args.file == "-" else Path(args.file).name
    data = _read_bounded(args.file, quoting.MAX_QUOTE_BYTES)
    request, document = quoting.read_request(data, name, simulate=args.command == "simulate")
    basis = administration.quote_basis(data_dir, args.demo, _ask_password)
    result = (quoting.quote(request, basis) if args.command == "quote"
              else quoting.simulate(request, document, basis))
    print(exact_json.dumps(result))
    return 0


def _read_bounded(file: str, limit: int) -> bytes:
    """At most ``limit`` + 1 bytes of a file or standard input: a larger one is refused without reading it all."""
    try:
        if file == "-":
            return sys.stdin.buffer.read(limit + 1)
        from retention_desktop.services.input_files import read_limited

        return read_limited(Path(file), limit)  # a regular file only (not /dev/zero), checked before reading
    except OSError as exc:
        raise UserError("{file}을(를) 읽을 수 없습니다: {reason}", file=file, reason=exc.strerror or str(exc)) from None


def _progress(message: str) -> None:
    """A progress bar ('[###...]') redraws its line on a terminal; other messages get their own line."""
    if message.startswith("[") and sys.stderr.isatty():
        print(f"\r{message}", end="", file=sys.stderr, flush=True)
    else:
        print(message, file=sys.stderr, flush=True)


class _PasswordSource:
    """The database password of this run: from ``--password-fd`` (read once), else a prompt on a terminal.
    (The keyring comes first: ``credentials.secret_or_ask`` asks this only when the keyring has none.)"""

    def __init__(self, fd: int | None):
        self.fd = fd
        self._read: str | None = None

    def __call__(self, account: str) -> str | None:
        if self.fd is not None:
            if self._read is None:
                self._read = read_secret_fd(self.fd, "--password-fd")
            return self._read
        if not sys.stdin.isatty():
            return None
        return getpass.getpass(f"{account} 비밀번호: ")


_password_source = _PasswordSource(None)


def _ask_password(account: str) -> str | None:
    return _password_source(account)


MAX_SECRET_BYTES = 4096


def read_secret_fd(fd: int, option: str) -> str:
    """One line from file descriptor ``fd`` (without its line end): how a password reaches an unattended run."""
    try:
        with os.fdopen(fd, "rb", closefd=fd > 2) as handle:
            data = handle.readline(MAX_SECRET_BYTES + 1)
    except OSError as exc:
        raise UserError("{option} {fd}: 파일 디스크립터를 읽을 수 없습니다 ({reason}).", option=option, fd=fd,
                        reason=exc.strerror or str(exc)) from None
    if len(data) > MAX_SECRET_BYTES:
        raise UserError("{option}: 비밀번호가 너무 깁니다.", option=option)
    try:
        secret = data.decode("utf-8").rstrip("\r\n")
    except UnicodeDecodeError:
        raise UserError("{option}: 비밀번호가 UTF-8 텍스트가 아닙니다.", option=option) from None
    if not secret:
        raise UserError("{option} {fd}: 비밀번호가 비어 있습니다.", option=option, fd=fd)
    return secret


def _new_password(args: argparse.Namespace) -> str:
    """The officer's new password: from ``--new-password-fd``, else typed twice on a terminal."""
    if args.new_password_fd is not None:
        return read_secret_fd(args.new_password_fd, "--new-password-fd")
    if not sys.stdin.isatty():
        raise UserError("새 비밀번호가 없습니다: 무인 실행에서는 --new-password-fd N으로 주세요 (명령줄에는 쓰지 않습니다).")
    first = getpass.getpass(f"{args.employee_no} 새 비밀번호: ")
    if getpass.getpass("한 번 더: ") != first:
        raise UserError("두 번 입력한 비밀번호가 다릅니다.")
    return first


def _provision(args: argparse.Namespace, data_dir: Path) -> int:
    from retention_desktop.services import enrolment

    before, after, states = enrolment.provision(data_dir, args.demo, _ask_password)
    print(f"schema {before or 'empty'} → {after}")
    for state in states:
        print(f"{state.name:<24} {state.kind:<12} {'LOGIN' if state.can_login else 'NOLOGIN':<8} members {state.members}")
    return 0


def _officers(args: argparse.Namespace, data_dir: Path) -> int:
    from retention_desktop.services import enrolment

    action = args.officers_command
    if action == "add":
        password = _new_password(args)
        added = enrolment.add(data_dir, args.demo, _ask_password, args.employee_no, args.name, args.branch,
                              args.role, password, args.valid_days)
        print(f"enrolled {added.employee_no} as {added.db_role} ({', '.join(added.groups)}), password valid until "
              f"{added.valid_until:%Y-%m-%d}")
        return 0
    if action == "password":
        until = enrolment.set_password(data_dir, args.demo, _ask_password, args.employee_no, _new_password(args),
                                       args.valid_days)
        print(f"password of {args.employee_no.upper()} changed, valid until {until:%Y-%m-%d}")
        return 0
    if action == "disable":
        ended = enrolment.disable(data_dir, args.demo, _ask_password, args.employee_no)
        print(f"disabled {args.employee_no.upper()} ({ended} open session(s) ended)")
        return 0
    if action == "list":
        rows = enrolment.listing(data_dir, args.demo, _ask_password)
        if args.json:
            print(json.dumps([{"employee_no": o.employee_no, "name": o.name, "branch": o.branch_code, "role": o.role,
                               "db_role": o.db_role, "active": o.active, "can_login": o.can_login,
                               "valid_until": o.valid_until.isoformat() if o.valid_until else None,
                               "groups": list(o.groups)} for o in rows], ensure_ascii=False))
            return 0
        for o in rows:
            login = "-" if o.can_login is None else ("LOGIN" if o.can_login else "NOLOGIN")
            until = f"{o.valid_until:%Y-%m-%d}" if o.valid_until else "-"
            print(f"{o.employee_no:<8} {o.name:<8} {o.branch_code:<6} {o.role:<9} {o.db_role:<16} "
                  f"{'active' if o.active else 'disabled':<9} {login:<8} {until:<11} {','.join(o.groups)}")
        return 0
    findings = enrolment.check(data_dir, args.demo, _ask_password)
    for finding in findings:
        print(f"retention-admin officers check: {finding}", file=sys.stderr)
    if findings:
        return EXIT_FAILURE
    print("OK: every officer's login role matches their row")
    return 0


def desktop_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="retention-desktop", description="Retention Desktop")
    _global_options(parser)
    parser.add_argument("--employee-no", help="log in as this officer (demo mode)")
    parser.add_argument("--smoke", action="store_true",
                        help="self-test: open the window, run a comparison, sign and verify a proposal, exit")
    parser.add_argument("--language", choices=("ko", "en"), help="interface language (remembered in the settings)")
    parser.add_argument("--screenshots", type=Path, metavar="DIR",
                        help="render every main screen for the showcase customer to PNG files in DIR, then exit")
    return parser


def desktop_main(argv: list[str] | None = None) -> int:
    args = desktop_parser().parse_args(argv)
    data_dir = (args.data_dir or default_data_dir()).expanduser()
    try:
        configure_logging(data_dir, args.verbose)
        keep_data_folder_private(data_dir)
    except OSError as exc:  # before Qt is up: the console (or the frozen console build) is all there is
        print(f"retention-desktop: 데이터 폴더에 쓸 수 없습니다 ({data_dir}): {exc.strerror or exc}", file=sys.stderr)
        return EXIT_USAGE
    from retention_desktop.gui.app import run

    if args.language:
        from dataclasses import replace

        from retention_desktop.data.settings import load_settings_or_defaults, save_settings

        settings, problem = load_settings_or_defaults(data_dir)
        if problem is None:  # a broken file is left for the officer to fix, not overwritten
            save_settings(data_dir, replace(settings, language=args.language))
    return run(data_dir=data_dir, demo=args.demo or args.screenshots is not None or args.smoke,
               employee_no=args.employee_no, screenshots=args.screenshots, smoke=args.smoke)


if __name__ == "__main__":
    sys.exit(admin_main())
