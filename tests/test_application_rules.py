"""Every allowed and every refused transition of a re-loan application (pure rules)."""

from __future__ import annotations

import itertools

import pytest

from retention_desktop.domain.applications import (
    TRANSITIONS,
    Actor,
    TransitionRefused,
    allowed_targets,
    check_transition,
)

STATES = ("draft", "submitted", "approved", "rejected", "executed", "cancelled")
MANAGER = Actor("E1006", "manager")
OFFICER = Actor("E1007", "officer")


@pytest.mark.parametrize(("current", "target"), sorted(TRANSITIONS))
def test_allowed_transitions_for_a_manager(current, target):
    check_transition(current, target, MANAGER, needs_manager_approval=True)


@pytest.mark.parametrize(("current", "target"),
                         sorted(set(itertools.product(STATES, STATES)) - TRANSITIONS))
def test_every_other_transition_is_refused_in_words(current, target):
    with pytest.raises(TransitionRefused, match="바꿀 수 없습니다"):
        check_transition(current, target, MANAGER, needs_manager_approval=False)


def test_officer_limits():
    check_transition("draft", "submitted", OFFICER, False)
    check_transition("submitted", "approved", Actor("E1008", "officer"), False, created_by="E1007")
    with pytest.raises(TransitionRefused, match="지점장 승인"):
        check_transition("submitted", "approved", OFFICER, needs_manager_approval=True)
    with pytest.raises(TransitionRefused, match="스스로"):
        check_transition("submitted", "approved", OFFICER, False, created_by="E1007")
    with pytest.raises(TransitionRefused, match="지점장만"):
        check_transition("approved", "executed", OFFICER, False)


def test_the_buttons_offered_are_exactly_the_allowed_moves():
    assert allowed_targets("draft", OFFICER, False, created_by="E1007") == ["submitted", "cancelled"]
    assert allowed_targets("submitted", OFFICER, False, created_by="E1007") == ["cancelled"]
    assert allowed_targets("submitted", Actor("E1008", "officer"), False, "E1007") == ["approved", "rejected",
                                                                                      "cancelled"]
    assert allowed_targets("submitted", Actor("E1008", "officer"), True, "E1007") == ["cancelled"]
    assert allowed_targets("approved", MANAGER, True, "E1007") == ["executed", "cancelled"]
    for closed in ("rejected", "executed", "cancelled"):
        assert allowed_targets(closed, MANAGER, False) == []
