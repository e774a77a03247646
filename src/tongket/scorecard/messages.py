"""The Vietnamese words the scorecard writes, read from data files.

`data/statuses.csv` (code,label,label_title) names each status; `data/messages.csv`
(code,template) holds the templates of reasons and summaries. `MESSAGE_FIELDS` declares
the placeholders each template must use, and a test fails when the file drifts from it.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from importlib import resources

MESSAGE_FIELDS: dict[str, frozenset[str]] = {
    "compared": frozenset({"value", "symbol", "amount"}),
    "compared_failed": frozenset({"value", "relation", "symbol", "amount"}),
    "maintained": frozenset({"value", "symbol", "baseline"}),
    "not_maintained": frozenset({"value", "relation", "baseline"}),
    "percent_of_plan": frozenset({"percent"}),
    "assessed": frozenset({"status"}),
    "contradiction": frozenset({"reason", "assessed"}),
    "estimate": frozenset({"reason"}),
    "no_result": frozenset(),
    "value_without_amount": frozenset({"value"}),
    "maintain_without_baseline": frozenset({"value"}),
    "summary": frozenset({"achieved", "total"}),
    "summary_empty": frozenset(),
}


@dataclass(frozen=True)
class StatusWords:
    code: str
    label: str  # "không đạt", inside a sentence
    label_title: str  # "Không đạt", at the head of a cell or a line


def read_data_rows(name: str) -> list[dict[str, str]]:
    text = resources.files("tongket.scorecard").joinpath("data", name).read_text("utf-8")
    return list(csv.DictReader(text.splitlines()))


@cache
def load_status_words() -> dict[str, StatusWords]:
    rows = read_data_rows("statuses.csv")
    return {row["code"]: StatusWords(row["code"], row["label"], row["label_title"]) for row in rows}


@cache
def load_templates() -> dict[str, str]:
    return {row["code"]: row["template"] for row in read_data_rows("messages.csv")}


def message(code: str, **fields: str) -> str:
    """The template `code` filled with `fields`; the fields must be exactly the declared ones."""
    expected = MESSAGE_FIELDS[code]
    if set(fields) != expected:
        raise ValueError(f"message {code!r} takes {sorted(expected)}, got {sorted(fields)}")
    return load_templates()[code].format(**fields)
