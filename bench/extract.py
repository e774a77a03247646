"""Benchmark of the report reader (`tongket.extract.extract_report`) on one core.

    .venv/bin/python bench/extract.py [--write]

Reports articles per second over the seed articles (the best of several runs, each
reading every seed article several times, which is steadier on a shared machine), the
time for a synthetic report of about 1 MB beside the floor (one
`re.finditer(r"\\d+", text)` pass over the same text), and 1 MB vs 2 MB vs 4 MB to show
linear growth. With --write the figures replace the "Report reader" section of
bench/RESULTS.md.
"""

from __future__ import annotations

import os
import random
import re
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

from tongket.extract import extract_report

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "corpus" / "seeds"
RESULTS = ROOT / "bench" / "RESULTS.md"
HEADING = "## Report reader (bench/extract.py)"
MB = 1_000_000
CORES = f"the machine had {os.cpu_count()} cores and may have been shared"

SENTENCES = (
    "Năm {year}, tốc độ tăng trưởng kinh tế của xã đạt {pct}%.",
    "Thu ngân sách nhà nước {money} triệu đồng, đạt {pct}% kế hoạch.",
    "Kết nạp {count} đảng viên mới, đạt {pct}% chỉ tiêu trên giao.",
    "Giải quyết việc làm cho {count}/{count} lao động.",
    "Tỷ lệ bao phủ bảo hiểm y tế đạt {pct}%; tỷ lệ hộ nghèo giảm còn {small}%.",
    "Hộ nghèo còn {count} hộ/{count} khẩu, hộ cận nghèo {count} hộ.",
    "Đồng chí Nguyễn Văn {name} - PCT UBND xã, Bí thư chi bộ thôn {count} phát biểu.",
    "Sáng {day}/{month}, Đảng ủy xã An {name} tổ chức hội nghị tổng kết năm {year}.",
    "Có {count}/{count} chỉ tiêu đạt và vượt kế hoạch theo Nghị quyết số {count}-NQ/ĐU.",
    "Năm {next}, phấn đấu thu ngân sách đạt {money} triệu đồng trở lên.",
    "Dự hội nghị có {count} đại biểu, {count} ý kiến phát biểu tại tổ dân phố {count}.",
)  # fmt: skip
NAMES = ("Bình", "Hòa", "Phú", "Thành", "Lộc", "Khánh")


def synthetic_report(size: int, seed: int = 0) -> str:
    """A report-like text of about `size` characters, made from fixed sentence patterns."""
    rng = random.Random(seed)
    parts: list[str] = []
    length = 0
    while length < size:
        sentence = rng.choice(SENTENCES).format(
            year=rng.randrange(2019, 2025),
            next=rng.randrange(2020, 2026),
            pct=f"{rng.randrange(1, 130)},{rng.randrange(10)}",
            small=f"{rng.randrange(0, 5)},{rng.randrange(10, 99)}",
            money=f"{rng.randrange(1, 999)}.{rng.randrange(100, 999)}",
            count=rng.randrange(1, 400),
            name=rng.choice(NAMES),
            day=rng.randrange(1, 29),
            month=rng.randrange(1, 13),
        )
        parts.append(sentence)
        length += len(sentence) + 1
        if rng.random() < 0.15:
            parts.append("\n")
    return " ".join(parts)


def best_time(function: Callable[[], object], repeat: int = 3) -> float:
    """The best wall time of `repeat` runs, in seconds."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        times.append(time.perf_counter() - started)
    return min(times)


def digits_floor(text: str) -> None:
    for _match in re.finditer(r"\d+", text):
        pass


def seed_articles() -> list[str]:
    if SEEDS.is_dir():
        return [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))]
    return [synthetic_report(7_000, seed) for seed in range(5)]


def measure() -> list[str]:
    lines: list[str] = []
    articles = seed_articles()
    rounds, runs = 8, 5  # the seed figure is the best of `runs` runs of `rounds` rounds

    def read_seeds() -> None:
        for _ in range(rounds):
            for article in articles:
                extract_report(article)

    def scan_seeds() -> None:
        for _ in range(rounds):
            for article in articles:
                digits_floor(article)

    elapsed, floor = best_time(read_seeds, runs), best_time(scan_seeds, runs)
    count = rounds * len(articles)
    size = sum(map(len, articles)) // len(articles)
    lines.append(
        f"- seed articles ({len(articles)} × {rounds}, best of {runs} runs, mean {size:,} chars): "
        f"{count / elapsed:,.0f} articles/s ({elapsed / count * 1000:.2f} ms each); "
        f"`\\d+` floor {floor / count * 1000:.3f} ms each, ratio {elapsed / floor:.0f}×"
    )
    timings = {}
    for megabytes in (1, 2, 4):
        text = synthetic_report(megabytes * MB)
        timings[megabytes] = best_time(partial(extract_report, text), 1)
        floor = best_time(partial(digits_floor, text))
        lines.append(
            f"- synthetic report {len(text) / MB:.1f} MB: {timings[megabytes]:.2f} s "
            f"({len(text) / timings[megabytes] / MB:.2f} MB/s); "
            f"`\\d+` floor {floor * 1000:.1f} ms, ratio {timings[megabytes] / floor:.0f}×"
        )
    lines.append(
        f"- growth: 2 MB / 1 MB = {timings[2] / timings[1]:.2f}, "
        f"4 MB / 1 MB = {timings[4] / timings[1]:.2f} (linear is 2 and 4)"
    )
    return lines


def write_section(lines: list[str]) -> None:
    """Replace (or add) this benchmark's section of RESULTS.md, keeping the others."""
    body = "\n".join(
        [HEADING, "", f"Python {sys.version.split()[0]}, one core ({CORES}).", "", *lines, ""]
    )
    old = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else "# Benchmarks\n"
    start = old.find(HEADING)
    if start < 0:
        RESULTS.write_text(old.rstrip("\n") + "\n\n" + body, encoding="utf-8")
        return
    end = old.find("\n## ", start + len(HEADING))
    rest = old[end + 1 :] if end >= 0 else ""
    RESULTS.write_text(old[:start] + body + ("\n" + rest if rest else ""), encoding="utf-8")


def main() -> None:
    lines = measure()
    print("\n".join(lines))
    if "--write" in sys.argv[1:]:
        write_section(lines)


if __name__ == "__main__":
    main()
