"""Grades, the regulations by year, scores, the excellent share and the summary sentence."""

from __future__ import annotations

import csv
import re
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest

from tongket.cycle import (
    GRADES_BEST_FIRST,
    Grade,
    GradeCounts,
    RatingError,
    all_rules,
    check_excellent_share,
    check_rating,
    count_grades,
    grade_abbreviation,
    grade_choices,
    grade_label,
    highest_grade_for_score,
    max_excellent,
    party_summary_sentence,
    rules_for_year,
)

CASES_FILE = Path(__file__).parent / "data" / "rating_cases.csv"


def read_cases() -> list[dict[str, str]]:
    with CASES_FILE.open(encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


CASES = read_cases()


def grades_of(excellent: int, good: int, done: int = 0, failed: int = 0) -> list[str]:
    return ["htxsnv"] * excellent + ["httnv"] * good + ["htnv"] * done + ["khtnv"] * failed


# --- the corpus of single ratings ----------------------------------------------------------


def test_rating_cases_are_well_formed() -> None:
    assert len({row["id"] for row in CASES}) == len(CASES)
    for row in CASES:
        assert row["outcome"] in {"ok", "refused"}
        assert bool(row["message"]) == (row["outcome"] == "refused"), row["id"]


@pytest.mark.parametrize("row", CASES, ids=[row["id"] for row in CASES])
def test_rating_case(row: dict[str, str]) -> None:
    rules = rules_for_year(int(row["year"]))
    score = Decimal(row["score"]) if row["score"] else None
    if row["outcome"] == "ok":
        check_rating(rules, row["grade"], score, row["period_kind"])
        return
    with pytest.raises(RatingError) as caught:
        check_rating(rules, row["grade"], score, row["period_kind"])
    for fragment in row["message"].split("|"):
        assert fragment in caught.value.message
    assert str(caught.value) == caught.value.message


# --- which rules govern which year -----------------------------------------------------------


@pytest.mark.parametrize(
    ("year", "code"),
    [
        (2018, "132-QĐ/TW"),
        (2022, "132-QĐ/TW"),
        (2023, "124-QĐ/TW"),
        (2024, "124-QĐ/TW"),
        (2025, "366-QĐ/TW"),
        (2040, "366-QĐ/TW"),
    ],
)
def test_rules_for_year(year: int, code: str) -> None:
    assert rules_for_year(year).code == code


@pytest.mark.parametrize("year", [1990, 2016, 2017])
def test_years_before_2018_have_no_rules(year: int) -> None:
    with pytest.raises(RatingError) as caught:
        rules_for_year(year)
    assert str(caught.value) == f"Chưa có quy định xếp loại cho năm {year}."
    assert isinstance(caught.value, ValueError)


def test_all_rules_oldest_first() -> None:
    assert [rules.code for rules in all_rules()] == ["132-QĐ/TW", "124-QĐ/TW", "366-QĐ/TW"]


def test_rules_in_force() -> None:
    rules = rules_for_year(2025)
    assert rules.title.startswith("Quy định 366-QĐ/TW ngày 30/8/2025 của Bộ Chính trị")
    assert (rules.first_year, rules.last_year) == (2025, None)
    assert rules.period_kinds == frozenset({"year", "quarter"})
    assert rules.scored
    assert [(band.grade, band.min_score) for band in rules.bands] == [
        (Grade.EXCELLENT, Decimal(90)),
        (Grade.GOOD, Decimal(70)),
        (Grade.DONE, Decimal(50)),
        (Grade.FAILED, Decimal(0)),
    ]
    assert rules.excellent_share == Decimal("0.20")


@pytest.mark.parametrize(
    ("year", "title_start", "last_year"),
    [
        (2018, "Quy định 132-QĐ/TW ngày 08/3/2018 của Bộ Chính trị", 2022),
        (2023, "Quy định 124-QĐ/TW ngày 04/10/2023 của Bộ Chính trị", 2024),
    ],
)
def test_past_rules_are_yearly_and_unscored(year: int, title_start: str, last_year: int) -> None:
    rules = rules_for_year(year)
    assert rules.title.startswith(title_start)
    assert rules.last_year == last_year
    assert rules.period_kinds == frozenset({"year"})
    assert not rules.scored
    assert rules.bands == ()
    assert rules.excellent_share == Decimal("0.20")


# --- scores and bands ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("score", "grade"),
    [
        ("100", Grade.EXCELLENT),
        ("90", Grade.EXCELLENT),
        ("89.99", Grade.GOOD),
        ("70", Grade.GOOD),
        ("69.9", Grade.DONE),
        ("50", Grade.DONE),
        ("49.99", Grade.FAILED),
        ("0", Grade.FAILED),
    ],
)
def test_highest_grade_for_score(score: str, grade: Grade) -> None:
    assert highest_grade_for_score(rules_for_year(2025), Decimal(score)) is grade


def test_no_highest_grade_without_a_scale() -> None:
    with pytest.raises(RatingError, match="không có thang điểm 100"):
        highest_grade_for_score(rules_for_year(2024), Decimal(95))


# --- grades ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("grade", "label", "abbreviation"),
    [
        ("htxsnv", "Hoàn thành xuất sắc nhiệm vụ", "HTXSNV"),
        ("httnv", "Hoàn thành tốt nhiệm vụ", "HTTNV"),
        ("htnv", "Hoàn thành nhiệm vụ", "HTNV"),
        ("khtnv", "Không hoàn thành nhiệm vụ", "KHTNV"),
    ],
)
def test_grade_words(grade: str, label: str, abbreviation: str) -> None:
    assert grade_label(grade) == label
    assert grade_abbreviation(grade) == abbreviation


