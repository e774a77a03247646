"""Vietnamese number literals and the words around a position in the text."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
TOKEN = re.compile(r"\d+(?:[.,]\d+)*|\w+|[^\w\s]")
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
    groups = SEPARATOR.split(literal)
    separators = SEPARATOR.findall(literal)
    digits = literal
    if not separators:
        digits = literal
    elif "," in separators and "." in separators:
        if separators[-1] == ",":  # 2.317,8
            digits = literal.replace(".", "").replace(",", ".")
        else:  # 1,234.5
            digits = literal.replace(",", "")
    elif all(len(group) == 3 for group in groups[1:]) and (
        len(separators) > 1 or separators[0] == "."
    ):
        digits = "".join(groups)  # 124.857 or 1,234,567
    elif len(separators) == 1:
        digits = literal.replace(",", ".")  # 98,5 or 3.25
    else:
        return None
    try:
        return Decimal(digits)
    except InvalidOperation:
        return None


def words_before(lower: str, pos: int, limit: int = 6) -> list[str]:
    """The words just before `pos`, up to the nearest punctuation mark."""
    chunk = lower[max(0, pos - WINDOW) : pos]
    tokens = TOKEN.findall(chunk)
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
    for match in TOKEN.finditer(lower, pos, min(len(lower), pos + WINDOW)):
        token = match.group()
        if not token[0].isalnum() or len(words) >= limit:
            break
        words.append(token)
    return words


def tokens_after(lower: str, pos: int, limit: int = 8) -> list[re.Match[str]]:
    """Word, number and punctuation tokens just after `pos`."""
    found: list[re.Match[str]] = []
    for match in TOKEN.finditer(lower, pos, min(len(lower), pos + WINDOW)):
        found.append(match)
        if len(found) >= limit:
            break
    return found


def words_in(lower: str, start: int, end: int) -> list[str]:
    return WORD.findall(lower, start, end)


def is_letter(char: str) -> bool:
    return char.isalpha()
