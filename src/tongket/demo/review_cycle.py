"""The demo's review cycle for phường An Nhơn: conferences, recommendations at every status,
commendations, Party ratings and directions — entered through the same services as the pages.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from importlib import resources
from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction

from tongket.access.scope import scope_of
from tongket.party.models import Subject
from tongket.party.services import RatingInput, add_admission, record_member_count, save_ratings
from tongket.people.models import Body
from tongket.people.services import body_named
from tongket.periods import Period
from tongket.recommendations.services import (
    RecommendationInput,
    change_status,
    raise_recommendation,
)
from tongket.review.models import Conference
from tongket.review.services import (
    AttendeeInput,
    CommendationInput,
    ConferenceInput,
    add_commendation,
    save_conference,
    save_directions,
)
from tongket.units.models import Unit


def read_review_cycle() -> dict[str, Any]:
    text = resources.files("tongket.demo").joinpath("data", "review_cycle.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def day(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def current(code: str) -> Unit:
    return Unit.objects.current().get(code=code)


def load_conferences(unit: Unit, specs: list[dict[str, Any]], note: str) -> list[Conference]:
    conferences = []
    for spec in specs:
        data = ConferenceInput(
            unit=unit,
            kind=spec["kind"],
            title=spec["title"],
            held_on=dt.date.fromisoformat(spec["held_on"]),
            time_of_day=spec.get("time_of_day", ""),
            starts_at=dt.time.fromisoformat(spec["starts_at"]) if spec.get("starts_at") else None,
            place=spec.get("place", ""),
            period=spec.get("period", ""),
            opinions_count=spec.get("opinions_count"),
            bodies_present=tuple(spec.get("bodies_present", [])),
            reported_summaries=tuple(tuple(p) for p in spec.get("reported_summaries", [])),
            conclusions=spec.get("conclusions", ""),
            attendees=tuple(AttendeeInput(**a) for a in spec["attendees"]),
        )
        conferences.append(save_conference(data, note=note))
    return conferences


def load_recommendations(
    unit: Unit, specs: list[dict[str, Any]], bodies: dict[str, Body], conferences: list[Conference]
) -> None:
    users = get_user_model()
    office = users.objects.get(username="vanphong")
    for spec in specs:
        index = spec.get("conference")
        data = RecommendationInput(
            unit=unit,
            raised_on=dt.date.fromisoformat(spec["raised_on"]),
            addressee=bodies[spec["addressee"]],
            topic=spec["topic"],
            text=spec["text"],
            assignee=bodies.get(spec.get("assignee", "")),
            deadline=day(spec.get("deadline")),
            report_back_to=bodies.get(spec.get("report_back_to", "")),
            conference=conferences[index] if index is not None else None,
        )
        item = raise_recommendation(data, office)
        for step in spec.get("steps", []):
            user = users.objects.get(username=step["by"])
            item = change_status(
                item,
                step["status"],
                scope_of(user),
                user,
                answer=step.get("answer", ""),
                answered_on=day(step.get("answered_on")),
                note=step.get("note", ""),
            )


def load_party(unit: Unit, spec: dict[str, Any]) -> None:
    period = Period.parse(spec["period"])
    cells = [RatingInput(name, grade, Decimal(score)) for name, grade, score in spec["cells"]]
    save_ratings(unit, period, Subject.ORGANISATION, cells)
    count = spec["member_count"]
    record_member_count(
        unit, dt.date.fromisoformat(count["counted_on"]), count["official"], count["probationary"]
    )
    for name, admitted_on, cell in spec["admissions"]:
        add_admission(unit, name, dt.date.fromisoformat(admitted_on), cell)


@transaction.atomic
def load_review_cycle() -> int:
    """Load the demo review cycle once; the number of conferences written (0 when present)."""
    data = read_review_cycle()
    unit = current(data["unit"])
    if Conference.objects.filter(unit=unit, note=data["note"]).exists():
        return 0
    bodies = {b["name"]: body_named(current(b["unit"]), b["name"]) for b in data["bodies"]}
    conferences = load_conferences(unit, data["conferences"], data["note"])
    load_recommendations(unit, data["recommendations"], bodies, conferences)
    for spec in data["commendations"]:
        index = spec.pop("conference", None)
        add_commendation(
            CommendationInput(
                unit=unit,
                conference=conferences[index] if index is not None else None,
                **spec,
            ),
            note=data["note"],
        )
    load_party(unit, data["party"])
    directions = data["directions"]
    save_directions(
        unit,
        directions["year"],
        directions["items"],
        conference=conferences[directions["conference"]],
        note=data["note"],
    )
    return len(conferences)
