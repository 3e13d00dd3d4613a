"""Head office's proposal form settings (심의필 번호, 소비자보호 연락처): read by every proposal, written only
through the database function ``set_proposal_form`` (rd_admin; validated and audited in the database)."""

from __future__ import annotations

import json

from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError

from retention_desktop.data.database import Database
from retention_desktop.data.models import AppMeta
from retention_desktop.domain.proposal_form import ProposalForm, ProposalFormError

KEY = "proposal_form"  # the app_meta row (db/versions/0008)


def stored_form(database: Database) -> dict | None:
    """The stored settings as JSON, or None when head office has set none."""
    with database.session() as s:
        return s.scalar(select(AppMeta.value).where(AppMeta.key == KEY))


def read_form(database: Database) -> ProposalForm:
    """The settings, typed; ProposalFormError when missing or malformed."""
    return ProposalForm.from_document(stored_form(database))


def set_form(database: Database, form: ProposalForm) -> None:
    """Store new settings through ``set_proposal_form`` (ProposalFormError with the database's words if refused,
    e.g. when the login role is not head office's)."""
    try:
        with database.session() as s:
            s.execute(text("SELECT set_proposal_form(CAST(:form AS jsonb))"),
                      {"form": json.dumps(form.as_document(), ensure_ascii=False)})
    except DBAPIError as exc:
        message = str(getattr(exc, "orig", exc)).strip().splitlines()[0]  # the database's own words
        raise ProposalFormError(f"제안서 양식 설정을 저장하지 못했습니다: {message}") from exc
