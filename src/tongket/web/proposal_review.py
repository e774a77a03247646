"""Proposals of a document (conference, people, commendations, …) as lines to review."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from tongket.cycle.awards import form_label
from tongket.cycle.conferences import conference_kind_label, time_of_day_label
from tongket.cycle.messages import format_date
from tongket.documents.models import Document, Proposal
from tongket.web.highlight import Highlight, highlights_of

NEEDS_DAY: dict[str, str] = {
    Proposal.Kind.CONFERENCE: "held_on",
    Proposal.Kind.MEMBER_COUNT: "counted_on",
}
RECIPIENTS = {"collective": "tập thể", "person": "cá nhân"}


@dataclass(frozen=True)
class ProposalView:
    proposal: Proposal
    key: str
    heading: str
    lines: tuple[str, ...]
    missing_day: str  # the payload key of a day the text does not give, else ""
    quote: str


def day_text(value: str | None) -> str:
    return format_date(dt.date.fromisoformat(value)) if value else "chưa rõ"


def conference_lines(data: dict[str, Any]) -> list[str]:
    when = day_text(data.get("held_on"))
    if data.get("time_of_day"):
        when = f"{time_of_day_label(data['time_of_day'])} {when}"
    lines = [f"{conference_kind_label(data['kind'])}: {data['title']}", f"Ngày họp: {when}"]
    if data.get("period"):
        lines.append(f"Kỳ đánh giá: năm {data['period']}")
    if data.get("opinions_count") is not None:
        lines.append(f"Số ý kiến phát biểu: {data['opinions_count']}")
    for achieved, total in data.get("reported_summaries", []):
        lines.append(f"Báo cáo nêu: {achieved}/{total} chỉ tiêu đạt và vượt")
    for person in data.get("attendees", []):
        part = "Chủ trì" if person.get("part") == "chair" else "Dự"
        title = f" — {person['title']}" if person.get("title") else ""
        lines.append(f"{part}: {person['name']}{title}")
    if data.get("bodies_present"):
        lines.append("Cơ quan dự: " + ", ".join(data["bodies_present"]))
    return lines


def commendation_lines(data: dict[str, Any]) -> list[str]:
    who = data.get("recipient_name") or f"{data['quantity']} {RECIPIENTS[data['recipient_kind']]}"
    title = f" “{data['title']}”" if data.get("title") else ""
    return [f"{form_label(data['form'])}{title} cho {who}", f"Cấp khen: {data['awarding_body']}"]


def recommendation_lines(data: dict[str, Any]) -> list[str]:
    lines = [f"Nội dung: {data['text']}", f"Gửi đến: {data['addressee']['name']}"]
    for key, label in (("assignee", "Giao giải quyết"), ("report_back_to", "Báo cáo lại")):
        if data.get(key):
            lines.append(f"{label}: {data[key]['name']}")
    return lines


def tally_lines(data: dict[str, Any]) -> list[str]:
    good = data["excellent"] + data["good"]
    return [
        f"Năm {data['period']}: {good}/{data['total']} chi bộ hoàn thành tốt nhiệm vụ trở lên",
        f"trong đó {data['excellent']} hoàn thành xuất sắc; {data['failed']} không hoàn thành",
    ]


def member_lines(data: dict[str, Any]) -> list[str]:
    total = data["official"] + data["probationary"]
    return [
        f"Tính đến {day_text(data.get('counted_on'))}: {total} đảng viên",
        f"{data['official']} chính thức, {data['probationary']} dự bị",
    ]


def direction_lines(data: dict[str, Any]) -> list[str]:
    return [f"Năm {data.get('year') or 'chưa rõ'}:"] + [
        f"({number}) {item}" for number, item in enumerate(data["items"], start=1)
    ]


LINES: dict[str, Callable[[dict[str, Any]], list[str]]] = {
    Proposal.Kind.CONFERENCE: conference_lines,
    Proposal.Kind.COMMENDATION: commendation_lines,
    Proposal.Kind.RECOMMENDATION: recommendation_lines,
    Proposal.Kind.PARTY_TALLY: tally_lines,
    Proposal.Kind.MEMBER_COUNT: member_lines,
    Proposal.Kind.DIRECTIONS: direction_lines,
}


def proposal_views(document: Document) -> list[ProposalView]:
    views = []
    for proposal in document.proposals.order_by("pk"):
        missing = NEEDS_DAY.get(proposal.kind, "")
        quote = " … ".join(
            document.text[start:end] for start, end in proposal.spans[:1] if end - start < 300
        )
        views.append(
            ProposalView(
                proposal=proposal,
                key=f"p-{proposal.pk}",
                heading=proposal.get_kind_display(),
                lines=tuple(LINES[proposal.kind](proposal.payload)),
                missing_day=missing if missing and not proposal.payload.get(missing) else "",
                quote=quote,
            )
        )
    return views


def proposal_highlights(views: list[ProposalView]) -> list[Highlight]:
    highlights: list[Highlight] = []
    for view in views:
        highlights.extend(highlights_of(view.key, view.proposal.spans, "review"))
    return highlights
