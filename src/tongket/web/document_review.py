"""What the review page of an imported document shows: the reader's facts beside the text,
each with the drafts (targets and results) it proposed and the figure already accepted in
their place."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from tongket.documents.models import Document
from tongket.indicators.models import Indicator
from tongket.periods import Period
from tongket.results.models import Result, State, Target
from tongket.scorecard.numbers import format_number
from tongket.web.highlight import Highlight, highlights_of
from tongket.web.presenters import amount_text, format_figure, result_figures_text

KIND_LABELS = {"target": "chỉ tiêu", "result": "kết quả"}
SpanKey = tuple[str, tuple[tuple[int, int], ...]]


@dataclass(frozen=True)
class EditField:
    name: str
    label: str
    unit: str
    value: str


@dataclass(frozen=True)
class DraftView:
    record: Target | Result
    kind: str  # "target" or "result"
    period_label: str
    figure: str
    twin: Target | Result | None  # the accepted figure holding the same place
    twin_figure: str
    fields: tuple[EditField, ...]

    @property
    def kind_label(self) -> str:
        return KIND_LABELS[self.kind]

    @property
    def ref(self) -> str:
        """ "result-12": how `?fact=` names the record."""
        return record_ref(self.record)


@dataclass(frozen=True)
class FactView:
    key: str  # the HTML id of its first mark: "f-3" (a fact) or "r-result-12" (a record)
    label: str
    indicator: Indicator | None
    reading: str  # what the reader read, when no indicator of the catalogue matched
    quotes: tuple[str, ...]  # the text of each span
    spans: tuple[tuple[int, int], ...]
    drafts: tuple[DraftView, ...]


@dataclass(frozen=True)
class SummaryView:
    key: str
    achieved: int
    total: int
    quote: str


def record_kind(record: Target | Result) -> str:
    return "target" if isinstance(record, Target) else "result"


def record_ref(record: Target | Result) -> str:
    return f"{record_kind(record)}-{record.pk}"


def span_key(code: str | None, spans: Iterable[object]) -> SpanKey:
    """What ties a record to the fact it was read from: the indicator and the spans."""
    pairs = tuple(
        (span[0], span[1])
        for span in spans
        if isinstance(span, list | tuple)
        and len(span) == 2
        and all(isinstance(n, int) and not isinstance(n, bool) for n in span)
    )
    return code or "", pairs


def target_text(target: Target) -> str:
    if target.amount is None:
        return "duy trì" if target.maintain else "—"
    return amount_text(target, lambda amount: format_figure(amount, target.indicator))


def result_text(result: Result) -> str:
    figure = result_figures_text(result, lambda amount: format_figure(amount, result.indicator))
    return figure or "—"


def figure_text(record: Target | Result) -> str:
    return target_text(record) if isinstance(record, Target) else result_text(record)


def period_of(record: Target | Result) -> Period:
    return Period(record.year) if isinstance(record, Target) else record.period


def input_text(number: Decimal | None) -> str:
    """A stored figure as a person would type it back: "124.857.000.000", "16,1"."""
    return "" if number is None else format_number(Decimal(number), 6)


def edit_fields(record: Target | Result) -> tuple[EditField, ...]:
    indicator = record.indicator
    unit = "đồng" if indicator.is_money else indicator.display_unit
    if isinstance(record, Target):
        return (EditField("amount", "Mức chỉ tiêu", unit, input_text(record.amount)),)
    return (
        EditField("value", "Kết quả", unit, input_text(record.value)),
        EditField("percent_of_plan", "Đạt % kế hoạch", "%", input_text(record.percent_of_plan)),
    )


def accepted_twins(document: Document, records: list[Target | Result]) -> dict[str, Any]:
    """For each draft (by ref), the accepted record holding its place, if any."""
    drafts = [r for r in records if r.state == State.DRAFT]
    indicators = {r.indicator_id for r in drafts}
    years = {r.year for r in drafts}
    common = {
        "unit_id": document.unit_id,
        "state": State.ACCEPTED,
        "indicator_id__in": indicators,
        "year__in": years,
    }
    targets = {
        (t.indicator_id, t.year): t
        for t in Target.objects.filter(**common).select_related("indicator")
    }
    results = {
        (r.indicator_id, r.year, r.period_kind, r.period_number): r
        for r in Result.objects.filter(**common).select_related("indicator")
    }
    twins: dict[str, Any] = {}
    for record in drafts:
        if isinstance(record, Target):
            twins[record_ref(record)] = targets.get((record.indicator_id, record.year))
        else:
            slot = (record.indicator_id, record.year, record.period_kind, record.period_number)
            twins[record_ref(record)] = results.get(slot)
    return twins


def draft_view(record: Target | Result, twin: Target | Result | None) -> DraftView:
    return DraftView(
        record=record,
        kind=record_kind(record),
        period_label=period_of(record).label,
        figure=figure_text(record),
        twin=twin,
        twin_figure=figure_text(twin) if twin is not None else "",
        fields=edit_fields(record) if record.state == State.DRAFT else (),
    )


def reading_text(fact: dict[str, Any]) -> str:
    value = fact.get("value")
    if not isinstance(value, int | float) or isinstance(value, bool):
        return ""
    unit = str(fact.get("unit") or "")
    number = format_number(Decimal(str(value)))
    return f"{number}%" if unit == "%" else f"{number} {unit}".strip()


def quotes_of(text: str, spans: Iterable[tuple[int, int]]) -> tuple[str, ...]:
    return tuple(text[start:end] for start, end in spans if 0 <= start < end <= len(text))


def fact_rows(
    document: Document, records: list[Target | Result], indicators: dict[str, Indicator]
) -> list[FactView]:
    """One row per fact of the reader, in reading order, with the drafts it proposed; a
    record matching no fact (its figures were read another way) gets a row of its own."""
    twins = accepted_twins(document, records)
    by_span: dict[SpanKey, list[Target | Result]] = {}
    for record in records:
        by_span.setdefault(span_key(record.indicator.code, record.spans), []).append(record)
    rows = []
    facts = document.extraction.get("facts", []) if isinstance(document.extraction, dict) else []
    for number, fact in enumerate(facts):
        code, pairs = span_key(fact.get("code"), fact.get("spans", []))
        mine = by_span.pop((code, pairs), [])
        rows.append(
            FactView(
                key=f"f-{number}",
                label=str(fact.get("label") or ""),
                indicator=indicators.get(code),
                reading=reading_text(fact),
                quotes=quotes_of(document.text, pairs),
                spans=pairs,
                drafts=tuple(draft_view(r, twins.get(record_ref(r))) for r in mine),
            )
        )
    for leftover in by_span.values():
        for record in leftover:
            spans = span_key(None, record.spans)[1]
            rows.append(
                FactView(
                    key=f"r-{record_ref(record)}",
                    label=record.note or record.indicator.name,
                    indicator=record.indicator,
                    reading="",
                    quotes=quotes_of(document.text, spans),
                    spans=spans,
                    drafts=(draft_view(record, twins.get(record_ref(record))),),
                )
            )
    return rows


def summary_rows(document: Document) -> list[SummaryView]:
    summaries = document.extraction.get("summaries", []) if document.extraction else []
    rows = []
    for number, summary in enumerate(summaries):
        span = summary.get("span") or []
        pairs = [(span[0], span[1])] if len(span) == 2 else []
        quote = next(iter(quotes_of(document.text, pairs)), "")
        rows.append(
            SummaryView(f"s-{number}", summary.get("achieved", 0), summary.get("total", 0), quote)
        )
    return rows


def page_highlights(document: Document, rows: list[FactView]) -> list[Highlight]:
    highlights = []
    for row in rows:
        kind = "fact" if row.indicator is not None else "unknown"
        highlights.extend(highlights_of(row.key, row.spans, kind))
    summaries = document.extraction.get("summaries", []) if document.extraction else []
    for number, summary in enumerate(summaries):
        highlights.extend(highlights_of(f"s-{number}", [summary.get("span")], "summary"))
    return highlights


def row_of(rows: list[FactView], ref: str) -> FactView | None:
    """The row holding the record named `ref` ("result-12")."""
    return next((row for row in rows if any(d.ref == ref for d in row.drafts)), None)