def test_grades_best_first() -> None:
    assert [grade.value for grade in GRADES_BEST_FIRST] == ["htxsnv", "httnv", "htnv", "khtnv"]


@pytest.mark.parametrize("read", [grade_label, grade_abbreviation])
def test_unknown_grade_has_no_words(read: Callable[[str], str]) -> None:
    with pytest.raises(RatingError, match=re.escape("Xếp loại “tot” không hợp lệ.")):
        read("tot")


# --- the excellent share -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("year", "grades", "limit", "allowed"),
    [
        pytest.param(2025, grades_of(2, 11), 2, True, id="13_good_or_better_2_excellent"),
        pytest.param(2025, grades_of(3, 10), 2, False, id="13_good_or_better_3_excellent"),
        pytest.param(2025, grades_of(1, 3), 0, False, id="4_good_or_better_1_excellent"),
        pytest.param(2025, grades_of(1, 4), 1, True, id="5_good_or_better_1_excellent"),
        pytest.param(2025, grades_of(0, 0, 5, 1), 0, True, id="none_good_or_better"),
        pytest.param(2025, [], 0, True, id="nobody"),
        pytest.param(2025, grades_of(2, 8, 10, 2), 2, True, id="done_and_failed_do_not_count"),
        pytest.param(2025, grades_of(3, 7, 20), 2, False, id="done_does_not_raise_the_limit"),
        pytest.param(2020, grades_of(2, 8), 2, True, id="132_allowed"),
        pytest.param(2023, grades_of(3, 7), 2, False, id="124_refused"),
    ],
)
def test_excellent_share(year: int, grades: list[str], limit: int, allowed: bool) -> None:
    rules = rules_for_year(year)
    assert max_excellent(rules, grades) == limit
    if allowed:
        check_excellent_share(rules, grades)
        return
    with pytest.raises(RatingError) as caught:
        check_excellent_share(rules, grades)
    assert f"Theo Quy định {rules.code}," in caught.value.message
    assert f"(tối đa {limit})" in caught.value.message


def test_excellent_share_message_in_full() -> None:
    with pytest.raises(RatingError) as caught:
        check_excellent_share(rules_for_year(2025), grades_of(3, 10))
    assert str(caught.value) == (
        "Theo Quy định 366-QĐ/TW, số xếp loại Hoàn thành xuất sắc nhiệm vụ (3) vượt quá "
        "20% số hoàn thành tốt nhiệm vụ trở lên (tối đa 2)."
    )


def test_excellent_share_refuses_unknown_grades() -> None:
    with pytest.raises(RatingError, match=re.escape("“A” không hợp lệ")):
        check_excellent_share(rules_for_year(2025), ["htxsnv", "A"])


# --- counting and the summary sentence --------------------------------------------------------


def test_count_grades() -> None:
    counts = count_grades(grades_of(2, 9, 1, 1))
    assert counts == GradeCounts(excellent=2, good=9, done=1, failed=1)
    assert (counts.good_or_better, counts.total) == (11, 13)


@pytest.mark.parametrize("numbers", [(-1, 0, 0, 0), (0, 0, 0, -2)])
def test_grade_counts_refuse_negative_numbers(numbers: tuple[int, int, int, int]) -> None:
    with pytest.raises(ValueError):
        GradeCounts(*numbers)


def test_grade_choices_best_first() -> None:
    assert grade_choices() == (
        ("htxsnv", "Hoàn thành xuất sắc nhiệm vụ"),
        ("httnv", "Hoàn thành tốt nhiệm vụ"),
        ("htnv", "Hoàn thành nhiệm vụ"),
        ("khtnv", "Không hoàn thành nhiệm vụ"),
    )


@pytest.mark.parametrize(
    ("counts", "noun", "sentence"),
    [
        pytest.param(
            GradeCounts(2, 11, 0, 0),
            "chi bộ",
            "13/13 chi bộ hoàn thành tốt nhiệm vụ trở lên, trong đó 2 chi bộ hoàn thành "
            "xuất sắc nhiệm vụ; không có chi bộ không hoàn thành nhiệm vụ",
            id="all_good_or_better",
        ),
        pytest.param(
            GradeCounts(0, 13, 0, 0),
            "chi bộ",
            "13/13 chi bộ hoàn thành tốt nhiệm vụ trở lên; "
            "không có chi bộ không hoàn thành nhiệm vụ",
            id="no_excellent",
        ),
        pytest.param(
            GradeCounts(1, 9, 2, 1),
            "chi bộ",
            "10/13 chi bộ hoàn thành tốt nhiệm vụ trở lên, trong đó 1 chi bộ hoàn thành "
            "xuất sắc nhiệm vụ; 2 chi bộ hoàn thành nhiệm vụ; "
            "1 chi bộ không hoàn thành nhiệm vụ",
            id="every_grade",
        ),
        pytest.param(
            GradeCounts(1, 11, 0, 0),
            "đảng bộ cơ sở",
            "12/12 đảng bộ cơ sở hoàn thành tốt nhiệm vụ trở lên, trong đó 1 đảng bộ cơ sở "
            "hoàn thành xuất sắc nhiệm vụ; không có đảng bộ cơ sở không hoàn thành nhiệm vụ",
            id="other_noun",
        ),
        pytest.param(GradeCounts(0, 0, 0, 0), "chi bộ", "", id="nothing"),
    ],
)
def test_party_summary_sentence(counts: GradeCounts, noun: str, sentence: str) -> None:
    assert party_summary_sentence(counts, noun) == sentence
