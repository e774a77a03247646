"""Any input gives a valid report, quickly: property tests and a bounded fuzz run."""

from __future__ import annotations

import json
import random
import time
import unicodedata
from typing import Literal

from hypothesis import given, settings
from hypothesis import strategies as st

from tongket.extract import Report, extract_report

Form = Literal["NFC", "NFD"]
FORMS: list[Form] = ["NFC", "NFD"]
PIECES = [
    "đạt ", "98,5%", " tỷ đồng", "triệu", "/", "(", ")", "12/12", " chỉ tiêu", "năm 2023",
    "đồng chí ", "Nguyễn Văn A", " - ", "PBT", "phường ", "Hòa ", ". ", ";", "\n", "1.234,5",
    "hoà", "\u00a0", "\r\n", "%", "ngày 8/1", "trở lên", "dưới ", "21-NQ/TU", "..", ",,",
]  # fmt: skip


def check(text: str) -> Report:
    report = extract_report(text)
    json.dumps(report.to_dict(), ensure_ascii=False)
    for fact in report.facts:
        for start, end in fact.spans:
            assert 0 <= start <= end <= len(text)
    for summary in report.summaries:
        assert 0 <= summary.span[0] <= summary.span[1] <= len(text)
    return report


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=400))
def test_any_text(text: str) -> None:
    check(text)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=80), st.sampled_from(FORMS))
def test_report_like_text(pieces: list[str], form: Form) -> None:
    check(unicodedata.normalize(form, "".join(pieces)))


def test_empty_and_blank() -> None:
    assert check("").to_dict()["facts"] == []
    assert check(" \n\t ").to_dict()["unit"] == {"kind": None, "name": None}


def test_binary_garbage() -> None:
    rng = random.Random(7)
    for _ in range(20):
        data = bytes(rng.randrange(256) for _ in range(2000))
        check(data.decode("latin-1"))
        check(data.decode("utf-8", errors="replace"))


def test_digits_and_dots_in_linear_time() -> None:
    small, large = "1.2,3/4-" * 3_125, "1.2,3/4-" * 31_250  # 25 KB and 250 KB
    started = time.perf_counter()
    check(small)
    small_time = time.perf_counter() - started
    started = time.perf_counter()
    check(large)
    large_time = time.perf_counter() - started
    assert large_time < max(0.5, 25 * small_time)


def test_long_runs_and_nesting() -> None:
    check("9" * 200_000)
    check("1." * 100_000)
    check("(" * 50_000 + "12%" + ")" * 50_000)
    check("đồng chí " * 20_000)
    check("Nguyễn " * 50_000)
    check("tỷ " * 50_000 + "đồng")


def test_bounded_fuzz() -> None:
    rng = random.Random(2024)
    alphabet = "".join(PIECES) + "0123456789.,/%-() \n"
    for _ in range(300):
        size = rng.randrange(1, 600)
        if rng.random() < 0.5:
            text = "".join(rng.choice(PIECES) for _ in range(size // 5 + 1))
        else:
            text = "".join(rng.choice(alphabet) for _ in range(size))
        check(unicodedata.normalize(rng.choice(FORMS), text))
