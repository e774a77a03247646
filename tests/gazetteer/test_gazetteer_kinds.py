"""The kind words and `split_kind`."""

from __future__ import annotations

import unicodedata

import pytest

from tongket.gazetteer import LEVELS, read_kinds, split_kind


def test_kinds_file() -> None:
    kinds = read_kinds()
    assert len({record.kind for record in kinds}) == len(kinds) == 11
    assert {record.level for record in kinds} == set(LEVELS)
    for record in kinds:
        assert record.kind == record.kind.lower().strip()
        assert record.kind.startswith(record.prefix)
        assert record.english
    abbreviations = {record.kind: record.abbreviation for record in kinds}
    assert abbreviations["thị xã"] == "TX"
    assert abbreviations["thành phố thuộc tỉnh"] == "TP"


@pytest.mark.parametrize(
    ("full_name", "expected"),
    [
        ("Phường Đập Đá", ("phường", "Đập Đá")),
        ("phường Đập Đá", ("phường", "Đập Đá")),
        ("Thị xã An Nhơn", ("thị xã", "An Nhơn")),
        ("Xã Xuân Sơn", ("xã", "Xuân Sơn")),
        ("Thị trấn Phù Mỹ", ("thị trấn", "Phù Mỹ")),
        ("Thành phố Hà Nội", ("thành phố", "Hà Nội")),
        ("Thành Phố Bắc Kạn", ("thành phố", "Bắc Kạn")),
        ("Tỉnh Bà Rịa - Vũng Tàu", ("tỉnh", "Bà Rịa - Vũng Tàu")),
        ("Đặc khu Phú Quốc", ("đặc khu", "Phú Quốc")),
        ("Quận 1", ("quận", "1")),
        ("Huyện Lý Sơn", ("huyện", "Lý Sơn")),
        ("  Phường   Tây Sơn ", ("phường", "Tây Sơn")),
        ("Thành phố thuộc tỉnh An Nhơn", ("thành phố thuộc tỉnh", "An Nhơn")),
        ("Đập Đá", ("", "Đập Đá")),
        ("Phường", ("", "Phường")),
        ("Xãhội", ("", "Xãhội")),
        ("", ("", "")),
    ],
)
def test_split_kind(full_name: str, expected: tuple[str, str]) -> None:
    assert split_kind(full_name) == expected


def test_split_kind_normalises_to_nfc() -> None:
    decomposed = unicodedata.normalize("NFD", "Phường Đập Đá")
    assert split_kind(decomposed) == ("phường", "Đập Đá")
