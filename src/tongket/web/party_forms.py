"""Forms of the Party page: the ratings grid, membership counts and admissions.

Parsing only; `tongket.party.services` checks the rules and writes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from django import forms
from django.http import QueryDict

from tongket.party.models import Rating
from tongket.party.services import RatingInput
from tongket.scorecard.numbers import format_number
from tongket.vnformat import parse_decimal
from tongket.web.conference_form import DATE_FORMATS

BLANK_GRID_ROWS = 5
MAX_NAME = 200
ROW_PREFIX = re.compile(r"^Dòng (\d+)\b")


@dataclass
class GridRow:
    """One row of the ratings grid as typed; `errors` are shown beside it."""

    name: str = ""
    grade: str = ""
    score: str = ""
    errors: list[str] = field(default_factory=list)

    @property
    def is_blank(self) -> bool:
        return not (self.name.strip() or self.grade or self.score.strip())


def grid_rows(post: QueryDict) -> list[GridRow]:
    """The filled rows, in order."""
    names, grades, scores = (post.getlist(key) for key in ("name", "grade", "score"))

    def at(values: list[str], index: int) -> str:
        return values[index] if index < len(values) else ""

    rows = [GridRow(name, at(grades, i), at(scores, i)) for i, name in enumerate(names)]
    return [row for row in rows if not row.is_blank]


def rows_of(ratings: Sequence[Rating]) -> list[GridRow]:
    return [
        GridRow(r.name, r.grade, "" if r.score is None else format_number(Decimal(r.score)))
        for r in ratings
    ]


def with_blank_rows(rows: list[GridRow]) -> list[GridRow]:
    return rows + [GridRow() for _ in range(BLANK_GRID_ROWS)]


def parse_score(text: str) -> Decimal | None:
    """The score as typed ("92,5"); ValueError with a Vietnamese message when unreadable."""
    if not text.strip():
        return None
    try:
        score = parse_decimal(text)
    except ValueError:
        raise ValueError(f"điểm “{text.strip()}” không phải là số.") from None
    if score.as_tuple().exponent < -2:  # type: ignore[operator]
        raise ValueError("điểm chỉ ghi tối đa hai chữ số thập phân.")
    return score


def rating_entries(rows: list[GridRow], known: dict[str, Rating]) -> list[RatingInput]:
    """One entry per row, or [] after noting each row's errors on it.

    A name already rated keeps its link to the chi bộ or person.
    """
    entries: list[RatingInput] = []
    for number, row in enumerate(rows, start=1):
        name = " ".join(row.name.split())
        if len(name) > MAX_NAME:
            row.errors.append(f"Dòng {number}: tên dài quá {MAX_NAME} ký tự.")
        if not row.grade:
            row.errors.append(f"Dòng {number}: chưa chọn xếp loại.")
        try:
            score = parse_score(row.score)
        except ValueError as error:
            row.errors.append(f"Dòng {number}: {error}")
            continue
        previous = known.get(name.lower())
        entries.append(
            RatingInput(
                name=name,
                grade=row.grade,
                score=score,
                subject_unit=previous.subject_unit if previous else None,
                person=previous.person if previous else None,
            )
        )
    return [] if any(row.errors for row in rows) else entries


def spread_row_errors(rows: list[GridRow], messages: list[str]) -> list[str]:
    """Attach "Dòng n …" messages to row n; return the others (the HTXSNV share)."""
    general: list[str] = []
    for message in messages:
        match = ROW_PREFIX.match(message)
        number = int(match.group(1)) if match else 0
        if 1 <= number <= len(rows):
            rows[number - 1].errors.append(message)
        else:
            general.append(message)
    return general


class MemberCountForm(forms.Form):
    counted_on = forms.DateField(
        label="Tính đến ngày",
        input_formats=DATE_FORMATS,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    official = forms.IntegerField(label="Đảng viên chính thức", min_value=0)
    probationary = forms.IntegerField(label="Đảng viên dự bị", min_value=0)


class AdmissionForm(forms.Form):
    name = forms.CharField(label="Họ và tên", max_length=120)
    admitted_on = forms.DateField(
        label="Ngày kết nạp",
        input_formats=DATE_FORMATS,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    cell = forms.CharField(label="Chi bộ", max_length=200, required=False)
