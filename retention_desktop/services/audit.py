"""개인정보 접근기록: every access to a customer's data is recorded (who, when, where, whom, what)."""

from __future__ import annotations

import platform
from typing import Any

from sqlalchemy.orm import Session

from retention_desktop.data.models import AuditEvent


def workstation() -> str:
    return platform.node() or "unknown"


def record(session: Session, employee_no: str | None, action: str, customer_no: str | None = None,
           **details: Any) -> None:
    """Append one audit event in the caller's transaction (so it commits with the access it records)."""
    session.add(AuditEvent(employee_no=employee_no, workstation=workstation(), action=action,
                           customer_no=customer_no, details=details))
