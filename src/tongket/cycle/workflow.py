"""The life of a recommendation (kiến nghị) raised at a review: statuses and deadlines.

A recommendation starts as new, may be taken in hand, is answered, and is resolved when
the answer settles it; an answer that is not enough sends it back to work. Resolved is
final. Labels come from `data/recommendation_statuses.csv`.

    >>> allowed_next("answered")
    (<Status.RESOLVED: 'resolved'>, <Status.IN_PROGRESS: 'in_progress'>)
    >>> status_label("in_progress")
    'Đang xử lý'
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from enum import StrEnum
from functools import cache
from types import MappingProxyType

from tongket.cycle.messages import CycleError, format_date, message, read_csv_rows

STATUSES_FILE = "recommendation_statuses.csv"
OVERDUE_LABEL = "Quá hạn"


class Status(StrEnum):
    NEW = "new"
    IN_PROGRESS = "in_progress"
    ANSWERED = "answered"
    RESOLVED = "resolved"


STATUS_FLOW: Mapping[Status, tuple[Status, ...]] = MappingProxyType(
    {
        Status.NEW: (Status.IN_PROGRESS, Status.ANSWERED),
        Status.IN_PROGRESS: (Status.ANSWERED,),
        Status.ANSWERED: (Status.RESOLVED, Status.IN_PROGRESS),  # reopened: answer not enough
        Status.RESOLVED: (),
    }
)

CLOSED_STATUSES = frozenset({Status.ANSWERED, Status.RESOLVED})


class WorkflowError(CycleError):
    """A status change or date the workflow refuses; the message is Vietnamese, for users."""


@cache
def load_status_labels() -> dict[Status, str]:
    rows = sorted(read_csv_rows(STATUSES_FILE), key=lambda row: int(row["order"]))
    return {Status(row["code"]): row["label"] for row in rows}


def parse_status(status: str) -> Status:
    try:
        return Status(status)
    except ValueError:
        raise WorkflowError(message("workflow", "unknown_status", status=status)) from None


def status_label(status: str) -> str:
    return load_status_labels()[parse_status(status)]


def status_choices() -> tuple[tuple[str, str], ...]:
    """(code, label) pairs in the data file's order, for Django choices."""
    return tuple((status.value, label) for status, label in load_status_labels().items())


def allowed_next(status: str) -> tuple[Status, ...]:
    return STATUS_FLOW[parse_status(status)]


def check_transition(
    current: str,
    new: str,
    *,
    answer: str = "",
    answered_on: dt.date | None = None,
    raised_on: dt.date | None = None,
) -> None:
    """Refuse (WorkflowError) a status change the flow does not allow.

    Staying in the same status is not a change and is allowed, but whoever sets (or keeps)
    "answered" must give a non-empty answer; its date, when given, may not be before
    `raised_on`. (With `answered_on=None` only the transition and the text are checked, so
    callers can test a transition before the date is known.)
    """
    old_status, new_status = parse_status(current), parse_status(new)
    if new_status != old_status and new_status not in STATUS_FLOW[old_status]:
        code = "status_final" if not STATUS_FLOW[old_status] else "transition_refused"
        raise WorkflowError(
            message("workflow", code, current=status_label(current), new=status_label(new))
        )
    if new_status == Status.ANSWERED:
        check_answer(answer, answered_on, raised_on)


def check_answer(answer: str, answered_on: dt.date | None, raised_on: dt.date | None) -> None:
    label = status_label(Status.ANSWERED)
    if not answer.strip():
        raise WorkflowError(message("workflow", "answer_missing", new=label))
    if answered_on is not None and raised_on is not None and answered_on < raised_on:
        raise WorkflowError(
            message(
                "workflow",
                "answer_before_raised",
                answered_on=format_date(answered_on),
                raised_on=format_date(raised_on),
            )
        )


def check_deadline(raised_on: dt.date, deadline: dt.date | None) -> None:
    if deadline is not None and deadline < raised_on:
        raise WorkflowError(message("workflow", "deadline_before_raised"))


def days_overdue(
    status: str, deadline: dt.date | None, today: dt.date, answered_on: dt.date | None = None
) -> int:
    """Days past the deadline: up to `today` while open, up to `answered_on` once answered.

    0 without a deadline, when on time, and for an answered or resolved one whose answer
    date is unknown.
    """
    if deadline is None:
        return 0
    if parse_status(status) in CLOSED_STATUSES:
        end = answered_on
        if end is None:
            return 0
    else:
        end = today
    return max((end - deadline).days, 0)


def is_overdue(
    status: str, deadline: dt.date | None, today: dt.date, answered_on: dt.date | None = None
) -> bool:
    """Past the deadline and neither answered nor resolved (shown as OVERDUE_LABEL).

    One answered late is not overdue any more; `days_overdue` tells how late it was.
    """
    if parse_status(status) in CLOSED_STATUSES:
        return False
    return days_overdue(status, deadline, today, answered_on) > 0
