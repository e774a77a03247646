"""Counts of targets met: "14/15 chỉ tiêu đạt và vượt", "trong 17 chỉ tiêu ... đều đạt"."""

from __future__ import annotations

import re

from tongket.extract.anchors import anchored_matches
from tongket.extract.lexicon import Lexicon
from tongket.extract.numbers import words_before
from tongket.extract.quantities import SUMMARY_KIND, Quantity
from tongket.extract.segments import Segments

# Look-behinds sit after the first character so that the regex engine can skip ahead
# to candidate positions (a leading assertion makes it try every position).
COUNT_OF = re.compile(r"(\d(?<![\d/.,]\d)\d{0,2}) chỉ tiêu\b")
COUNT_ANCHOR, COUNT_REACH = " chỉ tiêu", 3  # 1 to 3 characters after a COUNT_OF starts
NOT_MET = ("không đạt", "chưa đạt", "không hoàn thành", "chưa hoàn thành")
MET = ("đạt", "hoàn thành", "vượt")
REACH = 40

RawSummary = tuple[int, int, tuple[int, int]]


def find_summaries(
    lower: str, quantities: list[Quantity], segments: Segments, lexicon: Lexicon
) -> list[RawSummary]:
    """(achieved, total, span) of each summary, spans in the normalised text."""
    found: list[RawSummary] = []
    fraction_sentences = set()
    for quantity in quantities:
        if quantity.kind == SUMMARY_KIND and quantity.denominator is not None:
            total = int(quantity.denominator)
            found.append((int(quantity.value), total, (quantity.start, quantity.end)))
            fraction_sentences.add(segments.sentence(quantity.start))
    for match in anchored_matches(COUNT_OF, lower, COUNT_ANCHOR, COUNT_REACH):
        sentence = segments.sentence(match.start())
        if sentence in fraction_sentences or segments.is_furniture(match.start()):
            continue
        before = words_before(lower, match.start(1), 3)
        if not before or not lexicon.cue("summary_total").ends_with(before):
            continue
        summary = _read_total(lower, match, sentence[1], lexicon)
        if summary is not None:
            found.append(summary)
            fraction_sentences.add(sentence)
    return sorted(found, key=lambda summary: summary[2])


def _read_total(
    lower: str, total_match: re.Match[str], sentence_end: int, lexicon: Lexicon
) -> RawSummary | None:
    """After "trong 17 chỉ tiêu": "có 15 chỉ tiêu đạt" or "đều đạt"."""
    total = int(total_match.group(1))
    for match in COUNT_OF.finditer(lower, total_match.end(), sentence_end):
        following = re.split(r"[,;]", lower[match.end() : match.end() + REACH], maxsplit=1)[0]
        if any(phrase in following for phrase in NOT_MET):
            continue
        if any(word in following for word in MET) and int(match.group(1)) <= total:
            return int(match.group(1)), total, match.span(1)
    rest = lower[total_match.end() : sentence_end]
    if any(phrase in rest for phrase in lexicon.cue_phrases["summary_all"]):
        return total, total, total_match.span(1)
    return None
