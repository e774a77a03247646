"""Ratings under the rules of their year, all or nothing, and the figures they feed."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from tongket.party.models import Rating, Subject, Tally
from tongket.party.services import (
    RatingInput,
    add_admission,
    feed_scorecard,
    record_member_count,
    save_ratings,
    scorecard_figures,
    store_tally,
    tally_counts,
)
from tongket.periods import Period, PeriodKind
from tongket.results.models import Result
from tongket.units.models import Unit

pytestmark = pytest.mark.django_db


def ward() -> Unit:
    return Unit.objects.get(code="21910", valid_to__isnull=True)


def cells(grades: list[str], score: Decimal | None = None) -> list[RatingInput]:
    return [RatingInput(f"Chi bộ tổ dân phố {n}", g, score) for n, g in enumerate(grades, 1)]


def test_ratings_are_saved_with_their_rules_and_tallied() -> None:
    grades = ["htxsnv"] + ["httnv"] * 5 + ["htnv"]
    tally = save_ratings(ward(), Period(2024), Subject.ORGANISATION, cells(grades))
    assert (tally.total, tally.excellent, tally.good, tally.done) == (7, 1, 5, 1)
    assert tally.computed
    assert set(
        Rating.objects.filter(unit=ward(), period="2024").values_list("rules", flat=True)
    ) == {"124-QĐ/TW"}


def test_too_many_excellent_is_refused_and_nothing_written() -> None:
    before = Rating.objects.count(), Tally.objects.count()
    with pytest.raises(ValidationError) as error:
        save_ratings(
            ward(), Period(2024), Subject.ORGANISATION, cells(["htxsnv"] * 2 + ["httnv"] * 3)
        )
    assert "vượt quá 20%" in " ".join(error.value.messages)
    assert (Rating.objects.count(), Tally.objects.count()) == before


def test_scores_belong_to_the_366_rules_only() -> None:
    with pytest.raises(ValidationError):
        save_ratings(ward(), Period(2024), Subject.MEMBER, cells(["httnv"], Decimal(80)))
    tally = save_ratings(ward(), Period(2025), Subject.MEMBER, cells(["httnv"], Decimal(80)))
    assert tally.total == 1
    with pytest.raises(ValidationError) as error:
        save_ratings(ward(), Period(2025), Subject.MEMBER, cells(["htxsnv"], Decimal(75)))
    assert "Dòng 1" in " ".join(error.value.messages)


def test_quarters_only_under_rules_that_allow_them() -> None:
    with pytest.raises(ValidationError):
        save_ratings(ward(), Period(2024, PeriodKind.QUARTER, 3), Subject.MEMBER, cells(["httnv"]))
    tally = save_ratings(
        ward(), Period(2025, PeriodKind.QUARTER, 3), Subject.MEMBER, cells(["httnv"])
    )
    assert tally.period == "2025-q3"


def test_an_unknown_grade_is_refused() -> None:
    with pytest.raises(ValidationError):
        save_ratings(ward(), Period(2024), Subject.MEMBER, cells(["gioi"]))


def test_counts_must_add_up() -> None:
    with pytest.raises(ValidationError):
        tally_counts(total=13, excellent=2, good=10, done=0, failed=0)


def test_the_figures_feed_the_scorecard() -> None:
    counts = tally_counts(total=13, excellent=2, good=11, done=0, failed=0)
    store_tally(ward(), Period(2026), Subject.ORGANISATION, counts)
    record_member_count(ward(), dt.date(2026, 12, 8), official=308, probationary=4)
    add_admission(ward(), "Nguyễn Văn A", dt.date(2026, 3, 2))
    figures = scorecard_figures(ward(), 2026)
    assert figures["party_cells_good"] == 13 and figures["party_cells_excellent"] == 2
    assert figures["party_org_good_rate"] == 100 and figures["party_members_total"] == 312
    assert figures["new_party_members"] == 1
    saved = feed_scorecard(ward(), 2026)
    assert {r.indicator.code for r in saved} >= {"party_cells_good", "party_members_total"}
    stored = Result.objects.get(
        unit=ward(),
        indicator__code="party_cells_good",
        year=2026,
        state="accepted",
        period_kind="year",
    )
    assert stored.value == 13
