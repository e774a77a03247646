"""The Party organisation's figures: cells by grade, members, admissions.

"13/13 chi bộ được đánh giá HTTNV (trong đó có 02 chi bộ ... HTXSNV); không có chi bộ
không HTNV", "Đảng bộ có 312 đảng viên, có 308 đảng viên chính thức và 04 đảng viên dự bị",
"đã kết nạp 07 đảng viên mới".
"""

from __future__ import annotations

import re
from functools import cache

from tongket.extract.model import EventDate, Span
from tongket.extract.review.document import Document
from tongket.extract.review.lexicon import ReviewLexicon
from tongket.extract.review.model import PartyReading

GRADE_REACH = 7  # words from a cell word to its grade
GRADED_REACH = 4  # words after a member count that may grade it
ADMISSION_REACH = 6  # words before a member count that may say they were admitted
DATE_REACH = 200  # characters before the first member count that may date it
CELL_FIELDS = {"excellent": "cells_excellent", "good": "cells_good", "failed": "cells_failed"}
MEMBER_FIELDS = {
    "member_total": "members_total",
    "member_official": "members_official",
    "member_probationary": "members_probationary",
    "member_new": "admitted",
}


def read_party(doc: Document) -> PartyReading | None:
    values: dict[str, int] = {}
    spans: list[Span] = []
    _read_cells(doc, values, spans)
    date = _read_members(doc, values, spans)
    if not values:
        return None
    return PartyReading(**values, members_date=date, spans=tuple(sorted(spans)))


def _count_before(doc: Document, index: int) -> tuple[int, int | None, int] | None:
    """The count right before word `index` ("13/13 chi bộ", "02 chi bộ", "không có chi bộ"):
    the count, the total after a slash, and the index of the count's first word."""
    none = doc.ends_with(doc.lexicon.cue("none_cue"), index)
    if none is not None:
        return 0, None, index - len(none)
    number = doc.number_ending(index - 1) if index >= 1 else None
    if number is None or not doc.gap(index - 1).isspace():
        return None
    count, first = number
    total = None
    before = doc.number_ending(first - 1) if first >= 1 else None
    if before is not None and doc.gap(first - 1).strip() == "/":
        total, (count, first) = count, before
    if doc.ends_with(doc.base.non_fact_before, first) is not None:
        return None  # "năm 2023 chi bộ"
    return count, total, first


def _read_cells(doc: Document, values: dict[str, int], spans: list[Span]) -> None:
    for index, phrase in doc.find(doc.lexicon.cue("cell_word")):
        found = _count_before(doc, index)
        if found is None:
            continue
        count, total, first = found
        graded = _grade_after(doc, index + len(phrase))
        if graded is None:
            if total is None and doc.ends_with(doc.lexicon.cue("cell_total_cue"), first):
                values.setdefault("cells_total", count)
                spans.append(doc.span(*doc.chars(first, index + len(phrase))))
            continue
        grade, last = graded
        if grade in CELL_FIELDS:
            values.setdefault(CELL_FIELDS[grade], count)
        if total is not None:
            values.setdefault("cells_total", total)
        spans.append(doc.span(*doc.chars(first, last)))


def _grade_after(doc: Document, index: int) -> tuple[str, int] | None:
    """The grade given within reach after a cell word, and the index after it."""
    lexicon = doc.lexicon
    for at in range(index, min(index + GRADE_REACH, len(doc.words))):
        if at > index and any(mark in doc.gap(at - 1) for mark in ".;:()"):
            return None
        grade = doc.match_at(lexicon.grades, at)
        if grade is not None:
            return lexicon.grade_of[grade], at + len(grade)
        if doc.number(at) is not None or doc.match_at(lexicon.cue("cell_word"), at):
            return None
    return None


@cache
def _member_phrases(lexicon: ReviewLexicon) -> dict[tuple[str, ...], str]:
    return {
        phrase: field
        for kind, field in MEMBER_FIELDS.items()
        for group in lexicon.cue(kind).by_first_word.values()
        for phrase in group
    }


def _read_members(doc: Document, values: dict[str, int], spans: list[Span]) -> EventDate | None:
    """Member counts into `values`; the date they are counted at, if one is given."""
    fields = _member_phrases(doc.lexicon)
    date: EventDate | None = None
    dated = False
    for index, phrase in doc.find(doc.lexicon.cue("member_total")):
        phrase = _longest_member_phrase(doc, index) or phrase
        found = _count_before(doc, index)
        if found is None or (found[0] == 0 and found[1] is None):
            continue
        count, _, first = found
        end = index + len(phrase)
        field = fields[phrase]
        if field == "admitted" or _admitted(doc, first):
            field = "admitted"
        elif not _counts_members(doc, field, first, end):
            continue
        if field in values:
            continue
        values[field] = count
        spans.append(doc.span(*doc.chars(first, end)))
        if field != "admitted" and not dated:
            dated, date = True, _members_date(doc, doc.starts[first])
    return date


def _longest_member_phrase(doc: Document, index: int) -> tuple[str, ...] | None:
    best = None
    for kind in MEMBER_FIELDS:
        found = doc.match_at(doc.lexicon.cue(kind), index)
        if found is not None and (best is None or len(found) > len(best)):
            best = found
    return best


def _admitted(doc: Document, first: int) -> bool:
    start = doc.sentence(doc.starts[first])[0]
    for at in range(max(0, first - ADMISSION_REACH), first):
        if doc.starts[at] >= start and doc.match_at(doc.lexicon.cue("admission"), at):
            return True
    return False


def _counts_members(doc: Document, field: str, first: int, end: int) -> bool:
    """Whether a member count (words first..end-1) counts the members: it is not of
    graded members, and a plain total is introduced ("Đảng bộ có 312 đảng viên")."""
    if _graded(doc, end):
        return False
    cue = doc.lexicon.cue("member_total_cue")
    return field != "members_total" or doc.ends_with(cue, first) is not None


def _graded(doc: Document, end: int) -> bool:
    """Whether the count is of graded members ("250 đảng viên được đánh giá ...")."""
    for at in range(end, min(end + GRADED_REACH, len(doc.words))):
        if at > end and not doc.gap(at - 1).isspace():
            return False
        if doc.match_at(doc.lexicon.cue("member_graded"), at) or doc.match_at(
            doc.lexicon.grades, at
        ):
            return True
    return False


@cache
def _date_pattern(lexicon: ReviewLexicon) -> re.Pattern[str]:
    phrases = sorted(
        (" ".join(p) for g in lexicon.cue("members_date").by_first_word.values() for p in g),
        key=len,
        reverse=True,
    )
    alternatives = "|".join(re.escape(phrase) for phrase in phrases)
    return re.compile(f"(?:{alternatives})\\s*(\\d{{1,2}})\\s?/\\s?(\\d{{1,2}})\\s?/\\s?(\\d{{4}})")


def _members_date(doc: Document, pos: int) -> EventDate | None:
    """The last "tính đến ngày 08/12/2023" shortly before the member count."""
    found = None
    for match in _date_pattern(doc.lexicon).finditer(doc.lower, max(0, pos - DATE_REACH), pos):
        day, month, year = (int(group) for group in match.groups())
        if 1 <= day <= 31 and 1 <= month <= 12:
            found = EventDate(day, month, year)
    return found
