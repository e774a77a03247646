"""History: every change of a target or result, and the latest changes of a unit."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import path

from tongket.results.models import Result, Revision, Target
from tongket.results.services import snapshot
from tongket.units.models import Unit
from tongket.web.access import request_scope, unit_for
from tongket.web.document_review import KIND_LABELS, figure_text, period_of
from tongket.web.revision_changes import Change, describe_changes

PAGE_SIZE = 50
MODELS: dict[str, type[Target] | type[Result]] = {"target": Target, "result": Result}


def unit_names(revisions: Iterable[Revision]) -> dict[int, str]:
    """Names of the units the revisions refer to (a target's assigning unit)."""
    ids = {
        snapshot.get("assigned_by")
        for revision in revisions
        for snapshot in (revision.before, revision.after)
        if isinstance(snapshot, dict)
    }
    ids.discard(None)
    return {u.pk: u.full_name for u in Unit.objects.filter(pk__in=ids)}


def record_history(request: HttpRequest, record_type: str, record_id: int) -> HttpResponse:
    model = MODELS.get(record_type)
    if model is None:
        raise Http404("Không có loại số liệu này.")
    record = (
        model.objects.select_related(
            "indicator", "unit__parent__parent__parent", "document", "entered_by"
        )
        .filter(pk=record_id)
        .first()
    )
    if record is None or not request_scope(request).can_view(record.unit):
        raise Http404("Không tìm thấy số liệu.")
    revisions = list(
        Revision.objects.filter(record_type=record_type, record_id=record_id).select_related("user")
    )
    names = unit_names(revisions)
    entries = [
        (
            revision,
            describe_changes(record_type, revision.before, revision.after, record.indicator, names),
        )
        for revision in revisions
    ]
    context = {
        "proposal": proposal(record, revisions),
        "record": record,
        "record_type": record_type,
        "kind_label": KIND_LABELS[record_type],
        "period": period_of(record),
        "figure": figure_text(record),
        "entries": entries,
        "others": slot_records(record),
    }
    return render(request, "web/history.html", context)


def proposal(record: Target | Result, revisions: list[Revision]) -> list[Change] | None:
    """What a document first proposed for a record read from it (its drafts are created
    without a revision): the fields of the earliest snapshot; None for other records."""
    if record.document_id is None or any(r.action == Revision.Action.CREATE for r in revisions):
        return None
    record_type = "target" if isinstance(record, Target) else "result"
    first = revisions[-1].before if revisions else None
    return describe_changes(record_type, None, first or snapshot(record), record.indicator)


def slot_records(record: Target | Result) -> list[tuple[Target | Result, str]]:
    """The other records of the same indicator and period of the unit, in any state: the
    figures this one replaced or was replaced by."""
    slot: dict[str, Any] = {
        "unit": record.unit,
        "indicator": record.indicator,
        "year": record.year,
    }
    if isinstance(record, Result):
        slot |= {"period_kind": record.period_kind, "period_number": record.period_number}
    model = type(record)
    others = model.objects.filter(**slot).exclude(pk=record.pk).select_related("indicator")
    return [(other, figure_text(other)) for other in others.order_by("-updated_at", "-id")[:20]]


def unit_history(request: HttpRequest, unit_id: int) -> HttpResponse:
    """The latest changes of a unit's targets and results, optionally of one year."""
    unit = unit_for(request, unit_id)
    revisions = Revision.objects.filter(unit=unit).select_related("user")
    year_text = request.GET.get("nam", "")
    year = int(year_text) if year_text.isdigit() else None
    if year is not None:
        revisions = revisions.filter(
            Q(
                record_type="target",
                record_id__in=Target.objects.filter(unit=unit, year=year).values("pk"),
            )
            | Q(
                record_type="result",
                record_id__in=Result.objects.filter(unit=unit, year=year).values("pk"),
            )
        )
    page = Paginator(revisions, PAGE_SIZE).get_page(request.GET.get("trang"))
    context = {
        "unit": unit,
        "page": page,
        "entries": unit_entries(list(page)),
        "year": year,
        "years": unit_years(unit),
    }
    return render(request, "web/history_unit.html", context)


def unit_entries(
    revisions: list[Revision],
) -> list[tuple[Revision, Target | Result | None, str, list[Change]]]:
    """(revision, its record, the record's period label, what changed) for each revision."""
    wanted: dict[str, set[int]] = {"target": set(), "result": set()}
    for revision in revisions:
        wanted.setdefault(revision.record_type, set()).add(revision.record_id)
    records: dict[tuple[str, int], Target | Result] = {}
    for record_type, model in MODELS.items():
        found = model.objects.filter(pk__in=wanted[record_type]).select_related("indicator")
        records.update(((record_type, each.pk), each) for each in found)
    names = unit_names(revisions)
    entries: list[tuple[Revision, Target | Result | None, str, list[Change]]] = []
    for revision in revisions:
        record = records.get((revision.record_type, revision.record_id))
        indicator = record.indicator if record is not None else None
        period = period_of(record).label if record is not None else ""
        changes = describe_changes(
            revision.record_type, revision.before, revision.after, indicator, names
        )
        entries.append((revision, record, period, changes))
    return entries


def unit_years(unit: Unit) -> list[int]:
    years = {
        *Target.objects.filter(unit=unit).values_list("year", flat=True).distinct(),
        *Result.objects.filter(unit=unit).values_list("year", flat=True).distinct(),
    }
    return sorted(years, reverse=True)


urlpatterns = [
    path("lich-su/<str:record_type>/<int:record_id>/", record_history, name="history"),
    path("don-vi/<int:unit_id>/lich-su/", unit_history, name="unit_history"),
]
