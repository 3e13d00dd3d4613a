"""Head office's proposal form settings (심의필 번호, 소비자보호 연락처): read by every proposal, written only
through the database function ``api.set_proposal_form`` (rd_admin; validated and audited in the database)."""

from __future__ import annotations

from sqlalchemy import select

from retention_desktop.data import api_calls
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
    """Store new settings through ``api.set_proposal_form`` (ProposalFormError with the database's words if
    refused, e.g. when the login role is not head office's)."""
    try:
        with database.session() as s:
            api_calls.scalar(s, "set_proposal_form", form.as_document())
    except api_calls.Refused as exc:
        raise ProposalFormError(f"제안서 양식 설정을 저장하지 못했습니다: {exc.sentence}") from exc
