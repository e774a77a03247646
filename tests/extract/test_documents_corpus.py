"""Unit, year, event date, summaries and people of short texts written for these tests."""

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


@pytest.mark.parametrize("case", load_cases("documents_corpus.jsonl"))
def test_document(case: dict[str, Any]) -> None:
    text = case["text"]
    report = extract_report(text).to_dict()
    for key in ("unit", "year", "event_date", "people"):
        if key in case:
            assert report[key] == case[key], key
    if "summaries" in case:
        got = [(s["achieved"], s["total"], text[slice(*s["span"])]) for s in report["summaries"]]
        want = [(s["achieved"], s["total"], s["span"]) for s in case["summaries"]]
        assert got == want
    if "facts" in case:
        assert len(report["facts"]) == case["facts"]
