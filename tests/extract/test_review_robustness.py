"""Any input gives a valid review reading, quickly: property tests and long inputs."""

from __future__ import annotations

import json
import random
import time
import unicodedata
from typing import Literal

from hypothesis import given, settings
from hypothesis import strategies as st

from tongket.extract.review import ReviewReading, read_review

Form = Literal["NFC", "NFD"]
PIECES = [
    "Hội nghị tổng kết ", "đồng chí ", "Nguyễn Văn A", " - ", "chủ trì", "Chủ trì ",
    "trao giấy khen cho ", "2 tập thể", " 11 cá nhân", "bằng khen của ", "Kỷ niệm chương ",
    "“", "”", "được trao tặng ", "giao ", "UBND xã ", "báo cáo lại ", "kiến nghị", "về kiến nghị ",
    "13/13 chi bộ ", "HTTNV", "không có ", "312 đảng viên", "kết nạp ", "tính đến ngày 8/12/2023",
    "Phương hướng, nhiệm vụ năm 2024: ", "(1) ", "(2) ", "1. ", "\n", ". ", "; ", ", ", "Sáng 8/1",
    "8 ý kiến phát biểu", "1.245", "hoà", "\u00a0", "\r\n", "/",
]  # fmt: skip


def check(text: str) -> ReviewReading:
    reading = read_review(text)
    data = reading.to_dict()
    json.dumps(data, ensure_ascii=False)
    spans = [item["span"] for key in ("commendations", "recommendations", "directions")
             for item in data[key]]  # fmt: skip
    if data["conference"]:
        spans.append(data["conference"]["span"])
    if data["party"]:
        spans.extend(data["party"]["spans"])
    for start, end in spans:
        assert 0 <= start <= end <= len(text)
    return reading


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=400))
def test_any_text(text: str) -> None:
    check(text)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=60), st.sampled_from(["NFC", "NFD"]))
def test_report_like_text(pieces: list[str], form: Form) -> None:
    check(unicodedata.normalize(form, "".join(pieces)))


def test_empty_and_garbage() -> None:
    assert check("") == ReviewReading()
    check(" \n\t ")
    rng = random.Random(11)
    for _ in range(10):
        data = bytes(rng.randrange(256) for _ in range(2000))
        check(data.decode("latin-1"))
        check(data.decode("utf-8", errors="replace"))


def test_long_inputs_in_linear_time() -> None:
    unit = "".join(PIECES)
    small, large = unit * 100, unit * 1000
    started = time.perf_counter()
    check(small)
    small_time = time.perf_counter() - started
    started = time.perf_counter()
    check(large)
    large_time = time.perf_counter() - started
    assert large_time < max(1.0, 25 * small_time)


def test_a_megabyte_and_long_runs() -> None:
    check(("Đảng ủy xã trao giấy khen cho 2 tập thể. " * 30_000)[:1_000_000])
    check("(1) " * 50_000)
    check("đồng chí " * 20_000)
    check("chi bộ " * 50_000)
    check("giao UBND " * 30_000 + "kiến nghị")


def test_many_distinct_awards() -> None:
    text = " ".join(f"Đảng ủy xã trao giấy khen cho {n} tập thể." for n in range(1, 20_000))
    started = time.perf_counter()
    assert len(check(text).commendations) == 19_999
    assert time.perf_counter() - started < 20
