"""Home, unit, units browser and scorecard pages."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import path
from django.utils import timezone

from tongket.periods import Period, PeriodError, PeriodKind
from tongket.results.locks import lock_covering
from tongket.results.models import Result, State, Target
from tongket.results.scorecards import build_scorecard
from tongket.synth.generate import SYNTH_NOTE
from tongket.units.lookup import lineage
from tongket.units.models import Level, Unit
from tongket.units.text import fold_name
from tongket.web.access import permissions, request_scope, unit_for
from tongket.web.scorecard_rows import render_groups
from tongket.web.views.party import party_scorecard_line

BROWSE_PAGE_SIZE = 50
HOME_ROWS = 1000  # (unit, year) pairs listed on the home page


def home(request: HttpRequest) -> HttpResponse:
    scope = request_scope(request)
    targets = Target.objects.filter(state=State.ACCEPTED)
    if not scope.is_admin:
        targets = targets.filter(unit__in=Unit.objects.filter(scope.visible_filter()))
    rows = targets.values("unit_id", "year").annotate(n=Count("id")).order_by("unit_id", "-year")
    by_unit: dict[int, list[int]] = {}
    for row in rows[:HOME_ROWS]:
        by_unit.setdefault(row["unit_id"], []).append(row["year"])
    units = Unit.objects.filter(pk__in=by_unit).select_related("parent__parent__parent")
    entries = sorted(((unit, by_unit[unit.pk]) for unit in units), key=lambda p: p[0].name_folded)
    context = {"entries": entries, "roots": scope.root_units(), "is_admin": scope.is_admin}
    return render(request, "web/home.html", context)


def units_browser(request: HttpRequest) -> HttpResponse:
    """Search by name (diacritic-insensitive) or code, or browse from the top of one's scope."""
    scope = request_scope(request)
    query = request.GET.get("q", "").strip()
    show_past = request.GET.get("cu") == "1"
    units = Unit.objects.filter(scope.visible_filter()).select_related("parent__parent")
    if query:
        folded = fold_name(query)
        units = (
            units.filter(code=query)
            if query.isdigit()
            else units.filter(name_folded__contains=folded)
        )
    elif scope.is_admin:
        units = units.filter(level=Level.PROVINCE)
    else:
        units = units.filter(pk__in=scope.roots)
    if not show_past:
        units = units.filter(valid_to__isnull=True)
    page = Paginator(units.order_by("level", "name_folded", "id"), BROWSE_PAGE_SIZE).get_page(
        request.GET.get("trang")
    )
    counts = Unit.objects.filter(level=Level.COMMUNE).aggregate(
        current=Count("id", filter=Q(valid_to__isnull=True)),
        legacy=Count("id", filter=Q(valid_to__isnull=False)),
    )
    context = {"page": page, "query": query, "show_past": show_past, "counts": counts}
    return render(request, "web/units.html", context)


def unit_detail(request: HttpRequest, unit_id: int) -> HttpResponse:
    unit = unit_for(request, unit_id)
    before, after = lineage(unit)
    scope = request_scope(request)
    years = sorted(
        {
            *Target.objects.filter(unit=unit, state=State.ACCEPTED).values_list("year", flat=True),
            *Result.objects.filter(unit=unit, state=State.ACCEPTED).values_list("year", flat=True),
        },
        reverse=True,
    )
    children = unit.children.order_by("valid_to", "kind", "name")[:500]
    today = timezone.localdate()
    entry_year = years[0] if years else min(today.year, (unit.valid_to or today).year)
    context = {
        "unit": unit,
        "before": [u for u in before if scope.can_view(u)],
        "after": [u for u in after if scope.can_view(u)],
        "years": years,
        "children": children,
        "entry_year": entry_year,
        "has_below": unit.level != Level.SUBUNIT and (bool(children) or bool(before)),
        **permissions(request, unit),
    }
    return render(request, "web/unit.html", context)


PERIOD_CHOICES = (
    (PeriodKind.YEAR, 0),
    (PeriodKind.NINE_MONTHS, 0),
    (PeriodKind.HALF, 0),
    (PeriodKind.QUARTER, 1),
    (PeriodKind.QUARTER, 2),
    (PeriodKind.QUARTER, 3),
    (PeriodKind.QUARTER, 4),
)


def period_options(year: int) -> list[Period]:
    return [Period(year, kind, number) for kind, number in PERIOD_CHOICES]


def scorecard(request: HttpRequest, unit_id: int, period: str) -> HttpResponse:
    unit = unit_for(request, unit_id)
    try:
        wanted = Period.parse(period)
    except PeriodError as error:
        raise Http404(str(error)) from error
    card = build_scorecard(unit, wanted)
    context = {
        "unit": unit,
        "card": card,
        "table_rows": render_groups(unit, card.groups),
        "period": wanted,
        "periods": period_options(wanted.year),
        "years": range(wanted.year + 1, wanted.year - 5, -1),
        "lock": lock_covering(unit, wanted),
        "synthetic": any(
            record is not None and record.note == SYNTH_NOTE
            for row in card.rows
            for record in (row.target, row.result)
        ),
        "printing": request.GET.get("in") == "1",
        "party_line": party_scorecard_line(unit, wanted.year),
        **permissions(request, unit),
    }
    return render(request, "web/scorecard.html", context)


urlpatterns = [
    path("", home, name="home"),
    path("don-vi/", units_browser, name="units"),
    path("don-vi/<int:unit_id>/", unit_detail, name="unit"),
    path("don-vi/<int:unit_id>/ket-qua/<str:period>/", scorecard, name="scorecard"),
]
