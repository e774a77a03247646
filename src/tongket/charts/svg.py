"""What both charts share: escaping, colours, Vietnamese numbers, axis ticks, the <svg> frame."""

from __future__ import annotations

import math
import re
from decimal import Decimal
from html import escape

from tongket.scorecard.numbers import format_number

Number = float | int | Decimal

FONT = "Liberation Sans, Arial, sans-serif"
INK = "#1d2733"
MUTED = "#5a6472"
GRID = "#d5dbe3"
DEFAULT_FILL = "#0b4f8a"
COLOUR = re.compile(r"#[0-9a-fA-F]{3}(?:[0-9a-fA-F]{3})?")
IDENT = re.compile(r"[A-Za-z][A-Za-z0-9_-]*")
NICE_STEPS = (1.0, 2.0, 2.5, 5.0, 10.0)


def text(value: object) -> str:
    """`value` as text safe inside an element or a quoted attribute."""
    return escape(str(value), quote=True)


def check_colour(colour: str) -> None:
    if not COLOUR.fullmatch(colour):
        raise ValueError(f"a colour must be #rgb or #rrggbb, got {colour!r}")


def check_ident(ident: str) -> None:
    if not IDENT.fullmatch(ident):
        raise ValueError(f"an element id must be letters, digits, - or _, got {ident!r}")


def check_finite(name: str, value: Number | None) -> None:
    if value is not None and not math.isfinite(float(value)):
        raise ValueError(f"{name} must be finite, got {value}")


def format_value(value: Number, max_decimals: int = 2) -> str:
    """A figure the Vietnamese way: 124857.5 → "124.857,5", 16.1 → "16,1"."""
    number = value if isinstance(value, Decimal) else Decimal(repr(float(value)))
    return format_number(number, max_decimals)


def coordinate(value: float) -> str:
    """A coordinate with one decimal and no "-0.0"."""
    rounded = round(value, 1)
    return f"{rounded + 0.0:.1f}".removesuffix(".0")


def nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Round axis ticks covering [low, high], about `count` of them: (0, 93) → 0, 20 … 100."""
    if high < low:
        low, high = high, low
    if high == low:
        high = low + 1 if low == 0 else low + abs(low)
    raw = (high - low) / max(count - 1, 1)
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(s * magnitude for s in NICE_STEPS if s * magnitude >= raw * (1 - 1e-9))
    first = math.floor(low / step + 1e-9) * step
    ticks = [first]
    while ticks[-1] < high - step * 1e-9:
        ticks.append(first + step * len(ticks))
    return [round(t, 10) + 0.0 for t in ticks]


def shorten(label: str, limit: int) -> str:
    """`label` cut to `limit` characters with an ellipsis (the full text goes in a tooltip)."""
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"


def open_svg(ident: str, width: int, height: int, title: str, description: str) -> list[str]:
    """The opening of an accessible, responsive drawing: <svg>, <title> and <desc>."""
    check_ident(ident)
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" id="{ident}" class="chart" '
        f'viewBox="0 0 {width} {height}" width="100%" preserveAspectRatio="xMinYMin meet" '
        f'role="img" aria-label="{text(title)}" aria-labelledby="{ident}-t {ident}-d" '
        f'font-family="{FONT}" font-size="12" fill="{INK}">',
        f'<title id="{ident}-t">{text(title)}</title>',
        f'<desc id="{ident}-d">{text(description)}</desc>',
    ]
