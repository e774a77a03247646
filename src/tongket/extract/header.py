"""What the report is about: the unit, the reviewed year and the date of the event."""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from tongket.extract.anchors import anchored_matches, matches_at_words
from tongket.extract.lexicon import Lexicon
from tongket.extract.lookups import lookups_of
from tongket.extract.model import EventDate, UnitName
from tongket.extract.numbers import words_after, words_before
from tongket.extract.segments import Segments

NAME_WORD = re.compile(r" ?([^\W\d_][^\W_]*|\d{1,3}(?!\w))")
# "\b" is written as a look-behind after the first character so that the regex engine
# can skip ahead to candidate positions (a leading assertion makes it try every one).
YEAR_MENTION = re.compile(r"năm(?<!\wnăm) (\d{4})\b(?!\s?[-–]\s?\d)")
SLASH_DATE = re.compile(r"(\d(?<!\w\d)\d?)\s?/\s?(\d{1,2})(?:\s?/\s?(\d{4}))?\b(?!\s?/)")
SLASH_REACH = 3  # a SLASH_DATE has its first "/" 1 to 3 characters after its start
WORD_DATE = re.compile(r"ngày(?<!\wngày) (\d{1,2}) tháng (\d{1,2})(?: năm (\d{4}))?")
STAMP_TIME = re.compile(r"\s+\d{1,2}:\d\d")
HEADLINE = 300
MAX_NAME_WORDS = 4
CONTEXT = 48
CONTEXT_SCORES = {"plan": -1, "comparison": 0, "review": 3}  # of a year mention; plain 2


@cache
def _kind_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    # "(?<!\w)" follows each word rather than leading the pattern, so that the regex
    # engine can skip ahead to candidate positions.
    escaped = sorted(map(re.escape, words), key=len, reverse=True)
    alternatives = "|".join(f"{word}(?<!\\w{word})" for word in escaped)
    return re.compile(f"(?:{alternatives})(?!\\w)\\.?")


def _is_name_word(word: str, first: bool) -> bool:
    if word.isdigit():
        return first
    return word[0].isupper() and (len(word) == 1 or not word[1:].isupper())


def find_unit(text: str, lower: str, lexicon: Lexicon) -> UnitName:
    """The most mentioned "kind + Name" (mentions in the headline count more)."""
    kinds = lookups_of(lexicon).unit_kinds
    scores: Counter[tuple[str, str]] = Counter()
    levels: dict[tuple[str, str], str] = {}
    words = tuple(kinds)
    for match in matches_at_words(_kind_pattern(words), lower, words):
        name = _name_after(text, match.end(), lexicon)
        if not name:
            continue
        kind, level = kinds[match.group().rstrip(".")]
        key = (kind, name)
        scores[key] += 1 + (2 if match.start() < HEADLINE else 0)
        levels[key] = level
    if not scores:
        return UnitName()
    best = max(scores, key=lambda key: (scores[key], levels[key] == "commune"))
    return UnitName(kind=best[0], name=best[1])


def _name_after(text: str, pos: int, lexicon: Lexicon) -> str:
    opening = text[pos + 1 : pos + 2] if text[pos : pos + 1] == " " else text[pos : pos + 1]
    if not (opening.isupper() or opening.isdigit()):
        return ""  # a name opens with a capital letter or a number
    words: list[str] = []
    while len(words) < MAX_NAME_WORDS:
        match = NAME_WORD.match(text, pos)
        if match is None or not _is_name_word(match.group(1), not words):
            break
        if words and words[-1].isdigit():
            break
        if lexicon.title_words.match_at([match.group(1).lower()], 0) or match.group(1) in (
            lexicon.abbreviations
        ):
            break
        words.append(match.group(1))
        pos = match.end()
    return " ".join(words)


def find_year(lower: str, lexicon: Lexicon) -> int | None:
    """The year whose results are reviewed.

    Each "năm YYYY" scores by its context: in result context (kết quả, thực hiện, ...)
    it counts more, in plan context (phương hướng, phấn đấu, ...) it counts against,
    in a comparison ("so với năm 2022") not at all. When the winner is also a plan
    year and the year before it is mentioned, the year before is the reviewed one.
    """
    scores: Counter[int] = Counter()
    plan_years: set[int] = set()
    for match in YEAR_MENTION.finditer(lower):
        year = int(match.group(1))
        if not 1950 <= year <= 2100:
            continue
        context = _year_context(lower, match, lexicon)
        if context == "plan":
            plan_years.add(year)
        scores[year] += CONTEXT_SCORES.get(context, 2)
    if not scores:
        return None
    best = max(scores, key=lambda year: (scores[year], -year))
    if best in plan_years and scores.get(best - 1, -1) > 0:
        return best - 1
    return best


def _year_context(lower: str, match: re.Match[str], lexicon: Lexicon) -> str:
    before = words_before(lower, match.start(), 6)
    if lexicon.cue("comparison_year").occurs_in(before[-4:]):
        return "comparison"
    if lexicon.cue("plan_year").occurs_in(before):
        return "plan"
    if lexicon.cue("plan_after_year").occurs_in(words_after(lower, match.end() + 1, 4)):
        return "plan"
    if lexicon.cue("review_year").occurs_in(before):
        return "review"
    return "plain"


def find_event_date(
    text: str, lower: str, lexicon: Lexicon, segments: Segments
) -> EventDate | None:
    """The first date introduced as the time of the event ("Sáng 8/1", "Ngày 13/12/2023, ...")."""
    fallback: EventDate | None = None
    for match in _dates(lower):
        date = _as_date(match)
        if date is None or STAMP_TIME.match(lower, match.end()):
            continue
        before = words_before(lower, match.start(), 4)
        if before and before[-1] == "ngày":
            before = before[:-1]
        if before and lexicon.cue("time_of_day").ends_with(before):
            return date
        if fallback is None and _opens_sentence(lower, match.start(), segments, lexicon):
            fallback = date
    return fallback


def _dates(lower: str) -> list[re.Match[str]]:
    found = anchored_matches(SLASH_DATE, lower, "/", SLASH_REACH) + list(WORD_DATE.finditer(lower))
    return sorted(found, key=lambda m: m.start())


def _as_date(match: re.Match[str]) -> EventDate | None:
    day, month = int(match.group(1)), int(match.group(2))
    year = int(match.group(3)) if match.group(3) else None
    if not (1 <= day <= 31 and 1 <= month <= 12) or (year is not None and year < 1950):
        return None
    return EventDate(day, month, year)


def _opens_sentence(lower: str, pos: int, segments: Segments, lexicon: Lexicon) -> bool:
    """ "Ngày 8/1, ..." at the start of a sentence, or "vào ngày 8/1"."""
    start = segments.sentence(pos)[0]
    lead = lower[start:pos].strip().rstrip(":")
    if lexicon.cue("not_event_date").ends_with(lead.split()):
        return False
    return lead in ("ngày", "hôm", "") or lead.endswith("vào ngày") or lead.endswith("(ngày")
