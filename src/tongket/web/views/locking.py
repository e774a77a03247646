"""Locking a period (chốt số liệu) and unlocking it, from the entry page's buttons."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import SuspiciousOperation, ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import path, reverse
from django.views.decorators.http import require_POST

from tongket.periods import Period, PeriodError
from tongket.results import locks
from tongket.results.models import LockEvent
from tongket.web.access import acting_user, unit_for


@require_POST
def lock(request: HttpRequest, unit_id: int, period: str) -> HttpResponse:
    """Lock (chốt số liệu) or unlock a period of a unit; unlocking needs a reason."""
    unit = unit_for(request, unit_id, "lock")
    try:
        wanted = Period.parse(period)
    except PeriodError as error:
        raise Http404(str(error)) from error
    action = request.POST.get("action", "")
    reason = request.POST.get("reason", "").strip()
    user = acting_user(request)
    try:
        if action == LockEvent.Action.LOCK:
            locks.lock_period(unit, wanted, user, reason)
            messages.success(request, f"Đã chốt số liệu {wanted.label.lower()}.")
        elif action == LockEvent.Action.UNLOCK:
            locks.unlock_period(unit, wanted, user, reason)
            messages.success(request, f"Đã mở khóa số liệu {wanted.label.lower()}.")
        else:
            raise SuspiciousOperation(f"unknown lock action {action!r}")
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    target = reverse("web:entry", args=[unit.pk, wanted.year])
    query = "" if wanted == Period(wanted.year) else f"?ky={wanted.slug}"
    return HttpResponseRedirect(target + query)


urlpatterns = [
    path("don-vi/<int:unit_id>/chot-so-lieu/<str:period>/", lock, name="lock"),
]
