"""An imported report proposes its conference, people, commendations, recommendations and
Party counts; accepting them records them (skipped without ../shared)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError

from tongket.documents.models import Document, Proposal
from tongket.documents.proposals import accept_proposal, reject_proposal
from tongket.documents.services import import_report
from tongket.party.models import MemberCount, Tally
from tongket.people.models import Person
from tongket.recommendations.models import Recommendation
from tongket.results.scorecards import has_data
from tongket.review.models import Commendation, Conference
from tongket.units.lookup import resolve_unit

pytestmark = pytest.mark.django_db

SEEDS = Path(__file__).resolve().parents[4].parent / "shared" / "corpus" / "seeds"
DAP_DA = SEEDS / "000_32902126f4d26a73.txt"
TAY_SON = SEEDS / "001_9ccd0a3510ad4263.txt"
needs_seeds = pytest.mark.skipif(not DAP_DA.exists(), reason="../shared is not beside the checkout")


def imported(path: Path, ward: str) -> Document:
    unit = resolve_unit(ward, 2023, has_data)
    return import_report(unit, path.name, path.read_text(encoding="utf-8")).document


def proposal(document: Document, kind: str) -> Proposal:
    return document.proposals.filter(kind=kind).order_by("pk").first() or pytest.fail(kind)


def office() -> User:
    return User.objects.get(username="vanphong")


@needs_seeds
def test_the_review_of_tay_son_is_proposed_and_recorded() -> None:
    document = imported(TAY_SON, "phường Tây Sơn")
    kinds = list(document.proposals.values_list("kind", flat=True))
    assert {"conference", "commendation", "party_tally", "member_count"} <= set(kinds)
    assert Conference.objects.filter(document=document).count() == 0  # nothing before review

    conference = Conference.objects.get(pk=accept_proposal(proposal(document, "conference")))
    assert conference.kind == "review" and conference.held_on == dt.date(2024, 1, 8)
    assert conference.period == "2023" and conference.time_of_day == "afternoon"
    assert conference.attachments.get().document == document
    names = {a.person.full_name: a.title for a in conference.attendances.all()}
    assert "Ủy viên Ban Thường vụ Thành ủy" in names["Vũ Đình Chiến"]

    for item in document.proposals.filter(kind="commendation"):
        accept_proposal(item, office())
    awards = Commendation.objects.filter(document=document)
    assert sum(a.quantity for a in awards.filter(form="giay_khen")) == 30
    assert awards.get(form="ky_niem_chuong").person == Person.objects.get(
        full_name="Phạm Duy Phong"
    )
    assert {a.conference for a in awards} == {conference}

    tally = Tally.objects.get(pk=accept_proposal(proposal(document, "party_tally")))
    assert (tally.total, tally.excellent, tally.good, tally.failed) == (13, 2, 11, 0)
    count = MemberCount.objects.get(pk=accept_proposal(proposal(document, "member_count")))
    assert (count.counted_on, count.official, count.probationary) == (dt.date(2023, 12, 8), 308, 4)


@needs_seeds
def test_the_recommendation_of_dap_da_goes_to_the_town_and_reports_back() -> None:
    document = imported(DAP_DA, "phường Đập Đá")
    with pytest.raises(ValidationError) as error:  # the article gives no day
        accept_proposal(proposal(document, "conference"))
    assert "ngày họp" in " ".join(error.value.messages)
    accept_proposal(proposal(document, "conference"), changes={"held_on": "2024-01-10"})
    item = Recommendation.objects.get(pk=accept_proposal(proposal(document, "recommendation")))
    assert item.addressee.name == "UBND thị xã An Nhơn"
    assert item.addressee.unit == document.unit.parent
    assert item.report_back_to is not None and item.report_back_to.kind == "standing"
    assert item.status == "new" and item.conference is not None
    start, end = item.spans[0]
    assert document.text[start:end].startswith("UBND thị xã")


@needs_seeds
def test_a_decided_proposal_cannot_be_decided_again() -> None:
    document = imported(DAP_DA, "phường Đập Đá")
    item = proposal(document, "conference")
    reject_proposal(item)
    with pytest.raises(ValidationError):
        accept_proposal(item)
    assert not Conference.objects.filter(document=document).exists()
