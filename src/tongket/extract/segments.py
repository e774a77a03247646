"""Sentences, clauses and page-furniture lines of a normalised text."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from tongket.extract.lexicon import Lexicon

# Sentences end at [!?…\n] or a "." not before a digit; clauses also at ";" and at a
# list marker "(12)". One scan finds every candidate character; the rest is checked in code.
BOUNDARY = re.compile(r"[!?…\n;.(]")
LIST_MARKER = re.compile(r"\(\s?\d{1,2}\s?\)")
ABBREVIATION_DOT = re.compile(r"(?<![^\W\d_])([A-ZĐ]{2,6})\.$")
ABBREVIATION_LAST = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZĐ")  # the letter before such a dot
FURNITURE_LINE = 100
MAX_REACH = 600


@dataclass(frozen=True)
class Segments:
    length: int
    sentence_ends: tuple[int, ...]
    clause_ends: tuple[int, ...]
    furniture: tuple[tuple[int, int], ...]

    @classmethod
    def of(cls, text: str, lower: str, lexicon: Lexicon) -> Segments:
        sentence_ends, clause_ends = ends(text, lexicon)
        return cls(
            len(text), tuple(sentence_ends), tuple(clause_ends), furniture_lines(lower, lexicon)
        )

    @staticmethod
    def _around(ends: tuple[int, ...], length: int, pos: int) -> tuple[int, int]:
        """The segment around `pos`, cut to MAX_REACH either side (keeps work linear)."""
        index = bisect_left(ends, pos)
        start = ends[index - 1] + 1 if index > 0 else 0
        end = ends[index] if index < len(ends) else length
        return max(start, pos - MAX_REACH), min(end, pos + MAX_REACH)

    def sentence(self, pos: int) -> tuple[int, int]:
        return self._around(self.sentence_ends, self.length, pos)

    def clause(self, pos: int) -> tuple[int, int]:
        return self._around(self.clause_ends, self.length, pos)

    def clause_index(self, pos: int) -> int:
        return bisect_left(self.clause_ends, pos)

    def is_furniture(self, pos: int) -> bool:
        index = bisect_right(self.furniture, (pos, self.length + 1)) - 1
        return index >= 0 and self.furniture[index][0] <= pos < self.furniture[index][1]


def ends(text: str, lexicon: Lexicon) -> tuple[list[int], list[int]]:
    """Sentence and clause boundary positions.

    A dot after a title abbreviation ("PCT. HĐND") is not one. A list marker "(12)" ends
    a clause at its ")"; a line break inside it ends a sentence but not a clause.
    """
    sentence_ends: list[int] = []
    clause_ends: list[int] = []
    marker_end = 0  # the end of the last list marker: no clause ends inside it
    for match in BOUNDARY.finditer(text):
        pos = match.start()
        char = text[pos]
        if char == "(":
            marker = LIST_MARKER.match(text, pos) if pos >= marker_end else None
            if marker is not None:
                marker_end = marker.end()
                clause_ends.append(marker_end - 1)
            continue
        if char == "." and (
            text[pos + 1 : pos + 2].isdecimal() or _is_title_dot(text, pos, lexicon)
        ):
            continue
        if char != ";":
            sentence_ends.append(pos)
        if pos >= marker_end:
            clause_ends.append(pos)
    return sentence_ends, clause_ends


def _is_title_dot(text: str, end: int, lexicon: Lexicon) -> bool:
    if text[end - 1 : end] not in ABBREVIATION_LAST:
        return False
    abbreviation = ABBREVIATION_DOT.search(text, max(0, end - 8), end + 1)
    known = lexicon.abbreviations.get(abbreviation.group(1)) if abbreviation else None
    return known is not None and known.expand_in_roles


def furniture_lines(lower: str, lexicon: Lexicon) -> tuple[tuple[int, int], ...]:
    """Short lines holding a page-furniture marker ("Trực tuyến: 236", view counters)."""
    lines: set[tuple[int, int]] = set()
    for marker in lexicon.boilerplate:
        pos = lower.find(marker)
        while pos >= 0:
            start = lower.rfind("\n", max(0, pos - FURNITURE_LINE), pos) + 1
            end = lower.find("\n", pos, pos + FURNITURE_LINE)
            end = len(lower) if end < 0 and len(lower) - pos <= FURNITURE_LINE else end
            if end >= 0 and (start > 0 or pos <= FURNITURE_LINE) and end - start <= FURNITURE_LINE:
                lines.add((start, end))
            pos = lower.find(marker, pos + len(marker))
    return tuple(sorted(lines))
