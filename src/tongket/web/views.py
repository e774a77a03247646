"""Views of the web application."""

from __future__ import annotations

from django.db.models import Count, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from tongket.periods import Period, PeriodError
from tongket.results.models import State, Target
from tongket.results.scorecards import build_scorecard
from tongket.units.lookup import lineage
from tongket.units.models import Unit
from tongket.web.presenters import row_figures


def home(request: HttpRequest) -> HttpResponse:
    years = (
        Target.objects.filter(state=State.ACCEPTED)
        .values("unit_id", "year")
        .annotate(n=Count("id"))
        .order_by("unit_id", "-year")
    )
    by_unit: dict[int, list[int]] = {}
    for row in years:
        by_unit.setdefault(row["unit_id"], []).append(row["year"])
    units = Unit.objects.filter(pk__in=by_unit).select_related("parent__parent")
    entries = sorted(
        ((unit, by_unit[unit.pk]) for unit in units), key=lambda pair: pair[0].name_folded
    )
    counts = Unit.objects.aggregate(
        current=Count("id", filter=Q(valid_to__isnull=True, level="commune")),
        legacy=Count("id", filter=Q(valid_to__isnull=False, level="commune")),
    )
    return render(request, "web/home.html", {"entries": entries, "counts": counts})


def unit_detail(request: HttpRequest, unit_id: int) -> HttpResponse:
    unit = get_object_or_404(Unit.objects.select_related("parent__parent"), pk=unit_id)
    before, after = lineage(unit)
    years = (
        Target.objects.filter(unit=unit, state=State.ACCEPTED)
        .values_list("year", flat=True)
        .distinct()
        .order_by("-year")
    )
    context = {
        "unit": unit,
        "before": before,
        "after": after,
        "years": list(years),
        "children": unit.children.order_by("kind", "name")[:500],
    }
    return render(request, "web/unit.html", context)


def scorecard(request: HttpRequest, unit_id: int, period: str) -> HttpResponse:
    unit = get_object_or_404(Unit.objects.select_related("parent__parent"), pk=unit_id)
    try:
        wanted = Period.parse(period)
    except PeriodError as error:
        raise Http404(str(error)) from error
    card = build_scorecard(unit, wanted)
    groups = [
        (group.group, [(row, *row_figures(row)) for row in group.rows]) for group in card.groups
    ]
    context = {"unit": unit, "card": card, "groups": groups, "period": wanted}
    return render(request, "web/scorecard.html", context)
