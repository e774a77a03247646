"""The kind of a body from its name: "UBND thị xã" is a People's Committee, "Sở Tài chính" a
department. The words live in `data/body_kinds.csv`; the longest word that starts the name wins.
"""

from __future__ import annotations

import csv
import unicodedata
from functools import cache
from importlib import resources

BODY_KIND_COLUMNS = ("word", "kind")
BODY_KINDS = ("party", "standing", "council", "committee", "department", "front", "other")


@cache
def body_kind_words() -> tuple[tuple[str, str], ...]:
    """(word, kind) rows, longest word first."""
    text = resources.files("tongket.cycle").joinpath("data", "body_kinds.csv").read_text("utf-8")
    reader = csv.DictReader(text.splitlines())
    if tuple(reader.fieldnames or ()) != BODY_KIND_COLUMNS:
        raise ValueError(f"body_kinds.csv columns are {reader.fieldnames}")
    rows = [(unicodedata.normalize("NFC", row["word"]).lower(), row["kind"]) for row in reader]
    return tuple(sorted(rows, key=lambda row: -len(row[0])))


def guess_body_kind(name: str) -> str:
    """ "Thường trực Thị ủy" → "standing"; "other" when no word of the data file starts it."""
    folded = " ".join(unicodedata.normalize("NFC", name).lower().split())
    for word, kind in body_kind_words():
        if folded == word or folded.startswith(word + " "):
            return kind
    return "other"


@cache
def body_level_words() -> tuple[tuple[str, str], ...]:
    """(word, unit kind word) rows of `data/body_levels.csv`, longest word first."""
    text = resources.files("tongket.cycle").joinpath("data", "body_levels.csv").read_text("utf-8")
    reader = csv.DictReader(text.splitlines())
    if tuple(reader.fieldnames or ()) != ("word", "unit_kind"):
        raise ValueError(f"body_levels.csv columns are {reader.fieldnames}")
    rows = [(unicodedata.normalize("NFC", r["word"]).lower(), r["unit_kind"]) for r in reader]
    return tuple(sorted(rows, key=lambda row: -len(row[0])))


def named_level(name: str) -> str | None:
    """The kind of unit a body's name points at: "UBND thị xã" and "Thị ủy" → "thị xã"."""
    words = f" {' '.join(unicodedata.normalize('NFC', name).lower().split())} "
    for word, unit_kind in body_level_words():
        if f" {word} " in words:
            return unit_kind
    return None
