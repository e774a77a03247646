"""Page 4 "Xu hướng": one indicator of a unit over the years, with its target, continued
across mergers (the figures of the units merged into it, each labelled).

GET parameters: `tu` and `den` (the first and last year shown; by default the last six
years with figures) and `chi-tieu` (another indicator: redirects to its trend).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import path, reverse
from django.utils.safestring import mark_safe

from tongket.catalogue import RollUp
from tongket.charts import Point, Series, line_chart
from tongket.indicators.models import Indicator
from tongket.periods import MAX_YEAR, MIN_YEAR, PeriodKind
from tongket.results.scorecards import ScorecardRow
from tongket.results.trends import (
    Trend,
    TrendEntry,
    TrendYear,
    build_trend,
    indicators_with_data,
)
from tongket.scorecard.numbers import format_number
from tongket.units.models import Unit
from tongket.web.access import unit_for
from tongket.web.presenters import format_figure, row_figures

DEFAULT_SPAN = 6  # years shown by default
RESULT_STROKE = "#0b4f8a"
TARGET_STROKE = "#a3161b"
MONEY_SCALES = ((Decimal(10) ** 9, "tỷ đồng"), (Decimal(10) ** 6, "triệu đồng"))


def trend(request: HttpRequest, unit_id: int, code: str) -> HttpResponse:
    unit = unit_for(request, unit_id, "view")
    indicator = Indicator.objects.select_related("group").filter(code=code).first()
    if indicator is None:
        raise Http404("Không có chỉ tiêu này.")
    wanted = request.GET.get("chi-tieu", "")
    if wanted and wanted != code:
        return switch_indicator(request, unit, wanted)
    found = build_trend(unit, indicator)
    first, last = year_window(request, found)
    shown = [y for y in found.years if first <= y.year <= last]
    choices = indicators_with_data(found.units)
    if indicator not in choices:
        choices.append(indicator)
    all_years = [y.year for y in found.years]
    context = {
        "unit": unit,
        "indicator": indicator,
        "trend": found,
        "groups": table_groups(shown, indicator),
        "chart": mark_safe(chart(shown, indicator, unit, first, last)) if shown else "",
        "first": first,
        "last": last,
        "all_years": f"?tu={min(all_years)}&den={max(all_years)}" if all_years else "",
        "windowed": bool(all_years) and (min(all_years) < first or max(all_years) > last),
        "choices": choices,
        "summable": RollUp(indicator.rollup) is RollUp.SUM,
    }
    return render(request, "web/trend.html", context)


def switch_indicator(request: HttpRequest, unit: Unit, code: str) -> HttpResponse:
    if not Indicator.objects.filter(code=code).exists():
        raise Http404("Không có chỉ tiêu này.")
    kept = request.GET.copy()
    kept.pop("chi-tieu", None)
    address = reverse("web:trend", args=[unit.pk, code])
    return HttpResponseRedirect(f"{address}?{kept.urlencode()}" if kept else address)


def year_param(request: HttpRequest, name: str) -> int | None:
    text = request.GET.get(name, "").strip()
    if text.isdigit() and MIN_YEAR <= int(text) <= MAX_YEAR:
        return int(text)
    return None


def year_window(request: HttpRequest, found: Trend) -> tuple[int, int]:
    """(first, last) year shown: as asked, else the last DEFAULT_SPAN years with figures."""
    years = [y.year for y in found.years] or [MIN_YEAR]
    last = year_param(request, "den") or max(years)
    first = year_param(request, "tu") or max(min(years), last - DEFAULT_SPAN + 1)
    return (first, last) if first <= last else (last, first)


@dataclass(frozen=True)
class TrendRow:
    entry: TrendEntry | None  # None on the "Cộng" row of a summed year
    target: str
    result: str
    period: str  # "6 tháng năm 2024" when the year's result is a partial one


@dataclass(frozen=True)
class TrendGroup:
    year: int
    rows: tuple[TrendRow, ...]  # one per unit with figures, then "Cộng" if summed


def table_groups(years: list[TrendYear], indicator: Indicator) -> list[TrendGroup]:
    """Per year, one row per unit with figures, and a "Cộng" row if they were summed."""
    groups = []
    for year in years:
        rows = []
        for entry in year.entries:
            target, result = row_figures(
                ScorecardRow(indicator, entry.target, entry.result, entry.evaluation)
            )
            period = ""
            if entry.result is not None and entry.result.period_kind != PeriodKind.YEAR:
                period = entry.result.period.label
            rows.append(TrendRow(entry, target, result, period))
        if year.summed:
            target = format_figure(year.target, indicator)
            rows.append(TrendRow(None, target, format_figure(year.result, indicator), ""))
        groups.append(TrendGroup(year.year, tuple(rows)))
    return groups


def money_scale(values: list[Decimal]) -> tuple[Decimal, str]:
    biggest = max((abs(v) for v in values), default=Decimal(0))
    for scale, word in MONEY_SCALES:
        if biggest >= scale:
            return scale, word
    return Decimal(1), "đồng"


def chart(years: list[TrendYear], indicator: Indicator, unit: Unit, first: int, last: int) -> str:
    """The result line and the dashed target line; years without a point leave a gap."""
    values = [v for y in years for v in (y.result, y.target) if v is not None]
    scale, unit_word = Decimal(1), indicator.display_unit
    if indicator.is_money:
        scale, unit_word = money_scale(values)
    present = {y.year: y for y in years}
    span = range(max(first, years[0].year), min(last, years[-1].year) + 1)

    def point(year: int, value: Decimal | None) -> Point:
        if value is None:
            return Point(year, None)
        scaled = value / scale
        return Point(year, scaled, format_number(scaled))

    results = tuple(point(y, getattr(present.get(y), "result", None)) for y in span)
    targets = tuple(point(y, getattr(present.get(y), "target", None)) for y in span)
    title = f"{indicator.name} — {unit.full_name}"
    description = (
        f"Kết quả (đường liền) và chỉ tiêu (đường đứt) từ {span[0]} đến {span[-1]}; "
        f"đơn vị: {unit_word}."
    )
    return line_chart(
        [
            Series("Kết quả", results, RESULT_STROKE, labelled=True),
            Series("Chỉ tiêu", targets, TARGET_STROKE, dashed=True),
        ],
        title=title,
        description=description,
        ident="xu-huong",
        unit=unit_word,
        empty_text="Không có điểm để vẽ; số liệu từng đơn vị ở bảng dưới.",
    )


urlpatterns = [
    path("don-vi/<int:unit_id>/xu-huong/<str:code>/", trend, name="trend"),
]
