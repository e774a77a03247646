"""Reporting periods of a year: the whole year, 6 and 9 months, quarters and months."""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

MIN_YEAR = 1945
MAX_YEAR = 2100


class PeriodKind(StrEnum):
    YEAR = "year"
    HALF = "h1"  # the first 6 months
    NINE_MONTHS = "m9"
    QUARTER = "quarter"
    MONTH = "month"


PERIOD_LABELS = {
    PeriodKind.YEAR: "Cả năm",
    PeriodKind.HALF: "6 tháng",
    PeriodKind.NINE_MONTHS: "9 tháng",
    PeriodKind.QUARTER: "Quý",
    PeriodKind.MONTH: "Tháng",
}

NUMBER_RANGE = {
    PeriodKind.YEAR: (0, 0),
    PeriodKind.HALF: (0, 0),
    PeriodKind.NINE_MONTHS: (0, 0),
    PeriodKind.QUARTER: (1, 4),
    PeriodKind.MONTH: (1, 12),
}


class PeriodError(ValueError):
    """A period that does not exist; the message is Vietnamese, for users."""


@dataclass(frozen=True, order=True)
class Period:
    year: int
    kind: PeriodKind = PeriodKind.YEAR
    number: int = 0

    def __post_init__(self) -> None:
        if not MIN_YEAR <= self.year <= MAX_YEAR:
            raise PeriodError(f"Năm {self.year} nằm ngoài khoảng {MIN_YEAR}–{MAX_YEAR}.")
        low, high = NUMBER_RANGE[self.kind]
        if not low <= self.number <= high:
            raise PeriodError(
                f"Số kỳ {self.number} không hợp lệ cho kỳ “{PERIOD_LABELS[self.kind]}”."
            )

    @property
    def first_month(self) -> int:
        if self.kind == PeriodKind.QUARTER:
            return 3 * self.number - 2
        if self.kind == PeriodKind.MONTH:
            return self.number
        return 1

    @property
    def last_month(self) -> int:
        return {
            PeriodKind.YEAR: 12,
            PeriodKind.HALF: 6,
            PeriodKind.NINE_MONTHS: 9,
            PeriodKind.QUARTER: 3 * self.number,
            PeriodKind.MONTH: self.number,
        }[self.kind]

    @property
    def start(self) -> dt.date:
        return dt.date(self.year, self.first_month, 1)

    @property
    def end(self) -> dt.date:
        last = self.last_month
        return dt.date(self.year, last, calendar.monthrange(self.year, last)[1])

    @property
    def label(self) -> str:
        """ "Năm 2023", "6 tháng năm 2023", "Quý III/2023", "Tháng 9/2023"."""
        if self.kind == PeriodKind.YEAR:
            return f"Năm {self.year}"
        if self.kind == PeriodKind.QUARTER:
            return f"Quý {ROMAN[self.number]}/{self.year}"
        if self.kind == PeriodKind.MONTH:
            return f"Tháng {self.number}/{self.year}"
        return f"{PERIOD_LABELS[self.kind]} năm {self.year}"

    @property
    def slug(self) -> str:
        """A stable id: "2023", "2023-h1", "2023-m9", "2023-q3", "2023-m09"."""
        if self.kind == PeriodKind.YEAR:
            return str(self.year)
        if self.kind == PeriodKind.QUARTER:
            return f"{self.year}-q{self.number}"
        if self.kind == PeriodKind.MONTH:
            return f"{self.year}-{self.number:02d}"
        return f"{self.year}-{self.kind.value}"

    @classmethod
    def parse(cls, slug: str) -> Period:
        text = slug.strip().lower()
        year_text, _, rest = text.partition("-")
        if not year_text.isdigit():
            raise PeriodError(f"Kỳ báo cáo “{slug}” không hợp lệ.")
        year = int(year_text)
        if not rest:
            return cls(year)
        if rest in (PeriodKind.HALF.value, PeriodKind.NINE_MONTHS.value):
            return cls(year, PeriodKind(rest))
        if rest.startswith("q") and rest[1:].isdigit():
            return cls(year, PeriodKind.QUARTER, int(rest[1:]))
        if rest.isdigit():
            return cls(year, PeriodKind.MONTH, int(rest))
        raise PeriodError(f"Kỳ báo cáo “{slug}” không hợp lệ.")


ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
