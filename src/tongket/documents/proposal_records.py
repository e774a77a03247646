"""Recording an accepted proposal through the services of its app (validated, all or nothing)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError

from tongket.documents.models import Document, Proposal
from tongket.party.services import record_member_count, store_tally, tally_counts
from tongket.people.models import Body
from tongket.people.services import body_named
from tongket.periods import Period
from tongket.recommendations.services import RecommendationInput, raise_recommendation
from tongket.review.models import AttachmentRole, Conference
from tongket.review.services import (
    AttendeeInput,
    CommendationInput,
    ConferenceInput,
    add_commendation,
    save_conference,
    save_directions,
)
from tongket.units.models import Unit


def provenance(proposal: Proposal) -> dict[str, Any]:
    return {"document": proposal.document, "spans": proposal.spans}


def day(text: str | None, what: str) -> dt.date:
    if not text:
        raise ValidationError(f"Văn bản không nêu rõ {what}; hãy nhập trực tiếp trên trang.")
    return dt.date.fromisoformat(text)


def conference_of(document: Document) -> Conference | None:
    """The conference accepted from `document`, to which its other proposals attach."""
    found = document.proposals.filter(kind=Proposal.Kind.CONFERENCE, state="accepted").first()
    if found is None or found.record_id is None:
        return None
    return Conference.objects.filter(pk=found.record_id).first()


def record_conference(proposal: Proposal, user: User | None) -> int:
    data, document = proposal.payload, proposal.document
    attendees = tuple(
        AttendeeInput(a["name"], a.get("title", ""), a.get("part", "guest"))
        for a in data.get("attendees", [])
    )
    conference = save_conference(
        ConferenceInput(
            unit=document.unit,
            kind=data["kind"],
            title=data["title"],
            held_on=day(data.get("held_on"), "ngày họp"),
            time_of_day=data.get("time_of_day", ""),
            period=data.get("period", ""),
            opinions_count=data.get("opinions_count"),
            bodies_present=tuple(data.get("bodies_present", [])),
            reported_summaries=tuple(tuple(pair) for pair in data.get("reported_summaries", [])),
            attendees=attendees,
            documents=((document, AttachmentRole.REPORT),),
        ),
        user,
        **provenance(proposal),
    )
    return conference.pk


def record_commendation(proposal: Proposal, user: User | None) -> int:
    data, document = proposal.payload, proposal.document
    if data.get("year") is None:
        raise ValidationError("Chưa rõ năm khen thưởng.")
    award = add_commendation(
        CommendationInput(
            unit=document.unit,
            year=data["year"],
            awarding_body=data["awarding_body"],
            form=data["form"],
            recipient_kind=data["recipient_kind"],
            quantity=data.get("quantity", 1),
            recipient_name=data.get("recipient_name", ""),
            title=data.get("title", ""),
            conference=conference_of(document),
        ),
        user,
        **provenance(proposal),
    )
    return award.pk


def body_from(payload: dict[str, Any] | None) -> Body | None:
    if not payload:
        return None
    return body_named(Unit.objects.get(pk=payload["unit"]), payload["name"])


def record_recommendation(proposal: Proposal, user: User | None) -> int:
    data, document = proposal.payload, proposal.document
    conference = conference_of(document)
    raised_on = conference.held_on if conference else document.created_at.date()
    addressee = body_from(data["addressee"])
    assert addressee is not None
    item = raise_recommendation(
        RecommendationInput(
            unit=document.unit,
            raised_on=raised_on,
            addressee=addressee,
            topic=data["topic"],
            text=data["text"],
            assignee=body_from(data.get("assignee")),
            report_back_to=body_from(data.get("report_back_to")),
            conference=conference,
        ),
        user,
        **provenance(proposal),
    )
    return item.pk


def record_party_tally(proposal: Proposal, user: User | None) -> int:
    data = proposal.payload
    counts = tally_counts(
        data["total"], data["excellent"], data["good"], data["done"], data["failed"]
    )
    tally = store_tally(
        proposal.document.unit,
        Period.parse(data["period"]),
        data["subject"],
        counts,
        user,
        **provenance(proposal),
    )
    return tally.pk


def record_member_count_of(proposal: Proposal, user: User | None) -> int:
    data = proposal.payload
    count = record_member_count(
        proposal.document.unit,
        day(data.get("counted_on"), "ngày tính số đảng viên"),
        data["official"],
        data["probationary"],
        user,
        **provenance(proposal),
    )
    return count.pk


def record_directions(proposal: Proposal, user: User | None) -> int:
    data, document = proposal.payload, proposal.document
    if data.get("year") is None:
        raise ValidationError("Chưa rõ năm của phương hướng, nhiệm vụ.")
    items = save_directions(
        document.unit,
        data["year"],
        data["items"],
        user,
        conference_of(document),
        **provenance(proposal),
    )
    return items[0].pk


RECORDERS: dict[str, Callable[[Proposal, User | None], int]] = {
    Proposal.Kind.CONFERENCE: record_conference,
    Proposal.Kind.COMMENDATION: record_commendation,
    Proposal.Kind.RECOMMENDATION: record_recommendation,
    Proposal.Kind.PARTY_TALLY: record_party_tally,
    Proposal.Kind.MEMBER_COUNT: record_member_count_of,
    Proposal.Kind.DIRECTIONS: record_directions,
}
