"""The kind words of Vietnamese administrative units, read from `data/kinds.csv`.

Each row of `data/kinds.csv` (kind,level,prefix,english,abbreviation) is one kind of unit:
the kind word as the law names it ("thành phố thuộc tỉnh"), its level, the word written
before the name in a unit's full name ("thành phố"), its English meaning and the usual
abbreviation in addresses, if any ("TP", "TX"; written with a dot or a space after it).
"""

from __future__ import annotations

import csv
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Literal, cast

Level = Literal["province", "district", "commune"]
LEVELS: tuple[Level, ...] = ("province", "district", "commune")

KIND_COLUMNS: tuple[str, ...] = ("kind", "level", "prefix", "english", "abbreviation")


@dataclass(frozen=True)
class KindRecord:
    kind: str  # "thành phố thuộc tỉnh"
    level: Level
    prefix: str  # "thành phố": the word written before the name in a full name
    english: str  # "provincial city"
    abbreviation: str  # "TP", or "" when there is none in common use


def as_level(value: str) -> Level:
    if value not in LEVELS:
        raise ValueError(f"unknown level {value!r}, expected one of {LEVELS}")
    return cast(Level, value)


@cache
def read_kinds() -> tuple[KindRecord, ...]:
    """All kinds of `data/kinds.csv`, in the file's order (provinces, districts, communes)."""
    text = resources.files("tongket.gazetteer").joinpath("data", "kinds.csv").read_text("utf-8")
    reader = csv.DictReader(text.splitlines())
    if tuple(reader.fieldnames or ()) != KIND_COLUMNS:
        raise ValueError(f"kinds.csv columns are {reader.fieldnames}, expected {KIND_COLUMNS}")
    return tuple(
        KindRecord(
            kind=row["kind"],
            level=as_level(row["level"]),
            prefix=row["prefix"],
            english=row["english"],
            abbreviation=row["abbreviation"],
        )
        for row in reader
    )


@cache
def kind_words() -> tuple[str, ...]:
    """Every kind word and written prefix, longest first (ties in alphabetical order)."""
    words = {record.kind for record in read_kinds()} | {record.prefix for record in read_kinds()}
    return tuple(sorted(words, key=lambda word: (-len(word), word)))


def _starts_with_word(text: str, word: str) -> bool:
    """`text` begins with the word `word` (lower case) in any case, then a space."""
    if len(text) <= len(word) or not text[len(word)].isspace():
        return False
    return text[: len(word)].lower() == word


def split_kind(full_name: str) -> tuple[str, str]:
    """Split a full name into its kind word (lower case) and its name.

    >>> split_kind("Phường Đập Đá")
    ('phường', 'Đập Đá')
    >>> split_kind("Thành phố Phan Rang - Tháp Chàm")
    ('thành phố', 'Phan Rang - Tháp Chàm')

    The longest kind word of `data/kinds.csv` wins ("thị xã" before "xã"); case does not
    matter ("phường Đập Đá", and the source's own "Thành Phố Bắc Kạn"). A city's kind word
    is the written "thành phố", which does not say which of the three kinds of city it is.
    A name without a known kind word, or with nothing after it, comes back as ("", name).
    The text is NFC-normalised and stripped.
    """
    text = unicodedata.normalize("NFC", full_name).strip()
    for word in kind_words():
        if _starts_with_word(text, word):
            rest = text[len(word) :].strip()
            if rest:
                return word, rest
    return "", text
