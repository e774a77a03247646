"""The reader's language data, loaded from the CSV files in `data/`.

Every Vietnamese word the reader must recognise lives in a data file; this module
reads them once into a frozen `Lexicon`. Phrases are stored lower-case and NFC,
with single spaces, so that they can be compared with the normalised text.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from importlib import resources

from tongket.catalogue import UnitClass, load_indicators

WORD = re.compile(r"\w+")
DATA_FILES = (
    "abbreviations.csv",
    "boilerplate.csv",
    "comparators.csv",
    "cues.csv",
    "currencies.csv",
    "indicator_phrases.csv",
    "measures.csv",
    "non_fact_words.csv",
    "role_words.csv",
    "scales.csv",
    "titles.csv",
    "tone_marks.csv",
    "unit_kinds.csv",
)


def fold(phrase: str) -> str:
    """Lower-case NFC form with single spaces: how phrases are compared."""
    return " ".join(unicodedata.normalize("NFC", phrase).lower().split())


def phrase_words(phrase: str) -> tuple[str, ...]:
    """The words of a phrase as the matcher sees them (punctuation dropped)."""
    return tuple(WORD.findall(fold(phrase)))


def read_rows(name: str) -> list[dict[str, str]]:
    """The rows of one data file, as dicts keyed by the header."""
    text = resources.files("tongket.extract").joinpath("data", name).read_text("utf-8")
    return list(csv.DictReader(text.splitlines()))


# A trie of phrases: each word leads to (the phrase that ends there, if any, the next words).
Trie = dict[str, tuple[tuple[str, ...] | None, "Trie"]]


def build_trie(phrases: Iterable[tuple[str, ...]]) -> Trie:
    """A trie of word sequences."""
    root: Trie = {}
    for phrase in phrases:
        level = root
        for depth, word in enumerate(phrase):
            ending, children = level.get(word, (None, {}))
            if depth == len(phrase) - 1:
                ending = phrase
            level[word] = (ending, children)
            level = children
    return root


@dataclass(frozen=True)
class PhraseSet:
    """Phrases keyed by their first word, for matching at a word position."""

    by_first_word: dict[str, tuple[tuple[str, ...], ...]]
    longest: int
    forward: Trie  # the phrases word by word
    backward: Trie  # the phrases word by word from their last word, mapped to the phrase

    @classmethod
    def build(cls, phrases: Iterable[str]) -> PhraseSet:
        grouped: dict[str, set[tuple[str, ...]]] = {}
        longest = 0
        for phrase in phrases:
            words = phrase_words(phrase)
            if words:
                grouped.setdefault(words[0], set()).add(words)
                longest = max(longest, len(words))
        ordered = {k: tuple(sorted(v, key=len, reverse=True)) for k, v in grouped.items()}
        every = [phrase for group in ordered.values() for phrase in group]
        backward = build_trie(phrase[::-1] for phrase in every)
        return cls(ordered, longest, build_trie(every), _unreverse(backward))

    def match_at(self, words: list[str], index: int) -> tuple[str, ...] | None:
        """The longest phrase starting at words[index], if any."""
        found = None
        node = self.forward.get(words[index])
        index += 1
        while node is not None:
            ending, children = node
            if ending is not None:
                found = ending
            if index >= len(words):
                break
            node = children.get(words[index])
            index += 1
        return found

    def find_all(self, words: list[str]) -> list[tuple[int, tuple[str, ...]]]:
        """(index, longest phrase starting there) for every index where a phrase starts."""
        forward = self.forward
        if forward.keys().isdisjoint(words):
            return []
        found = []
        count = len(words)
        for index in [index for index, word in enumerate(words) if word in forward]:
            node: tuple[tuple[str, ...] | None, Trie] | None = forward[words[index]]
            longest = None
            following = index + 1
            while node is not None:  # the walk of `match_at`, inlined
                if node[0] is not None:
                    longest = node[0]
                if following >= count:
                    break
                node = node[1].get(words[following])
                following += 1
            if longest is not None:
                found.append((index, longest))
        return found

    def occurs_in(self, words: list[str]) -> bool:
        """Whether any phrase occurs in the word list."""
        forward = self.forward
        if forward.keys().isdisjoint(words):
            return False
        for index, word in enumerate(words):
            if word in forward and self.match_at(words, index) is not None:
                return True
        return False

    def ends_with(self, words: list[str]) -> tuple[str, ...] | None:
        """The longest phrase that the word list ends with."""
        found = None
        index = len(words) - 1
        node = self.backward.get(words[index]) if words else None
        while node is not None:
            ending, children = node
            if ending is not None:
                found = ending
            index -= 1
            if index < 0:
                break
            node = children.get(words[index])
        return found


def _unreverse(trie: Trie) -> Trie:
    """A trie of reversed phrases whose endings are the phrases the right way round."""
    return {
        word: (None if ending is None else ending[::-1], _unreverse(children))
        for word, (ending, children) in trie.items()
    }


# The unit classes as plain names: looking a member up on its enum class is slow on
# Python 3.11 (~0.3 µs), and the reader compares unit classes in its inner loops.
MONEY_CLASS, COUNT_CLASS, PERCENT_CLASS = UnitClass.MONEY, UnitClass.COUNT, UnitClass.PERCENT


@dataclass(frozen=True)
class IndicatorPhrase:
    words: tuple[str, ...]
    code: str | None
    unit_class: UnitClass
    unit: str


@dataclass(frozen=True)
class Measure:
    unit: str
    unit_class: UnitClass


@dataclass(frozen=True)
class Abbreviation:
    expansion: str
    kind: str  # title, qualifier or body
    expand_in_roles: bool


@dataclass(frozen=True)
class Lexicon:
    scales: dict[str, Decimal]
    currencies: dict[str, str]
    measures: dict[tuple[str, ...], Measure]
    measure_words: PhraseSet
    indicator_phrases: dict[tuple[str, ...], tuple[IndicatorPhrase, ...]]
    indicator_words: PhraseSet
    cues: dict[str, PhraseSet]
    cue_phrases: dict[str, tuple[str, ...]]
    non_fact_before: PhraseSet
    non_fact_after: PhraseSet
    comparators: dict[str, dict[tuple[str, ...], str]]
    titles: tuple[str, ...]
    title_words: PhraseSet
    abbreviations: dict[str, Abbreviation]
    role_words: PhraseSet
    unit_kinds: dict[tuple[str, ...], tuple[str, str]]
    boilerplate: tuple[str, ...]
    tone_marks: dict[str, str]

    def cue(self, kind: str) -> PhraseSet:
        return self.cues[kind]


def _indicator_phrases() -> dict[tuple[str, ...], tuple[IndicatorPhrase, ...]]:
    found: dict[tuple[str, ...], list[IndicatorPhrase]] = {}
    specs = {spec.code: spec for spec in load_indicators()}
    for spec in specs.values():
        for phrase in spec.phrases:
            words = phrase_words(phrase)
            found.setdefault(words, []).append(
                IndicatorPhrase(words, spec.code, spec.unit_class, spec.unit)
            )
    for row in read_rows("indicator_phrases.csv"):
        words = phrase_words(row["phrase"])
        code = row["code"] or None
        unit = specs[code].unit if code else ("%" if row["unit_class"] == "percent" else "")
        entry = IndicatorPhrase(words, code, UnitClass(row["unit_class"]), unit)
        if entry not in found.get(words, []):
            found.setdefault(words, []).append(entry)
    return {words: tuple(entries) for words, entries in found.items()}


def _cues() -> tuple[dict[str, PhraseSet], dict[str, tuple[str, ...]]]:
    grouped: dict[str, list[str]] = {}
    for row in read_rows("cues.csv"):
        grouped.setdefault(row["kind"], []).append(fold(row["phrase"]))
    return (
        {kind: PhraseSet.build(phrases) for kind, phrases in grouped.items()},
        {kind: tuple(phrases) for kind, phrases in grouped.items()},
    )


def _comparators() -> dict[str, dict[tuple[str, ...], str]]:
    table: dict[str, dict[tuple[str, ...], str]] = {}
    for row in read_rows("comparators.csv"):
        table.setdefault(row["position"], {})[tuple(fold(row["phrase"]).split())] = row[
            "comparator"
        ]
    return table


def _tone_marks() -> dict[str, str]:
    table: dict[str, str] = {}
    for row in read_rows("tone_marks.csv"):
        old, new = row["old"], row["new"]
        for transform in (str.lower, str.capitalize, str.upper):
            table[transform(old)] = transform(new)
    return table


@cache
def load_lexicon() -> Lexicon:
    """Read every data file once."""
    measures = {
        tuple(fold(row["word"]).split()): Measure(row["unit"], UnitClass(row["unit_class"]))
        for row in read_rows("measures.csv")
    }
    indicator_phrases = _indicator_phrases()
    cues, cue_phrases = _cues()
    non_fact = read_rows("non_fact_words.csv")
    titles = tuple(row["title"] for row in read_rows("titles.csv"))
    return Lexicon(
        scales={fold(r["word"]): Decimal(r["multiplier"]) for r in read_rows("scales.csv")},
        currencies={fold(r["word"]): r["unit"] for r in read_rows("currencies.csv")},
        measures=measures,
        measure_words=PhraseSet.build(" ".join(words) for words in measures),
        indicator_phrases=indicator_phrases,
        indicator_words=PhraseSet.build(" ".join(words) for words in indicator_phrases),
        cues=cues,
        cue_phrases=cue_phrases,
        non_fact_before=PhraseSet.build(r["phrase"] for r in non_fact if r["position"] == "before"),
        non_fact_after=PhraseSet.build(r["phrase"] for r in non_fact if r["position"] == "after"),
        comparators=_comparators(),
        titles=titles,
        title_words=PhraseSet.build(titles),
        abbreviations={
            r["abbreviation"]: Abbreviation(
                r["expansion"], r["kind"], r["expand_in_roles"] == "yes"
            )
            for r in read_rows("abbreviations.csv")
        },
        role_words=PhraseSet.build(r["word"] for r in read_rows("role_words.csv")),
        unit_kinds={
            tuple(fold(r["word"]).split()): (r["kind"], r["level"])
            for r in read_rows("unit_kinds.csv")
        },
        boilerplate=tuple(fold(r["marker"]) for r in read_rows("boilerplate.csv")),
        tone_marks=_tone_marks(),
    )
