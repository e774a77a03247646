"""Count evaluations into a year-end line: "14/15 chỉ tiêu đạt và vượt".

`total` counts every target, NO_DATA included: a target without figures is still one of
the targets set, so "14/15" with one target lacking data reads as 14 achieved out of 15.
`achieved` counts EXCEEDED and MET; `unmet` holds NOT_MET only and `no_data` holds NO_DATA,
so achieved + len(unmet) + len(no_data) == total. `estimates` counts the evaluations
resting on estimated ("ước") figures. Every list keeps the order it was given.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from tongket.scorecard.messages import message
from tongket.scorecard.model import Evaluation, Status


@dataclass(frozen=True)
class Summary:
    achieved: int
    total: int
    exceeded: tuple[Evaluation, ...]
    met: tuple[Evaluation, ...]
    unmet: tuple[Evaluation, ...]
    no_data: tuple[Evaluation, ...]
    estimates: int

    def text(self) -> str:
        """The year-end line, e.g. "14/15 chỉ tiêu đạt và vượt"; "chưa có chỉ tiêu" if empty."""
        if self.total == 0:
            return message("summary_empty")
        return message("summary", achieved=str(self.achieved), total=str(self.total))


def summarize(evaluations: Iterable[Evaluation]) -> Summary:
    by_status: dict[Status, list[Evaluation]] = {status: [] for status in Status}
    estimates = 0
    for evaluation in evaluations:
        by_status[evaluation.status].append(evaluation)
        estimates += evaluation.is_estimate
    exceeded = tuple(by_status[Status.EXCEEDED])
    met = tuple(by_status[Status.MET])
    return Summary(
        achieved=len(exceeded) + len(met),
        total=sum(len(group) for group in by_status.values()),
        exceeded=exceeded,
        met=met,
        unmet=tuple(by_status[Status.NOT_MET]),
        no_data=tuple(by_status[Status.NO_DATA]),
        estimates=estimates,
    )
