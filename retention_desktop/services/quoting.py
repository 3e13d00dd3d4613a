"""Quotes from the command line and the screens: the policy in force comes from the database."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from retention_desktop.data import migrations
from retention_desktop.domain import exact_json
from retention_desktop.domain.policy import Policy, policy_in_force
from retention_desktop.domain.quote import QuoteInputError, QuoteRequest, parse_request, quote_document, run_quote
from retention_desktop.services.administration import AdminError, open_for_admin
from retention_desktop.services.regulation import load_policies


def read_request(text: str) -> QuoteRequest:
    """Parse a quote document; every problem raises ``QuoteInputError`` naming the field."""
    try:
        document = exact_json.loads(text)
    except ValueError as exc:
        raise QuoteInputError("(document)", f"malformed JSON: {exc}") from None
    return parse_request(document)


def policies_from_database(data_dir: Path, demo: bool, ask_password: Callable[[str], str | None]) -> list[Policy]:
    db = open_for_admin(data_dir, demo, ask_password)
    try:
        if db.mode == "embedded":
            migrations.upgrade(db.engine)  # the policy is seeded by the migrations; no demo data needed
        return load_policies(db)
    except Exception as exc:
        raise AdminError(f"규제정책을 데이터베이스에서 읽지 못했습니다: {exc}") from exc
    finally:
        db.close()


def quote(request: QuoteRequest, policies: list[Policy]) -> dict[str, Any]:
    return quote_document(run_quote(request, policy_in_force(policies, request.as_of)))
