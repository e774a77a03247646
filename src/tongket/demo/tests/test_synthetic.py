"""The demo's synthetic figures for captren's province: marked, beside the real ones."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from tongket.demo.loader import DEMO_SYNTH_PROVINCE, DEMO_SYNTH_YEARS, load_demo_synthetic
from tongket.results.models import Result, Target
from tongket.synth.generate import SYNTH_NOTE
from tongket.synth.writer import province_scope
from tongket.units.lookup import resolve_unit
from tongket.units.models import Unit

pytestmark = pytest.mark.django_db


def test_captrens_province_has_synthetic_figures_for_the_demo_years() -> None:
    scope = province_scope(DEMO_SYNTH_PROVINCE)
    for year in DEMO_SYNTH_YEARS:
        assert Target.objects.filter(year=year, note=SYNTH_NOTE, unit_id__in=scope).count() > 4000
        assert Result.objects.filter(year=year, note=SYNTH_NOTE, unit_id__in=scope).count() > 4000
    assert not Target.objects.filter(note=SYNTH_NOTE).exclude(unit_id__in=scope).exists()
    assert not Target.objects.filter(note=SYNTH_NOTE, year__lt=min(DEMO_SYNTH_YEARS)).exists()


def test_real_seed_figures_stay_real() -> None:
    dap_da = resolve_unit("phường Đập Đá", 2023)
    targets = Target.objects.filter(unit=dap_da, year=2023)
    assert targets.count() == 15
    assert not targets.filter(note=SYNTH_NOTE).exists()


def test_filling_again_writes_nothing() -> None:
    before = Target.objects.count(), Result.objects.count()
    assert load_demo_synthetic() == 0
    assert (Target.objects.count(), Result.objects.count()) == before


def test_superior_sees_a_filled_scorecard_of_todays_commune(login: Any) -> None:
    filled = Target.objects.filter(year=2025, note=SYNTH_NOTE).order_by("unit_id").first()
    assert filled is not None and filled.unit.valid_to is None
    page = login("captren").get(reverse("web:scorecard", args=[filled.unit_id, "2025"]))
    assert page.status_code == 200
    assert "chỉ tiêu đạt và vượt" in page.content.decode()


def test_the_demo_ward_and_the_seed_namesakes_are_left_alone() -> None:
    an_nhon = Unit.objects.current().get(code="21910")
    assert not Target.objects.filter(unit=an_nhon).exists()
    dap_da = resolve_unit("phường Đập Đá", 2023)
    assert not Target.objects.filter(unit=dap_da, note=SYNTH_NOTE).exists()
    namesakes = Unit.objects.filter(name="Tây Sơn", kind="phường", parent__name="Pleiku")
    assert namesakes.exists()
    assert not Target.objects.filter(unit__in=namesakes).exists()
    tay_son = resolve_unit("phường Tây Sơn", 2023, lambda unit, year: unit.targets.exists())
    assert tay_son.parent is not None and tay_son.parent.name == "Tam Điệp"
