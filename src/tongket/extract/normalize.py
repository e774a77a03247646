"""Normalise input text for matching, keeping a map back to the input's offsets.

Steps: Unicode NFC (the only step that can change lengths), odd spaces and control
characters to plain spaces, carriage returns to newlines, and old-style tone
placement ("hoà", "thuỷ") to the new style ("hòa", "thủy"). The `OffsetMap` turns
spans of the normalised text back into spans of the text as given.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache

from tongket.extract.lexicon import load_lexicon

COMBINING = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
CLUSTER = re.compile(f"[^{COMBINING}]?[{COMBINING}]+")

_SPACES = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
_SPACES += "\u200b\u200c\u200d\u2028\u2029\u202f\u205f\u2060\u3000\ufeff\t\x0b\x0c"
_CONTROLS = "".join(chr(c) for c in range(32) if chr(c) not in "\n\r")


@dataclass(frozen=True)
class Piece:
    """A stretch of normalised text and the stretch of input it came from."""

    norm_start: int
    orig_start: int
    norm_len: int
    orig_len: int


@dataclass(frozen=True)
class OffsetMap:
    """Maps offsets in the normalised text to offsets in the input text.

    With no pieces the two texts have the same offsets. Otherwise `pieces` covers the
    whole normalised text; inside a piece whose lengths differ, a start maps to the
    piece's start and an end to the piece's end.
    """

    pieces: tuple[Piece, ...] = ()
    starts: tuple[int, ...] = ()

    def _piece(self, pos: int) -> Piece:
        return self.pieces[max(0, bisect_right(self.starts, pos) - 1)]

    def start(self, pos: int) -> int:
        if not self.pieces:
            return pos
        piece = self._piece(pos)
        offset = pos - piece.norm_start
        if piece.norm_len == piece.orig_len or offset <= 0:
            return piece.orig_start + max(offset, 0)
        return piece.orig_start + piece.orig_len if offset >= piece.norm_len else piece.orig_start

    def end(self, pos: int) -> int:
        if not self.pieces:
            return pos
        piece = self._piece(pos - 1) if pos > 0 else self._piece(0)
        offset = pos - piece.norm_start
        if piece.norm_len == piece.orig_len:
            return piece.orig_start + offset
        return piece.orig_start + (0 if offset <= 0 else piece.orig_len)

    def span(self, start: int, end: int) -> tuple[int, int]:
        return self.start(start), self.end(end)


@dataclass(frozen=True)
class NormalText:
    text: str
    lower: str
    offsets: OffsetMap


def _nfc_pieces(text: str) -> tuple[str, tuple[Piece, ...]]:
    """NFC of `text`, normalising combining clusters one by one."""
    parts: list[str] = []
    pieces: list[Piece] = []
    norm_pos = 0

    def add(original: str, orig_start: int, cluster: bool = False) -> None:
        nonlocal norm_pos
        normal = unicodedata.normalize("NFC", original)
        if cluster or len(normal) == len(original) or len(original) <= 1:
            pieces.append(Piece(norm_pos, orig_start, len(normal), len(original)))
            parts.append(normal)
            norm_pos += len(normal)
            return
        for index, char in enumerate(original):  # a plain stretch that NFC resizes
            add(char, orig_start + index)

    last = 0
    for match in CLUSTER.finditer(text):
        if match.start() > last:
            add(text[last : match.start()], last)
        add(match.group(), match.start(), cluster=True)
        last = match.end()
    if last < len(text):
        add(text[last:], last)
    return "".join(parts), tuple(pieces)


@cache
def _tone_pattern() -> re.Pattern[str]:
    marks = load_lexicon().tone_marks
    firsts = "".join(sorted({old[0] for old in marks}))
    # "not after q" is checked after the first letter so the regex engine can skip ahead.
    return re.compile(f"[{firsts}]{_TONE_REST.format(_tone_seconds())}")


_TONE_REST = "(?<![qQ].)[{}](?![^\\W\\d_])"  # what follows the first letter of an old pair


@cache
def _tone_seconds() -> str:
    return "".join(sorted({old[1] for old in load_lexicon().tone_marks}))


@cache
def _tone_checks() -> tuple[re.Pattern[str], ...]:
    """`_tone_pattern` split by its first letter: each starts with a fixed letter, which
    the regex engine finds much faster than a class of letters."""
    firsts = sorted({old[0] for old in load_lexicon().tone_marks})
    rest = _TONE_REST.format(_tone_seconds())
    return tuple(re.compile(re.escape(first) + rest) for first in firsts)


def _fix_tone_marks(text: str) -> str:
    if not any(check.search(text) for check in _tone_checks()):
        return text  # no old-style pair: the substitution would change nothing
    marks = load_lexicon().tone_marks
    return _tone_pattern().sub(lambda m: marks.get(m.group(), m.group()), text)


ODD_CHARACTERS = re.compile(f"[{_SPACES}{_CONTROLS}\r]")


def _plain_spaces(text: str) -> str:
    # Every odd character is unprintable, so when a text whose no-break spaces are made
    # plain is printable apart from its line breaks, the no-break spaces were all there
    # was to change. `isprintable` is much faster than a regex class on Vietnamese text.
    spaced = text.replace("\u00a0", " ")
    if spaced.replace("\n", " ").isprintable():
        return spaced
    return ODD_CHARACTERS.sub(lambda m: "\n" if m.group() == "\r" else " ", text)


def safe_lower(text: str) -> str:
    """Lower-case without changing the length (a few letters grow when lowered)."""
    lower = text.lower()
    if len(lower) == len(text):
        return lower
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def normalize_text(text: str) -> NormalText:
    """The normalised text, its lower-case form and the map back to `text`."""
    offsets = OffsetMap()
    if not unicodedata.is_normalized("NFC", text):
        text, pieces = _nfc_pieces(text)
        offsets = OffsetMap(pieces, tuple(p.norm_start for p in pieces))
    text = _fix_tone_marks(_plain_spaces(text))
    return NormalText(text, safe_lower(text), offsets)
