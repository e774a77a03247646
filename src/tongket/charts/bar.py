"""A horizontal bar chart for rankings: one labelled bar per item, longest figure first or not.

Bars keep the order given (rank them before drawing). A bar's length is proportional to
its value from a zero line; negative values grow to the left of it. Each bar shows its
figure as text after it and its full label in a tooltip, so colour is never the only cue.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from tongket.charts.svg import (
    DEFAULT_FILL,
    GRID,
    MUTED,
    Number,
    check_colour,
    check_finite,
    coordinate,
    format_value,
    nice_ticks,
    open_svg,
    shorten,
    text,
)

WIDTH = 720
LABEL_WIDTH = 240  # the names, right-aligned against the bars
VALUE_WIDTH = 110  # room after the longest bar for its figure
ROW = 22
BAR = 14
TOP = 6
AXIS = 22  # tick labels under the bars
LABEL_CHARACTERS = 36


@dataclass(frozen=True)
class Bar:
    label: str
    value: Number
    text: str = ""  # the figure as shown; by default the value the Vietnamese way
    fill: str = DEFAULT_FILL  # "#rgb" or "#rrggbb"
    note: str = ""  # more words for the tooltip

    def __post_init__(self) -> None:
        check_finite("value", self.value)
        check_colour(self.fill)

    @property
    def shown(self) -> str:
        return self.text or format_value(self.value)


def bar_chart(
    bars: Sequence[Bar],
    *,
    title: str,
    description: str = "",
    ident: str = "bieu-do-cot",
    max_value: Number | None = None,
    empty_text: str = "Chưa có số liệu",
) -> str:
    """The bars as one <svg> element; `max_value` fixes the far end of the scale (say 100)."""
    height = TOP + ROW * max(len(bars), 1) + AXIS
    parts = open_svg(ident, WIDTH, height, title, description)
    if not bars:
        parts.append(f'<text x="{WIDTH // 2}" y="{TOP + 15}" text-anchor="middle" fill="{MUTED}">')
        parts += [text(empty_text), "</text></svg>"]
        return "".join(parts)
    values = [float(bar.value) for bar in bars]
    ceiling = max([0.0, *values, *([float(max_value)] if max_value is not None else [])])
    ticks = nice_ticks(min(0.0, *values), ceiling)
    low, high = ticks[0], ticks[-1]
    left, right = LABEL_WIDTH + 8, WIDTH - VALUE_WIDTH

    def x_of(value: float) -> float:
        return left + (value - low) / (high - low) * (right - left)

    bottom = TOP + ROW * len(bars)
    for tick in ticks:
        x = coordinate(x_of(tick))
        parts.append(
            f'<line x1="{x}" y1="{TOP}" x2="{x}" y2="{bottom}" stroke="{GRID}"/>'
            f'<text x="{x}" y="{bottom + 15}" text-anchor="middle" fill="{MUTED}">'
            f"{text(format_value(tick))}</text>"
        )
    zero = x_of(0.0)
    for index, (bar, value) in enumerate(zip(bars, values, strict=True)):
        y = TOP + ROW * index
        start, end = sorted((zero, x_of(value)))
        tip = f"{bar.label}: {bar.shown}" + (f" — {bar.note}" if bar.note else "")
        parts.append(
            f'<g class="bar"><title>{text(tip)}</title>'
            f'<text x="{LABEL_WIDTH}" y="{y + 15}" text-anchor="end">'
            f"{text(shorten(bar.label, LABEL_CHARACTERS))}</text>"
            f'<rect x="{coordinate(start)}" y="{y + (ROW - BAR) // 2}" '
            f'width="{coordinate(end - start)}" height="{BAR}" fill="{bar.fill}"/>'
            f'<text x="{coordinate(max(end, zero) + 4)}" y="{y + 15}">{text(bar.shown)}</text>'
            "</g>"
        )
    parts.append(
        f'<line x1="{coordinate(zero)}" y1="{TOP}" x2="{coordinate(zero)}" y2="{bottom}" '
        f'stroke="{MUTED}"/></svg>'
    )
    return "".join(parts)
