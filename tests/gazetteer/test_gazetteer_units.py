"""The units of both eras: counts, codes, parents and kinds."""

from __future__ import annotations

from collections import Counter

from tongket.gazetteer import LEVELS, UnitRecord, read_kinds, read_units, split_kind
from tongket.gazetteer.records import CODE_WIDTHS

ParentKey = tuple[str, str, str]  # (era, code, level)


def index() -> dict[ParentKey, UnitRecord]:
    return {(unit.era, unit.code, unit.level): unit for unit in read_units()}


def legacy_chain(commune_code: str) -> tuple[UnitRecord, UnitRecord, UnitRecord]:
    """A legacy commune, its district and its province."""
    units = index()
    commune = units[("legacy", commune_code, "commune")]
    district = units[("legacy", commune.parent_code, "district")]
    province = units[("legacy", district.parent_code, "province")]
    return commune, district, province


def test_counts_per_era_and_level() -> None:
    counts = Counter((unit.era, unit.level) for unit in read_units())
    print(dict(counts))
    assert counts[("2025", "province")] == 34
    assert counts[("2025", "district")] == 0
    assert counts[("2025", "commune")] == 3321
    assert counts[("legacy", "province")] == 63
    assert counts[("legacy", "district")] == 696
    assert counts[("legacy", "commune")] == 10051
    assert len(read_units()) == 34 + 3321 + 63 + 696 + 10051


def test_counts_per_kind() -> None:
    counts = Counter((unit.era, unit.kind) for unit in read_units())
    assert counts[("2025", "tỉnh")] == 28
    assert counts[("2025", "thành phố trực thuộc trung ương")] == 6
    assert counts[("2025", "phường")] == 687
    assert counts[("2025", "xã")] == 2621
    assert counts[("2025", "đặc khu")] == 13
    assert counts[("2025", "thị trấn")] == 0
    assert counts[("legacy", "tỉnh")] == 57
    assert counts[("legacy", "thành phố trực thuộc trung ương")] == 6
    assert counts[("legacy", "huyện")] == 509
    assert counts[("legacy", "quận")] == 49
    assert counts[("legacy", "thị xã")] == 52
    assert counts[("legacy", "thành phố thuộc tỉnh")] == 84
    assert counts[("legacy", "thành phố thuộc thành phố trực thuộc trung ương")] == 2
    assert counts[("legacy", "xã")] == 7717
    assert counts[("legacy", "phường")] == 1716
    assert counts[("legacy", "thị trấn")] == 618
    assert counts[("legacy", "đặc khu")] == 0


def test_codes_are_unique_within_an_era() -> None:
    codes = Counter((unit.era, unit.code) for unit in read_units())
    assert [key for key, n in codes.items() if n > 1] == []


def test_codes_are_gso_codes_with_leading_zeros() -> None:
    for unit in read_units():
        assert unit.code.isdigit(), unit
        assert len(unit.code) == CODE_WIDTHS[unit.level], unit


def test_every_parent_exists_in_the_same_era_at_the_right_level() -> None:
    units = index()
    parent_level = {"2025": {"commune": "province"}, "legacy": {"commune": "district"}}
    for unit in read_units():
        if unit.level == "province":
            assert unit.parent_code == "", unit
            continue
        expected = "province" if unit.level == "district" else parent_level[unit.era][unit.level]
        assert (unit.era, unit.parent_code, expected) in units, unit


def test_every_province_and_district_has_children() -> None:
    parents = {(unit.era, unit.parent_code) for unit in read_units()}
    childless = sorted(
        unit.code
        for unit in read_units()
        if unit.level != "commune" and (unit.era, unit.code) not in parents
    )
    # Island districts without communes, which became special zones (đặc khu) in 2025:
    # Bạch Long Vĩ, Cồn Cỏ, Hoàng Sa, Lý Sơn, Côn Đảo.
    assert childless == ["318", "471", "498", "536", "755"]


def test_kinds_come_from_the_kinds_file_at_their_level() -> None:
    levels = {record.kind: record.level for record in read_kinds()}
    prefixes = {record.kind: record.prefix for record in read_kinds()}
    for unit in read_units():
        assert levels[unit.kind] == unit.level, unit
        assert split_kind(unit.full_name) == (prefixes[unit.kind], unit.name), unit


def test_names_are_stripped_and_not_empty() -> None:
    for unit in read_units():
        assert unit.name and unit.name == unit.name.strip(), unit
        assert unit.full_name.endswith(" " + unit.name), unit


