"""What a report proposes besides its figures: its conference and people, commendations,
recommendations, Party counts and directions. Each is a `Proposal` until a person accepts
it; accepting records it through the same services as the pages, all or nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from tongket.cycle.bodies import named_level
from tongket.cycle.conferences import times_of_day
from tongket.documents.models import Document, Proposal
from tongket.documents.proposal_records import RECORDERS
from tongket.extract import Report
from tongket.extract.model import EventDate
from tongket.extract.review import ReviewReading, read_review
from tongket.results.services import recorded_user
from tongket.units.models import Unit
from tongket.units.text import kind_word

Payload = dict[str, Any]


def iso_day(date: EventDate | None, year: int | None) -> str | None:
    """The ISO day of `date`; without a year, the year of `year` (a count "tính đến ngày")."""
    if date is None or (date.year or year) is None:
        return None
    try:
        return dt.date(date.year or year or 0, date.month, date.day).isoformat()
    except ValueError:
        return None


def meeting_year(date: EventDate | None, reviewed: int | None) -> int | None:
    """A review meeting without a year is held late in the reviewed year or early the next."""
    if reviewed is None or date is None or date.year is not None:
        return None
    return reviewed if date.month >= 11 else reviewed + 1


def time_code(word: str | None) -> str:
    labels = {label.lower(): code for code, label in times_of_day()}
    return labels.get((word or "").lower(), "")


def body_unit(unit: Unit, name: str) -> Unit | None:
    """The unit above `unit` that a body's name points at ("UBND thị xã" → the thị xã), the
    nearest unit above when the name does not say; None when it names `unit`'s own level."""
    level = named_level(name)
    if level is not None and kind_word(unit.kind) == level:
        return None
    above = unit.ancestors()
    for candidate in above:
        if kind_word(candidate.kind) == level:
            return candidate
    return above[0] if above else None


def body_payload(unit: Unit, name: str | None) -> Payload | None:
    where = body_unit(unit, name) if name else None
    if name is None or where is None:
        return None
    level = named_level(name)
    full = name if level is None or not name.lower().endswith(level) else f"{name} {where.name}"
    return {"unit": where.pk, "unit_name": where.full_name, "name": full}


def conference_payload(document: Document, report: Report, reading: ReviewReading) -> Payload:
    conference = reading.conference
    assert conference is not None
    chairs = set(conference.chairs)
    attendees = [
        {
            "name": p.name,
            "title": ", ".join(p.roles),
            "part": "chair" if p.name in chairs else "guest",
        }
        for p in report.people
    ]
    listed = {a["name"] for a in attendees}
    attendees += [
        {"name": n, "title": "", "part": "chair"} for n in conference.chairs if n not in listed
    ]
    year = conference.reviewed_year or document.year
    date = conference.date or report.event_date
    return {
        "kind": conference.kind,
        "title": conference.title,
        "held_on": iso_day(date, meeting_year(date, year)),
        "time_of_day": time_code(conference.time_of_day),
        "period": str(year) if year else "",
        "opinions_count": conference.opinions_count,
        "bodies_present": list(conference.bodies),
        "reported_summaries": [[s.achieved, s.total] for s in report.summaries],
        "attendees": attendees,
    }


def proposals_of(document: Document, report: Report, reading: ReviewReading) -> list[Proposal]:
    """The unsaved proposals of a document read as `report` and `reading`."""
    unit, year = document.unit, document.year
    found: list[Proposal] = []

    def add(kind: str, payload: Payload, spans: list[list[int]]) -> None:
        found.append(Proposal(document=document, kind=kind, payload=payload, spans=spans))

    if reading.conference is not None:
        span = list(reading.conference.span)
        add(Proposal.Kind.CONFERENCE, conference_payload(document, report, reading), [span])
    for award in reading.commendations:
        payload = {
            "form": award.form,
            "recipient_kind": award.recipient_kind,
            "quantity": award.count,
            "recipient_name": award.recipient_name or "",
            "title": award.title or "",
            "awarding_body": award.awarding_body or unit.full_name,
            "year": year,
        }
        add(Proposal.Kind.COMMENDATION, payload, [list(award.span)])
    for item in reading.recommendations:
        addressee = body_payload(unit, item.addressee) or body_payload(unit, item.assignee)
        if addressee is None:
            continue
        payload = {
            "text": item.text,
            "topic": item.text[:80],
            "addressee": addressee,
            "assignee": body_payload(unit, item.assignee),
            "report_back_to": body_payload(unit, item.report_back_to),
        }
        add(Proposal.Kind.RECOMMENDATION, payload, [list(item.span)])
    party = reading.party
    if party is not None and year is not None:
        spans = [list(span) for span in party.spans]
        if party.cells_total and party.cells_good is not None:
            excellent, failed = party.cells_excellent or 0, party.cells_failed or 0
            payload = {
                "period": str(year),
                "subject": "organisation",
                "total": party.cells_total,
                "excellent": excellent,
                "good": party.cells_good - excellent,
                "done": party.cells_total - party.cells_good - failed,
                "failed": failed,
            }
            add(Proposal.Kind.PARTY_TALLY, payload, spans)
        counted_on = iso_day(party.members_date, year)
        if counted_on and party.members_official is not None:
            payload = {
                "counted_on": counted_on,
                "official": party.members_official,
                "probationary": party.members_probationary or 0,
            }
            add(Proposal.Kind.MEMBER_COUNT, payload, spans)
    if reading.directions:
        next_year = reading.directions[0].year or (year + 1 if year else None)
        payload = {"year": next_year, "items": [d.text for d in reading.directions]}
        add(Proposal.Kind.DIRECTIONS, payload, [list(d.span) for d in reading.directions])
    return found


def propose_review(document: Document, report: Report) -> list[Proposal]:
    """Read the review content of `document` and store its proposals (drafts)."""
    reading = read_review(document.text, report)
    return Proposal.objects.bulk_create(proposals_of(document, report, reading))


@transaction.atomic
def accept_proposal(
    proposal: Proposal, user: User | None = None, changes: Payload | None = None
) -> int:
    """Record what `proposal` proposes, with the reviewer's `changes` to its payload (a day
    the text does not give, a corrected name); the id of the record made."""
    locked = Proposal.objects.select_for_update().get(pk=proposal.pk)
    if locked.state != Proposal.State.DRAFT:
        raise ValidationError("Đề xuất này đã được xử lý.")
    if changes:
        locked.payload = {**locked.payload, **changes}
    recorder: Callable[[Proposal, User | None], int] = RECORDERS[locked.kind]
    record_id = recorder(locked, user)
    decide(locked, Proposal.State.ACCEPTED, user, record_id)
    return record_id


def reject_proposal(proposal: Proposal, user: User | None = None) -> None:
    if proposal.state != Proposal.State.DRAFT:
        raise ValidationError("Đề xuất này đã được xử lý.")
    decide(proposal, Proposal.State.REJECTED, user, None)


def decide(proposal: Proposal, state: str, user: User | None, record_id: int | None) -> None:
    proposal.state = state
    proposal.record_id = record_id
    proposal.decided_by = recorded_user(user)
    proposal.decided_at = timezone.now()
    proposal.save()
