"""`tongket synth`: a synthetic national data set for benchmarks and demonstrations."""

from __future__ import annotations

import time

import click

from tongket.commands.common import setup_django

MAX_YEARS = 10


def parse_years(text: str) -> list[int]:
    """ "2021-2025" → [2021, …, 2025]; "2023" → [2023]; "2021,2023" → [2021, 2023]."""
    years: set[int] = set()
    try:
        for part in text.replace(" ", "").split(","):
            first, _, last = part.partition("-")
            low, high = int(first), int(last or first)
            if low > high:
                raise ValueError(part)
            years.update(range(low, high + 1))
    except ValueError as error:
        raise click.BadParameter(
            f"“{text}” không phải danh sách năm (ví dụ 2021-2025, 2023 hoặc 2021,2023)."
        ) from error
    if not all(2000 <= year <= 2100 for year in years):
        raise click.BadParameter("Năm phải nằm trong khoảng 2000–2100.")
    if len(years) > MAX_YEARS:
        raise click.BadParameter(f"Nhiều nhất {MAX_YEARS} năm mỗi lần chạy.")
    return sorted(years)


@click.command("synth")
@click.option(
    "--years",
    default="2021-2025",
    show_default=True,
    help="Years: 2021-2025, 2023 or 2021,2023.",
)
@click.option(
    "--province", metavar="CODE", help="Only one province (GSO code of today's province)."
)
@click.option("--seed", default=0, show_default=True, type=int, help="Same seed, same figures.")
@click.option("--replace", is_flag=True, help="Delete the years' synthetic rows first.")
def synth(years: str, province: str | None, seed: int, replace: bool) -> None:
    """Fill the database with synthetic targets and results, marked as such.

    For each year, the commune-level units of the official list in office on 31 December
    get a target for every catalogue indicator with a direction and a whole-year result:
    before 2025 the former communes (10,051), from 2025 today's 3,321 communes. The
    latest year also gets 6-month estimates from the units in office on 30 June (in 2025
    the former communes, which existed until 30/06/2025). About half of the targets are
    met exactly, a third exceeded, one in eight not met and a few have no result.

    A unit with figures of its own for a year is left alone. Every row is accepted and
    carries the note "Số liệu tổng hợp ngẫu nhiên để minh họa (tongket synth)"; no
    revision is written per row, one audit line is logged. A year that already has
    synthetic figures is refused unless --replace, which deletes only synthetic rows.
    Each year is written in one transaction: all of it or nothing.
    """
    wanted = parse_years(years)
    setup_django()
    from tongket.synth.writer import SynthRefused, synthesize, vn

    started = time.perf_counter()
    try:
        reports = synthesize(
            wanted, province=province, seed=seed, replace=replace, progress=click.echo
        )
    except SynthRefused as error:
        raise click.ClickException(str(error)) from error
    seconds = time.perf_counter() - started
    targets = sum(r.targets for r in reports)
    results = sum(r.results for r in reports)
    for report in reports:
        if not report.existed:
            click.echo(
                f"Năm {report.year}: {vn(report.units)} đơn vị, {vn(report.targets)} chỉ tiêu, "
                f"{vn(report.results)} kết quả, {decimal_text(report.seconds)} giây."
            )
    rate = round((targets + results) / seconds) if seconds else 0
    click.echo(
        f"Xong: {vn(targets)} chỉ tiêu và {vn(results)} kết quả trong "
        f"{decimal_text(seconds)} giây ({vn(rate)} dòng/giây)."
    )


def decimal_text(number: float) -> str:
    """12.34 → "12,3"."""
    return f"{number:.1f}".replace(".", ",")
