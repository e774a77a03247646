"""A document's text with the reader's spans marked: escaped HTML with <mark> elements.

Pure Python (no Django). `cut_segments(text, highlights)` cuts the text at every span
boundary, so each segment knows which highlights cover it (spans may overlap, touch or
run past the text: they are clipped, and empty ones dropped); `render_segments` writes
the segments as HTML, the text escaped, one <mark> per covered segment. The first mark
of each highlight carries its key as `id` (so `#f-3` scrolls to it); every mark lists
all the keys covering it in `data-facts`.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from html import escape
from itertools import pairwise


@dataclass(frozen=True)
class Highlight:
    """One span of one highlighted item; `key` is an HTML id such as "f-3"."""

    key: str
    start: int
    end: int
    kind: str = "fact"  # the mark gets the class "hl-<kind>"


@dataclass(frozen=True)
class Segment:
    text: str
    keys: tuple[str, ...] = ()  # the highlights covering this segment, in input order
    kinds: tuple[str, ...] = ()
    anchors: tuple[str, ...] = ()  # the keys whose first segment this is


def highlights_of(key: str, spans: Iterable[object], kind: str = "fact") -> list[Highlight]:
    """Highlights for the `[start, end]` pairs of a JSON span list; malformed pairs are
    skipped (clipping to the text happens in `cut_segments`)."""
    found = []
    for span in spans:
        if not isinstance(span, Sequence) or isinstance(span, str) or len(span) != 2:
            continue
        start, end = span
        if is_int(start) and is_int(end):
            found.append(Highlight(key, int(start), int(end), kind))
    return found


def is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def cut_segments(text: str, highlights: Iterable[Highlight]) -> list[Segment]:
    """`text` cut at every highlight boundary; consecutive segments with the same keys are
    joined, so touching spans of one item make one mark."""
    spans = clipped(text, highlights)
    order = {key: n for n, key in enumerate(dict.fromkeys(h.key for h in spans))}
    kind_of = {h.key: h.kind for h in spans}
    bounds = sorted({0, len(text), *(h.start for h in spans), *(h.end for h in spans)})
    starting: dict[int, list[Highlight]] = {}
    for h in spans:
        starting.setdefault(h.start, []).append(h)
    ending: dict[int, list[Highlight]] = {}
    for h in spans:
        ending.setdefault(h.end, []).append(h)
    active: dict[str, int] = {}
    pieces: list[tuple[int, int, tuple[str, ...]]] = []
    for start, end in pairwise(bounds):
        for h in ending.get(start, []):
            active[h.key] -= 1
            if not active[h.key]:
                del active[h.key]
        for h in starting.get(start, []):
            active[h.key] = active.get(h.key, 0) + 1
        keys = tuple(sorted(active, key=order.__getitem__))
        if pieces and pieces[-1][2] == keys and pieces[-1][1] == start:
            pieces[-1] = (pieces[-1][0], end, keys)
        else:
            pieces.append((start, end, keys))
    seen: set[str] = set()
    segments = []
    for start, end, keys in pieces:
        anchors = tuple(key for key in keys if key not in seen)
        seen.update(anchors)
        kinds = tuple(sorted({kind_of[key] for key in keys}))
        segments.append(Segment(text[start:end], keys, kinds, anchors))
    return segments


def clipped(text: str, highlights: Iterable[Highlight]) -> list[Highlight]:
    """The highlights cut to the text; those left empty are dropped."""
    size = len(text)
    kept = []
    for h in highlights:
        start, end = max(0, h.start), min(size, h.end)
        if start < end:
            kept.append(Highlight(h.key, start, end, h.kind))
    return kept


def render_segments(segments: Iterable[Segment], selected: Collection[str] = ()) -> str:
    """The segments as HTML: text escaped, covered segments in <mark>; a mark covering a
    `selected` key gets the class "selected"."""
    parts = []
    for segment in segments:
        text = escape(segment.text, quote=False)
        if not segment.keys:
            parts.append(text)
            continue
        anchors = list(segment.anchors)
        # A mark holds one id; other items starting here get an empty anchor before it.
        parts.extend(f'<span id="{escape(key)}" class="anchor"></span>' for key in anchors[1:])
        classes = [f"hl-{kind}" for kind in segment.kinds]
        if len(segment.keys) > 1:
            classes.append("overlap")
        if any(key in selected for key in segment.keys):
            classes.append("selected")
        id_attr = f' id="{escape(anchors[0])}"' if anchors else ""
        parts.append(
            f'<mark{id_attr} data-facts="{escape(" ".join(segment.keys))}" '
            f'class="{escape(" ".join(classes))}">{text}</mark>'
        )
    return "".join(parts)


def highlight_html(
    text: str, highlights: Iterable[Highlight], selected: Collection[str] = ()
) -> str:
    """`text` as escaped HTML with every highlight marked."""
    return render_segments(cut_segments(text, highlights), selected)
