"""Bodies named in reports: their kind, and the level of unit they belong to."""

from __future__ import annotations

import pytest

from tongket.cycle.bodies import body_kind_words, body_level_words, guess_body_kind, named_level

KINDS = [
    ("UBND thị xã", "committee"),
    ("Thường trực Thị ủy", "standing"),
    ("Ban Thường vụ Đảng ủy phường", "standing"),
    ("phòng tài chính", "department"),
    ("Sở Xây dựng", "department"),
    ("Hội đồng nhân dân tỉnh", "council"),
    ("Ủy ban MTTQ Việt Nam phường", "front"),
    ("Thành ủy", "party"),
    ("Cục Thuế", "other"),
]
LEVELS = [
    ("UBND thị xã", "thị xã"),
    ("Thường trực Thị ủy", "thị xã"),
    ("Thường trực Thành ủy", "thành phố"),
    ("Sở Tài chính tỉnh Gia Lai", "tỉnh"),
    ("phòng quản lý đô thị", None),
    ("Ban Thường vụ Tỉnh ủy", "tỉnh"),
]


@pytest.mark.parametrize(("name", "kind"), KINDS, ids=[k[0] for k in KINDS])
def test_body_kind(name: str, kind: str) -> None:
    assert guess_body_kind(name) == kind


@pytest.mark.parametrize(("name", "level"), LEVELS, ids=[k[0] for k in LEVELS])
def test_named_level(name: str, level: str | None) -> None:
    assert named_level(name) == level


def test_data_files_are_well_formed() -> None:
    assert all(word and kind for word, kind in body_kind_words())
    assert all(word and level for word, level in body_level_words())
