"""Find the quantities of a text: each number read with what it measures.

One pass over the numbers of the text. Each number is looked at with the few
words around it and becomes a `Quantity` (a percentage, an amount of money, a
count of some noun, a fraction "X/Y", or a bare number) or is dropped when it
is a date, a time, a document number, a term, an address, an age, a list marker
or meeting logistics.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from typing import NamedTuple

from tongket.extract.lexicon import Lexicon
from tongket.extract.lookups import ComparatorPhrases, Lookups, comparator_phrases, lookups_of
from tongket.extract.numbers import (
    NUMBER,
    WINDOW,
    first_word_after,
    parse_number,
    tokens_after,
    words_after,
    words_before,
)


class Kind(StrEnum):
    PERCENT = "percent"
    MONEY = "money"
    COUNT = "count"
    FRACTION = "fraction"
    BARE = "bare"
    SUMMARY = "summary"


# The kinds as plain names (a member looked up on its enum class is slow on Python 3.11).
PERCENT_KIND, MONEY_KIND, COUNT_KIND = Kind.PERCENT, Kind.MONEY, Kind.COUNT
FRACTION_KIND, BARE_KIND, SUMMARY_KIND = Kind.FRACTION, Kind.BARE, Kind.SUMMARY


class Quantity(NamedTuple):
    kind: Kind
    start: int  # of the number
    end: int  # of the number and its sign, scale, currency or noun
    value: Decimal
    unit: str = ""
    denominator: Decimal | None = None
    comparator: str | None = None


YEAR_LIKE = re.compile(r"(19|20)\d\d")
DOC_CODE = re.compile(r"\s?[-–]\s?[A-ZĐ]")
TIME = re.compile(r":\d")
RANGE = re.compile(r"\s?[-–]\s?\d")
PERCENT = re.compile(r"\s?%|\s(?:phần trăm)")
LIST_MARKER_AFTER = re.compile(r"\s*\)")
ONE = Decimal(1)
DATE_CUES = ("ngày", "sáng", "chiều", "tối", "trưa", "đêm", "hôm", "từ", "đến", "tháng")


@dataclass
class Scanner:
    """Reads the numbers of one normalised text."""

    text: str
    lower: str
    lexicon: Lexicon
    lookups: Lookups = field(init=False)
    after_phrases: ComparatorPhrases = field(init=False)
    before_phrases: ComparatorPhrases = field(init=False)

    def __post_init__(self) -> None:
        self.lookups = lookups_of(self.lexicon)
        self.after_phrases, self.before_phrases = comparator_phrases(self.lexicon)

    def scan(self) -> list[Quantity]:
        found: list[Quantity] = []
        skip_until = 0
        for match in NUMBER.finditer(self.text):
            if match.start() < skip_until:
                continue
            quantity, skip_until = self.read(match)
            if quantity is not None:
                found.append(quantity)
        return found

    def read(self, match: re.Match[str]) -> tuple[Quantity | None, int]:
        start, end = match.span()
        text = self.text
        value = parse_number(match.group())
        if value is None:
            return None, end
        before = text[start - 1] if start else ""
        if before.isalpha() or (before == "-" and start > 1 and text[start - 2].isalpha()):
            return None, end  # glued to a word before it: "Covid-19", "F0", "H5N1"
        follow = text[end : end + 3]
        if follow[:1] == "/" and follow[1:2].isdigit():
            return self.read_fraction(start, end, value)
        if (follow[:1] in "/:" and follow[1:2].isalpha()) or TIME.match(follow):
            return None, self.skip_joined(end)
        if "-" in follow[:2] or "–" in follow[:2]:  # where DOC_CODE and RANGE have their dash
            if DOC_CODE.match(text, end, end + 4):
                return None, end
            if RANGE.match(text, end, end + 4) and YEAR_LIKE.fullmatch(match.group()):
                return None, self.skip_joined(end)
        if end - start <= 2 and self.is_list_marker(start, end):  # a short number is at most 99
            return None, end
        percent = PERCENT.match(self.lower, end, end + 12)
        if percent:
            return self.make(PERCENT_KIND, start, percent.end(), value, "%"), percent.end()
        return self.read_amount(start, end, value)

    def skip_joined(self, end: int) -> int:
        """The end of a run of numbers joined by / - : (dates, times, ranges, codes)."""
        pos = end
        text = self.text
        limit = min(len(text), end + 40)
        while pos < limit and (text[pos].isalnum() or text[pos] in "/-:.–"):
            pos += 1
        return pos

    def is_list_marker(self, start: int, end: int) -> bool:
        """ "(3)" or "3." / "3)" opening a line (for a number of one or two digits)."""
        before = self.text[max(0, start - 2) : start].strip()
        if before.endswith("(") and LIST_MARKER_AFTER.match(self.text, end, end + 3):
            return True
        lead = self.text[max(0, start - 8) : start]
        at_line_start = not lead.strip() and ("\n" in lead or start - len(lead) == 0)
        marker = self.text[end : end + 1]
        return bool(marker) and marker in ".)" and at_line_start

    def read_fraction(self, start: int, end: int, first: Decimal) -> tuple[Quantity | None, int]:
        second = NUMBER.match(self.text, end + 1)
        assert second is not None
        denominator = parse_number(second.group())
        after = second.end()
        if (
            denominator is None
            or self.text[after : after + 1] in ("/", "-")
            or (self.text[after : after + 1] == ":" and self.text[after + 1 : after + 2].isdigit())
        ):
            return None, self.skip_joined(after)
        words = words_after(self.lower, after, 4)
        if words[:2] == ["chỉ", "tiêu"]:
            quantity = self.make(SUMMARY_KIND, start, after, first, "", denominator)
            return quantity, after
        if self.looks_like_date(start, after, first, denominator):
            return None, after
        measure = self.lexicon.measure_words.match_at(words, 0) if words else None
        unit, end_pos = "", after
        if measure is not None:
            unit = self.lexicon.measures[measure].unit
            end_pos = self.end_of_words(after, len(measure))
        quantity = self.make(FRACTION_KIND, start, after, first, unit, denominator)
        return quantity, end_pos

    def looks_like_date(self, start: int, after: int, day: Decimal, month: Decimal) -> bool:
        if not (1 <= day <= 31 and 1 <= month <= 12) or "," in self.text[start:after]:
            return False
        before = words_before(self.lower, start, 2)
        if before and before[-1] in DATE_CUES:
            return True
        if self.text[start - 1 : start] == "(" and self.text[after : after + 1] == ")":
            return False
        words = words_after(self.lower, after, 3)
        if words and self.lexicon.measure_words.match_at(words, 0):
            return False
        return not (before and before[-1] in ("đạt", "được", "có", "hoàn", "thành"))

    def end_of_words(self, pos: int, count: int) -> int:
        seen = 0
        for match in tokens_after(self.lower, pos, count + 2):
            if match.group()[0].isalnum():
                seen += 1
                if seen == count:
                    return match.end()
        return pos

    def read_amount(self, start: int, end: int, value: Decimal) -> tuple[Quantity | None, int]:
        """A number with its scale words, currency or counted noun."""
        if first_word_after(self.lower, end) not in self.lookups.number_followers:
            return self.read_bare(start, end, value * ONE)  # no scale, currency or noun
        lexicon = self.lexicon
        matches = tokens_after(self.lower, end, 8)
        tokens = [match.group() for match in matches]
        amount, multiplier, index, last_end = value, ONE, 0, end
        while index < len(tokens) and tokens[index] in lexicon.scales:
            multiplier *= lexicon.scales[tokens[index]]
            last_end = matches[index].end()
            index += 1
            amount, index, last_end = self.add_lower_part(
                matches, index, amount, multiplier, last_end
            )
        amount = amount * multiplier
        if index < len(tokens) and tokens[index] in lexicon.currencies:
            last_end = matches[index].end()
            return self.make(MONEY_KIND, start, last_end, amount, "đồng"), last_end
        if self.is_non_fact_after(tokens, index):
            return None, end
        measure = self.measure_at(tokens, index)
        if measure is not None:
            words_used, unit = measure
            last_end = matches[index + words_used - 1].end()
            return self.make(COUNT_KIND, start, last_end, amount, unit), last_end
        if multiplier >= 1_000_000:
            return self.make(MONEY_KIND, start, last_end, amount, "đồng"), last_end
        return self.read_bare(start, end, amount)

    def read_bare(self, start: int, end: int, amount: Decimal) -> tuple[Quantity | None, int]:
        """A number with nothing after it that says what it counts."""
        if (end - start == 4 and YEAR_LIKE.fullmatch(self.text, start, end)) or (
            self.is_non_fact_before(start)
        ):
            return None, end
        return self.make(BARE_KIND, start, end, amount, ""), end

    def add_lower_part(
        self, tokens: list[re.Match[str]], index: int, amount: Decimal, scale: Decimal, last: int
    ) -> tuple[Decimal, int, int]:
        """ "16 tỷ 434 triệu": add a smaller number-and-scale that follows a scale word."""
        scales = self.lexicon.scales
        if index + 1 < len(tokens) and NUMBER.fullmatch(tokens[index].group()):
            smaller = scales.get(tokens[index + 1].group())
            part = parse_number(tokens[index].group())
            if smaller is not None and part is not None and smaller < scale:
                total = amount * scale + part * smaller
                return total / scale, index + 2, tokens[index + 1].end()
        return amount, index, last

    def measure_at(self, tokens: list[str], index: int) -> tuple[int, str] | None:
        words = []
        for token in tokens[index:]:
            if not token[0].isalnum():
                break
            words.append(token)
        if not words:
            return None
        measure = self.lexicon.measure_words.match_at(words, 0)
        if measure is None:
            return None
        return len(measure), self.lexicon.measures[measure].unit

    def is_non_fact_after(self, tokens: list[str], index: int) -> bool:
        words = tokens[index : index + 4]
        return bool(words) and self.lexicon.non_fact_after.match_at(words, 0) is not None

    def is_non_fact_before(self, start: int) -> bool:
        chunk = self.lower[max(0, start - WINDOW) : start].rstrip()
        if not chunk.endswith(self.lookups.non_fact_before_ends):
            return False  # the last word before the number ends no such phrase
        words = words_before(self.lower, start, 4)
        return bool(words) and self.lexicon.non_fact_before.ends_with(words) is not None

    def make(
        self,
        kind: Kind,
        start: int,
        end: int,
        value: Decimal,
        unit: str,
        denominator: Decimal | None = None,
    ) -> Quantity:
        return Quantity(kind, start, end, value, unit, denominator, self.comparator(start, end))

    def comparator(self, start: int, end: int) -> str | None:
        """ ">=" for "... trở lên", ">" for "hơn ..."/"trên ...", "<" for "dưới ...", ..."""
        after_phrases, before_phrases = self.after_phrases, self.before_phrases
        after = self.lower[end : end + 24].lstrip()
        if after.startswith(after_phrases.joined):
            for joined, comparator in after_phrases.entries:
                if after.startswith(joined) and not after[len(joined) : len(joined) + 1].isalnum():
                    return comparator
        before = self.lower[max(0, start - 24) : start].rstrip()
        if not before.endswith(before_phrases.joined):
            return None
        best: tuple[int, str] | None = None
        for joined, comparator in before_phrases.entries:
            bounded = not before[-len(joined) - 1 : -len(joined)].isalnum()
            if before.endswith(joined) and bounded and (best is None or len(joined) > best[0]):
                best = (len(joined), comparator)
        return best[1] if best else None


def scan_quantities(text: str, lower: str, lexicon: Lexicon) -> list[Quantity]:
    """Every quantity of the (normalised) text, in order."""
    return Scanner(text, lower, lexicon).scan()
