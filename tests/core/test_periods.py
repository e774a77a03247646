"""Reporting periods: labels, date spans, slugs and refusals."""

from __future__ import annotations

import datetime as dt

import pytest

from tongket.periods import Period, PeriodError, PeriodKind

CASES = [
    ("2023", Period(2023), "Năm 2023", dt.date(2023, 1, 1), dt.date(2023, 12, 31)),
    (
        "2023-h1",
        Period(2023, PeriodKind.HALF),
        "6 tháng năm 2023",
        dt.date(2023, 1, 1),
        dt.date(2023, 6, 30),
    ),
    (
        "2023-m9",
        Period(2023, PeriodKind.NINE_MONTHS),
        "9 tháng năm 2023",
        dt.date(2023, 1, 1),
        dt.date(2023, 9, 30),
    ),
    (
        "2023-q3",
        Period(2023, PeriodKind.QUARTER, 3),
        "Quý III/2023",
        dt.date(2023, 7, 1),
        dt.date(2023, 9, 30),
    ),
    (
        "2024-02",
        Period(2024, PeriodKind.MONTH, 2),
        "Tháng 2/2024",
        dt.date(2024, 2, 1),
        dt.date(2024, 2, 29),
    ),
]


@pytest.mark.parametrize(
    ("slug", "period", "label", "start", "end"), CASES, ids=[c[0] for c in CASES]
)
def test_period(slug: str, period: Period, label: str, start: dt.date, end: dt.date) -> None:
    assert Period.parse(slug) == period
    assert period.slug == slug
    assert period.label == label
    assert (period.start, period.end) == (start, end)


@pytest.mark.parametrize(
    ("slug", "message"),
    [
        ("1944", "Năm 1944 nằm ngoài khoảng 1945–2100"),
        ("2101", "Năm 2101 nằm ngoài khoảng"),
        ("2023-q5", "Số kỳ 5 không hợp lệ"),
        ("2023-13", "Số kỳ 13 không hợp lệ"),
        ("năm nay", "không hợp lệ"),
        ("2023-xyz", "Kỳ báo cáo “2023-xyz” không hợp lệ"),
    ],
)
def test_bad_period_is_refused_in_vietnamese(slug: str, message: str) -> None:
    with pytest.raises(PeriodError, match=message):
        Period.parse(slug)
