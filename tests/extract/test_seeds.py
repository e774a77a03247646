"""The shared scorer's thresholds on the seed articles (skipped when /work/shared is absent)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tongket.extract import extract_report

SHARED = Path(__file__).resolve().parents[3] / "shared"
SEEDS = SHARED / "corpus" / "seeds"
SCORER = SHARED / "tools" / "score_extraction.py"
pytestmark = pytest.mark.skipif(not SEEDS.is_dir(), reason="seed corpus not available")


@pytest.fixture(scope="module")
def scorer_output(tmp_path_factory: pytest.TempPathFactory) -> str:
    out = tmp_path_factory.mktemp("predictions")
    for path in sorted(SEEDS.glob("*.txt")):
        report = extract_report(path.read_text(encoding="utf-8"))
        text = json.dumps(report.to_dict(), ensure_ascii=False)
        (out / f"{path.stem}.json").write_text(text, encoding="utf-8")
    command = [sys.executable, str(SCORER), str(SEEDS), str(out)]
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


def figure(output: str, pattern: str) -> float:
    match = re.search(pattern, output)
    assert match, output
    return float(match.group(1))


def test_strict_fact_f1(scorer_output: str) -> None:
    assert figure(scorer_output, r"strict fact F1 ([\d.]+)") >= 0.95


def test_people_summaries_unit_and_year(scorer_output: str) -> None:
    assert figure(scorer_output, r"people F1 ([\d.]+)") == 1.0
    assert figure(scorer_output, r"summary F1 ([\d.]+)") == 1.0
    documents = len(list(SEEDS.glob("*.gold.json")))
    assert f"unit {documents}/{documents}" in scorer_output
    assert f"year {documents}/{documents}" in scorer_output


def test_spans_are_inside_the_text() -> None:
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for fact in extract_report(text).facts:
            for start, end in fact.spans:
                assert 0 <= start < end <= len(text)
                assert any(char.isdigit() for char in text[start:end])
