"""Building many URLs of one route quickly: `reverse` once, then fill in the arguments.

A scorecard or comparison links every row (history, trend, provenance); calling `reverse`
for each link costs more than the rest of the row together.
"""

from __future__ import annotations

from collections.abc import Callable

from django.urls import reverse

MARKER_BASE = 987_654_320  # integers no real id reaches; each argument gets its own


def url_maker(name: str, arity: int) -> Callable[..., str]:
    """`url_maker("web:history", 2)("result", 5)` == `reverse("web:history", args=["result", 5])`.

    Every argument must be an integer or a URL-safe text without slashes (what the
    project's routes take).
    """
    markers = [str(MARKER_BASE + index) for index in range(arity)]
    pattern = reverse(name, args=markers)
    pieces: list[str | int] = []
    rest = pattern
    for index, marker in enumerate(markers):
        before, _, rest = rest.partition(marker)
        pieces += [before, index]
    pieces.append(rest)

    def make(*args: object) -> str:
        return "".join(str(args[p]) if isinstance(p, int) else p for p in pieces)

    return make
