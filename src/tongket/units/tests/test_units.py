"""The official unit lists, lineage, lookup by code or name, and units added by hand."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from tongket.results.scorecards import has_data
from tongket.units.loading import load_official_units
from tongket.units.lookup import UnitNotFound, find_units, lineage, resolve_unit, search_units
from tongket.units.models import Level, Succession, SuccessionKind, Unit
from tongket.units.services import UnitSpec, add_unit

pytestmark = pytest.mark.django_db

REFORM = dt.date(2025, 7, 1)


def count(level: str, *, current: bool) -> int:
    return Unit.objects.filter(level=level, source="gso", valid_to__isnull=current).count()


def test_both_structures_are_loaded() -> None:
    assert count(Level.PROVINCE, current=True) == 34
    assert count(Level.COMMUNE, current=True) == 3321
    assert count(Level.DISTRICT, current=True) == 0
    assert count(Level.PROVINCE, current=False) == 63
    assert 690 <= count(Level.DISTRICT, current=False) <= 710
    assert 10000 <= count(Level.COMMUNE, current=False) <= 10100


def test_legacy_communes_have_successors() -> None:
    """All but the 28 communes merged away between GSO's list of 4/1/2025 and 1/7/2025."""
    orphans = Unit.objects.filter(
        level=Level.COMMUNE, source="gso", valid_to__isnull=False, successions__isnull=True
    )
    assert orphans.count() == 28


def test_loading_again_creates_nothing() -> None:
    report = load_official_units()
    assert sum(report.created.values()) == 0
    assert report.successions == 0


def test_lineage_both_ways() -> None:
    dap_da = resolve_unit("phường Đập Đá", 2023)
    before, after = lineage(dap_da)
    assert before == []
    assert [u.full_name for u in after] == ["Phường An Nhơn"]
    merged_from, _ = lineage(after[0])
    assert "Phường Đập Đá" in {u.full_name for u in merged_from}
    edge = Succession.objects.get(predecessor=dap_da)
    assert edge.date == REFORM
    assert edge.kind == SuccessionKind.MERGE


def test_earlier_unit_added_by_hand_keeps_its_lineage() -> None:
    thanh_son = resolve_unit("phường Thanh Sơn", 2021, has_data)
    assert thanh_son.parent is not None and thanh_son.parent.name == "Phan Rang - Tháp Chàm"
    assert thanh_son.valid_to == dt.date(2024, 10, 31)
    _, after = lineage(thanh_son)
    assert [u.full_name for u in after] == ["Phường Phủ Hà"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("21910", "Phường Đập Đá"),
        ("phường Đập Đá", "Phường Đập Đá"),
        ("Phuong dap da", "Phường Đập Đá"),
        ("thành phố Tam Điệp", "Thành phố Tam Điệp"),
    ],
)
def test_find_units(query: str, expected: str) -> None:
    assert expected in {u.full_name for u in find_units(query)}


def test_search_is_diacritic_insensitive() -> None:
    names = {u.path_name() for u in search_units("dap da")}
    assert "Phường Đập Đá, Thị xã An Nhơn, Tỉnh Bình Định" in names


def test_name_shared_by_several_units_resolves_to_the_one_with_data() -> None:
    unit = resolve_unit("phường Tây Sơn", 2023, lambda u, year: u.targets.exists())
    assert unit.parent is not None and unit.parent.name == "Tam Điệp"


def test_ambiguous_name_without_data_is_refused_with_candidates() -> None:
    with pytest.raises(UnitNotFound) as caught:
        resolve_unit("xã Tây Sơn", 2023, lambda u, year: False)
    assert len(caught.value.candidates) == 3
    assert "hãy chọn theo mã" in str(caught.value)
    assert "08863" in str(caught.value)


def test_unknown_unit_is_refused() -> None:
    with pytest.raises(UnitNotFound, match="Không tìm thấy"):
        resolve_unit("phường Không Có")


def test_subunit_is_added_under_a_commune() -> None:
    ward = resolve_unit("21910")  # the ward created in 2025
    group = add_unit(UnitSpec(parent=ward, kind="tổ dân phố", name="Số 7"))
    assert group.level == Level.SUBUNIT
    assert group.path_name().startswith("Tổ dân phố Số 7, Phường An Nhơn")


def test_subunit_is_refused_under_a_province() -> None:
    province = Unit.objects.get(code="01", valid_to__isnull=True)
    with pytest.raises(ValidationError, match="chỉ thêm được dưới một đơn vị cấp xã"):
        add_unit(UnitSpec(parent=province, kind="thôn", name="Đông"))
    assert not Unit.objects.filter(kind="thôn", name="Đông").exists()


def test_earlier_unit_needs_a_date_for_its_merger() -> None:
    district = Unit.objects.get(code="582", valid_to__isnull=False)
    phu_ha = resolve_unit("22750")
    with pytest.raises(ValidationError, match="Cần ngày sáp nhập"):
        add_unit(UnitSpec(parent=district, kind="phường", name="Cũ", successor=phu_ha))
    assert not Unit.objects.filter(name="Cũ").exists()


def test_lineage_ancestry_reaches_every_merged_unit() -> None:
    from tongket.units.lookup import lineage_ancestry

    phu_ha_2025 = Unit.objects.get(name="Phan Rang", valid_to__isnull=True)
    names = {u.full_name for u in lineage_ancestry(phu_ha_2025)}
    assert {"Phường Phan Rang", "Phường Phủ Hà", "Phường Thanh Sơn"} <= names