def test_levels_are_sorted_province_first() -> None:
    keys = [(unit.era, LEVELS.index(unit.level), unit.code) for unit in read_units()]
    assert keys == sorted(keys)


def test_cities_inside_centrally_governed_cities() -> None:
    units = index()
    thu_duc = units[("legacy", "769", "district")]
    thuy_nguyen = units[("legacy", "311", "district")]
    assert (thu_duc.name, thu_duc.parent_code) == ("Thủ Đức", "79")
    assert (thuy_nguyen.name, thuy_nguyen.parent_code) == ("Thuỷ Nguyên", "31")
    for city in (thu_duc, thuy_nguyen):
        assert city.kind == "thành phố thuộc thành phố trực thuộc trung ương"


def test_provinces_of_2025() -> None:
    units = index()
    hanoi = units[("2025", "01", "province")]
    assert (hanoi.kind, hanoi.name, hanoi.full_name) == (
        "thành phố trực thuộc trung ương",
        "Hà Nội",
        "Thành phố Hà Nội",
    )
    # The 2025-07-01 structure: Quảng Ninh, Bắc Ninh and Đồng Nai are still provinces.
    for code, name in (("22", "Quảng Ninh"), ("24", "Bắc Ninh"), ("75", "Đồng Nai")):
        assert (units[("2025", code, "province")].kind, units[("2025", code, "province")].name) == (
            "tỉnh",
            name,
        )
    assert units[("2025", "52", "province")].name == "Gia Lai"


def test_dap_da_under_an_nhon_under_binh_dinh() -> None:
    commune, district, province = legacy_chain("21910")
    assert (commune.kind, commune.name) == ("phường", "Đập Đá")
    assert (district.code, district.kind, district.name) == ("549", "thị xã", "An Nhơn")
    assert (province.code, province.kind, province.name) == ("52", "tỉnh", "Bình Định")


def test_phu_ha_in_phan_rang_thap_cham() -> None:
    commune, district, province = legacy_chain("22750")
    assert (commune.kind, commune.name) == ("phường", "Phủ Hà")
    assert (district.code, district.kind) == ("582", "thành phố thuộc tỉnh")
    assert district.name == "Phan Rang - Tháp Chàm"
    assert (province.code, province.name) == ("58", "Ninh Thuận")


def test_no_thanh_son_left_in_phan_rang_thap_cham() -> None:
    # Phường Thanh Sơn was merged into Phủ Hà before GSO's list of 2025-01-04.
    thanh_son = [
        unit
        for unit in read_units()
        if unit.era == "legacy" and unit.level == "commune" and unit.name == "Thanh Sơn"
    ]
    assert all(unit.parent_code != "582" for unit in thanh_son)
    assert [(u.code, u.kind, u.parent_code) for u in thanh_son if u.kind == "phường"] == [
        ("06811", "phường", "196")  # in thành phố Uông Bí, Quảng Ninh
    ]


def test_chanh_lo_in_quang_ngai() -> None:
    commune, district, province = legacy_chain("21031")
    assert (commune.kind, commune.name) == ("phường", "Chánh Lộ")
    assert (district.code, district.kind, district.name) == (
        "522",
        "thành phố thuộc tỉnh",
        "Quảng Ngãi",
    )
    assert (province.code, province.name) == ("51", "Quảng Ngãi")


def test_ha_khanh_in_ha_long() -> None:
    commune, district, province = legacy_chain("06649")
    assert (commune.kind, commune.name) == ("phường", "Hà Khánh")
    assert (district.code, district.kind, district.name) == (
        "193",
        "thành phố thuộc tỉnh",
        "Hạ Long",
    )
    assert (province.code, province.name) == ("22", "Quảng Ninh")


def test_the_three_legacy_tay_son_wards() -> None:
    found = [
        (unit.code, unit.parent_code)
        for unit in read_units()
        if unit.era == "legacy" and unit.full_name == "Phường Tây Sơn"
    ]
    # Tam Điệp (Ninh Bình), Pleiku and An Khê (Gia Lai).
    assert found == [("14369", "370"), ("23575", "622"), ("23617", "623")]


def test_source_quirks_are_kept_as_written() -> None:
    units = index()
    assert units[("legacy", "058", "district")].full_name == "Thành Phố Bắc Kạn"
    assert units[("legacy", "03742", "commune")].name == "é Tòng"
    assert units[("2025", "06325", "commune")].full_name == "xã Bắc Sơn"
