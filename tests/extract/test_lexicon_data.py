"""The reader's data files parse, have their columns, no duplicates, and agree with each other."""

from __future__ import annotations

import csv
from importlib import resources

import pytest

from tongket.catalogue import load_indicators
from tongket.extract.lexicon import DATA_FILES, fold, load_lexicon, read_rows

COLUMNS = {
    "abbreviations.csv": ["abbreviation", "expansion", "kind", "expand_in_roles"],
    "boilerplate.csv": ["marker"],
    "comparators.csv": ["position", "phrase", "comparator"],
    "cues.csv": ["kind", "phrase"],
    "currencies.csv": ["word", "unit"],
    "indicator_phrases.csv": ["phrase", "code", "unit_class"],
    "measures.csv": ["word", "unit", "unit_class"],
    "non_fact_words.csv": ["position", "phrase", "reason"],
    "role_words.csv": ["word"],
    "scales.csv": ["word", "multiplier"],
    "titles.csv": ["title"],
    "tone_marks.csv": ["old", "new"],
    "unit_kinds.csv": ["word", "kind", "level"],
}
KEYS = {
    "abbreviations.csv": ("abbreviation",),
    "boilerplate.csv": ("marker",),
    "comparators.csv": ("position", "phrase"),
    "cues.csv": ("kind", "phrase"),
    "currencies.csv": ("word",),
    "indicator_phrases.csv": ("phrase", "code"),
    "measures.csv": ("word",),
    "non_fact_words.csv": ("position", "phrase"),
    "role_words.csv": ("word",),
    "scales.csv": ("word",),
    "titles.csv": ("title",),
    "tone_marks.csv": ("old",),
    "unit_kinds.csv": ("word",),
}
CUE_KINDS = {
    "achieve_verb", "change_word", "comparison_year", "event_date_cue", "logistics",
    "logistics_person", "not_event_date", "person_cue", "person_stop", "plan_after_year",
    "plan_word", "plan_year", "project_noun", "rate_word", "result_verb", "review_year",
    "summary_all", "summary_total", "summary_word", "target_cue", "target_ref",
    "target_year_word", "time_of_day", "year_word",
}  # fmt: skip


def test_every_data_file_is_listed_and_described() -> None:
    folder = resources.files("tongket.extract").joinpath("data")
    on_disk = sorted(entry.name for entry in folder.iterdir() if entry.name.endswith(".csv"))
    assert on_disk == sorted(DATA_FILES) == sorted(COLUMNS)


@pytest.mark.parametrize("name", sorted(COLUMNS))
def test_data_file_has_its_columns_and_no_blank_cells(name: str) -> None:
    text = resources.files("tongket.extract").joinpath("data", name).read_text("utf-8")
    reader = csv.DictReader(text.splitlines())
    assert reader.fieldnames == COLUMNS[name]
    rows = list(reader)
    assert rows
    optional = {"code"} if name == "indicator_phrases.csv" else set()
    for row in rows:
        assert None not in row, f"{name}: extra cells in {row}"
        for column in COLUMNS[name]:
            assert row[column] is not None
            assert row[column] == row[column].strip()
            assert row[column] or column in optional, f"{name}: blank {column} in {row}"


@pytest.mark.parametrize("name", sorted(KEYS))
def test_data_file_has_no_duplicates(name: str) -> None:
    keys = [tuple(fold(row[column]) for column in KEYS[name]) for row in read_rows(name)]
    duplicates = {key for key in keys if keys.count(key) > 1}
    assert not duplicates


def test_title_abbreviations_expand_to_known_titles() -> None:
    titles = load_lexicon().title_words
    for row in read_rows("abbreviations.csv"):
        assert row["kind"] in ("title", "qualifier", "body")
        assert row["expand_in_roles"] in ("yes", "no")
        assert row["abbreviation"].isupper()
        if row["kind"] == "title":
            assert titles.match_at(fold(row["expansion"]).split(), 0), row


def test_indicator_phrases_name_catalogue_codes() -> None:
    specs = {spec.code: spec for spec in load_indicators()}
    for row in read_rows("indicator_phrases.csv"):
        assert row["unit_class"] in ("percent", "money", "count")
        if row["code"]:
            assert row["code"] in specs, row
            assert specs[row["code"]].unit_class == row["unit_class"], row


def test_cue_kinds_are_the_ones_the_code_reads() -> None:
    assert {row["kind"] for row in read_rows("cues.csv")} == CUE_KINDS


def test_measures_scales_and_comparators_are_well_formed() -> None:
    for row in read_rows("measures.csv"):
        assert row["unit_class"] == "count"
    for row in read_rows("scales.csv"):
        assert int(row["multiplier"]) in (1000, 1000000, 1000000000)
    for row in read_rows("comparators.csv"):
        assert row["position"] in ("before", "after", "label")
        assert row["comparator"] in (">", ">=", "<", "<=")
    for row in read_rows("non_fact_words.csv"):
        assert row["position"] in ("before", "after")


def test_tone_marks_keep_the_length() -> None:
    for row in read_rows("tone_marks.csv"):
        assert len(row["old"]) == len(row["new"]) == 2


def test_unit_kinds_are_the_spec_levels() -> None:
    kinds = {row["kind"]: row["level"] for row in read_rows("unit_kinds.csv")}
    assert set(kinds) == {
        "xã", "phường", "thị trấn", "đặc khu", "quận", "huyện", "thị xã", "thành phố"
    }  # fmt: skip
    assert set(kinds.values()) == {"commune", "district"}
