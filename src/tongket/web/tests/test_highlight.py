"""Marking spans of a document's text: overlaps, touching spans, bad spans, escaping."""

from __future__ import annotations

import re

import pytest

from tongket.web.highlight import (
    Highlight,
    Segment,
    cut_segments,
    highlight_html,
    highlights_of,
    render_segments,
)

TEXT = "Thu ngân sách đạt 124.857 triệu đồng, bằng 398,44% dự toán."


def span_of(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


def test_one_span_is_marked_with_its_id_and_exact_text() -> None:
    start, end = span_of(TEXT, "124.857 triệu đồng")
    html = highlight_html(TEXT, [Highlight("f-0", start, end)])
    assert TEXT[start:end] == "124.857 triệu đồng"
    assert '<mark id="f-0" data-facts="f-0" class="hl-fact">124.857 triệu đồng</mark>' in html
    assert re.sub(r"<[^>]+>", "", html) == TEXT


def test_text_without_highlights_is_one_plain_segment() -> None:
    assert cut_segments(TEXT, []) == [Segment(TEXT)]
    assert highlight_html("", []) == ""


def test_two_spans_of_one_fact_share_the_key_and_only_the_first_has_the_id() -> None:
    first, second = span_of(TEXT, "124.857 triệu đồng"), span_of(TEXT, "398,44%")
    html = highlight_html(TEXT, highlights_of("f-2", [list(first), list(second)]))
    assert html.count('data-facts="f-2"') == 2
    assert html.count('id="f-2"') == 1
    assert '<mark data-facts="f-2" class="hl-fact">398,44%</mark>' in html


def test_touching_spans_of_one_fact_make_one_mark() -> None:
    segments = cut_segments("abcdef", [Highlight("f-1", 0, 3), Highlight("f-1", 3, 5)])
    assert segments == [Segment("abcde", ("f-1",), ("fact",), ("f-1",)), Segment("f")]


def test_touching_spans_of_two_facts_stay_two_marks() -> None:
    segments = cut_segments("abcdef", [Highlight("f-1", 0, 3), Highlight("f-2", 3, 6)])
    assert [(s.text, s.keys) for s in segments] == [("abc", ("f-1",)), ("def", ("f-2",))]
    assert all(s.anchors == s.keys for s in segments)


def test_overlapping_spans_split_into_shared_and_own_parts() -> None:
    highlights = [Highlight("f-1", 0, 6), Highlight("f-2", 3, 9)]
    segments = cut_segments("0123456789", highlights)
    assert [(s.text, s.keys, s.anchors) for s in segments] == [
        ("012", ("f-1",), ("f-1",)),
        ("345", ("f-1", "f-2"), ("f-2",)),
        ("678", ("f-2",), ()),
        ("9", (), ()),
    ]
    html = render_segments(segments)
    assert '<mark id="f-2" data-facts="f-1 f-2" class="hl-fact overlap">345</mark>' in html


def test_nested_span_keeps_the_outer_one_open_around_it() -> None:
    segments = cut_segments("0123456789", [Highlight("f-1", 1, 9), Highlight("f-2", 4, 6)])
    assert [(s.text, s.keys) for s in segments] == [
        ("0", ()),
        ("123", ("f-1",)),
        ("45", ("f-1", "f-2")),
        ("678", ("f-1",)),
        ("9", ()),
    ]


def test_two_items_starting_together_each_get_an_anchor() -> None:
    html = highlight_html("abcdef", [Highlight("f-1", 0, 3), Highlight("s-0", 0, 3, "summary")])
    assert '<span id="s-0" class="anchor"></span><mark id="f-1"' in html
    assert 'data-facts="f-1 s-0" class="hl-fact hl-summary overlap"' in html


def test_same_fact_overlapping_itself_closes_only_after_its_last_span() -> None:
    segments = cut_segments("0123456789", [Highlight("f-1", 0, 5), Highlight("f-1", 2, 8)])
    assert [(s.text, s.keys) for s in segments] == [("01234567", ("f-1",)), ("89", ())]


@pytest.mark.parametrize(
    ("start", "end", "marked"),
    [
        pytest.param(-5, 3, "abc", id="starts-before-text"),
        pytest.param(4, 99, "ef", id="ends-after-text"),
        pytest.param(10, 20, None, id="wholly-after-text"),
        pytest.param(3, 3, None, id="empty"),
        pytest.param(5, 2, None, id="reversed"),
    ],
)
def test_spans_outside_the_text_are_clipped_or_dropped(
    start: int, end: int, marked: str | None
) -> None:
    segments = cut_segments("abcdef", [Highlight("f-1", start, end)])
    assert "".join(s.text for s in segments) == "abcdef"
    assert [s.text for s in segments if s.keys] == ([marked] if marked else [])


@pytest.mark.parametrize(
    "spans",
    [
        pytest.param([[1]], id="one-number"),
        pytest.param([[1, 2, 3]], id="three-numbers"),
        pytest.param([["1", "2"]], id="strings"),
        pytest.param([[True, 2]], id="boolean"),
        pytest.param(["12"], id="a-string"),
        pytest.param([None], id="null"),
    ],
)
def test_malformed_json_spans_are_skipped(spans: list[object]) -> None:
    assert highlights_of("f-1", spans) == []


def test_text_and_attributes_are_escaped() -> None:
    text = '<b>x</b> & "y" <script>'
    html = highlight_html(text, [Highlight('f"1', 0, 8)])
    assert "<b>" not in html and "<script>" not in html
    assert "&lt;b&gt;x&lt;/b&gt;" in html
    assert '&amp; "y" &lt;script&gt;' in html
    assert 'id="f&quot;1"' in html


def test_selected_key_marks_every_span_of_its_item() -> None:
    highlights = [Highlight("f-1", 0, 2), Highlight("f-1", 4, 6), Highlight("f-2", 7, 9)]
    html = highlight_html("0123456789", highlights, selected={"f-1"})
    assert html.count("selected") == 2
    assert '<mark data-facts="f-1" class="hl-fact selected">45</mark>' in html


def test_newlines_and_vietnamese_text_survive() -> None:
    text = "Dòng một\nDòng hai: 16,1%"
    start, end = span_of(text, "16,1%")
    html = highlight_html(text, [Highlight("f-0", start, end)])
    assert html.startswith("Dòng một\nDòng hai: <mark")
