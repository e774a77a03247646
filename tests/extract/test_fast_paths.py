"""The reader's fast paths give what the plain scans they replace would give."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from tongket.extract.anchors import anchored_matches
from tongket.extract.header import SLASH_DATE, SLASH_REACH
from tongket.extract.lexicon import PhraseSet, load_lexicon
from tongket.extract.numbers import (
    TOKEN,
    WINDOW,
    WORD,
    first_word_after,
    token_strings,
    words_in,
)
from tongket.extract.people import MAX_TOKENS, ROLE_TOKEN, role_tokens
from tongket.extract.summaries import COUNT_ANCHOR, COUNT_OF, COUNT_REACH

PIECES = [
    "1", "23", "8/1", " / ", "/", "12/12/2023", "9", " chỉ tiêu", "chỉ", "  ", " ", "\n", ".",
    ",", "-", "_", "a", "Đ", "UBND", "PCT.", "đạt", "năm", "tỷ lệ", "hộ nghèo", "(", ")", "x1.5",
    "\u00a0", "\u2003", "٣", "²", "%", "“", "Nguyễn", "Văn",
]  # fmt: skip
texts = st.lists(st.sampled_from(PIECES), max_size=60).map("".join) | st.text(max_size=120)


def spans(matches: list[re.Match[str]]) -> list[tuple[int, int]]:
    return [match.span() for match in matches]


@settings(max_examples=300, deadline=None)
@given(texts)
def test_anchored_matches_are_those_of_finditer(text: str) -> None:
    assert spans(anchored_matches(SLASH_DATE, text, "/", SLASH_REACH)) == spans(
        list(SLASH_DATE.finditer(text))
    )
    assert spans(anchored_matches(COUNT_OF, text, COUNT_ANCHOR, COUNT_REACH)) == spans(
        list(COUNT_OF.finditer(text))
    )


@settings(max_examples=300, deadline=None)
@given(texts)
def test_tokens_piece_by_piece_are_those_of_one_scan(text: str) -> None:
    assert token_strings(text) == TOKEN.findall(text)
    assert words_in(text, 0, len(text)) == WORD.findall(text)
    whole = [m.group() for m in ROLE_TOKEN.finditer(text)]
    assert role_tokens(text, 0) == whole[:MAX_TOKENS]
    first = TOKEN.search(text, 0, WINDOW)
    assert first_word_after(text, 0) == (first.group() if first else "")


def test_role_tokens_beyond_the_bounded_stretch() -> None:
    text = "Nguyễn" + " " * 1000 + "Văn A, PBT, UBND"
    assert role_tokens(text, 0) == ROLE_TOKEN.findall(text)
    many = "Bí thư, " * 100
    assert role_tokens(many, 0) == ROLE_TOKEN.findall(many)[:MAX_TOKENS]


def plain_match_at(phrases: PhraseSet, words: list[str], index: int) -> tuple[str, ...] | None:
    for candidate in phrases.by_first_word.get(words[index], ()):
        if tuple(words[index : index + len(candidate)]) == candidate:
            return candidate
    return None


def plain_ends_with(phrases: PhraseSet, words: list[str]) -> tuple[str, ...] | None:
    found = None
    for group in phrases.by_first_word.values():
        for candidate in group:
            if tuple(words[len(words) - len(candidate) :]) == candidate and (
                found is None or len(candidate) > len(found)
            ):
                found = candidate
    return found


WORDS = ["tỷ", "lệ", "hộ", "nghèo", "kế", "hoạch", "chỉ", "tiêu", "năm", "đạt", "so", "với"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=8))
def test_phrase_tries_match_like_the_phrase_lists(words: list[str]) -> None:
    lexicon = load_lexicon()
    for phrases in (lexicon.indicator_words, lexicon.cue("plan_word"), lexicon.non_fact_before):
        for index in range(len(words)):
            assert phrases.match_at(words, index) == plain_match_at(phrases, words, index)
        assert phrases.ends_with(words) == plain_ends_with(phrases, words)
