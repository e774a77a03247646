"""Tables derived once from a lexicon, so that most positions are rejected with one lookup.

Each table is a necessary condition of a slower check: when it says "no", the slower
check would have said "no" too, so the answers of the reader do not change.
"""

from __future__ import annotations

import re
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
    # The (kind, level) of each unit-kind word ("thị xã"), keyed by the word as written.
    unit_kinds: dict[str, tuple[str, str]]
    # The words that introduce a person ("đồng chí"), and the cue with its spaces.
    person_cue_words: tuple[str, ...]
    person_cue: re.Pattern[str]
    # Any page-furniture marker, to reject most lines with one search.
    boilerplate: re.Pattern[str]
    # "năm 2024", and a plan word a little before one ("chỉ tiêu năm 2024").
    year_word: str
    year: re.Pattern[str]
    plan_year: re.Pattern[str]

    @classmethod
    def of(cls, lexicon: Lexicon) -> Lookups:
        followers = {*lexicon.scales, *lexicon.currencies}
        followers.update(lexicon.measure_words.by_first_word)
        followers.update(lexicon.non_fact_after.by_first_word)
        return cls(
            number_followers=frozenset(followers),
            non_fact_before_ends=last_words(lexicon.non_fact_before),
            canonical_titles=canonical_titles(lexicon.titles),
            unit_kinds={" ".join(words): kind for words, kind in lexicon.unit_kinds.items()},
            person_cue_words=lexicon.cue_phrases["person_cue"],
            person_cue=person_cue(lexicon.cue_phrases["person_cue"]),
            boilerplate=re.compile("|".join(map(re.escape, lexicon.boilerplate))),
            year_word=lexicon.cue_phrases["year_word"][0],
            year=year_pattern(lexicon.cue_phrases["year_word"][0]),
            plan_year=plan_year_pattern(
                lexicon.cue_phrases["target_year_word"], lexicon.cue_phrases["year_word"][0]
            ),
        )


def person_cue(words: tuple[str, ...]) -> re.Pattern[str]:
    """A cue word, not inside a word, then spaces and a letter ("đồng chí Mai")."""
    return re.compile(f"(?:{bounded_words(words)})\\s+(?=[^\\W\\d_])")


def bounded_words(words: tuple[str, ...]) -> str:
    """An alternation of words, each not inside a word.

    "\\b" is written as a look-behind after each word so that the regex engine can skip
    ahead to candidate positions (a leading assertion makes it try every one).
    """
    return "|".join(f"{re.escape(word)}(?<!\\w{re.escape(word)})" for word in words)


def year_pattern(year_word: str) -> re.Pattern[str]:
    """ "năm 2024", the year in group 1."""
    return re.compile(f"{bounded_words((year_word,))} (\\d{{4}})\\b")


def plan_year_pattern(plan_words: tuple[str, ...], year_word: str) -> re.Pattern[str]:
    """A plan word, then "năm 2024" within 25 characters, the year in group 1."""
    return re.compile(
        f"(?:{bounded_words(plan_words)})[^.;\\d]{{0,25}}{re.escape(year_word)} (\\d{{4}})"
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
