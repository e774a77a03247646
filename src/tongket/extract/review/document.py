"""The normalised text as the review readers see it: words, sentences and named people."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from tongket.extract.anchors import matches_at_words
from tongket.extract.lexicon import Lexicon, PhraseSet, load_lexicon
from tongket.extract.lookups import lookups_of
from tongket.extract.model import Span
from tongket.extract.normalize import OffsetMap, normalize_text
from tongket.extract.people import PeopleReader
from tongket.extract.review.lexicon import ReviewLexicon, load_review_lexicon
from tongket.extract.segments import Segments

WORD = re.compile(r"\w+")
MAX_BODY_WORDS = 10
Match = tuple[int, tuple[str, ...]]  # a word index and the phrase found there


@dataclass(frozen=True)
class Mention:
    """A person named after a cue ("đồng chí Lê Văn A"): the cue's start, the name's span."""

    cue_start: int
    start: int
    end: int
    name: str


@dataclass(frozen=True)
class Document:
    text: str
    lower: str
    offsets: OffsetMap
    words: list[str]  # lower-case
    starts: list[int]
    ends: list[int]
    segments: Segments
    mentions: tuple[Mention, ...]
    mention_starts: tuple[int, ...]
    lexicon: ReviewLexicon
    base: Lexicon
    person_cue: PhraseSet  # "đồng chí", "ông", "bà"

    @classmethod
    def of(cls, text: str) -> Document:
        base = load_lexicon()
        normal = normalize_text(text)
        found = list(WORD.finditer(normal.lower))
        mentions = _mentions(normal.text, normal.lower, base)
        return cls(
            text=normal.text,
            lower=normal.lower,
            offsets=normal.offsets,
            words=[m.group() for m in found],
            starts=[m.start() for m in found],
            ends=[m.end() for m in found],
            segments=Segments.of(normal.text, normal.lower, base),
            mentions=mentions,
            mention_starts=tuple(mention.cue_start for mention in mentions),
            lexicon=load_review_lexicon(),
            base=base,
            person_cue=PhraseSet.build(base.cue_phrases["person_cue"]),
        )

    def span(self, start: int, end: int) -> Span:
        """A span of the normalised text as a span of the text as given."""
        return self.offsets.span(start, end)

    def sentence(self, pos: int) -> tuple[int, int]:
        return self.segments.sentence(pos)

    def word_at(self, pos: int) -> int:
        """The index of the first word that starts at or after `pos`."""
        return bisect_left(self.starts, pos)

    def words_in(self, start: int, end: int) -> tuple[int, int]:
        """The indexes [first, last) of the words inside text[start:end]."""
        return bisect_left(self.starts, start), bisect_right(self.ends, end)

    def find(self, phrases: PhraseSet, start: int = 0, end: int | None = None) -> list[Match]:
        """(word index, phrase) for every phrase starting inside text[start:end]."""
        first, last = self.words_in(start, len(self.text) if end is None else end)
        return [(first + i, p) for i, p in phrases.find_all(self.words[first:last])]

    def match_at(self, phrases: PhraseSet, index: int) -> tuple[str, ...] | None:
        """The longest phrase starting at word `index` with only spaces between its words."""
        if index >= len(self.words) or self.words[index] not in phrases.forward:
            return None
        found = phrases.match_at(self.words[index : index + phrases.longest], 0)
        if found is None or not self.joined(index, index + len(found)):
            return None
        return found

    def ends_with(self, phrases: PhraseSet, end: int) -> tuple[str, ...] | None:
        """The longest phrase whose last word is word `end - 1`, written with spaces only."""
        if end <= 0:
            return None
        found = phrases.ends_with(self.words[max(0, end - phrases.longest) : end])
        if found is None or not self.joined(end - len(found), end):
            return None
        return found

    def joined(self, first: int, last: int) -> bool:
        """Whether words first..last-1 are separated by spaces only."""
        return all(self.gap(i).isspace() for i in range(first, last - 1))

    def gap(self, index: int) -> str:
        """The text between word `index` and the next one."""
        end = self.starts[index + 1] if index + 1 < len(self.words) else len(self.text)
        return self.text[self.ends[index] : end]

    def chars(self, first: int, last: int) -> tuple[int, int]:
        """The character span of words first..last-1."""
        return self.starts[first], self.ends[last - 1]

    def number(self, index: int) -> int | None:
        if 0 <= index < len(self.words):
            return self.lexicon.number(self.words[index])
        return None

    def number_ending(self, index: int) -> tuple[int, int] | None:
        """The number whose last word is word `index` ("07", "1.245"), and its first word."""
        value = self.number(index)
        if value is None:
            return None
        first = index
        while (
            first > 0
            and len(self.words[first]) == 3
            and self.gap(first - 1) == "."
            and self.words[first - 1].isdigit()
            and len(self.words[first - 1]) <= 3
            and value < 10**9
        ):
            first -= 1
            value += int(self.words[first]) * 10 ** (3 * (index - first))
        return value, first

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        """The named people whose cue starts inside text[start:end]."""
        first = bisect_left(self.mention_starts, start)
        last = bisect_left(self.mention_starts, end)
        return list(self.mentions[first:last])

    def read_body(self, index: int, stops: PhraseSet, limit: int = MAX_BODY_WORDS) -> int:
        """The index after a run of words from `index`, written with spaces only, ending
        before a stop phrase or after `limit` words."""
        last = index
        while last < len(self.words) and last - index < limit:
            if last > index and (
                not self.gap(last - 1).isspace() or self.match_at(stops, last) is not None
            ):
                break
            last += 1
        return last

    def body_at(self, index: int, limit: int = MAX_BODY_WORDS) -> tuple[int, int] | None:
        """A body named from word `index` ("UBND thị xã", "phòng tài chính"), its span."""
        if self.match_at(self.lexicon.cue("body_head"), index) is None:
            return None
        last = self.read_body(index, self.lexicon.cue("assignee_stop"), limit)
        return self.chars(index, last)


def _mentions(text: str, lower: str, base: Lexicon) -> tuple[Mention, ...]:
    lookups = lookups_of(base)
    reader = PeopleReader(text, lower, base, lookups)
    found = []
    for cue in matches_at_words(lookups.person_cue, lower, lookups.person_cue_words):
        named = reader.read_name(cue.end())
        if named is None:
            continue
        name = named[0]
        end = cue.end()
        for word in name.split():
            end = text.find(word, end) + len(word)
        found.append(Mention(cue.start(), cue.end(), end, name))
    return tuple(found)
