"""Page 3 "So sánh": every unit below a superior × chosen indicators for a year.

GET parameters (all optional, so every view of the page is a plain link and works
without JavaScript): `chi-tieu` (repeatable indicator codes), `trang-thai` (keep units
with that status in a chosen indicator), `an-trong=1` (hide units without figures),
`sap-xep` (`ten`, `dat`, `gt-<code>` value, `md-<code>` achievement; a leading "-" sorts
downwards) and `xep-hang=<code>` (rank the chart by that indicator instead of the share
of targets met).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import path, reverse
from django.utils.safestring import mark_safe

from tongket import scorecard as engine
from tongket.indicators.models import Indicator
from tongket.periods import Period, PeriodError
from tongket.results.comparison import MAX_INDICATORS
from tongket.results.comparison_cache import cached_comparison
from tongket.results.ranking import Ordering, SortField
from tongket.web.access import unit_for
from tongket.web.compare_table import (
    Header,
    column_label,
    header,
    parse_ordering,
    query,
    render_parts,
)

STATUS_CHOICES = tuple(engine.Status)
KEPT_PARAMS = ("chi-tieu", "trang-thai", "an-trong", "sap-xep", "xep-hang")


def compare(request: HttpRequest, unit_id: int, year: int) -> HttpResponse:
    unit = unit_for(request, unit_id, "compare")
    try:
        Period(year)
    except PeriodError as error:
        raise Http404(str(error)) from error
    codes = [c for c in request.GET.getlist("chi-tieu") if c][:MAX_INDICATORS]
    comparison = cached_comparison(unit, year, codes)
    indicators = comparison.indicators
    status = parse_status(request.GET.get("trang-thai", ""))
    hide_empty = request.GET.get("an-trong") == "1"
    ordering = parse_ordering(request.GET.get("sap-xep", ""), indicators)
    rank_by = next((i for i in indicators if i.code == request.GET.get("xep-hang")), None)
    parts = render_parts(comparison, status, hide_empty, ordering, rank_by)
    params = {key: request.GET.getlist(key) for key in KEPT_PARAMS if key in request.GET}
    if not codes:
        params["chi-tieu"] = [i.code for i in indicators]
    context = {
        "unit": unit,
        "year": year,
        "comparison": comparison,
        "indicators": indicators,
        "chosen_codes": {i.code for i in indicators},
        "table_rows": mark_safe(parts.table),
        "row_count": parts.rows,
        "empty_count": sum(not r.has_data for r in comparison.rows),
        "status": status,
        "statuses": STATUS_CHOICES,
        "hide_empty": hide_empty,
        "sort_value": request.GET.get("sap-xep", ""),
        "sort_options": sort_options(indicators),
        "headers": column_headers(indicators, ordering, params),
        "legend": parts.legend,
        "charts": [(title, mark_safe(svg)) for title, svg in parts.charts],
        "rank_by": rank_by,
        "year_links": [
            (y, reverse("web:compare", args=[unit.pk, y]) + query(params))
            for y in range(year + 1, year - 5, -1)
        ],
        "filtered": status is not None or hide_empty,
        "reset_href": query(params, trang_thai="", an_trong=""),
    }
    return render(request, "web/compare.html", context)


def parse_status(text: str) -> engine.Status | None:
    try:
        return engine.Status(text) if text else None
    except ValueError:
        return None


def sort_options(indicators: Sequence[Indicator]) -> list[tuple[str, str]]:
    """(value, label) of the sort select; the column headers link to the same sorts."""
    options = [
        ("ten", "Tên đơn vị (A–Z)"),
        ("-ten", "Tên đơn vị (Z–A)"),
        ("-dat", "Số chỉ tiêu đạt (nhiều trước)"),
        ("dat", "Số chỉ tiêu đạt (ít trước)"),
    ]
    for i in indicators:
        options += [
            (f"-gt-{i.code}", f"{i.name}: kết quả cao trước"),
            (f"gt-{i.code}", f"{i.name}: kết quả thấp trước"),
            (f"-md-{i.code}", f"{i.name}: mức đạt cao trước"),
        ]
    return options


def column_headers(
    indicators: Sequence[Indicator], ordering: Ordering, params: Mapping[str, Sequence[str]]
) -> dict[str, Header | list[Header]]:
    name = Ordering(SortField.NAME)
    met = Ordering(SortField.MET, descending=True)
    return {
        "name": header("Đơn vị", name, ordering, params),
        "met": header("Đạt / số chỉ tiêu", met, ordering, params),
        "indicators": [
            header(column_label(i), Ordering(SortField.VALUE, i, descending=True), ordering, params)
            for i in indicators
        ],
    }


urlpatterns = [
    path("don-vi/<int:unit_id>/so-sanh/<int:year>/", compare, name="compare"),
]
