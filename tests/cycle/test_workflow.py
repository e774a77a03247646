"""The statuses of a recommendation: every transition, the answer, deadlines, overdue."""

from __future__ import annotations

import datetime as dt
from itertools import product

import pytest

from tongket.cycle import (
    OVERDUE_LABEL,
    STATUS_FLOW,
    Status,
    WorkflowError,
    allowed_next,
    check_deadline,
    check_transition,
    days_overdue,
    is_overdue,
    status_choices,
    status_label,
)

RAISED = dt.date(2025, 12, 20)
ANSWER = "Đã bố trí kinh phí sửa chữa trong năm 2026."

ALLOWED = {
    ("new", "in_progress"),
    ("new", "answered"),
    ("in_progress", "answered"),
    ("answered", "resolved"),
    ("answered", "in_progress"),
}
CHANGES = [(old, new) for old, new in product([s.value for s in Status], repeat=2) if old != new]
LABELS = {"new": "Mới", "in_progress": "Đang xử lý", "answered": "Đã trả lời"}
LABELS["resolved"] = "Đã giải quyết"


def test_status_flow_is_as_declared() -> None:
    declared = {(old.value, new.value) for old, targets in STATUS_FLOW.items() for new in targets}
    assert declared == ALLOWED
    assert set(STATUS_FLOW) == set(Status)


@pytest.mark.parametrize(("current", "new"), CHANGES, ids=[f"{a}-{b}" for a, b in CHANGES])
def test_every_status_change(current: str, new: str) -> None:
    if (current, new) in ALLOWED:
        check_transition(current, new, answer=ANSWER, answered_on=RAISED, raised_on=RAISED)
        assert Status(new) in allowed_next(current)
        return
    with pytest.raises(WorkflowError) as caught:
        check_transition(current, new, answer=ANSWER, answered_on=RAISED, raised_on=RAISED)
    text = caught.value.message
    assert f"“{LABELS[current]}”" in text and f"“{LABELS[new]}”" in text
    if current == "resolved":
        assert text.startswith("Kiến nghị đã ở trạng thái “Đã giải quyết”")
    else:
        assert text == f"Không thể chuyển kiến nghị từ “{LABELS[current]}” sang “{LABELS[new]}”."
    assert Status(new) not in allowed_next(current)


@pytest.mark.parametrize("status", ["new", "in_progress", "resolved"])
def test_staying_in_the_same_status_is_not_a_change(status: str) -> None:
    check_transition(status, status)


def test_keeping_answered_still_needs_the_answer() -> None:
    check_transition("answered", "answered", answer=ANSWER, answered_on=RAISED)
    with pytest.raises(WorkflowError, match="nội dung trả lời"):
        check_transition("answered", "answered", answer="")


@pytest.mark.parametrize(
    ("status", "following"),
    [
        ("new", (Status.IN_PROGRESS, Status.ANSWERED)),
        ("in_progress", (Status.ANSWERED,)),
        ("answered", (Status.RESOLVED, Status.IN_PROGRESS)),
        ("resolved", ()),
    ],
)
def test_allowed_next(status: str, following: tuple[Status, ...]) -> None:
    assert allowed_next(status) == following


@pytest.mark.parametrize(
    ("answer", "answered_on", "fragment"),
    [
        pytest.param("", RAISED, "Cần ghi nội dung trả lời", id="empty_answer"),
        pytest.param("  \n ", RAISED, "“Đã trả lời”", id="blank_answer"),
        pytest.param(
            ANSWER,
            dt.date(2025, 12, 19),
            "Ngày trả lời (19/12/2025) không được trước ngày kiến nghị (20/12/2025).",
            id="answered_before_raised",
        ),
    ],
)
def test_answer_refused(answer: str, answered_on: dt.date, fragment: str) -> None:
    with pytest.raises(WorkflowError) as caught:
        check_transition(
            "new", "answered", answer=answer, answered_on=answered_on, raised_on=RAISED
        )
    assert fragment in str(caught.value)


@pytest.mark.parametrize(
    ("answered_on", "raised_on"),
    [
        pytest.param(RAISED, RAISED, id="same_day"),
        pytest.param(dt.date(2026, 1, 5), RAISED, id="later"),
        pytest.param(dt.date(2020, 1, 1), None, id="raising_date_unknown"),
        pytest.param(None, RAISED, id="date_not_yet_known"),
    ],
)
def test_answer_accepted(answered_on: dt.date | None, raised_on: dt.date | None) -> None:
    check_transition(
        "in_progress", "answered", answer=ANSWER, answered_on=answered_on, raised_on=raised_on
    )


@pytest.mark.parametrize(("current", "new"), [("open", "new"), ("new", "closed")])
def test_unknown_status_refused(current: str, new: str) -> None:
    with pytest.raises(WorkflowError, match=r"Trạng thái “(open|closed)” không hợp lệ\."):
        check_transition(current, new)


@pytest.mark.parametrize(("status", "label"), sorted(LABELS.items()))
def test_status_label(status: str, label: str) -> None:
    assert status_label(status) == label


def test_status_choices_in_order() -> None:
    assert [code for code, _ in status_choices()] == ["new", "in_progress", "answered", "resolved"]


@pytest.mark.parametrize(
    "deadline",
    [None, RAISED, dt.date(2026, 3, 31)],
    ids=["no_deadline", "same_day", "later"],
)
def test_deadline_accepted(deadline: dt.date | None) -> None:
    check_deadline(RAISED, deadline)


def test_deadline_before_raising_refused() -> None:
    with pytest.raises(WorkflowError) as caught:
        check_deadline(RAISED, dt.date(2025, 12, 19))
    assert str(caught.value) == "Hạn giải quyết không được trước ngày kiến nghị."


DEADLINE = dt.date(2026, 3, 31)


@pytest.mark.parametrize(
    ("status", "deadline", "today", "answered_on", "overdue", "days"),
    [
        pytest.param("new", DEADLINE, dt.date(2026, 4, 10), None, True, 10, id="new_late"),
        pytest.param("in_progress", DEADLINE, dt.date(2026, 4, 1), None, True, 1, id="day_after"),
        pytest.param("new", DEADLINE, DEADLINE, None, False, 0, id="on_the_deadline"),
        pytest.param("in_progress", DEADLINE, dt.date(2026, 1, 1), None, False, 0, id="early"),
        pytest.param("new", None, dt.date(2030, 1, 1), None, False, 0, id="no_deadline"),
        pytest.param(
            "answered", DEADLINE, dt.date(2026, 5, 1), dt.date(2026, 3, 30), False, 0, id="answered"
        ),
        pytest.param(
            "answered",
            DEADLINE,
            dt.date(2026, 5, 1),
            dt.date(2026, 4, 5),
            False,
            5,
            id="answered_late",
        ),
        pytest.param("resolved", DEADLINE, dt.date(2026, 5, 1), None, False, 0, id="resolved"),
        pytest.param(
            "in_progress",
            DEADLINE,
            dt.date(2026, 4, 20),
            dt.date(2026, 3, 1),
            True,
            20,
            id="reopened",
        ),
    ],
)
def test_overdue(
    status: str,
    deadline: dt.date | None,
    today: dt.date,
    answered_on: dt.date | None,
    overdue: bool,
    days: int,
) -> None:
    assert is_overdue(status, deadline, today, answered_on) is overdue
    assert days_overdue(status, deadline, today, answered_on) == days


def test_overdue_label() -> None:
    assert OVERDUE_LABEL == "Quá hạn"
