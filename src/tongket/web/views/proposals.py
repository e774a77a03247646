"""Accepting or rejecting what a document proposes besides its figures."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import path, reverse
from django.views.decorators.http import require_POST

from tongket.documents.proposals import accept_proposal, reject_proposal
from tongket.web.access import acting_user
from tongket.web.views.imports import document_for


def typed_day(text: str) -> str:
    """ "08/01/2024" → "2024-01-08"; a Vietnamese message when it is not a day."""
    try:
        return dt.datetime.strptime(text.strip(), "%d/%m/%Y").date().isoformat()
    except ValueError:
        raise ValidationError(f"“{text}” không phải ngày (dd/mm/yyyy).") from None


@require_POST
def proposal_action(request: HttpRequest, document_id: int, proposal_id: int) -> HttpResponse:
    document = document_for(request, document_id, need="enter")
    proposal = document.proposals.filter(pk=proposal_id).first()
    if proposal is None:
        raise Http404("Không có đề xuất này.")
    back = reverse("web:document", args=[document.pk]) + f"#item-p-{proposal.pk}"
    user = acting_user(request)
    try:
        if request.POST.get("action") == "reject":
            reject_proposal(proposal, user)
            messages.success(request, f"Đã loại đề xuất: {proposal.get_kind_display()}.")
            return redirect(back)
        changes = {}
        day_field = request.POST.get("day_field", "")
        if day_field in ("held_on", "counted_on") and request.POST.get("day"):
            changes[day_field] = typed_day(request.POST["day"])
        accept_proposal(proposal, user, changes)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(back)
    messages.success(request, f"Đã ghi nhận: {proposal.get_kind_display()}.")
    return redirect(back)


urlpatterns = [
    path(
        "van-ban/<int:document_id>/de-xuat/<int:proposal_id>/",
        proposal_action,
        name="proposal_action",
    ),
]
