"""The review reader on sentences written for these tests, one case per line of
review_corpus.jsonl. A case lists only what it checks; a "span" is the text it covers."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path
from typing import Any

import pytest

from tongket.extract.review import ReviewReading, read_review


def load_cases(name: str) -> list[Any]:
    """pytest params, one per line of the JSON-lines file `name` beside this module."""
    lines = (Path(__file__).parent / name).read_text(encoding="utf-8").splitlines()
    return [pytest.param(case, id=case["id"]) for case in map(json.loads, filter(None, lines))]


def covered(text: str, span: list[int]) -> str:
    start, end = span
    assert 0 <= start <= end <= len(text)
    return unicodedata.normalize("NFC", text[start:end])


def check_fields(text: str, got: dict[str, Any], want: dict[str, Any]) -> None:
    for key, value in want.items():
        if key == "span":
            assert covered(text, got["span"]) == value
        else:
            assert got[key] == value, key


def check_list(text: str, got: list[dict[str, Any]], want: list[dict[str, Any]]) -> None:
    assert len(got) == len(want), got
    for got_item, want_item in zip(got, want, strict=True):
        check_fields(text, got_item, want_item)


def read_case(case: dict[str, Any]) -> tuple[str, ReviewReading]:
    text = case["text"]
    if case.get("nfd"):
        text = unicodedata.normalize("NFD", text)
    return text, read_review(text)


@pytest.mark.parametrize("case", load_cases("review_corpus.jsonl"))
def test_review_reading(case: dict[str, Any]) -> None:
    text, reading = read_case(case)
    got = reading.to_dict()
    if "conference" in case:
        if case["conference"] is None:
            assert got["conference"] is None
        else:
            check_fields(text, got["conference"], case["conference"])
    for key in ("commendations", "recommendations"):
        if key in case:
            check_list(text, got[key], case[key])
    if "party" in case:
        if case["party"] is None:
            assert got["party"] is None
        else:
            check_fields(text, got["party"], case["party"])
            assert all(covered(text, span).strip() for span in got["party"]["spans"])
    if "directions" in case:
        assert [covered(text, d["span"]) for d in got["directions"]] == case["directions"]
        assert [d["text"] for d in got["directions"]] == case["directions"]
        if "direction_year" in case:
            assert {d["year"] for d in got["directions"]} == {case["direction_year"]}
    for recommendation in got["recommendations"]:
        assert recommendation["text"] in covered(text, recommendation["span"])
