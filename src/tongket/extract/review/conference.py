"""The event itself: its kind and title, when it was held, who chaired it, how many spoke."""

from __future__ import annotations

import re
from functools import cache

from tongket.extract.anchors import matches_at_words
from tongket.extract.lexicon import phrase_words
from tongket.extract.model import EventDate, Report
from tongket.extract.review.document import Document, Mention
from tongket.extract.review.model import ConferenceReading

MAX_TITLE = 200
TITLE_TRIM = ",.;:-–…/"
CUE_REACH = 80  # from a chair cue to the name it introduces
ROLE_REACH = 120  # from a name, past its roles, to the chair cue after it
LIST_REACH = 300  # of a list of bodies
MAX_BODY_WORDS = 8
LIST_END = re.compile(r"[;.:\n(]")
LIST_SEPARATOR = re.compile(r",| và ")


def read_conference(doc: Document, report: Report) -> ConferenceReading | None:
    """The first phrase naming a kind of event decides the kind; None without one."""
    kinds = doc.find(doc.lexicon.conference_kinds)
    if not kinds:
        return None
    index, phrase = kinds[0]
    start = doc.starts[index]
    end = _title_end(doc, start)
    return ConferenceReading(
        kind=doc.lexicon.conference_kind_of[phrase],
        title=doc.text[start:end],
        span=doc.span(start, end),
        date=report.event_date,
        time_of_day=_time_of_day(doc, report.event_date),
        reviewed_year=report.year,
        chairs=read_chairs(doc),
        opinions_count=_opinions(doc),
        bodies=_bodies(doc),
    )


def _title_end(doc: Document, start: int) -> int:
    end = min(doc.sentence(start)[1], start + MAX_TITLE)
    if end == start + MAX_TITLE and doc.text.rfind(" ", start, end) > start:
        end = doc.text.rfind(" ", start, end)
    opening = doc.text.rfind("(", start, end)
    if opening > start and doc.text.find(")", opening, end) < 0:
        end = opening  # "kỳ họp thứ 9 (kỳ họp thường lệ ...": no half of a bracket
    while end > start and (doc.text[end - 1] in TITLE_TRIM or doc.text[end - 1].isspace()):
        end -= 1
    return end


@cache
def _time_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = "|".join(map(re.escape, words))
    return re.compile(
        f"({alternatives})(?: (?:ngày|nay|qua|hôm))?,?\\s+(?:ngày\\s+)?"
        r"(\d{1,2})\s?/\s?(\d{1,2})(?!\d)"
    )


def _time_of_day(doc: Document, date: EventDate | None) -> str | None:
    """The time-of-day word before the event date ("Sáng ngày 13/12/2023")."""
    if date is None:
        return None
    words = tuple(w for w in doc.base.cue_phrases["time_of_day"] if " " not in w)
    for match in matches_at_words(_time_pattern(words), doc.lower, words):
        if (int(match.group(2)), int(match.group(3))) == (date.day, date.month):
            return match.group(1)
    return None


def read_chairs(doc: Document) -> tuple[str, ...]:
    """People who chaired or concluded: "Chủ trì Hội nghị đồng chí X và đồng chí Y",
    "đồng chí X ... chủ trì", "Phát biểu kết luận ..., đồng chí X"."""
    found: list[tuple[int, str]] = []
    for kind in ("chair_after", "chair_either"):
        for index, phrase in doc.find(doc.lexicon.cue(kind)):
            cue_start, cue_end = doc.chars(index, index + len(phrase))
            start, end = doc.sentence(cue_start)
            lead = doc.text[start:cue_start].strip(" \t\n,:-–")
            if kind == "chair_after" or not lead:
                names = _names_after(doc, cue_end, end)
            else:
                names = _names_before(doc, start, cue_start)
            found.extend((mention.start, mention.name) for mention in names)
    chairs: list[str] = []
    for _, name in sorted(found):
        if name not in chairs:
            chairs.append(name)
    return tuple(chairs)


def _linked(doc: Document, end: int, start: int) -> bool:
    """Whether two named people (one ending at `end`, the next cued at `start`) are listed
    together ("đồng chí X - Chủ tịch UBND phường và đồng chí Y")."""
    between = doc.text[end:start]
    if len(between) > ROLE_REACH or any(mark in between for mark in ";:."):
        return False
    between = between.rstrip()
    return between.endswith(",") or between.endswith(" và")


def _names_after(doc: Document, cue_end: int, end: int) -> list[Mention]:
    mentions = doc.mentions_in(cue_end, end)
    if not mentions:
        return []
    between = doc.text[cue_end : mentions[0].cue_start]
    if len(between) > CUE_REACH or any(mark in between for mark in ";:"):
        return []
    names = [mentions[0]]
    for mention in mentions[1:]:
        if not _linked(doc, names[-1].end, mention.cue_start):
            break
        names.append(mention)
    return names


def _names_before(doc: Document, start: int, cue_start: int) -> list[Mention]:
    mentions = doc.mentions_in(start, cue_start)
    if not mentions:
        return []
    between = doc.text[mentions[-1].end : cue_start]
    if len(between) > ROLE_REACH or any(mark in between for mark in ";:"):
        return []
    names = [mentions[-1]]
    for mention in reversed(mentions[:-1]):
        if not _linked(doc, mention.end, names[-1].cue_start):
            break
        names.append(mention)
    return names[::-1]


def _opinions(doc: Document) -> int | None:
    """The first "8 ý kiến phát biểu", "12 lượt đại biểu phát biểu"."""
    for index, _ in doc.find(doc.lexicon.cue("opinion")):
        count = doc.number(index - 1)
        if count is None or not doc.gap(index - 1).isspace():
            continue
        if doc.ends_with(doc.lexicon.cue("numbered_noun"), index - 1) is None:
            return count  # not "tổ dân phố 4 ý kiến phát biểu" (a caption)
    return None


def _bodies(doc: Document) -> tuple[str, ...]:
    """Bodies whose leaders attended: "Dự hội nghị có ... lãnh đạo Ban Tổ chức Thành ủy, ..."."""
    bodies: list[str] = []
    sentences = {doc.sentence(doc.starts[i]) for i, _ in doc.find(doc.lexicon.cue("attendance"))}
    for start, end in sorted(sentences):
        for index, phrase in doc.find(doc.lexicon.cue("leadership"), start, end):
            list_start = doc.ends[index + len(phrase) - 1]
            for body in _body_list(doc, list_start, end):
                if body not in bodies:
                    bodies.append(body)
    return tuple(bodies)


def _body_list(doc: Document, start: int, end: int) -> list[str]:
    end = min(end, start + LIST_REACH)
    stop = LIST_END.search(doc.text, start, end)
    bodies = []
    for item in LIST_SEPARATOR.split(doc.text[start : stop.start() if stop else end]):
        item = item.strip()
        words = list(phrase_words(item))
        head = doc.lexicon.cue("body_head").match_at(words, 0) if words else None
        if head is None or not item[0].isupper() or len(words) > MAX_BODY_WORDS:
            break
        bodies.append(item)
    return bodies
