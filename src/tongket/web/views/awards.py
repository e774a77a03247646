"""Directions for a year (phương hướng, nhiệm vụ) with the targets they produced, and the
year's commendations (khen thưởng) with their counts."""

from __future__ import annotations

from decimal import Decimal

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import path

from tongket.cycle.awards import commendation_forms, form_label, recipient_kinds, tally_sentence
from tongket.periods import MAX_YEAR, MIN_YEAR
from tongket.results.models import Target
from tongket.review.models import Commendation, Conference, Direction
from tongket.review.services import (
    CommendationInput,
    add_commendation,
    commendation_counts,
    link_targets,
    save_directions,
    unit_family,
)
from tongket.units.models import Unit
from tongket.web.access import acting_user, permissions, unit_for
from tongket.web.conference_form import DATE_FORMATS, spread_errors
from tongket.web.presenters import format_figure, target_figures_text

ACCEPTED = "accepted"


def checked_year(year: int) -> int:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise Http404(f"Năm {year} không hợp lệ.")
    return year


def unit_conferences(unit: Unit) -> list[Conference]:
    found = Conference.objects.filter(unit_id__in=unit_family(unit), state=ACCEPTED)
    return list(found.order_by("-held_on", "-pk")[:50])


def target_label(target: Target) -> str:
    def figure(amount: Decimal) -> str:
        return format_figure(amount, target.indicator)

    figures = target_figures_text(target, figure)
    return f"{target.indicator.name}: {figures}" if figures else target.indicator.name


def directions(request: HttpRequest, unit_id: int, year: int) -> HttpResponse:
    """List the year's directions; POST adds items (one per line) or links targets."""
    unit = unit_for(request, unit_id, "enter" if request.method == "POST" else "view")
    checked_year(year)
    items = list(
        Direction.objects.filter(unit=unit, year=year, state=ACCEPTED)
        .select_related("conference")
        .prefetch_related("targets__indicator")
    )
    errors: dict[str, list[str]] = {}
    if request.method == "POST":
        try:
            done = post_directions(request, unit, year, items)
        except ValidationError as error:
            key = f"link_{request.POST.get('direction')}" if "direction" in request.POST else "add"
            errors[key] = list(error.messages)
        else:
            messages.success(request, done)
            return HttpResponseRedirect(request.path)
    targets = Target.objects.filter(unit=unit, year=year, state=ACCEPTED).select_related(
        "indicator"
    )
    context = {
        "unit": unit,
        "year": year,
        "items": [(d, {t.pk for t in d.targets.all()}, errors.get(f"link_{d.pk}")) for d in items],
        "targets": [(t, target_label(t)) for t in targets.order_by("indicator__code")],
        "conferences": unit_conferences(unit),
        "errors": errors.get("add", []),
        "texts": request.POST.get("texts", "") if errors.get("add") else "",
        **permissions(request, unit),
    }
    return render(request, "web/review/directions.html", context)


def post_directions(request: HttpRequest, unit: Unit, year: int, items: list[Direction]) -> str:
    """Apply the POSTed action; the success message, or ValidationError."""
    if "direction" in request.POST:
        wanted = request.POST["direction"]
        direction = next((d for d in items if str(d.pk) == wanted), None)
        if direction is None:
            raise ValidationError("Không tìm thấy phương hướng, nhiệm vụ này.")
        ids = [int(v) for v in request.POST.getlist("target") if v.isdigit()]
        chosen = list(Target.objects.filter(pk__in=ids, state=ACCEPTED))
        link_targets(direction, chosen)
        return f"Đã gắn {len(chosen)} chỉ tiêu với phương hướng, nhiệm vụ số {direction.order}."
    texts = [line for line in request.POST.get("texts", "").splitlines() if line.strip()]
    conference_id = request.POST.get("conference", "")
    conference = next((c for c in unit_conferences(unit) if str(c.pk) == conference_id), None)
    added = save_directions(unit, year, texts, acting_user(request), conference)
    return f"Đã thêm {len(added)} phương hướng, nhiệm vụ năm {year}."


class CommendationForm(forms.Form):
    awarding_body = forms.CharField(
        label="Cấp khen",
        max_length=300,
        help_text="Ví dụ: Chủ tịch UBND phường, Chủ tịch UBND tỉnh.",
    )
    form = forms.ChoiceField(label="Hình thức", choices=commendation_forms)
    recipient_kind = forms.ChoiceField(label="Đối tượng", choices=recipient_kinds)
    quantity = forms.IntegerField(label="Số lượng", min_value=1, initial=1)
    recipient_name = forms.CharField(
        label="Tên tập thể, cá nhân",
        max_length=300,
        required=False,
        help_text="Khi ghi tên thì số lượng là 1.",
    )
    title = forms.CharField(label="Tên khen thưởng", max_length=300, required=False)
    reason = forms.CharField(
        label="Lý do", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    awarded_on = forms.DateField(
        label="Ngày trao",
        required=False,
        input_formats=DATE_FORMATS,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    decision = forms.CharField(label="Số quyết định", max_length=100, required=False)


def commendation_input(unit: Unit, year: int, cleaned: dict[str, object]) -> CommendationInput:
    return CommendationInput(
        unit=unit,
        year=year,
        awarding_body=str(cleaned["awarding_body"]),
        form=str(cleaned["form"]),
        recipient_kind=str(cleaned["recipient_kind"]),
        quantity=int(cleaned["quantity"]),  # type: ignore[call-overload]
        recipient_name=str(cleaned.get("recipient_name") or ""),
        title=str(cleaned.get("title") or ""),
        reason=str(cleaned.get("reason") or ""),
        awarded_on=cleaned.get("awarded_on"),  # type: ignore[arg-type]
        decision=str(cleaned.get("decision") or ""),
    )


def commendations(request: HttpRequest, unit_id: int, year: int) -> HttpResponse:
    """The year's commendations, their counts in words and per form; POST adds one."""
    unit = unit_for(request, unit_id, "enter" if request.method == "POST" else "view")
    checked_year(year)
    others: dict[str, list[str]] = {}
    if request.method == "POST":
        form = CommendationForm(request.POST)
        if form.is_valid():
            try:
                added = add_commendation(
                    commendation_input(unit, year, form.cleaned_data), acting_user(request)
                )
            except ValidationError as error:
                others = spread_errors(form, error)
            else:
                messages.success(request, f"Đã ghi khen thưởng: {added}.")
                return HttpResponseRedirect(request.path)
    else:
        form = CommendationForm()
    counts = commendation_counts(unit, year)
    context = {
        "unit": unit,
        "year": year,
        "items": Commendation.objects.filter(unit=unit, year=year, state=ACCEPTED).select_related(
            "person", "conference"
        ),
        "sentence": tally_sentence(counts),
        "counts": [(form_label(c.form), c.collectives, c.persons) for c in counts],
        "totals": (sum(c.collectives for c in counts), sum(c.persons for c in counts)),
        "form": form,
        "errors": [m for messages_ in others.values() for m in messages_],
        **permissions(request, unit),
    }
    return render(request, "web/review/commendations.html", context)


urlpatterns = [
    path("don-vi/<int:unit_id>/phuong-huong/<int:year>/", directions, name="directions"),
    path("don-vi/<int:unit_id>/khen-thuong/<int:year>/", commendations, name="commendations"),
]
