"""Normalisation keeps spans pointing into the text as given."""

from __future__ import annotations

import unicodedata
from typing import Literal

import pytest

from tongket.extract import extract_report
from tongket.extract.normalize import normalize_text

SENTENCE = "Tỷ lệ hộ gia đình được công nhận gia đình văn hoá đạt 92,5%; thu ngân sách 12 tỷ đồng."


def spans_of(text: str) -> list[list[str]]:
    """The (NFC of the) input text under each span of each fact."""
    return [[nfc(text[a:b]) for a, b in fact.spans] for fact in extract_report(text).facts]


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def test_old_tone_marks_are_read_as_new() -> None:
    normal = normalize_text("Thuỷ lợi, hoà giải, Uỷ ban, quý, hoàn thành")
    assert normal.text == "Thủy lợi, hòa giải, Ủy ban, quý, hoàn thành"


def test_odd_spaces_become_plain_spaces() -> None:
    normal = normalize_text("đạt\u00a098,5%\r\nthu\u2009gom")
    assert normal.text == "đạt 98,5%\n\nthu gom"


@pytest.mark.parametrize("form", ["NFC", "NFD"])
def test_spans_refer_to_the_input(form: Literal["NFC", "NFD"]) -> None:
    text = unicodedata.normalize(form, SENTENCE)
    assert spans_of(text) == [["92,5%"], ["12 tỷ đồng"]]


def test_mixed_nfc_and_nfd_input() -> None:
    text = unicodedata.normalize("NFD", "Tỷ lệ bao phủ bảo hiểm y tế ") + "đạt 91%, "
    text += unicodedata.normalize("NFD", "kết nạp 9 đảng viên mới.")
    report = extract_report(text)
    assert [[nfc(text[a:b]) for a, b in f.spans] for f in report.facts] == [
        ["91%"],
        ["9 đảng viên"],
    ]
    assert text[slice(*report.facts[1].spans[0])] == unicodedata.normalize("NFD", "9 đảng viên")
    assert report.facts[1].code == "new_party_members"


def test_windows_line_ends_and_bom() -> None:
    text = "\ufeffTỷ lệ thu gom rác thải đạt 97%.\r\nGiải quyết việc làm cho 120 lao động.\r\n"
    assert spans_of(text) == [["97%"], ["120 lao động"]]


def test_nfd_people_names_are_nfc() -> None:
    text = unicodedata.normalize("NFD", "Đồng chí Nguyễn Thị Hoà - Bí thư Đảng ủy xã.")
    assert [p.name for p in extract_report(text).people] == ["Nguyễn Thị Hòa"]
