"""Reviewing what a document proposes besides figures: its conference, recommendation, …"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from django.urls import reverse

from tongket.documents.models import Document
from tongket.documents.services import import_report
from tongket.recommendations.models import Recommendation
from tongket.results.scorecards import has_data
from tongket.review.models import Conference
from tongket.units.lookup import resolve_unit

pytestmark = pytest.mark.django_db

SEEDS = Path(__file__).resolve().parents[4].parent / "shared" / "corpus" / "seeds"
DAP_DA = SEEDS / "000_32902126f4d26a73.txt"
needs_seeds = pytest.mark.skipif(not DAP_DA.exists(), reason="../shared is not beside the checkout")


def imported() -> Document:
    unit = resolve_unit("phường Đập Đá", 2023, has_data)
    return import_report(unit, DAP_DA.name, DAP_DA.read_text(encoding="utf-8")).document


def action(document: Document, kind: str) -> str:
    proposal = document.proposals.get(kind=kind)
    return reverse("web:proposal_action", args=[document.pk, proposal.pk])


@needs_seeds
def test_the_page_lists_the_proposals_with_their_text_marked(login: Any) -> None:
    document = imported()
    page = login("vanphong").get(reverse("web:document", args=[document.pk])).content.decode()
    assert "Hội nghị, khen thưởng, kiến nghị đọc được" in page
    assert "Gửi đến: UBND thị xã An Nhơn" in page
    assert "Chủ trì: Mai Việt Trung" in page
    assert 'class="hl-review' in page
    assert "Văn bản không nêu ngày" in page


@needs_seeds
def test_accepting_asks_for_the_day_the_text_does_not_give(login: Any) -> None:
    document = imported()
    client = login("vanphong")
    response = client.post(action(document, "conference"), {"action": "accept"}, follow=True)
    assert "không nêu rõ ngày họp" in response.content.decode()
    assert not Conference.objects.filter(document=document).exists()
    data = {"action": "accept", "day_field": "held_on", "day": "10/01/2024"}
    client.post(action(document, "conference"), data)
    conference = Conference.objects.get(document=document)
    assert conference.held_on == dt.date(2024, 1, 10)
    client.post(action(document, "recommendation"), {"action": "accept"})
    item = Recommendation.objects.get(document=document)
    assert item.conference == conference and item.raised_on == dt.date(2024, 1, 10)


@needs_seeds
def test_a_superior_cannot_decide_a_ward_s_proposals(login: Any) -> None:
    document = imported()
    response = login("captren").post(action(document, "recommendation"), {"action": "accept"})
    assert response.status_code == 403
    assert not Recommendation.objects.filter(document=document).exists()
