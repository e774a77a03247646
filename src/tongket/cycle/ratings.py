"""Rating the quality of collectives and persons at the year-end review.

The rules come from `data/rating_rules.toml`, versioned by year: a past year is judged
by the regulation of its own time. Under 132-QĐ/TW (2018–2022) and 124-QĐ/TW (2023–2024)
ratings are yearly and have no score; under 366-QĐ/TW (2025 on) they may also be
quarterly, and a score on the 100-point scale, when given, caps the grade.

    >>> rules = rules_for_year(2025)
    >>> rules.code, highest_grade_for_score(rules, Decimal("75")).value
    ('366-QĐ/TW', 'httnv')
    >>> max_excellent(rules, ["htxsnv"] * 2 + ["httnv"] * 11)
    2
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_FLOOR, Decimal
from enum import StrEnum
from functools import cache
from typing import Any

from tongket.cycle.messages import CycleError, format_decimal, message, read_toml

RULES_FILE = "rating_rules.toml"
MAX_SCORE = Decimal("100")


class Grade(StrEnum):
    EXCELLENT = "htxsnv"
    GOOD = "httnv"
    DONE = "htnv"
    FAILED = "khtnv"


GRADES_BEST_FIRST: tuple[Grade, ...] = tuple(Grade)


class RatingError(CycleError):
    """A rating the rules refuse; `message` (and `str()`) is Vietnamese, for users."""


@dataclass(frozen=True)
class GradeWords:
    label: str  # "Hoàn thành xuất sắc nhiệm vụ"
    abbreviation: str  # "HTXSNV"


@dataclass(frozen=True)
class ScoreBand:
    grade: Grade
    min_score: Decimal


@dataclass(frozen=True)
class RatingRules:
    code: str  # "366-QĐ/TW"
    title: str
    first_year: int
    last_year: int | None  # None while in force
    period_kinds: frozenset[str]
    scored: bool
    bands: tuple[ScoreBand, ...]  # best first; empty when not scored
    excellent_share: Decimal

    def covers(self, year: int) -> bool:
        return self.first_year <= year and (self.last_year is None or year <= self.last_year)


@dataclass(frozen=True)
class GradeCounts:
    """How many were rated at each grade."""

    excellent: int
    good: int
    done: int
    failed: int

    def __post_init__(self) -> None:
        if min(self.excellent, self.good, self.done, self.failed) < 0:
            raise ValueError(f"negative grade counts: {self}")

    @property
    def total(self) -> int:
        return self.excellent + self.good + self.done + self.failed

    @property
    def good_or_better(self) -> int:
        return self.excellent + self.good


# --- the data file ---------------------------------------------------------------------


@cache
def load_grade_words() -> dict[Grade, GradeWords]:
    rows = read_toml(RULES_FILE)["grades"]
    return {Grade(row["code"]): GradeWords(row["label"], row["abbreviation"]) for row in rows}


@cache
def load_period_words() -> dict[str, dict[str, str]]:
    table: dict[str, dict[str, str]] = read_toml(RULES_FILE)["period_kinds"]
    return table


def build_rules(row: dict[str, Any]) -> RatingRules:
    bands = tuple(
        ScoreBand(Grade(band["grade"]), Decimal(band["min_score"])) for band in row["bands"]
    )
    last_year = row.get("last_year")
    return RatingRules(
        code=row["code"],
        title=row["title"],
        first_year=int(row["first_year"]),
        last_year=None if last_year is None else int(last_year),
        period_kinds=frozenset(row["period_kinds"]),
        scored=bool(bands),
        bands=bands,
        excellent_share=Decimal(row["excellent_share"]),
    )


@cache
def all_rules() -> tuple[RatingRules, ...]:
    """Every regulation, oldest first."""
    rules = (build_rules(row) for row in read_toml(RULES_FILE)["rules"])
    return tuple(sorted(rules, key=lambda item: item.first_year))


def rules_for_year(year: int) -> RatingRules:
    for rules in all_rules():
        if rules.covers(year):
            return rules
    raise RatingError(message("rating", "no_rules", year=year))


# --- grades ----------------------------------------------------------------------------


def parse_grade(grade: str) -> Grade:
    try:
        return Grade(grade)
    except ValueError:
        raise RatingError(message("rating", "unknown_grade", grade=grade)) from None


def grade_label(grade: str) -> str:
    return load_grade_words()[parse_grade(grade)].label


def grade_abbreviation(grade: str) -> str:
    return load_grade_words()[parse_grade(grade)].abbreviation


def grade_choices() -> tuple[tuple[str, str], ...]:
    """(code, label) pairs, best first, for Django choices."""
    return tuple((grade.value, words.label) for grade, words in load_grade_words().items())


def grade_rank(grade: Grade) -> int:
    """0 for the best grade, growing as grades get worse."""
    return GRADES_BEST_FIRST.index(grade)


# --- checking one rating ---------------------------------------------------------------


def check_rating(rules: RatingRules, grade: str, score: Decimal | None, period_kind: str) -> None:
    """Refuse (RatingError) a grade, score and period the rules do not allow.

    A score is optional. When given it needs the 100-point scale, lies within 0–100, and
    caps the grade at its band: 75 points cannot be HTXSNV, while 92 points may still be
    HTTNV (other conditions failed). KHTNV is allowed at any score.
    """
    chosen = parse_grade(grade)
    check_period_kind(rules, period_kind)
    if score is None:
        return
    highest = highest_grade_for_score(rules, score)
    if grade_rank(chosen) < grade_rank(highest):
        raise RatingError(
            message(
                "rating",
                "grade_above_score",
                code=rules.code,
                score=format_decimal(score),
                highest=grade_label(highest),
                grade=grade_label(chosen),
            )
        )


def check_period_kind(rules: RatingRules, period_kind: str) -> None:
    words = load_period_words()
    if period_kind not in words:
        raise RatingError(message("rating", "unknown_period", period=period_kind))
    if period_kind not in rules.period_kinds:
        allowed = ", ".join(words[kind]["every"] for kind in words if kind in rules.period_kinds)
        raise RatingError(
            message(
                "rating",
                "period_not_allowed",
                code=rules.code,
                period=words[period_kind]["noun"],
                allowed=allowed,
            )
        )


def highest_grade_for_score(rules: RatingRules, score: Decimal) -> Grade:
    """The best grade a score allows; RatingError without a 100-point scale or off it."""
    if not rules.scored:
        raise RatingError(message("rating", "score_not_scored", code=rules.code))
    if not Decimal(0) <= score <= MAX_SCORE:
        raise RatingError(message("rating", "score_out_of_range", score=format_decimal(score)))
    for band in rules.bands:
        if score >= band.min_score:
            return band.grade
    raise AssertionError(f"the bands of {rules.code} do not reach down to {score}")


# --- the excellent share ----------------------------------------------------------------


def count_grades(grades: Sequence[str]) -> GradeCounts:
    parsed = [parse_grade(grade) for grade in grades]
    return GradeCounts(
        excellent=parsed.count(Grade.EXCELLENT),
        good=parsed.count(Grade.GOOD),
        done=parsed.count(Grade.DONE),
        failed=parsed.count(Grade.FAILED),
    )


def max_excellent(rules: RatingRules, grades: Sequence[str]) -> int:
    """How many may be rated HTXSNV: floor(excellent_share × number rated HTTNV or better)."""
    good_or_better = count_grades(grades).good_or_better
    return int((rules.excellent_share * good_or_better).to_integral_value(ROUND_FLOOR))


def check_excellent_share(rules: RatingRules, grades: Sequence[str]) -> None:
    counts = count_grades(grades)
    limit = max_excellent(rules, grades)
    if counts.excellent > limit:
        raise RatingError(
            message(
                "rating",
                "excellent_share",
                code=rules.code,
                excellent=grade_label(Grade.EXCELLENT),
                count=counts.excellent,
                share=format_decimal(rules.excellent_share * 100),
                limit=limit,
            )
        )


# --- the summary sentence ----------------------------------------------------------------


def party_summary_sentence(counts: GradeCounts, noun: str = "chi bộ") -> str:
    """One sentence on how the `noun`s (chi bộ, đảng bộ, …) were rated; "" when none were.

    For example "13/13 chi bộ hoàn thành tốt nhiệm vụ trở lên, trong đó 2 chi bộ hoàn
    thành xuất sắc nhiệm vụ; không có chi bộ không hoàn thành nhiệm vụ".
    """
    if counts.total == 0:
        return ""
    sentence = message(
        "summary", "head", good_or_better=counts.good_or_better, total=counts.total, noun=noun
    )
    if counts.excellent:
        sentence += ", " + message("summary", "excellent", excellent=counts.excellent, noun=noun)
    if counts.done:
        sentence += "; " + message("summary", "done", done=counts.done, noun=noun)
    if counts.failed:
        sentence += "; " + message("summary", "failed", failed=counts.failed, noun=noun)
    else:
        sentence += "; " + message("summary", "no_failed", noun=noun)
    return sentence
