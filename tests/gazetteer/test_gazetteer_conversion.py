"""GSO's conversion table from the legacy units to those of 2025."""

from __future__ import annotations

from collections import Counter, defaultdict

from tongket.gazetteer import ConversionRecord, read_conversions, read_units

# Old codes of the conversion table that are not in GSO's legacy list of 2025-01-04: units
# made between January and July 2025 (Mộc Châu's wards, merged wards of Hồ Chí Minh City).
OLD_CODES_NOT_IN_LEGACY = [
    "03980",
    "03983",
    "03984",
    "26929",
    "26953",
    "27076",
    "27226",
    "27232",
    "27367",
    "27373",
]
# Legacy communes that are in no conversion row: merged away between January and July 2025.
LEGACY_COMMUNES_NOT_CONVERTED = [
    "01651",
    "02482",
    "03751",
    "03898",
    "03913",
    "03988",
    "03991",
    "04003",
    "04060",
    "07693",
    "07732",
    "07744",
    "16387",
    "16411",
    "18448",
    "20176",
    "20674",
    "25102",
    "25174",
    "25177",
    "25186",
    "26935",
    "26959",
    "27067",
    "27217",
    "27223",
    "27361",
    "27379",
]
# 2025 special zones made from island districts without communes: Bạch Long Vĩ, Cồn Cỏ,
# Hoàng Sa, Lý Sơn, Côn Đảo.
NEW_COMMUNES_WITHOUT_SOURCE = ["11948", "19742", "20333", "21548", "26732"]


def codes(era: str, level: str) -> set[str]:
    return {unit.code for unit in read_units() if unit.era == era and unit.level == level}


def rows(level: str) -> list[ConversionRecord]:
    return [row for row in read_conversions() if row.level == level]


def targets(old_code: str, level: str = "commune") -> list[tuple[str, bool]]:
    return [(row.new_code, row.partial) for row in rows(level) if row.old_code == old_code]


def test_row_counts() -> None:
    assert len(rows("province")) == 63
    assert len(rows("commune")) == 10565
    assert sum(row.partial for row in rows("commune")) == 1042
    assert sum(row.partial for row in rows("province")) == 0
    assert {row.level for row in read_conversions()} == {"province", "commune"}


def test_rows_are_unique_and_sorted() -> None:
    keys = [(row.level, row.old_code, row.new_code) for row in read_conversions()]
    assert len(set(keys)) == len(keys)
    order = [({"province": 0, "commune": 1}[level], old, new) for level, old, new in keys]
    assert order == sorted(order)


def test_provinces_63_to_34() -> None:
    assert {row.old_code for row in rows("province")} == codes("legacy", "province")
    assert {row.new_code for row in rows("province")} == codes("2025", "province")
    assert Counter(row.old_code for row in rows("province")).most_common(1)[0][1] == 1


def test_province_conversion_spot_checks() -> None:
    assert targets("52", "province") == [("52", False)]  # Bình Định into Gia Lai (52)
    assert targets("64", "province") == [("52", False)]  # Gia Lai
    assert targets("58", "province") == [("56", False)]  # Ninh Thuận into Khánh Hòa
    # Tiền Giang went whole into Đồng Tháp; the source's own province table also lists
    # Tây Ninh (80), from a wrong province code on one row of its commune table.
    assert targets("82", "province") == [("82", False)]


def test_province_conversion_agrees_with_the_communes() -> None:
    units = {(unit.era, unit.code): unit for unit in read_units()}
    province_of_new = {
        row.old_code: row.new_code for row in rows("province")
    }  # one new province each
    for row in rows("commune"):
        if row.old_code in OLD_CODES_NOT_IN_LEGACY:
            continue
        district = units[("legacy", units[("legacy", row.old_code)].parent_code)]
        new_province = units[("2025", row.new_code)].parent_code
        assert province_of_new[district.parent_code] == new_province, row


def test_every_code_exists_at_its_level() -> None:
    legacy_communes = codes("legacy", "commune")
    assert {row.new_code for row in rows("commune")} <= codes("2025", "commune")
    missing = sorted({row.old_code for row in rows("commune")} - legacy_communes)
    assert missing == OLD_CODES_NOT_IN_LEGACY


def test_every_legacy_commune_goes_somewhere() -> None:
    converted = {row.old_code for row in rows("commune")}
    assert sorted(codes("legacy", "commune") - converted) == LEGACY_COMMUNES_NOT_CONVERTED


def test_every_new_commune_comes_from_somewhere() -> None:
    sources = {row.new_code for row in rows("commune")}
    assert sorted(codes("2025", "commune") - sources) == NEW_COMMUNES_WITHOUT_SOURCE
    kinds = {unit.code: unit.kind for unit in read_units() if unit.era == "2025"}
    assert {kinds[code] for code in NEW_COMMUNES_WITHOUT_SOURCE} == {"đặc khu"}


def test_partial_rows_belong_to_split_units() -> None:
    by_old: dict[str, list[ConversionRecord]] = defaultdict(list)
    for row in rows("commune"):
        by_old[row.old_code].append(row)
    whole_but_split = sorted(
        old for old, group in by_old.items() if len(group) > 1 and not any(r.partial for r in group)
    )
    # GSO flags no row of these two split communes as partial (Hồng Quang, Công Đa).
    assert whole_but_split == ["01615", "02485"]
    print(Counter(len(group) for group in by_old.values()))


def test_spot_checks() -> None:
    assert targets("21910") == [("21910", False)]  # Đập Đá into phường An Nhơn (Gia Lai)
    assert targets("06649") == [("06658", False)]  # Hà Khánh into phường Cao Xanh
    assert targets("21031") == [("21025", False)]  # Chánh Lộ into phường Cẩm Thành
    assert targets("22750") == [("22759", False)]  # Phủ Hà into phường Phan Rang
    assert targets("14369") == [("14362", False)]  # Tây Sơn (Tam Điệp) into phường Tam Điệp
    assert targets("23575") == [("23575", False)]  # Tây Sơn (Pleiku) into phường Pleiku
    assert targets("23617") == [("23617", False)]  # Tây Sơn (An Khê) into phường An Khê
    # Phường Thụy Khuê (quận Tây Hồ): part into phường Ba Đình, the rest into Tây Hồ.
    assert targets("00112") == [("00004", True), ("00103", False)]
    new = {unit.code: unit.full_name for unit in read_units() if unit.era == "2025"}
    assert new["21910"] == "Phường An Nhơn"
    assert new["06658"] == "Phường Cao Xanh"
    assert new["21025"] == "Phường Cẩm Thành"
    assert new["22759"] == "Phường Phan Rang"
