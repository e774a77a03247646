"""Reading the cycle's data files, and the Vietnamese sentences it writes.

`data/messages.toml` holds the templates, one table per topic. `MESSAGE_FIELDS` declares
the placeholders each template must use, and a test fails when the file drifts from it.
"""

from __future__ import annotations

import csv
import datetime as dt
import tomllib
from decimal import Decimal
from functools import cache
from importlib import resources
from typing import Any

MESSAGE_FIELDS: dict[str, dict[str, frozenset[str]]] = {
    "rating": {
        "unknown_grade": frozenset({"grade"}),
        "no_rules": frozenset({"year"}),
        "unknown_period": frozenset({"period"}),
        "period_not_allowed": frozenset({"code", "period", "allowed"}),
        "score_not_scored": frozenset({"code"}),
        "score_out_of_range": frozenset({"score"}),
        "grade_above_score": frozenset({"code", "score", "highest", "grade"}),
        "excellent_share": frozenset({"code", "excellent", "count", "share", "limit"}),
    },
    "summary": {
        "head": frozenset({"good_or_better", "total", "noun"}),
        "excellent": frozenset({"excellent", "noun"}),
        "done": frozenset({"done", "noun"}),
        "failed": frozenset({"failed", "noun"}),
        "no_failed": frozenset({"noun"}),
    },
    "workflow": {
        "unknown_status": frozenset({"status"}),
        "status_final": frozenset({"current", "new"}),
        "transition_refused": frozenset({"current", "new"}),
        "answer_missing": frozenset({"new"}),
        "answer_before_raised": frozenset({"answered_on", "raised_on"}),
        "deadline_before_raised": frozenset(),
    },
    "awards": {
        "unknown_form": frozenset({"form"}),
        "unknown_recipient": frozenset({"kind"}),
        "negative_quantity": frozenset({"quantity"}),
        "form_part": frozenset({"form", "recipients"}),
        "recipient_part": frozenset({"quantity", "kind"}),
    },
    "conferences": {
        "unknown_kind": frozenset({"code"}),
        "unknown_time_of_day": frozenset({"code"}),
    },
}


class CycleError(ValueError):
    """A value the review cycle's rules refuse; `message` is Vietnamese, for users."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


def read_data_text(name: str) -> str:
    return resources.files("tongket.cycle").joinpath("data", name).read_text("utf-8")


def read_csv_rows(name: str) -> list[dict[str, str]]:
    return list(csv.DictReader(read_data_text(name).splitlines()))


def read_toml(name: str) -> dict[str, Any]:
    return tomllib.loads(read_data_text(name))


@cache
def load_templates() -> dict[str, dict[str, str]]:
    data = read_toml("messages.toml")
    return {section: dict(templates) for section, templates in data.items()}


def message(section: str, code: str, /, **fields: object) -> str:
    """The template `section.code` filled with `fields`, which must be exactly the declared ones."""
    expected = MESSAGE_FIELDS[section][code]
    if set(fields) != expected:
        raise ValueError(f"message {section}.{code} takes {sorted(expected)}, got {sorted(fields)}")
    return load_templates()[section][code].format(**fields)


def format_decimal(value: Decimal) -> str:
    """A decimal the Vietnamese way, without trailing zeros: 92.50 → "92,5", 90.0 → "90"."""
    text = format(value.normalize(), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace(".", ",")


def format_date(day: dt.date) -> str:
    return day.strftime("%d/%m/%Y")
