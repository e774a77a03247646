"""Kinds of meetings in the review cycle and the times of day they are held.

Labels come from `data/conference_kinds.csv` and `data/times_of_day.csv` (code,label).

    >>> conference_kind_label("midyear")
    'Hội nghị sơ kết 6 tháng'
"""

from __future__ import annotations

from functools import cache

from tongket.cycle.messages import CycleError, message, read_csv_rows

KINDS_FILE = "conference_kinds.csv"
TIMES_FILE = "times_of_day.csv"


class ConferenceError(CycleError):
    """An unknown kind of conference or time of day; the message is Vietnamese."""


@cache
def conference_kinds() -> tuple[tuple[str, str], ...]:
    """(code, label) pairs in the data file's order, for Django choices."""
    return tuple((row["code"], row["label"]) for row in read_csv_rows(KINDS_FILE))


@cache
def times_of_day() -> tuple[tuple[str, str], ...]:
    """(code, label) pairs, morning first, for Django choices."""
    return tuple((row["code"], row["label"]) for row in read_csv_rows(TIMES_FILE))


def conference_kind_label(code: str) -> str:
    labels = dict(conference_kinds())
    if code not in labels:
        raise ConferenceError(message("conferences", "unknown_kind", code=code))
    return labels[code]


def time_of_day_label(code: str) -> str:
    labels = dict(times_of_day())
    if code not in labels:
        raise ConferenceError(message("conferences", "unknown_time_of_day", code=code))
    return labels[code]
