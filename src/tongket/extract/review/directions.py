"""The tasks set for the coming year: the numbered items after a heading such as
"Phương hướng, nhiệm vụ năm 2024 ...: (1) ...; (2) ...". No numbered list, no readings."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from tongket.extract.review.document import Document
from tongket.extract.review.model import DirectionReading

MARKER = re.compile(r"\(\s?(\d{1,2})\s?\)")
LINE_MARKER = re.compile(r"(?m)^[ \t]*(\d{1,2})[.)](?=\s)")
HEADING_YEAR = re.compile(r"\s*(?:trong năm |năm )?(\d{4})(?!\d)")
HEADING_REACH = 300  # characters from a heading to its first item
ITEM_REACH = 3000  # characters from one item to the next
ITEM_TRIM = " \t\n;.,:"


def read_directions(doc: Document, reviewed_year: int | None) -> tuple[DirectionReading, ...]:
    markers = _markers(doc)
    if not markers:
        return ()
    numbered = {start: (number, end) for start, end, number in markers}
    starts = [start for start, _, _ in markers]
    for index, phrase in doc.find(doc.lexicon.cue("direction_heading")):
        heading_end = doc.ends[index + len(phrase) - 1]
        year_match = HEADING_YEAR.match(doc.lower, heading_end)
        year = int(year_match.group(1)) if year_match else None
        if year is not None and reviewed_year is not None and year <= reviewed_year:
            continue  # the results of the reviewed year, not the tasks ahead
        first = _first_item(doc, heading_end, starts, numbered)
        if first is not None:
            return _items(doc, first, starts, numbered, year)
    return ()


def _markers(doc: Document) -> list[tuple[int, int, int]]:
    """(start, end, number) of every list marker "(1)" or "1." at a line start, in order."""
    found = [(m.start(), m.end(), int(m.group(1))) for m in MARKER.finditer(doc.text)]
    found += [(m.start(1), m.end(), int(m.group(1))) for m in LINE_MARKER.finditer(doc.text)]
    return sorted(found)


def _first_item(
    doc: Document, heading_end: int, starts: list[int], numbered: dict[int, tuple[int, int]]
) -> int | None:
    """The start of marker 1 after the heading, in the heading's sentence or on the next line."""
    for start in starts[bisect_left(starts, heading_end) :]:
        if start > heading_end + HEADING_REACH or numbered[start][0] != 1:
            return None
        between = doc.text[heading_end:start]
        if ". " in between or "\n" in between.rstrip(" \t\n"):
            return None
        return start
    return None


def _items(
    doc: Document,
    first: int,
    starts: list[int],
    numbered: dict[int, tuple[int, int]],
    year: int | None,
) -> tuple[DirectionReading, ...]:
    readings = []
    current = first
    while True:
        number, text_start = numbered[current]
        following = _next_marker(doc, current, starts, numbered, number + 1)
        text_end = following if following is not None else _last_item_end(doc, text_start)
        start, end = _trimmed(doc, text_start, text_end)
        if end > start:
            readings.append(DirectionReading(doc.text[start:end], year, doc.span(start, end)))
        if following is None:
            return tuple(readings)
        current = following


def _next_marker(
    doc: Document,
    current: int,
    starts: list[int],
    numbered: dict[int, tuple[int, int]],
    wanted: int,
) -> int | None:
    """The next marker numbered `wanted` within reach, with no paragraph break before it
    other than the line the marker opens."""
    for start in starts[bisect_right(starts, current) :]:
        if start > current + ITEM_REACH:
            return None
        if numbered[start][0] != wanted:
            continue
        between = doc.text[numbered[current][1] : start]
        if "\n" in between.rstrip(" \t\n"):
            return None
        return start
    return None


def _last_item_end(doc: Document, start: int) -> int:
    end = doc.sentence(start)[1]
    newline = doc.text.find("\n", start, end)
    return newline if newline >= 0 else end


def _trimmed(doc: Document, start: int, end: int) -> tuple[int, int]:
    while start < end and doc.text[start] in ITEM_TRIM:
        start += 1
    while end > start and doc.text[end - 1] in ITEM_TRIM:
        end -= 1
    return start, end
