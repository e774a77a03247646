"""Review-cycle objects of a unit for the URL walk: a conference and a person who attended."""

from __future__ import annotations

import datetime as dt
from typing import Any

from tongket.review.services import AttendeeInput, ConferenceInput, save_conference
from tongket.units.models import Unit


def review_objects(unit: Unit, suffix: str) -> dict[str, Any]:
    data = ConferenceInput(
        unit,
        "review",
        f"Hội nghị tổng kết năm 2023 ({suffix})",
        dt.date(2023, 12, 13),
        time_of_day="morning",
        period="2023",
        attendees=(AttendeeInput(f"Người dự {suffix}", "Chủ tịch UBND phường", "chair"),),
    )
    conference = save_conference(data)
    person_id = conference.attendances.get().person_id
    return {"conference_id": conference.pk, "person_id": person_id}
