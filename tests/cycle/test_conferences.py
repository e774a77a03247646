"""Kinds of meetings and times of day."""

from __future__ import annotations

import re

import pytest

from tongket.cycle import (
    ConferenceError,
    conference_kind_label,
    conference_kinds,
    time_of_day_label,
    times_of_day,
)

KINDS = (
    ("review", "Hội nghị tổng kết"),
    ("midyear", "Hội nghị sơ kết 6 tháng"),
    ("nine_month", "Hội nghị sơ kết 9 tháng"),
    ("council_session", "Kỳ họp HĐND"),
    ("working_session", "Buổi làm việc"),
    ("other", "Khác"),
)
TIMES = (("morning", "Sáng"), ("afternoon", "Chiều"), ("evening", "Tối"))


def test_conference_kinds() -> None:
    assert conference_kinds() == KINDS


def test_times_of_day() -> None:
    assert times_of_day() == TIMES


@pytest.mark.parametrize(("code", "label"), KINDS)
def test_conference_kind_label(code: str, label: str) -> None:
    assert conference_kind_label(code) == label


@pytest.mark.parametrize(("code", "label"), TIMES)
def test_time_of_day_label(code: str, label: str) -> None:
    assert time_of_day_label(code) == label


def test_unknown_codes_refused() -> None:
    with pytest.raises(ConferenceError, match=re.escape("Loại hội nghị “seminar” không hợp lệ.")):
        conference_kind_label("seminar")
    with pytest.raises(ConferenceError, match=re.escape("Buổi “noon” không hợp lệ.")):
        time_of_day_label("noon")
