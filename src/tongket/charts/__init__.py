"""Charts drawn on the server as SVG text: a ranked bar chart and a line chart over years.

Pure Python; it never imports Django. Inputs are frozen dataclasses, every piece of text is
escaped, the drawing has a fixed viewBox and stretches to the width of its container, and
it is readable without colour: each bar and point carries its figure as text, and the
chart has a <title>, a <desc>, role="img" and an aria-label.

    >>> svg = bar_chart([Bar("Phường Đập Đá", 93.3, "14/15")], title="Tỷ lệ chỉ tiêu đạt")
    >>> svg.startswith("<svg") and "Phường Đập Đá" in svg and "14/15" in svg
    True
"""

from tongket.charts.bar import Bar, bar_chart
from tongket.charts.line import Point, Series, line_chart
from tongket.charts.svg import format_value, nice_ticks

__all__ = ["Bar", "Point", "Series", "bar_chart", "format_value", "line_chart", "nice_ticks"]
