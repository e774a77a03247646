"""Names of units: the written kind word, and folding for diacritic-insensitive search."""

from __future__ import annotations

import unicodedata
from functools import cache

from tongket.gazetteer import read_kinds


def fold_name(text: str) -> str:
    """ "Phường Đập Đá" → "phuong dap da"."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.lower().split())


@cache
def kind_prefixes() -> dict[str, str]:
    """Kind → the word written before a unit's name ("thành phố thuộc tỉnh" → "thành phố")."""
    return {record.kind: record.prefix for record in read_kinds()}


def kind_word(kind: str) -> str:
    return kind_prefixes().get(kind, kind)


def folded_full_name(kind: str, name: str) -> str:
    return fold_name(f"{kind_word(kind)} {name}")


def written_words() -> frozenset[str]:
    """Every word that may stand before a name: kinds and their written prefixes."""
    return frozenset(kind_prefixes()) | frozenset(kind_prefixes().values())
