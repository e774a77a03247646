"""The entry grid as rendered: one row per indicator, its cells in column order.

Rows show the figures as stored, or after a refused submission what the user typed (except
in sections someone else changed meanwhile, which show the new figures and their tokens).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from tongket.indicators.models import Indicator, IndicatorGroup
from tongket.results.models import Result, Target
from tongket.results.scorecards import Scorecard
from tongket.scorecard import Evaluation
from tongket.web.entry_forms import (
    ASSESSMENT_CHOICES,
    EMPTY_WORD,
    RESULT_FIELDS,
    RESULT_TOKEN,
    TARGET_FIELDS,
    TARGET_TOKEN,
    RowPost,
    comparator_choices,
    field_name,
    input_text,
    input_unit,
    percent_text,
    record_token,
)
from tongket.web.presenters import COMPARATOR_SIGNS, format_figure

# The grid as rendered: one row per indicator, its cells in column order.

SECTION_WORDS = {"target": "Kế hoạch", "result": "Kết quả"}
CELL_LABELS = {
    "comparator": "So sánh",
    "amount": "Mức kế hoạch",
    "maintain": "Duy trì",
    "value": "Kết quả",
    "percent": "% KH",
    "estimate": "Ước",
    "assessed": "Đánh giá",
    "note": "Ghi chú",
}


@dataclass(frozen=True)
class ConflictNote:
    """A section of a row that someone else changed after the grid was rendered."""

    indicator_id: int
    kind: str  # "target" or "result"
    author: str
    lines: tuple[str, ...]
    typed: Mapping[str, str]

    @property
    def section(self) -> str:
        return SECTION_WORDS[self.kind]

    @property
    def typed_text(self) -> str:
        """What the refused submission held for this section: "Kết quả 17; Ước có"."""
        names = TARGET_FIELDS if self.kind == "target" else RESULT_FIELDS
        parts = []
        for name in names:
            text = self.typed.get(name, "")
            if text:
                shown = "có" if name in ("maintain", "estimate") else text
                if name == "comparator":
                    shown = COMPARATOR_SIGNS.get(text, text).strip() or "="
                parts.append(f"{CELL_LABELS[name]} {shown}")
        return "; ".join(parts) or EMPTY_WORD


@dataclass(frozen=True)
class Cell:
    column: str
    kind: str  # "number", "text", "select", "check" (inputs) or "show" (read-only text)
    name: str = ""
    value: str = ""
    checked: bool = False
    options: tuple[tuple[str, str], ...] = ()
    errors: tuple[str, ...] = ()


@dataclass(frozen=True)
class GridRow:
    indicator: Indicator
    unit_text: str
    target: Target | None
    hidden: tuple[tuple[str, str], ...]  # the version tokens the row was rendered from
    cells: tuple[Cell, ...]
    row_errors: tuple[str, ...]
    conflicts: tuple[ConflictNote, ...]
    evaluation: Evaluation | None

    @property
    def key(self) -> str:
        return f"i{self.indicator.pk}"


@dataclass(frozen=True)
class GridContext:
    indicators: list[Indicator]
    targets: Mapping[int, Target]
    results: Mapping[int, Result]
    targets_open: bool
    results_open: bool

    @property
    def is_open(self) -> bool:
        return self.targets_open or self.results_open


def target_texts(record: Target | None, indicator: Indicator) -> dict[str, str]:
    if record is None:
        return {"comparator": "", "amount": "", "maintain": ""}
    return {
        "comparator": record.comparator,
        "amount": input_text(record.amount, indicator),
        "maintain": "1" if record.maintain else "",
    }


def result_texts(record: Result | None, indicator: Indicator) -> dict[str, str]:
    if record is None:
        return dict.fromkeys(RESULT_FIELDS, "")
    return {
        "value": input_text(record.value, indicator),
        "percent": percent_text(record.percent_of_plan),
        "estimate": "1" if record.is_estimate else "",
        "assessed": record.assessed,
        "note": record.note,
    }


def shown_target(record: Target | None, indicator: Indicator) -> list[Cell]:
    if record is None:
        return [Cell(name, "show") for name in TARGET_FIELDS]
    amount = "" if record.amount is None else format_figure(record.amount, indicator)
    return [
        Cell("comparator", "show", value=COMPARATOR_SIGNS.get(record.comparator, "").strip()),
        Cell("amount", "show", value=amount),
        Cell("maintain", "show", value="duy trì" if record.maintain else ""),
    ]


def shown_result(record: Result | None, indicator: Indicator) -> list[Cell]:
    if record is None:
        return [Cell(name, "show") for name in RESULT_FIELDS]
    value = "" if record.value is None else format_figure(record.value, indicator)
    percent = percent_text(record.percent_of_plan)
    return [
        Cell("value", "show", value=value),
        Cell("percent", "show", value=f"{percent}%" if percent else ""),
        Cell("estimate", "show", value="ước" if record.is_estimate else ""),
        Cell("assessed", "show", value=record.get_assessed_display().lower()),
        Cell("note", "show", value=record.note),
    ]


def input_cells(
    indicator: Indicator, kinds: Mapping[str, str], texts: Mapping[str, str], errors: RowErrors
) -> list[Cell]:
    cells = []
    for column, kind in kinds.items():
        options: tuple[tuple[str, str], ...] = ()
        if column == "comparator":
            options = comparator_choices(indicator)
        elif column == "assessed":
            options = ASSESSMENT_CHOICES
        cells.append(
            Cell(
                column,
                kind,
                name=field_name(indicator, column),
                value=texts.get(column, ""),
                checked=bool(texts.get(column)) and kind == "check",
                options=options,
                errors=tuple(errors.get(column, ())),
            )
        )
    return cells


RowErrors = Mapping[str, list[str]]
TARGET_KINDS = {"comparator": "select", "amount": "number", "maintain": "check"}
RESULT_KINDS = {
    "value": "number",
    "percent": "number",
    "estimate": "check",
    "assessed": "select",
    "note": "text",
}


def grid_row(
    grid: GridContext,
    indicator: Indicator,
    post: RowPost | None,
    conflicts: list[ConflictNote],
    evaluation: Evaluation | None,
) -> GridRow:
    target, result = grid.targets.get(indicator.pk), grid.results.get(indicator.pk)
    stale = {note.kind for note in conflicts}
    errors: RowErrors = post.errors if post is not None else {}
    hidden: list[tuple[str, str]] = []
    cells: list[Cell] = []
    if grid.targets_open:
        typed = post is not None and post.has_target and "target" not in stale
        texts = post.texts if typed and post else target_texts(target, indicator)
        token = post.target_token if typed and post else record_token(target)
        hidden.append((field_name(indicator, TARGET_TOKEN), token.text if token else ""))
        cells += input_cells(indicator, TARGET_KINDS, texts, errors)
    else:
        cells += shown_target(target, indicator)
    if grid.results_open:
        typed = post is not None and post.has_result and "result" not in stale
        texts = post.texts if typed and post else result_texts(result, indicator)
        token = post.result_token if typed and post else record_token(result)
        hidden.append((field_name(indicator, RESULT_TOKEN), token.text if token else ""))
        cells += input_cells(indicator, RESULT_KINDS, texts, errors)
    else:
        cells += shown_result(result, indicator)
    if grid.is_open:
        reason = post.texts.get("reason", "") if post is not None else ""
        cells.append(Cell("reason", "text", name=field_name(indicator, "reason"), value=reason))
    return GridRow(
        indicator=indicator,
        unit_text=input_unit(indicator),
        target=target,
        hidden=tuple(hidden),
        cells=tuple(cells),
        row_errors=(*errors.get("target", ()), *errors.get("result", ())),
        conflicts=tuple(conflicts),
        evaluation=evaluation,
    )


def build_groups(
    grid: GridContext,
    card: Scorecard,
    posts: Mapping[int, RowPost],
    conflicts: list[ConflictNote],
) -> list[tuple[IndicatorGroup, list[GridRow]]]:
    """The grid's rows in catalogue order, grouped by indicator group."""
    evaluations = {row.indicator.pk: row.evaluation for row in card.rows}
    by_indicator: dict[int, list[ConflictNote]] = {}
    for note in conflicts:
        by_indicator.setdefault(note.indicator_id, []).append(note)
    groups: dict[int, tuple[IndicatorGroup, list[GridRow]]] = {}
    for indicator in grid.indicators:
        row = grid_row(
            grid,
            indicator,
            posts.get(indicator.pk),
            by_indicator.get(indicator.pk, []),
            evaluations.get(indicator.pk),
        )
        groups.setdefault(indicator.group_id, (indicator.group, []))[1].append(row)
    return list(groups.values())
