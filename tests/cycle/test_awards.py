"""Commendations counted per form, and said in a sentence."""

from __future__ import annotations

import re

import pytest

from tongket.cycle import (
    AwardCount,
    AwardError,
    commendation_forms,
    form_label,
    recipient_kinds,
    tally,
    tally_sentence,
)


def test_tally_adds_up_per_form_in_the_files_order() -> None:
    items = [
        ("ky_niem_chuong", "person", 1),
        ("giay_khen", "person", 5),
        ("giay_khen", "collective", 2),
        ("giay_khen", "person", 6),
    ]
    assert tally(items) == (AwardCount("giay_khen", 2, 11), AwardCount("ky_niem_chuong", 0, 1))


def test_tally_leaves_out_forms_with_nothing_given() -> None:
    assert tally([("bang_khen", "person", 0), ("other", "collective", 1)]) == (
        AwardCount("other", 1, 0),
    )
    assert tally([]) == ()


@pytest.mark.parametrize(
    ("item", "fragment"),
    [
        pytest.param(("huan_chuong", "person", 1), "“huan_chuong” không hợp lệ", id="form"),
        pytest.param(("giay_khen", "family", 1), "Đối tượng khen thưởng “family”", id="kind"),
        pytest.param(("giay_khen", "person", -2), "không được âm (đã ghi -2)", id="negative"),
    ],
)
def test_tally_refuses(item: tuple[str, str, int], fragment: str) -> None:
    with pytest.raises(AwardError) as caught:
        tally([item])
    assert fragment in str(caught.value)


@pytest.mark.parametrize(
    ("counts", "sentence"),
    [
        pytest.param(
            (AwardCount("giay_khen", 2, 11), AwardCount("ky_niem_chuong", 0, 1)),
            "giấy khen cho 2 tập thể, 11 cá nhân; kỷ niệm chương cho 1 cá nhân",
            id="two_forms",
        ),
        pytest.param((AwardCount("bang_khen", 3, 0),), "bằng khen cho 3 tập thể", id="collectives"),
        pytest.param(
            (AwardCount("danh_hieu", 1, 4), AwardCount("other", 0, 2)),
            "danh hiệu thi đua cho 1 tập thể, 4 cá nhân; hình thức khác cho 2 cá nhân",
            id="title_and_other",
        ),
        pytest.param((AwardCount("giay_khen", 0, 0),), "", id="zero"),
        pytest.param((), "", id="none"),
    ],
)
def test_tally_sentence(counts: tuple[AwardCount, ...], sentence: str) -> None:
    assert tally_sentence(counts) == sentence


@pytest.mark.parametrize(
    ("form", "label"),
    [
        ("giay_khen", "Giấy khen"),
        ("bang_khen", "Bằng khen"),
        ("ky_niem_chuong", "Kỷ niệm chương"),
        ("danh_hieu", "Danh hiệu thi đua"),
        ("other", "Hình thức khác"),
    ],
)
def test_form_label(form: str, label: str) -> None:
    assert form_label(form) == label
    assert (form, label) in commendation_forms()


def test_unknown_form_label_refused() -> None:
    with pytest.raises(AwardError, match=re.escape("Hình thức khen thưởng “x” không hợp lệ.")):
        form_label("x")


def test_choices() -> None:
    assert [code for code, _ in commendation_forms()] == [
        "giay_khen",
        "bang_khen",
        "ky_niem_chuong",
        "danh_hieu",
        "other",
    ]
    assert recipient_kinds() == (("collective", "tập thể"), ("person", "cá nhân"))
