"""The case status state machine: the happy path, the exits, and refusals a mediator can read."""

from __future__ import annotations

import itertools

import pytest

from app.domain.case_status import (
    FINAL,
    LABELS,
    LABELS_EN,
    CaseStatus,
    allowed_targets,
    label,
    transition,
)
from app.domain.errors import DomainError

S = CaseStatus

HAPPY_PATH = [
    S.INTAKE, S.CONTACTING, S.SCHEDULED, S.IN_SESSION, S.AGREED, S.SIGNED,
    S.CONFIRMATION_APPLIED, S.CONFIRMED, S.PERFORMING, S.FULFILLED,
]


def test_the_whole_happy_path_is_allowed_step_by_step() -> None:
    for current, target in itertools.pairwise(HAPPY_PATH):
        assert transition(current, target) is target


def test_confirmation_is_optional_after_signing() -> None:
    assert transition(S.SIGNED, S.PERFORMING) is S.PERFORMING


@pytest.mark.parametrize("status", [S.INTAKE, S.CONTACTING, S.SCHEDULED, S.IN_SESSION, S.AGREED])
def test_mediation_can_fail_or_go_to_court_before_signing(status: CaseStatus) -> None:
    assert transition(status, S.TERMINATED) is S.TERMINATED
    assert transition(status, S.LITIGATION) is S.LITIGATION


def test_a_default_can_go_to_litigation() -> None:
    assert transition(S.PERFORMING, S.DEFAULTED) is S.DEFAULTED
    assert transition(S.DEFAULTED, S.LITIGATION) is S.LITIGATION


def test_skipping_steps_is_refused_with_the_options_named() -> None:
    with pytest.raises(DomainError) as error:
        transition(S.INTAKE, S.SIGNED)
    message = str(error.value)
    assert "待受理" in message and "已签署" in message
    assert "“联系中”" in message  # what the mediator can do instead


def test_final_states_refuse_everything() -> None:
    assert set(FINAL) == {S.FULFILLED, S.LITIGATION}
    with pytest.raises(DomainError, match="已履行完毕"):
        transition(S.FULFILLED, S.PERFORMING)


def test_going_back_from_a_signed_agreement_is_refused() -> None:
    with pytest.raises(DomainError):
        transition(S.SIGNED, S.AGREED)
    assert S.AGREED not in allowed_targets(S.SIGNED)


def test_unknown_status_names_the_value() -> None:
    with pytest.raises(DomainError, match="paid_off"):
        transition("intake", "paid_off")


def test_every_status_has_labels_and_a_transition_row() -> None:
    for status in CaseStatus:
        assert LABELS[status] and LABELS_EN[status]
        assert isinstance(allowed_targets(status), tuple)
    assert label("in_session") == "调解中"
