"""Vietnamese number literals and the words around a position in the text."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from itertools import islice

# "\d\d*" rather than "\d+": the same matches, but the regex engine can then skip ahead to
# the next digit instead of trying a match at every position.
NUMBER = re.compile(r"\d\d*(?:[.,]\d+)*")
TOKEN = re.compile(r"\d+(?:[.,]\d+)*|\w+|[^\w\s]")
FIRST_TOKEN = re.compile(r"\s*(\d+(?:[.,]\d+)*|\w+|[^\w\s])")
WORD = re.compile(r"\w+")
SEPARATOR = re.compile(r"[.,]")
WINDOW = 56
MAX_DIGITS = 30


def parse_number(literal: str) -> Decimal | None:
    """Read "124.857", "2.317,8", "98,5", "07", "1,234,567" or "3.25" as a Decimal.

    Vietnamese writes "." between thousands and "," before decimals. A lone "."
    followed by other than three digits is read as a decimal point.
    """
    if len(literal) > MAX_DIGITS * 2:
        return None
    if "." in literal or "," in literal:
        digits = _with_separators(literal)
        if digits is None:
            return None
    else:
        digits = literal
    try:
        return Decimal(digits)
    except InvalidOperation:
        return None


def _with_separators(literal: str) -> str | None:
    """The digits of a literal with separators, with "." as the decimal point."""
    groups = SEPARATOR.split(literal)
    separators = SEPARATOR.findall(literal)
    if "," in separators and "." in separators:
        if separators[-1] == ",":  # 2.317,8
            return literal.replace(".", "").replace(",", ".")
        return literal.replace(",", "")  # 1,234.5
    if all(len(group) == 3 for group in groups[1:]) and (
        len(separators) > 1 or separators[0] == "."
    ):
        return "".join(groups)  # 124.857 or 1,234,567
    if len(separators) == 1:
        return literal.replace(",", ".")  # 98,5 or 3.25
    return None


def token_strings(chunk: str) -> list[str]:
    """TOKEN.findall(chunk), read piece by piece (a faster scan, the same tokens).

    No token holds a space, so the tokens are those of each space-separated piece in
    turn; a piece of letters only, or of digits only, is one token.
    """
    tokens: list[str] = []
    for piece in chunk.split():
        tokens.extend(piece_tokens(piece))
    return tokens


def piece_tokens(piece: str) -> list[str]:
    """The tokens of one space-free piece (a piece of letters or of digits is one token)."""
    if piece.isalpha() or piece.isdecimal():
        return [piece]
    return TOKEN.findall(piece)


def words_before(lower: str, pos: int, limit: int = 6) -> list[str]:
    """The words just before `pos`, up to the nearest punctuation mark.

    Every piece between spaces gives at least one token, so only the last `limit` pieces
    of the window can be reached.
    """
    window_start = pos - WINDOW
    pieces = lower[max(0, window_start) : pos].rsplit(None, limit)
    cut_first = window_start > 0  # the first token of the window may be cut
    if len(pieces) > limit:
        del pieces[0]  # what lies before the last `limit` pieces
        cut_first = False
    words: list[str] = []
    for index in range(len(pieces) - 1, -1, -1):
        piece = pieces[index]
        if index == 0 and cut_first:
            tokens = TOKEN.findall(piece)[1:]
        elif piece.isalpha():  # one word: the common case
            if len(words) >= limit:
                break
            words.append(piece)
            continue
        else:
            tokens = piece_tokens(piece)
        for token in reversed(tokens):
            if not token[0].isalnum() or len(words) >= limit:
                words.reverse()
                return words
            words.append(token)
    words.reverse()
    return words


def words_after(lower: str, pos: int, limit: int = 6) -> list[str]:
    """The words just after `pos`, up to the nearest punctuation mark."""
    pieces = lower[pos : pos + WINDOW].split(None, limit)
    if len(pieces) > limit:
        del pieces[limit]  # only the first `limit` pieces can be reached
    words: list[str] = []
    for piece in pieces:
        if piece.isalpha():  # one word: the common case
            if len(words) >= limit:
                return words
            words.append(piece)
            continue
        for token in piece_tokens(piece):
            if not token[0].isalnum() or len(words) >= limit:
                return words
            words.append(token)
    return words


def first_word_after(lower: str, pos: int) -> str:
    """The first token that `tokens_after(lower, pos)` would give ("" when none)."""
    match = FIRST_TOKEN.match(lower, pos, pos + WINDOW)  # an end beyond the text is the end
    return match.group(1) if match else ""


def tokens_after(lower: str, pos: int, limit: int = 8) -> list[re.Match[str]]:
    """Word, number and punctuation tokens just after `pos`."""
    return list(islice(TOKEN.finditer(lower, pos, pos + WINDOW), limit))


def words_in(lower: str, start: int, end: int) -> list[str]:
    """WORD.findall(lower, start, end), read piece by piece like `token_strings`."""
    pieces = lower[start:end].split()
    if all(map(str.isalnum, pieces)):
        return pieces  # no punctuation: each piece is a word
    words: list[str] = []
    for piece in pieces:
        if piece.isalnum():
            words.append(piece)
        else:
            words.extend(WORD.findall(piece))
    return words
