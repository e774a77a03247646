"""Find the matches of a regex from the places of a fixed string that every match holds.

A pattern that starts with a character class ("\\d") makes the regex engine try a match
at every position of the text, which is slow for patterns that rarely match. When each
match holds a fixed string (an "anchor") a few characters after its start, the anchor
is found quickly with `str.find` and the pattern is tried only just before it. The
matches are those of `pattern.finditer(text)`: the same candidates, in the same order,
skipping those inside an earlier match.
"""

from __future__ import annotations

import re


def anchored_matches(
    pattern: re.Pattern[str], text: str, anchor: str, reach: int
) -> list[re.Match[str]]:
    """`list(pattern.finditer(text))`, given that every match starts 1 to `reach`
    characters before an occurrence of `anchor` (and matches are never empty)."""
    found: list[re.Match[str]] = []
    next_start = 0  # positions before this were tried or lie inside a match
    pos = text.find(anchor)
    while pos >= 0:
        start = max(next_start, pos - reach)
        while start < pos:
            match = pattern.match(text, start)
            if match is None:
                start += 1
            else:
                found.append(match)
                start = match.end()
        next_start = max(next_start, start)
        pos = text.find(anchor, pos + 1)
    return found


def word_positions(text: str, words: tuple[str, ...]) -> list[int]:
    """Every position where one of `words` occurs in `text`, in order, once each."""
    positions: set[int] = set()
    for word in words:
        pos = text.find(word)
        while pos >= 0:
            positions.add(pos)
            pos = text.find(word, pos + 1)
    return sorted(positions)


def matches_at_words(
    pattern: re.Pattern[str], text: str, words: tuple[str, ...]
) -> list[re.Match[str]]:
    """`list(pattern.finditer(text))`, given that every match starts with one of `words`
    (and matches are never empty) and that no match starts right after a letter."""
    found: list[re.Match[str]] = []
    next_start = 0  # positions before this lie inside a match
    for pos in word_positions(text, words):
        if pos < next_start or text[pos - 1 : pos].isalpha():
            continue
        match = pattern.match(text, pos)
        if match is not None:
            found.append(match)
            next_start = match.end()
    return found
