"""The rows of the scorecard table, written in Python.

A scorecard has forty-odd rows of five cells; the template engine spent more time on them
than on everything else in the page. Each row is built here from escaped pieces and the
template places the finished rows.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from html import escape

from django.utils.safestring import SafeString, mark_safe

from tongket.results.scorecards import ScorecardGroup, ScorecardRow
from tongket.scorecard.numbers import format_number
from tongket.units.models import Unit
from tongket.web.links import url_maker
from tongket.web.presenters import achievement_width, format_figure, row_figures

DASH = "—"
ASSIGNED_TAG = ' <span class="tag" title="Chỉ tiêu cấp trên giao">giao</span>'
ESTIMATE_TAG = ' <span class="tag">ước</span>'
NO_TARGET = '<td><span class="muted">không có chỉ tiêu</span></td>'
HISTORY_TITLE = 'title="Lịch sử thay đổi"'


def row_renderer(unit: Unit) -> Callable[[ScorecardRow], str]:
    trend, history = url_maker("web:trend", 2), url_maker("web:history", 2)
    provenance = url_maker("web:provenance", 2)

    def name_cell(row: ScorecardRow) -> str:
        assigned = row.target is not None and row.target.basis == "assigned"
        link = escape(trend(unit.pk, row.indicator.code))
        name = escape(row.indicator.name)
        tag = ASSIGNED_TAG if assigned else ""
        return f'<td><a href="{link}" title="Xu hướng qua các năm">{name}</a>{tag}</td>'

    def target_cell(row: ScorecardRow, text: str) -> str:
        if row.target is None:
            return f'<td class="num">{DASH}</td>'
        link = escape(history("target", row.target.pk))
        shown = escape(text or DASH)
        return f'<td class="num"><a class="value" href="{link}" {HISTORY_TITLE}>{shown}</a></td>'

    def result_cell(row: ScorecardRow, text: str) -> str:
        result, rolled = row.result, row.rolled_up
        if text and result is not None:
            link = escape(history("result", result.pk))
            inner = f'<a class="value" href="{link}" {HISTORY_TITLE}>{escape(text)}</a>'
            if result.document_id:
                source = escape(provenance("result", result.pk))
                inner += f' <a class="tag" href="{source}" title="Xem trong văn bản gốc">nguồn</a>'
            if row.result_is_partial:
                inner += f' <span class="tag">{escape(result.period.label)}</span>'
        elif rolled is not None and rolled.value is not None:
            figure = escape(format_figure(rolled.value, row.indicator))
            inner = f'<span title="Tổng hợp từ đơn vị trực thuộc">Σ {figure}</span>'
        else:
            inner = DASH
        if row.evaluation is not None and row.evaluation.is_estimate:
            inner += ESTIMATE_TAG
        return f'<td class="num">{inner}</td>'

    def bar_cell(row: ScorecardRow) -> str:
        evaluation = row.evaluation
        width = achievement_width(evaluation)
        if evaluation is None or width is None or evaluation.achievement is None:
            return '<td class="bar-cell"></td>'
        status = evaluation.status.value
        share = format_number(evaluation.achievement, 1)
        return (
            f'<td class="bar-cell"><span class="bar status-bg-{status}" '
            f'style="width: {width}%"></span><span class="bar-text">{share}%</span></td>'
        )

    def status_cell(row: ScorecardRow) -> str:
        if row.evaluation is None:
            return NO_TARGET
        status = row.evaluation.status
        return f'<td><span class="status status-{status.value}">{escape(status.label)}</span></td>'

    def render(row: ScorecardRow) -> str:
        target_text, result_text = row_figures(row)
        cells = (
            name_cell(row)
            + target_cell(row, target_text)
            + result_cell(row, result_text)
            + bar_cell(row)
            + status_cell(row)
        )
        return f'<tr data-indicator="{escape(row.indicator.code)}">{cells}</tr>'

    return render


def render_groups(unit: Unit, groups: Iterable[ScorecardGroup]) -> SafeString:
    """One <tbody> a group: its heading row, then its indicators; every value escaped."""
    render = row_renderer(unit)
    bodies = (
        '<tbody><tr class="group"><th colspan="5" scope="colgroup">'
        f"{escape(group.group.name)}</th></tr>{''.join(render(r) for r in group.rows)}</tbody>"
        for group in groups
    )
    return mark_safe("\n".join(bodies))
