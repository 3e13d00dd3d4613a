"""재대출 신청의 상태: draft → submitted → approved / rejected → executed; cancelled from any open state.

Pure rules: which transitions exist, who may make them, and the refusal in words when not.
"""

from __future__ import annotations

from dataclasses import dataclass

from retention_desktop.domain.errors import InputError

OPEN_STATES = ("draft", "submitted", "approved")
TRANSITIONS = {
    ("draft", "submitted"), ("submitted", "approved"), ("submitted", "rejected"), ("approved", "executed"),
    ("draft", "cancelled"), ("submitted", "cancelled"), ("approved", "cancelled"),
}
STATE_KO = {"draft": "작성 중", "submitted": "심사 요청", "approved": "승인", "rejected": "거절", "executed": "실행",
            "cancelled": "취소"}
APPROVER_ROLES = ("manager", "admin")


class TransitionRefused(InputError):
    """Why a transition is not allowed, in words for the officer."""


@dataclass(frozen=True)
class Actor:
    employee_no: str
    role: str


def check_transition(current: str, target: str, actor: Actor, needs_manager_approval: bool,
                     created_by: str | None = None) -> None:
    """Raise ``TransitionRefused`` unless ``actor`` may move an application from ``current`` to ``target``."""
    if (current, target) not in TRANSITIONS:
        raise TransitionRefused(f"'{STATE_KO.get(current, current)}' 상태에서 '{STATE_KO.get(target, target)}'(으)로 "
                                "바꿀 수 없습니다.")
    if target in ("approved", "rejected") and needs_manager_approval and actor.role not in APPROVER_ROLES:
        raise TransitionRefused("전결 한도 아래 금리라 지점장 승인이 필요합니다.")
    if target in ("approved", "rejected") and created_by is not None and created_by == actor.employee_no \
            and actor.role not in APPROVER_ROLES:
        raise TransitionRefused("신청을 작성한 직원은 스스로 승인하거나 거절할 수 없습니다.")
    if target == "executed" and actor.role not in APPROVER_ROLES:
        raise TransitionRefused("재대출 실행은 지점장만 할 수 있습니다.")


def allowed_targets(current: str, actor: Actor, needs_manager_approval: bool,
                    created_by: str | None = None) -> list[str]:
    """The states ``actor`` may move the application to now, in the order of the workflow."""
    order = ("submitted", "approved", "rejected", "executed", "cancelled")
    allowed = []
    for target in order:
        try:
            check_transition(current, target, actor, needs_manager_approval, created_by)
        except TransitionRefused:
            continue
        allowed.append(target)
    return allowed
