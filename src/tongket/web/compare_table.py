"""What the comparison page shows: heat-table rows, sort links and the ranking chart."""

from __future__ import annotations

import threading
from collections import Counter, OrderedDict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from html import escape
from urllib.parse import urlencode

from django.urls import reverse

from tongket import scorecard as engine
from tongket.catalogue import Direction
from tongket.charts import Bar, bar_chart
from tongket.indicators.models import Indicator
from tongket.results.comparison import Cell, Comparison, UnitComparison
from tongket.results.ranking import Ordering, SortField, cell_figure, filter_rows, sort_rows
from tongket.scorecard.numbers import format_number
from tongket.web.presenters import (
    format_amount,
    format_money,
    result_figures_text,
    target_figures_text,
)

STATUS_FILLS = {
    engine.Status.EXCEEDED: "#0b5394",
    engine.Status.MET: "#17663a",
    engine.Status.NOT_MET: "#a3161b",
    engine.Status.NO_DATA: "#6b7280",
}
SHARE_FILL = "#3d4f66"  # a share of targets met has no status: slate, unlike the statuses
CHART_LIMIT = 50  # more units than this: the chart shows the first and the last 25
FIGURE_CACHE = 50_000
NO_TARGET = "none"

SORT_WORDS = {
    SortField.NAME: "ten",
    SortField.MET: "dat",
    SortField.VALUE: "gt",
    SortField.ACHIEVEMENT: "md",
}


def figure_text(amount: Decimal, indicator: Indicator) -> str:
    """A figure in the indicator's unit ("124.857 triệu đồng", "16,1%", "1.250 người")."""
    return unit_figure_text(amount, indicator.is_money, indicator.display_unit)


def cell_text(amount: Decimal, indicator: Indicator) -> str:
    """A figure inside the table: counts without their unit, which heads the column."""
    unit = "" if indicator.is_count else indicator.display_unit
    return unit_figure_text(amount, indicator.is_money, unit)


@lru_cache(maxsize=FIGURE_CACHE)
def unit_figure_text(amount: Decimal, is_money: bool, unit: str) -> str:
    """As `presenters.format_figure`, remembered: the same targets recur across hundreds of
    units."""
    return format_money(amount) if is_money else format_amount(amount, unit)


def column_label(indicator: Indicator) -> str:
    return f"{indicator.name} ({indicator.unit})" if indicator.is_count else indicator.name


def target_text(cell: Cell) -> str:
    if cell.target is None:
        return ""
    text = target_figures_text(cell.target, lambda amount: cell_text(amount, cell.indicator))
    return f"KH {text}" if text else ""


def result_text(cell: Cell) -> str:
    result = cell.result
    if result is None:
        if cell.rolled_up is not None and cell.rolled_up.value is not None:
            return "Σ " + cell_text(cell.rolled_up.value, cell.indicator)
        return ""
    text = result_figures_text(result, lambda amount: cell_text(amount, cell.indicator))
    if cell.evaluation is not None and cell.evaluation.is_estimate:
        text += " (ước)"
    return text


def cell_figure_value(cell: Cell) -> Decimal | None:
    if cell.result is not None and cell.result.value is not None:
        return cell.result.value
    return cell.rolled_up.value if cell.rolled_up is not None else None


def plain(number: Decimal | None) -> str:
    """A number for a data attribute: "4164.2"."""
    return "" if number is None else format(number.normalize(), "f")


def cell_html(cell: Cell | None) -> str:
    """One heat cell: coloured by status, and the status in words, the result, the target."""
    if cell is None:
        return '<td class="s-empty" data-v="">—</td>'
    if cell.evaluation is None:
        css, word = NO_TARGET, "Không có chỉ tiêu"
    else:
        css, word = cell.evaluation.status.value, cell.evaluation.status.label_title
    target = target_text(cell)
    return (
        f'<td class="s-{css}" data-v="{plain(cell_figure_value(cell))}"><b>{escape(word)}</b>'
        f"{escape(result_text(cell))}{f'<small>{escape(target)}</small>' if target else ''}</td>"
    )


