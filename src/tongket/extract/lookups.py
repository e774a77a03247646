"""Tables derived once from a lexicon, so that most positions are rejected with one lookup.

Each table is a necessary condition of a slower check: when it says "no", the slower
check would have said "no" too, so the answers of the reader do not change.
"""

from __future__ import annotations

from dataclasses import dataclass

from tongket.extract.lexicon import Lexicon, PhraseSet


@dataclass(frozen=True)
class Lookups:
    # First words that can follow a number meaningfully: scales, currencies, measures
    # and the words that make a number a non-fact ("5 tuổi", "3 ý kiến").
    number_followers: frozenset[str]
    # Last words of the phrases that make the number after them a non-fact ("năm").
    non_fact_before_ends: tuple[str, ...]
    # Each title as written in the data file, by its lower-case words.
    canonical_titles: dict[tuple[str, ...], str]

    @classmethod
    def of(cls, lexicon: Lexicon) -> Lookups:
        followers = {*lexicon.scales, *lexicon.currencies}
        followers.update(lexicon.measure_words.by_first_word)
        followers.update(lexicon.non_fact_after.by_first_word)
        return cls(
            number_followers=frozenset(followers),
            non_fact_before_ends=last_words(lexicon.non_fact_before),
            canonical_titles=canonical_titles(lexicon.titles),
        )


def last_words(phrases: PhraseSet) -> tuple[str, ...]:
    """The last word of every phrase of a set."""
    return tuple(
        sorted({phrase[-1] for group in phrases.by_first_word.values() for phrase in group})
    )


def canonical_titles(titles: tuple[str, ...]) -> dict[tuple[str, ...], str]:
    """The first title of the data file for each lower-case word sequence."""
    found: dict[tuple[str, ...], str] = {}
    for title in titles:
        found.setdefault(tuple(title.lower().split()), title)
    return found


_BUILT: dict[int, tuple[Lexicon, Lookups]] = {}


def lookups_of(lexicon: Lexicon) -> Lookups:
    """The lookups of a lexicon, built on first use."""
    known = _BUILT.get(id(lexicon))
    if known is None or known[0] is not lexicon:
        known = _BUILT[id(lexicon)] = (lexicon, Lookups.of(lexicon))
    return known[1]


@dataclass(frozen=True)
class ComparatorPhrases:
    """The comparator phrases of one position, joined, in data-file order."""

    entries: tuple[tuple[str, str], ...]
    joined: tuple[str, ...]  # all phrases, to reject most positions with one call

    @classmethod
    def of(cls, table: dict[tuple[str, ...], str]) -> ComparatorPhrases:
        entries = tuple((" ".join(phrase), comparator) for phrase, comparator in table.items())
        return cls(entries, tuple(joined for joined, _ in entries))


_COMPARATOR_PHRASES: dict[int, tuple[Lexicon, ComparatorPhrases, ComparatorPhrases]] = {}


def comparator_phrases(lexicon: Lexicon) -> tuple[ComparatorPhrases, ComparatorPhrases]:
    """The "after" and "before" comparator phrases of a lexicon, built once per lexicon."""
    known = _COMPARATOR_PHRASES.get(id(lexicon))
    if known is None or known[0] is not lexicon:
        table = lexicon.comparators
        after = ComparatorPhrases.of(table.get("after", {}))
        before = ComparatorPhrases.of(table.get("before", {}))
        known = _COMPARATOR_PHRASES[id(lexicon)] = (lexicon, after, before)
    return known[1], known[2]
