"""The reader's fast paths give what the plain scans they replace would give."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from tongket.extract.anchors import anchored_matches, matches_at_words
from tongket.extract.header import SLASH_DATE, SLASH_REACH, _kind_pattern
from tongket.extract.lexicon import PhraseSet, load_lexicon
from tongket.extract.lookups import lookups_of
from tongket.extract.normalize import (
    ODD_CHARACTERS,
    _fix_tone_marks,
    _plain_spaces,
    _tone_pattern,
)
from tongket.extract.numbers import (
    TOKEN,
    WINDOW,
    WORD,
    first_word_after,
    token_strings,
    words_after,
    words_before,
    words_in,
)
from tongket.extract.people import MAX_TOKENS, NAME_TOKENS, ROLE_TOKEN, role_tokens
from tongket.extract.segments import (
    BOUNDARY_CHARACTERS,
    FURNITURE_LINE,
    character_positions,
    furniture_lines,
)
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
    assert role_tokens(text, 0, NAME_TOKENS) == whole[:NAME_TOKENS]  # a name's first tokens
    first = TOKEN.search(text, 0, WINDOW)
    assert first_word_after(text, 0) == (first.group() if first else "")


def test_role_tokens_beyond_the_bounded_stretch() -> None:
    text = "Nguyễn" + " " * 1000 + "Văn A, PBT, UBND"
    assert role_tokens(text, 0) == ROLE_TOKEN.findall(text)
    many = "Bí thư, " * 100
    assert role_tokens(many, 0) == ROLE_TOKEN.findall(many)[:MAX_TOKENS]
    assert role_tokens(many, 0, NAME_TOKENS) == ROLE_TOKEN.findall(many)[:NAME_TOKENS]


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


def plain_words_before(lower: str, pos: int, limit: int) -> list[str]:
    tokens = TOKEN.findall(lower[max(0, pos - WINDOW) : pos])
    if pos - WINDOW > 0 and tokens:
        tokens = tokens[1:]
    words: list[str] = []
    for token in reversed(tokens):
        if not token[0].isalnum() or len(words) >= limit:
            break
        words.append(token)
    return words[::-1]


def plain_words_after(lower: str, pos: int, limit: int) -> list[str]:
    words: list[str] = []
    for token in TOKEN.findall(lower[pos : pos + WINDOW]):
        if not token[0].isalnum() or len(words) >= limit:
            break
        words.append(token)
    return words


@settings(max_examples=300, deadline=None)
@given(texts, st.integers(0, 130), st.integers(1, 8))
def test_words_around_a_position_are_those_of_one_scan(text: str, pos: int, limit: int) -> None:
    pos = min(pos, len(text))
    assert words_before(text, pos, limit) == plain_words_before(text, pos, limit)
    assert words_after(text, pos, limit) == plain_words_after(text, pos, limit)


def plain_furniture_lines(lower: str, markers: tuple[str, ...]) -> tuple[tuple[int, int], ...]:
    """The marker-by-marker scan that `furniture_lines` replaces."""
    lines: set[tuple[int, int]] = set()
    for marker in markers:
        pos = lower.find(marker)
        while pos >= 0:
            start = lower.rfind("\n", max(0, pos - FURNITURE_LINE), pos) + 1
            end = lower.find("\n", pos, pos + FURNITURE_LINE)
            end = len(lower) if end < 0 and len(lower) - pos <= FURNITURE_LINE else end
            if end >= 0 and (start > 0 or pos <= FURNITURE_LINE) and end - start <= FURNITURE_LINE:
                lines.add((start, end))
            pos = lower.find(marker, pos + len(marker))
    return tuple(sorted(lines))


LINE_PIECES = ["xem thêm", "bình luận", "chia sẻ", "a" * 37, "b" * 40, " ", "\n", "\n\n", "x"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(LINE_PIECES), max_size=30).map("".join))
def test_furniture_lines_are_those_of_the_marker_scan(text: str) -> None:
    lexicon = load_lexicon()
    assert furniture_lines(text, lexicon) == plain_furniture_lines(text, lexicon.boilerplate)


def test_furniture_line_of_exactly_the_limit() -> None:
    lexicon = load_lexicon()
    line = "xem thêm" + "a" * (FURNITURE_LINE - len("xem thêm"))
    for text in (line + "\n", "\n" + line + "\nz", line, "z\n" + line, "a" + line[1:] + "\n"):
        assert furniture_lines(text, lexicon) == plain_furniture_lines(text, lexicon.boilerplate)


@settings(max_examples=300, deadline=None)
@given(texts)
def test_scans_from_found_words_are_those_of_finditer(text: str) -> None:
    lower = text.lower()
    lookups = lookups_of(load_lexicon())
    kinds = tuple(lookups.unit_kinds)
    for pattern, words in (
        (_kind_pattern(kinds), kinds),
        (lookups.person_cue, lookups.person_cue_words),
    ):
        assert spans(matches_at_words(pattern, lower, words)) == spans(
            list(pattern.finditer(lower))
        )
    boundaries = [m.start() for m in re.finditer(f"[{re.escape(BOUNDARY_CHARACTERS)}]", text)]
    assert character_positions(text, BOUNDARY_CHARACTERS) == boundaries


ODD_PIECES = ["\u00a0", "\r", "\t", "\u200b", "\ufeff", "\x01", "a", " ", "\n", "hoà", "Thuỷ", "oá"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(ODD_PIECES), max_size=20).map("".join) | st.text(max_size=60))
def test_plain_spaces_and_tone_marks_as_the_regex_would_give(text: str) -> None:
    assert _plain_spaces(text) == ODD_CHARACTERS.sub(
        lambda m: "\n" if m.group() == "\r" else " ", text
    )
    marks = load_lexicon().tone_marks
    assert _fix_tone_marks(text) == _tone_pattern().sub(
        lambda m: marks.get(m.group(), m.group()), text
    )


def test_every_odd_character_is_unprintable() -> None:
    """What `_plain_spaces` relies on to skip the regex."""
    assert not any(char.isprintable() for char in ODD_CHARACTERS.pattern[1:-1])
