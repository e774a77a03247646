"""The review reader's data files parse, have their columns, no duplicates and known labels."""

from __future__ import annotations

import csv
from importlib import resources

import pytest

from tongket.extract.lexicon import fold
from tongket.extract.review.lexicon import (
    COMMENDATION_FORMS,
    CONFERENCE_KINDS,
    CUE_KINDS,
    DATA_FILES,
    GRADES,
    RECIPIENT_KINDS,
    load_review_lexicon,
    read_review_rows,
)

COLUMNS = {
    "commendation_forms.csv": ["form", "phrase"],
    "conference_kinds.csv": ["kind", "phrase"],
    "cues.csv": ["kind", "phrase"],
    "numerals.csv": ["word", "value"],
    "party_grades.csv": ["grade", "phrase"],
    "recipient_words.csv": ["phrase", "recipient_kind"],
}
KEYS = {
    "commendation_forms.csv": ("phrase",),
    "conference_kinds.csv": ("phrase",),
    "cues.csv": ("kind", "phrase"),
    "numerals.csv": ("word",),
    "party_grades.csv": ("phrase",),
    "recipient_words.csv": ("phrase",),
}
LABELS = {
    "commendation_forms.csv": ("form", COMMENDATION_FORMS),
    "conference_kinds.csv": ("kind", CONFERENCE_KINDS),
    "cues.csv": ("kind", CUE_KINDS),
    "party_grades.csv": ("grade", GRADES),
    "recipient_words.csv": ("recipient_kind", RECIPIENT_KINDS),
}


def test_every_data_file_is_listed() -> None:
    folder = resources.files("tongket.extract").joinpath("data", "review")
    on_disk = sorted(entry.name for entry in folder.iterdir() if entry.name.endswith(".csv"))
    assert on_disk == sorted(DATA_FILES) == sorted(COLUMNS)


@pytest.mark.parametrize("name", sorted(COLUMNS))
def test_data_file_has_its_columns_and_no_blank_cells(name: str) -> None:
    text = resources.files("tongket.extract").joinpath("data", "review", name).read_text("utf-8")
    reader = csv.DictReader(text.splitlines())
    assert reader.fieldnames == COLUMNS[name]
    rows = list(reader)
    assert rows
    for row in rows:
        assert None not in row, f"{name}: extra cells in {row}"
        for column in COLUMNS[name]:
            assert row[column], f"{name}: blank {column} in {row}"
            assert row[column] == row[column].strip()


@pytest.mark.parametrize("name", sorted(KEYS))
def test_data_file_has_no_duplicates(name: str) -> None:
    keys = [tuple(fold(row[column]) for column in KEYS[name]) for row in read_review_rows(name)]
    assert not {key for key in keys if keys.count(key) > 1}


@pytest.mark.parametrize("name", sorted(LABELS))
def test_labels_are_the_ones_the_code_reads(name: str) -> None:
    column, known = LABELS[name]
    assert {row[column] for row in read_review_rows(name)} == set(known)


def test_phrases_are_lower_case_and_numerals_are_numbers() -> None:
    for name in COLUMNS:
        for row in read_review_rows(name):
            for column in ("phrase", "word"):
                if column in row:
                    assert row[column] == fold(row[column]), row
    for row in read_review_rows("numerals.csv"):
        assert 1 <= int(row["value"]) <= 10


def test_lexicon_loads() -> None:
    lexicon = load_review_lexicon()
    assert set(lexicon.cues) == set(CUE_KINDS)
    assert lexicon.number("08") == 8 and lexicon.number("hai") == 2
