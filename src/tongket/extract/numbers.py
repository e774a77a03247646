"""Vietnamese number literals and the words around a position in the text."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

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
        if piece.isalpha() or piece.isdecimal():
            tokens.append(piece)
        else:
            tokens.extend(TOKEN.findall(piece))
    return tokens


def words_before(lower: str, pos: int, limit: int = 6) -> list[str]:
    """The words just before `pos`, up to the nearest punctuation mark."""
    tokens = token_strings(lower[max(0, pos - WINDOW) : pos])
    if pos - WINDOW > 0 and tokens:
        tokens = tokens[1:]  # the first may be cut
    words: list[str] = []
    for token in reversed(tokens):
        if not token[0].isalnum() or len(words) >= limit:
            break
        words.append(token)
    words.reverse()
    return words


def words_after(lower: str, pos: int, limit: int = 6) -> list[str]:
    """The words just after `pos`, up to the nearest punctuation mark."""
    words: list[str] = []
    for token in token_strings(lower[pos : pos + WINDOW]):
        if not token[0].isalnum() or len(words) >= limit:
            break
        words.append(token)
    return words


def first_word_after(lower: str, pos: int) -> str:
    """The first token that `tokens_after(lower, pos)` would give ("" when none)."""
    match = FIRST_TOKEN.match(lower, pos, min(len(lower), pos + WINDOW))
    return match.group(1) if match else ""


def tokens_after(lower: str, pos: int, limit: int = 8) -> list[re.Match[str]]:
    """Word, number and punctuation tokens just after `pos`."""
    found: list[re.Match[str]] = []
    for match in TOKEN.finditer(lower, pos, min(len(lower), pos + WINDOW)):
        found.append(match)
        if len(found) >= limit:
            break
    return found


def words_in(lower: str, start: int, end: int) -> list[str]:
    """WORD.findall(lower, start, end), read piece by piece like `token_strings`."""
    words: list[str] = []
    for piece in lower[start:end].split():
        if piece.isalnum():
            words.append(piece)
        else:
            words.extend(WORD.findall(piece))
    return words


def is_letter(char: str) -> bool:
    return char.isalpha()