def table_rows(rows: Sequence[UnitComparison], indicators: Sequence[Indicator], year: int) -> str:
    """The <tr> rows of the heat table. Written here rather than in the template: a
    province has hundreds of units × several indicators, and the template engine would
    take most of the page's time on them. Every text is escaped."""
    sentinel = 987_654_321  # stands for the unit id in the scorecard address
    link = reverse("web:scorecard", args=[sentinel, year])
    span = len(indicators) + 1
    lines = []
    for row in rows:
        unit = row.unit
        href = link.replace(str(sentinel), str(unit.pk))
        parent = f"<small>{escape(unit.parent.full_name)}</small>" if unit.parent else ""
        head = (
            f'<tr><th scope="row" data-v="{escape(unit.name_folded)}">'
            f'<a href="{href}">{escape(unit.full_name)}</a>{parent}</th>'
        )
        if not row.has_data:
            lines.append(
                f'{head}<td class="s-chua_co_so_lieu" colspan="{span}">'
                "<b>Chưa có số liệu</b></td></tr>"
            )
            continue
        share = row.share
        met = (
            f"{row.tally.achieved}/{row.tally.total}<small>{format_number(share, 1)}%</small>"
            if share is not None
            else "—"
        )
        cells = "".join(cell_html(row.cell(i)) for i in indicators)
        lines.append(f'{head}<td class="num" data-v="{plain(share)}">{met}</td>{cells}</tr>')
    return "\n".join(lines)


def parse_ordering(text: str, indicators: Sequence[Indicator]) -> Ordering:
    """ "ten", "-dat", "gt-jobs_created", "-md-poverty_rate": a leading "-" sorts downwards.
    An unknown key, or an indicator not shown, sorts by name."""
    descending = text.startswith("-")
    word, _, code = text.lstrip("-").partition("-")
    fields = {value: key for key, value in SORT_WORDS.items()}
    field = fields.get(word, SortField.NAME)
    if field in (SortField.VALUE, SortField.ACHIEVEMENT):
        indicator = next((i for i in indicators if i.code == code), None)
        if indicator is None:
            return Ordering()
        return Ordering(field, indicator, descending)
    return Ordering(field, None, descending)


def ordering_param(ordering: Ordering) -> str:
    word = SORT_WORDS[ordering.field]
    if ordering.indicator is not None:
        word = f"{word}-{ordering.indicator.code}"
    return f"-{word}" if ordering.descending else word


def query(params: Mapping[str, Sequence[str]], **changes: str) -> str:
    """The query string of `params` with `changes` (an empty value drops the parameter)."""
    merged = {key: list(values) for key, values in params.items()}
    for key, value in changes.items():
        name = key.replace("_", "-")
        merged[name] = [value] if value else []
    return "?" + urlencode({k: v for k, v in merged.items() if v}, doseq=True)


@dataclass(frozen=True)
class Header:
    label: str
    href: str
    aria_sort: str  # "ascending", "descending" or ""
    kind: str  # how the script compares the column: "text" or "number"
    sort: str  # the `sap-xep` word of the column, without direction: "ten", "gt-<code>"


def header(
    label: str, target: Ordering, current: Ordering, params: Mapping[str, Sequence[str]]
) -> Header:
    """A column header linking to its sort; a second click reverses it."""
    same = (target.field, target.indicator) == (current.field, current.indicator)
    wanted = Ordering(target.field, target.indicator, not current.descending) if same else target
    aria = ("descending" if current.descending else "ascending") if same else ""
    kind = "text" if target.field == SortField.NAME else "number"
    word = ordering_param(Ordering(target.field, target.indicator))
    return Header(label, query(params, sap_xep=ordering_param(wanted)), aria, kind, word)


