"""The cycle's data files agree with the code that reads them and with their own schema."""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal
from importlib import resources
from itertools import pairwise
from string import Formatter
from typing import Any

import pytest

from tongket.cycle import Grade, RecipientKind, Status
from tongket.cycle.messages import MESSAGE_FIELDS, load_templates, read_csv_rows, read_toml
from tongket.periods import PeriodKind

CSV_HEADERS = {
    "recommendation_statuses.csv": ["code", "label", "order"],
    "commendation_forms.csv": ["code", "label", "sentence_label"],
    "recipient_kinds.csv": ["code", "label"],
    "conference_kinds.csv": ["code", "label"],
    "times_of_day.csv": ["code", "label"],
}
DATA_FILES = sorted({*CSV_HEADERS, "rating_rules.toml", "messages.toml"})
CODE = re.compile(r"[a-z][a-z0-9_]*")


def read_text(name: str) -> str:
    return resources.files("tongket.cycle").joinpath("data", name).read_text("utf-8")


def test_every_data_file_is_shipped() -> None:
    shipped = {entry.name for entry in resources.files("tongket.cycle").joinpath("data").iterdir()}
    assert set(DATA_FILES) <= shipped


@pytest.mark.parametrize("name", DATA_FILES)
def test_data_file_is_nfc_utf8_without_stray_spaces(name: str) -> None:
    text = read_text(name)
    assert unicodedata.normalize("NFC", text) == text
    for line in text.splitlines():
        assert line == line.rstrip(), line
    assert text.endswith("\n")


@pytest.mark.parametrize("name", sorted(CSV_HEADERS))
def test_csv_schema(name: str) -> None:
    text = read_text(name)
    assert text.splitlines()[0] == ",".join(CSV_HEADERS[name])
    rows = read_csv_rows(name)
    assert rows
    codes = [row["code"] for row in rows]
    assert len(set(codes)) == len(codes)
    for row in rows:
        assert list(row) == CSV_HEADERS[name]
        assert CODE.fullmatch(row["code"]), row
        assert all(value and value == value.strip() for value in row.values()), row


def test_statuses_match_the_enum_in_order() -> None:
    rows = read_csv_rows("recommendation_statuses.csv")
    assert [row["code"] for row in rows] == [status.value for status in Status]
    assert [int(row["order"]) for row in rows] == list(range(1, len(rows) + 1))


def test_commendation_forms_sentence_labels() -> None:
    for row in read_csv_rows("commendation_forms.csv"):
        assert row["sentence_label"] == row["label"][:1].lower() + row["label"][1:]
    assert read_csv_rows("commendation_forms.csv")[-1]["code"] == "other"


def test_recipient_kinds_match_the_enum() -> None:
    rows = read_csv_rows("recipient_kinds.csv")
    assert [row["code"] for row in rows] == [kind.value for kind in RecipientKind]
    assert all(row["label"] == row["label"].lower() for row in rows)


# --- rating_rules.toml ----------------------------------------------------------------------

RULES = read_toml("rating_rules.toml")


def test_rules_file_sections() -> None:
    assert set(RULES) == {"grades", "period_kinds", "rules"}


def test_grades_match_the_enum_best_first() -> None:
    grades = RULES["grades"]
    assert [grade["code"] for grade in grades] == [grade.value for grade in Grade]
    for grade in grades:
        assert set(grade) == {"code", "label", "abbreviation"}
        assert grade["abbreviation"] == grade["code"].upper()
        assert grade["label"].endswith("nhiệm vụ")


def test_period_kinds_are_known_periods() -> None:
    kinds = RULES["period_kinds"]
    assert set(kinds) <= {kind.value for kind in PeriodKind}
    for words in kinds.values():
        assert set(words) == {"noun", "every"}
        assert words["every"] == f"hằng {words['noun']}"


def test_rules_cover_the_years_from_2018_without_gap_or_overlap() -> None:
    rules = sorted(RULES["rules"], key=lambda row: row["first_year"])
    assert rules[0]["first_year"] == 2018
    for before, after in pairwise(rules):
        assert before["last_year"] + 1 == after["first_year"]
    assert "last_year" not in rules[-1]
    assert len({row["code"] for row in rules}) == len(rules)


@pytest.mark.parametrize("row", RULES["rules"], ids=[row["code"] for row in RULES["rules"]])
def test_rules_row_schema(row: dict[str, Any]) -> None:
    required = {"code", "title", "first_year", "period_kinds", "excellent_share", "bands"}
    assert required <= set(row) <= required | {"last_year"}
    code = str(row["code"])
    assert re.fullmatch(r"\d+-QĐ/TW", code)
    assert re.match(
        rf"Quy định {code} ngày \d{{2}}/\d{{1,2}}/\d{{4}} của Bộ Chính trị ", str(row["title"])
    )
    assert "year" in row["period_kinds"]
    assert set(row["period_kinds"]) <= set(RULES["period_kinds"])
    assert Decimal("0") < Decimal(str(row["excellent_share"])) < Decimal("1")


@pytest.mark.parametrize("row", RULES["rules"], ids=[row["code"] for row in RULES["rules"]])
def test_bands_are_best_first_and_reach_zero(row: dict[str, list[dict[str, str]]]) -> None:
    bands = row["bands"]
    if not bands:
        return
    assert [band["grade"] for band in bands] == [grade.value for grade in Grade]
    scores = [Decimal(band["min_score"]) for band in bands]
    assert scores == sorted(scores, reverse=True)
    assert len(set(scores)) == len(scores)
    assert scores[0] <= 100
    assert scores[-1] == 0


# --- messages.toml -----------------------------------------------------------------------------

MESSAGE_CODES = [(section, code) for section, codes in MESSAGE_FIELDS.items() for code in codes]


def test_messages_file_matches_declared_messages() -> None:
    templates = load_templates()
    assert set(templates) == set(MESSAGE_FIELDS)
    for section, codes in MESSAGE_FIELDS.items():
        assert set(templates[section]) == set(codes), section


@pytest.mark.parametrize(
    ("section", "code"), MESSAGE_CODES, ids=[f"{s}.{c}" for s, c in MESSAGE_CODES]
)
def test_message_uses_exactly_its_declared_fields(section: str, code: str) -> None:
    template = load_templates()[section][code]
    fields = {name for _, name, _, _ in Formatter().parse(template) if name is not None}
    assert fields == MESSAGE_FIELDS[section][code]
    assert template == template.strip()
    assert '"' not in template  # Vietnamese quotes “…” only
