"""A line chart over years: one or more series (say the result, and the target dashed).

The x axis holds every x any series has, evenly spaced and sorted; a series with no
figure for an x has a gap there. Points carry markers (circles for solid series, squares
for dashed ones, so the two differ without colour), a tooltip, and for labelled series
the figure as text above the point. The y axis starts at zero or below.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
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
    text,
)

WIDTH = 720
HEIGHT = 320
LEFT = 72
RIGHT = 24
TOP = 44  # the legend
BOTTOM = 30  # the x labels
MARKER = 4


@dataclass(frozen=True)
class Point:
    x: int
    y: Number | None  # None: no figure for this x (a gap in the line)
    text: str = ""  # the figure as shown; by default the value the Vietnamese way

    def __post_init__(self) -> None:
        check_finite("y", self.y)

    @property
    def shown(self) -> str:
        if self.text:
            return self.text
        return "" if self.y is None else format_value(self.y)


@dataclass(frozen=True)
class Series:
    name: str
    points: tuple[Point, ...]
    stroke: str = DEFAULT_FILL
    dashed: bool = False
    labelled: bool = False  # write each figure above its point

    def __post_init__(self) -> None:
        check_colour(self.stroke)


def line_chart(
    series: Sequence[Series],
    *,
    title: str,
    description: str = "",
    ident: str = "bieu-do-duong",
    unit: str = "",
    x_labels: Mapping[int, str] | None = None,
    empty_text: str = "Chưa có số liệu",
) -> str:
    """The series as one <svg> element; `unit` names the y axis ("%", "triệu đồng")."""
    parts = open_svg(ident, WIDTH, HEIGHT, title, description)
    xs = sorted({point.x for s in series for point in s.points})
    ys = [float(p.y) for s in series for p in s.points if p.y is not None]
    if not xs or not ys:
        parts += [
            f'<text x="{WIDTH // 2}" y="{HEIGHT // 2}" text-anchor="middle" fill="{MUTED}">',
            f"{text(empty_text)}</text></svg>",
        ]
        return "".join(parts)
    ticks = nice_ticks(min(0.0, *ys), max(0.0, *ys))
    low, high = ticks[0], ticks[-1]
    bottom, right = HEIGHT - BOTTOM, WIDTH - RIGHT
    step = (right - LEFT) / len(xs)
    x_at = {x: LEFT + step * (index + 0.5) for index, x in enumerate(xs)}

    def y_of(value: float) -> float:
        return bottom - (value - low) / (high - low) * (bottom - TOP)

    parts += draw_axes(ticks, y_of, xs, x_at, x_labels or {}, unit)
    parts += draw_legend(series)
    for one in reversed(series):  # the first series (results) drawn last, on top
        parts += draw_series(one, x_at, y_of)
    parts.append("</svg>")
    return "".join(parts)


def draw_axes(
    ticks: list[float],
    y_of: Callable[[float], float],
    xs: list[int],
    x_at: Mapping[int, float],
    x_labels: Mapping[int, str],
    unit: str,
) -> list[str]:
    parts = []
    for tick in ticks:
        y = coordinate(y_of(tick))
        parts.append(
            f'<line x1="{LEFT}" y1="{y}" x2="{WIDTH - RIGHT}" y2="{y}" stroke="{GRID}"/>'
            f'<text x="{LEFT - 6}" y="{y}" dy="4" text-anchor="end" fill="{MUTED}">'
            f"{text(format_value(tick))}</text>"
        )
    for x in xs:
        parts.append(
            f'<text x="{coordinate(x_at[x])}" y="{HEIGHT - 10}" text-anchor="middle">'
            f"{text(x_labels.get(x, str(x)))}</text>"
        )
    if unit:
        parts.append(f'<text x="4" y="{TOP - 10}" fill="{MUTED}">{text(unit)}</text>')
    return parts


def draw_legend(series: Sequence[Series]) -> list[str]:
    parts = []
    x = LEFT
    for one in series:
        dash = ' stroke-dasharray="6 4"' if one.dashed else ""
        parts.append(
            f'<g class="legend"><line x1="{x}" y1="14" x2="{x + 28}" y2="14" '
            f'stroke="{one.stroke}" stroke-width="2"{dash}/>'
            f"{marker(one, x + 14, 14)}"
            f'<text x="{x + 34}" y="18">{text(one.name)}</text></g>'
        )
        x += 50 + 7 * len(one.name)
    return parts


def marker(series: Series, x: float, y: float) -> str:
    if series.dashed:
        side = MARKER * 2 - 1
        return (
            f'<rect x="{coordinate(x - side / 2)}" y="{coordinate(y - side / 2)}" '
            f'width="{side}" height="{side}" fill="#fff" stroke="{series.stroke}" '
            'stroke-width="2"/>'
        )
    return (
        f'<circle cx="{coordinate(x)}" cy="{coordinate(y)}" r="{MARKER}" fill="{series.stroke}"/>'
    )


def draw_series(
    series: Series, x_at: Mapping[int, float], y_of: Callable[[float], float]
) -> list[str]:
    """The line (broken where a figure is missing), then a marker per point."""
    order = sorted(x_at)
    by_x = {point.x: point for point in series.points}
    runs: list[list[tuple[float, float]]] = [[]]
    for x in order:
        point = by_x.get(x)
        if point is None or point.y is None:
            runs.append([])
            continue
        runs[-1].append((x_at[x], y_of(float(point.y))))
    dash = ' stroke-dasharray="6 4"' if series.dashed else ""
    parts = []
    for run in runs:
        if len(run) > 1:
            path = " ".join(f"{coordinate(x)},{coordinate(y)}" for x, y in run)
            parts.append(
                f'<polyline points="{path}" fill="none" stroke="{series.stroke}" '
                f'stroke-width="2"{dash}/>'
            )
    for x in order:
        point = by_x.get(x)
        if point is None or point.y is None:
            continue
        cx, cy = x_at[x], y_of(float(point.y))
        label = ""
        if series.labelled:
            label = (
                f'<text x="{coordinate(cx)}" y="{coordinate(cy - 9)}" text-anchor="middle" '
                f'font-weight="bold">{text(point.shown)}</text>'
            )
        parts.append(
            f'<g class="point"><title>{text(f"{series.name}, {x}: {point.shown}")}</title>'
            f"{marker(series, cx, cy)}{label}</g>"
        )
    return parts