def ranking_chart(
    rows: Sequence[UnitComparison], by: Indicator | None, year: int, ident: str = "xep-hang"
) -> list[tuple[str, str]]:
    """(heading, svg) of the ranking: by share of targets met, or by one indicator's value
    (best first: highest, or lowest for a lower-is-better indicator). Beyond CHART_LIMIT
    units, the first and the last half of it are drawn apart."""
    if by is None:
        ordered = sort_rows(rows, Ordering(SortField.MET, descending=True))
        ranked = [r for r in ordered if r.share is not None]
        ranked.sort(key=lambda r: r.share or 0, reverse=True)
        bars = [
            Bar(r.unit.full_name, float(r.share or 0), share_text(r), SHARE_FILL) for r in ranked
        ]
        title = f"Tỷ lệ chỉ tiêu đạt và vượt năm {year}"
        unit_word = "%"
    else:
        lower = by.direction == Direction.LOWER
        ordering = Ordering(SortField.VALUE, by, descending=not lower)
        ranked = [r for r in sort_rows(rows, ordering) if cell_figure(r, ordering) is not None]
        bars = [ranked_bar(r, by) for r in ranked]
        title = f"{by.name} năm {year}"
        unit_word = by.display_unit
    description = f"{len(bars)} đơn vị, xếp từ cao xuống thấp; đơn vị: {unit_word}."
    if by is not None and by.direction == Direction.LOWER:
        description = f"{len(bars)} đơn vị, thấp nhất (tốt nhất) trước; đơn vị: {unit_word}."
    ceiling = 100 if by is None else None
    if len(bars) <= CHART_LIMIT:
        return [
            (
                title,
                bar_chart(
                    bars, title=title, description=description, ident=ident, max_value=ceiling
                ),
            )
        ]
    half = CHART_LIMIT // 2
    return [
        (
            f"{half} đơn vị đứng đầu",
            bar_chart(
                bars[:half],
                title=f"{title}: {half} đơn vị đứng đầu",
                description=description,
                ident=f"{ident}-dau",
                max_value=ceiling,
            ),
        ),
        (
            f"{half} đơn vị cuối",
            bar_chart(
                bars[-half:],
                title=f"{title}: {half} đơn vị cuối",
                description=description,
                ident=f"{ident}-cuoi",
                max_value=ceiling,
            ),
        ),
    ]


def share_text(row: UnitComparison) -> str:
    share = row.share or Decimal(0)
    return f"{row.tally.achieved}/{row.tally.total} ({format_number(share, 1)}%)"


def ranked_bar(row: UnitComparison, indicator: Indicator) -> Bar:
    cell = row.cell(indicator)
    assert cell is not None
    value = cell_figure_value(cell) or Decimal(0)
    status = cell.status
    fill = STATUS_FILLS[status] if status is not None else SHARE_FILL
    note = status.label if status is not None else "không có chỉ tiêu"
    text = f"{figure_text(value, indicator)} ({note})"
    return Bar(row.unit.full_name, float(value), text, fill, note)


@dataclass(frozen=True)
class Rendered:
    """The parts of the page that grow with the number of units."""

    rows: int  # units listed after filtering
    table: str  # the heat table's <tr> rows
    charts: tuple[tuple[str, str], ...]  # (heading, svg) of the ranking
    legend: tuple[tuple[str, str, int], ...]  # (css, word, number of cells)


RENDERED_KEPT = 32
_rendered: OrderedDict[tuple[object, ...], tuple[Comparison, Rendered]] = OrderedDict()
_rendered_lock = threading.Lock()


def render_parts(
    comparison: Comparison,
    status: engine.Status | None,
    hide_empty: bool,
    ordering: Ordering,
    rank_by: Indicator | None,
) -> Rendered:
    """Filter, sort and write the table and the charts; remembered per comparison (a
    remembered comparison is the same object until its figures change)."""
    key = (id(comparison), status, hide_empty, ordering_param(ordering), rank_by)
    with _rendered_lock:
        found = _rendered.get(key)
        if found is not None and found[0] is comparison:
            return found[1]
    indicators = comparison.indicators
    rows = sort_rows(filter_rows(comparison.rows, indicators, status, hide_empty), ordering)
    rendered = Rendered(
        rows=len(rows),
        table=table_rows(rows, indicators, comparison.year),
        charts=tuple(ranking_chart(rows, rank_by, comparison.year)),
        legend=tuple(legend(rows, indicators)),
    )
    with _rendered_lock:
        _rendered[key] = (comparison, rendered)
        while len(_rendered) > RENDERED_KEPT:
            _rendered.popitem(last=False)
    return rendered


def legend(
    rows: Sequence[UnitComparison], indicators: Sequence[Indicator]
) -> list[tuple[str, str, int]]:
    """(css, word, number of cells) per status, and for figures without a target."""
    counts: Counter[str] = Counter()
    for row in rows:
        for indicator in indicators:
            cell = row.cell(indicator)
            if cell is not None:
                counts[cell.status.value if cell.status is not None else NO_TARGET] += 1
    entries = [(s.value, s.label_title, counts[s.value]) for s in engine.Status]
    return [*entries, (NO_TARGET, "Không có chỉ tiêu", counts[NO_TARGET])]
