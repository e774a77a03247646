"""The kind of a body from its name: "UBND thị xã" is a People's Committee, "Sở Tài chính" a
department. The words live in `data/body_kinds.csv`; the longest word that starts the name wins.
"""

from __future__ import annotations

import unicodedata
from functools import cache

from tongket.cycle.messages import read_csv_rows

BODY_KINDS = ("party", "standing", "council", "committee", "department", "front", "other")


def longest_first(rows: list[dict[str, str]], column: str) -> tuple[tuple[str, str], ...]:
    """(word, `column`) pairs, the word NFC and lower case, longest word first."""
    pairs = [(unicodedata.normalize("NFC", row["word"]).lower(), row[column]) for row in rows]
    return tuple(sorted(pairs, key=lambda pair: -len(pair[0])))


@cache
def body_kind_words() -> tuple[tuple[str, str], ...]:
    """(word, kind) rows, longest word first."""
    return longest_first(read_csv_rows("body_kinds.csv"), "kind")


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
    return longest_first(read_csv_rows("body_levels.csv"), "unit_kind")


def named_level(name: str) -> str | None:
    """The kind of unit a body's name points at: "UBND thị xã" and "Thị ủy" → "thị xã"."""
    words = f" {' '.join(unicodedata.normalize('NFC', name).lower().split())} "
    for word, unit_kind in body_level_words():
        if f" {word} " in words:
            return unit_kind
    return None
