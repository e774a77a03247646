"""The review reader's output: frozen dataclasses with `to_dict()`.

Spans are (start, end) offsets into the text as given to `read_review`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from tongket.extract.model import EventDate, Span


def _span(span: Span) -> list[int]:
    return [span[0], span[1]]


@dataclass(frozen=True)
class ConferenceReading:
    kind: str  # review, midyear, nine_month, council_session, working_session
    title: str
    span: Span
    date: EventDate | None = None
    time_of_day: str | None = None  # "sáng", "chiều", "tối", ...
    reviewed_year: int | None = None
    chairs: tuple[str, ...] = ()
    opinions_count: int | None = None
    bodies: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "title": self.title,
            "span": _span(self.span),
            "date": self.date.to_dict() if self.date else None,
            "time_of_day": self.time_of_day,
            "reviewed_year": self.reviewed_year,
            "chairs": list(self.chairs),
            "opinions_count": self.opinions_count,
            "bodies": list(self.bodies),
        }


@dataclass(frozen=True)
class CommendationReading:
    form: str  # giay_khen, bang_khen, ky_niem_chuong, danh_hieu
    awarding_body: str | None
    recipient_kind: str  # collective or person
    count: int
    recipient_name: str | None
    title: str | None
    span: Span

    def to_dict(self) -> dict[str, Any]:
        return {
            "form": self.form,
            "awarding_body": self.awarding_body,
            "recipient_kind": self.recipient_kind,
            "count": self.count,
            "recipient_name": self.recipient_name,
            "title": self.title,
            "span": _span(self.span),
        }


@dataclass(frozen=True)
class RecommendationReading:
    text: str
    addressee: str | None
    assignee: str | None
    report_back_to: str | None
    span: Span

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "addressee": self.addressee,
            "assignee": self.assignee,
            "report_back_to": self.report_back_to,
            "span": _span(self.span),
        }


@dataclass(frozen=True)
class PartyReading:
    cells_total: int | None = None
    cells_good: int | None = None  # "good or better" (HTTNV trở lên)
    cells_excellent: int | None = None
    cells_failed: int | None = None
    members_total: int | None = None
    members_official: int | None = None
    members_probationary: int | None = None
    members_date: EventDate | None = None
    admitted: int | None = None
    spans: tuple[Span, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "cells_total": self.cells_total,
            "cells_good": self.cells_good,
            "cells_excellent": self.cells_excellent,
            "cells_failed": self.cells_failed,
            "members_total": self.members_total,
            "members_official": self.members_official,
            "members_probationary": self.members_probationary,
            "members_date": self.members_date.to_dict() if self.members_date else None,
            "admitted": self.admitted,
            "spans": [_span(span) for span in self.spans],
        }


@dataclass(frozen=True)
class DirectionReading:
    text: str
    year: int | None
    span: Span

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "year": self.year, "span": _span(self.span)}


@dataclass(frozen=True)
class ReviewReading:
    conference: ConferenceReading | None = None
    commendations: tuple[CommendationReading, ...] = ()
    recommendations: tuple[RecommendationReading, ...] = ()
    party: PartyReading | None = None
    directions: tuple[DirectionReading, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "conference": self.conference.to_dict() if self.conference else None,
            "commendations": [reading.to_dict() for reading in self.commendations],
            "recommendations": [reading.to_dict() for reading in self.recommendations],
            "party": self.party.to_dict() if self.party else None,
            "directions": [reading.to_dict() for reading in self.directions],
        }
