"""Facts of sentences written for these tests, one case per line of facts_corpus.jsonl."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tongket.extract import extract_report


def load_cases(name: str) -> list[Any]:
    """pytest params, one per line of the JSON-lines file `name` beside this module."""
    lines = (Path(__file__).parent / name).read_text(encoding="utf-8").splitlines()
    cases = [json.loads(line) for line in lines if line.strip()]
    return [pytest.param(case, id=case["id"]) for case in cases]


@pytest.mark.parametrize("case", load_cases("facts_corpus.jsonl"))
def test_facts(case: dict[str, Any]) -> None:
    text = case["text"]
    facts = [fact.to_dict() for fact in extract_report(text).facts]
    expected = case["facts"]
    assert len(facts) == len(expected), [f["spans"] for f in facts]
    for got, want in zip(facts, expected, strict=True):
        assert [text[start:end] for start, end in got["spans"]] == want["spans"]
        for key, value in want.items():
            if key != "spans":
                assert got[key] == value, key
    if "year" in case:
        assert extract_report(text).year == case["year"]
