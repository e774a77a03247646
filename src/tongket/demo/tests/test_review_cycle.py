"""The demo ward's review cycle: conferences, recommendations at every stage, Party counts."""

from __future__ import annotations

import datetime as dt

import pytest

from tongket.cycle.workflow import is_overdue
from tongket.demo.review_cycle import load_review_cycle
from tongket.party.models import Tally
from tongket.recommendations.models import Recommendation
from tongket.review.models import Conference
from tongket.units.models import Unit

pytestmark = pytest.mark.django_db


def test_the_demo_holds_a_review_cycle_at_every_stage() -> None:
    ward = Unit.objects.current().get(code="21910")
    assert Conference.objects.filter(unit=ward).count() >= 2
    items = list(Recommendation.objects.filter(unit=ward))
    assert {"new", "in_progress", "answered", "resolved"} <= {r.status for r in items}
    assert any(is_overdue(r.status, r.deadline, dt.date(2026, 11, 22)) for r in items)
    tally = Tally.objects.get(unit=ward, period="2025", subject="organisation")
    assert (tally.total, tally.excellent) == (11, 2)
    assert load_review_cycle() == 0  # loading again writes nothing
