"""Sentences, clauses and page-furniture lines of a normalised text."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from itertools import accumulate

from tongket.extract.lexicon import Lexicon
from tongket.extract.lookups import lookups_of

# Sentences end at [!?…\n] or a "." not before a digit; clauses also at ";" and at a
# list marker "(12)". The candidate characters are found with `str.find` (much faster than
# a regex class on Vietnamese text); the rest is checked in code.
BOUNDARY_CHARACTERS = "!?…\n;.("
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
    for pos in character_positions(text, BOUNDARY_CHARACTERS):
        char = text[pos]
        if char == "(":
            marker = LIST_MARKER.match(text, pos) if pos >= marker_end else None
            if marker is not None:
                marker_end = marker.end()
                clause_ends.append(marker_end - 1)
            continue
        if char == "." and (
            text[pos + 1 : pos + 2].isdecimal()
            or (text[pos - 1 : pos] in ABBREVIATION_LAST and _is_title_dot(text, pos, lexicon))
        ):
            continue
        if char != ";":
            sentence_ends.append(pos)
        if pos >= marker_end:
            clause_ends.append(pos)
    return sentence_ends, clause_ends


def character_positions(text: str, characters: str) -> list[int]:
    """The positions of every occurrence of any of `characters`, in order."""
    positions: list[int] = []
    for character in characters:
        pos = text.find(character)
        while pos >= 0:
            positions.append(pos)
            pos = text.find(character, pos + 1)
    positions.sort()
    return positions


def _is_title_dot(text: str, end: int, lexicon: Lexicon) -> bool:
    """Whether the dot at `end` follows a title abbreviation ("PCT."); the caller has
    checked that a capital letter comes before it."""
    abbreviation = ABBREVIATION_DOT.search(text, max(0, end - 8), end + 1)
    known = lexicon.abbreviations.get(abbreviation.group(1)) if abbreviation else None
    return known is not None and known.expand_in_roles


def furniture_lines(lower: str, lexicon: Lexicon) -> tuple[tuple[int, int], ...]:
    """Short lines holding a page-furniture marker ("Trực tuyến: 236", view counters).

    A line counts when it is at most FURNITURE_LINE characters long, except that a
    marker that opens a line of exactly that length, before a line break, is too far
    from the break to see it.
    """
    lines = lower.split("\n")
    shortest = min(map(len, lexicon.boilerplate), default=FURNITURE_LINE + 1)
    short = [i for i, line in enumerate(lines) if shortest <= len(line) <= FURNITURE_LINE]
    if not short:
        return ()
    starts = list(accumulate(map((1).__add__, map(len, lines)), initial=0))  # line, break
    found = []
    for index in short:
        start = starts[index]
        end = start + len(lines[index])
        if _holds_marker(lower, start, end, lexicon):
            found.append((start, end))
    return tuple(found)


def _holds_marker(lower: str, start: int, end: int, lexicon: Lexicon) -> bool:
    """Whether the line lower[start:end] holds a marker that the line's end is in reach of."""
    reaches_end = end - start < FURNITURE_LINE or end == len(lower)
    first = lookups_of(lexicon).boilerplate.search(lower, start, end)
    if first is None or reaches_end or first.start() > start:
        return first is not None
    for marker in lexicon.boilerplate:  # one opens the line: does a marker occur later?
        pos = lower.find(marker, start, end)
        if pos >= 0 and (pos > start or lower.find(marker, pos + len(marker), end) >= 0):
            return True
    return False
