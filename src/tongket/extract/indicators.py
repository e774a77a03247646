"""Match indicator phrases (the catalogue's and the reader's own) in a stretch of text."""

from __future__ import annotations

from functools import cache

from tongket.catalogue import UnitClass, load_indicators
from tongket.extract.lexicon import COUNT_CLASS, PERCENT_CLASS, IndicatorPhrase, Lexicon
from tongket.extract.numbers import words_in

RATE_PREFIX = ("tỷ", "lệ")


def find_phrases(lexicon: Lexicon, words: list[str]) -> list[tuple[int, tuple[str, ...]]]:
    """Every (longest-at-position) indicator phrase in a list of words."""
    return lexicon.indicator_words.find_all(words)


def unit_fits(entry: IndicatorPhrase, unit_class: UnitClass, unit: str) -> bool:
    if entry.unit_class != unit_class:
        return False
    if unit_class != COUNT_CLASS or not unit or not entry.unit or unit == entry.unit:
        return True
    return unit in _phrase_words(entry.code)


@cache
def _phrase_words(code: str | None) -> str:
    for spec in load_indicators():
        if spec.code == code:
            return " ".join(spec.phrases)
    return ""


def best_indicator(
    lexicon: Lexicon, words: list[str], unit_class: UnitClass | None, unit: str, nearest_last: bool
) -> IndicatorPhrase | None:
    """The longest fitting phrase of `words`; ties go to the one nearest the number."""
    best: tuple[int, int, IndicatorPhrase] | None = None
    for index, phrase in find_phrases(lexicon, words):
        for entry in lexicon.indicator_phrases[phrase]:
            if unit_class is not None and not unit_fits(entry, unit_class, unit):
                continue
            nearness = index if nearest_last else -index
            key = (len(phrase) + (1 if entry.code else 0), nearness)
            if best is None or key > best[:2]:
                best = (key[0], key[1], entry)
    return best[2] if best else None


def rate_sibling(lexicon: Lexicon, words: list[str]) -> IndicatorPhrase | None:
    """For a bare "tỷ lệ": the rate of a count named earlier ("hộ nghèo ..., tỷ lệ")."""
    for _index, phrase in reversed(find_phrases(lexicon, words)):
        entries = lexicon.indicator_phrases.get(RATE_PREFIX + phrase, ())
        for entry in entries:
            if entry.unit_class == PERCENT_CLASS:
                return entry
    return None


def indicator_in(
    lexicon: Lexicon,
    lower: str,
    windows: list[tuple[int, int, bool]],
    unit_class: UnitClass | None,
    unit: str,
) -> IndicatorPhrase | None:
    """The first window (start, end, nearest_last) that names a fitting indicator."""
    generic: IndicatorPhrase | None = None
    # A window read before gives the same answer again, so it is skipped, unless the
    # rate sibling (looked for once a generic phrase is known) was not looked for in it.
    read: dict[tuple[int, int, bool], bool] = {}
    for window in windows:
        start, end, nearest_last = window
        if (
            end <= start
            or read.get(window, False)
            or (window in read and unit_class != PERCENT_CLASS)
        ):
            continue
        words = words_in(lower, start, end)
        found = best_indicator(lexicon, words, unit_class, unit, nearest_last)
        if found is not None and found.code:
            return found
        if found is not None and generic is None:
            generic = found
        read[window] = generic is not None
        if generic is not None and unit_class == PERCENT_CLASS:
            sibling = rate_sibling(lexicon, words)
            if sibling is not None:
                return sibling
    return generic
