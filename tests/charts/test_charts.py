"""The SVG charts: well-formed XML, accessible, proportional, and escaped."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from decimal import Decimal

import pytest

from tongket.charts import Bar, Point, Series, bar_chart, format_value, line_chart, nice_ticks

SVG = "{http://www.w3.org/2000/svg}"
HOSTILE = '<script>alert("x")</script> & "quoted" \'single\''


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def texts(root: ET.Element) -> list[str]:
    return ["".join(element.itertext()) for element in root.iter(f"{SVG}text")]


def test_bar_chart_is_accessible_xml_with_its_labels() -> None:
    svg = bar_chart(
        [Bar("Phường Đập Đá", Decimal("93.3"), "14/15"), Bar("Phường Bình Định", 40)],
        title="Tỷ lệ chỉ tiêu đạt",
        description="Xếp hạng theo tỷ lệ",
    )
    root = parse(svg)
    assert root.get("role") == "img"
    assert root.get("aria-label") == "Tỷ lệ chỉ tiêu đạt"
    assert root.get("viewBox", "").startswith("0 0 720 ")
    assert root.find(f"{SVG}title") is not None
    assert root.findtext(f"{SVG}desc") == "Xếp hạng theo tỷ lệ"
    shown = texts(root)
    assert "Phường Đập Đá" in shown and "14/15" in shown and "40" in shown


def test_bars_are_proportional_to_their_values() -> None:
    values = [80, 40, 20, 0]
    root = parse(bar_chart([Bar(f"Đơn vị {v}", v) for v in values], title="T"))
    widths = [float(rect.get("width", "0")) for rect in root.iter(f"{SVG}rect")]
    assert len(widths) == 4
    for value, width in zip(values, widths, strict=True):
        assert width == pytest.approx(widths[0] * value / 80, abs=0.11)
    assert widths[3] == 0


def test_negative_bars_grow_left_of_the_zero_line() -> None:
    root = parse(bar_chart([Bar("Tăng", 10), Bar("Giảm", -5)], title="T"))
    up, down = list(root.iter(f"{SVG}rect"))
    assert float(down.get("x", "0")) + float(down.get("width", "0")) == pytest.approx(
        float(up.get("x", "0")), abs=0.11
    )
    assert float(down.get("width", "0")) == pytest.approx(float(up.get("width", "0")) / 2, 0.02)


def test_max_value_fixes_the_scale() -> None:
    half = parse(bar_chart([Bar("A", 50)], title="T", max_value=100))
    full = parse(bar_chart([Bar("A", 100)], title="T"))
    (half_bar,) = half.iter(f"{SVG}rect")
    (full_bar,) = full.iter(f"{SVG}rect")
    assert float(half_bar.get("width", "0")) * 2 == pytest.approx(
        float(full_bar.get("width", "0")), abs=0.2
    )


def test_hostile_labels_are_escaped() -> None:
    bar = bar_chart([Bar(HOSTILE, 1, HOSTILE, note=HOSTILE)], title=HOSTILE, description=HOSTILE)
    line = line_chart(
        [Series(HOSTILE, (Point(2023, 1, HOSTILE),), labelled=True)],
        title=HOSTILE,
        unit=HOSTILE,
        x_labels={2023: HOSTILE},
    )
    for svg in (bar, line):
        assert "<script" not in svg
        root = parse(svg)
        assert root.get("aria-label") == HOSTILE
        assert root.find(f"{SVG}script") is None
        assert any(HOSTILE in t for t in texts(root))


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"fill": 'red" onload="x'}, "colour"),
        ({"value": float("nan")}, "finite"),
    ],
    ids=["colour", "nan"],
)
def test_bad_bars_are_refused(kwargs: dict[str, object], error: str) -> None:
    with pytest.raises(ValueError, match=error):
        Bar(**{"label": "A", "value": 1, **kwargs})  # type: ignore[arg-type]


def test_bad_ident_is_refused() -> None:
    with pytest.raises(ValueError, match="id"):
        bar_chart([Bar("A", 1)], title="T", ident='x" onload="y')


def test_empty_charts_say_so() -> None:
    assert "Chưa có số liệu" in texts(parse(bar_chart([], title="T")))
    assert "Chưa có số liệu" in texts(parse(line_chart([], title="T")))


def test_line_chart_draws_points_gaps_and_a_dashed_target() -> None:
    result = Series(
        "Kết quả",
        (Point(2021, 5), Point(2022, None), Point(2023, Decimal("16.1")), Point(2024, 17)),
        labelled=True,
    )
    target = Series("Chỉ tiêu", (Point(2023, 15), Point(2024, 15)), dashed=True, stroke="#a3161b")
    root = parse(line_chart([result, target], title="Tăng trưởng", unit="%"))
    assert root.get("role") == "img"
    shown = texts(root)
    for label in ("2021", "2022", "2023", "2024", "16,1", "Kết quả", "Chỉ tiêu", "%"):
        assert label in shown
    lines = list(root.iter(f"{SVG}polyline"))
    # 2021 stands alone (2022 is a gap): one run 2023–2024 for the result, one for the target
    assert len(lines) == 2
    # the target is drawn first, so the results lie on top of it where the two meet
    assert lines[0].get("stroke-dasharray") and not lines[1].get("stroke-dasharray")
    circles = list(root.iter(f"{SVG}circle"))
    assert len(circles) == 1 + 3  # the legend's marker and three points


def test_line_points_are_placed_by_value() -> None:
    root = parse(line_chart([Series("A", (Point(1, 0), Point(2, 10), Point(3, 20)))], title="T"))
    ys = [float(c.get("cy", "0")) for c in root.iter(f"{SVG}circle")][1:]
    assert ys[0] - ys[1] == pytest.approx(ys[1] - ys[2], abs=0.11)
    assert ys[0] > ys[1] > ys[2]


@pytest.mark.parametrize(
    ("low", "high", "expected"),
    [
        (0, 93, [0, 25, 50, 75, 100]),
        (0, 16.1, [0, 5, 10, 15, 20]),
        (0, 1.2, [0, 0.5, 1, 1.5]),
        (-3, 7, [-5, -2.5, 0, 2.5, 5, 7.5]),
        (0, 0, [0, 0.25, 0.5, 0.75, 1]),
    ],
    ids=["share", "rate", "small", "negative", "flat"],
)
def test_nice_ticks(low: float, high: float, expected: list[float]) -> None:
    assert nice_ticks(low, high) == expected


@pytest.mark.parametrize(
    ("value", "text"),
    [(124857, "124.857"), (16.1, "16,1"), (Decimal("2317.85"), "2.317,85"), (0.5, "0,5")],
    ids=["thousands", "decimal", "decimal-type", "fraction"],
)
def test_values_are_written_the_vietnamese_way(value: float, text: str) -> None:
    assert format_value(value) == text


def test_importing_the_charts_does_not_import_django() -> None:
    check = (
        "import sys, tongket.charts; "
        "print(','.join(n for n in sys.modules if n == 'django' or n.startswith('django.')))"
    )
    done = subprocess.run([sys.executable, "-c", check], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == ""


def test_package_docstring_example_runs() -> None:
    import doctest

    import tongket.charts

    outcome = doctest.testmod(tongket.charts)
    assert outcome.attempted > 0 and outcome.failed == 0
