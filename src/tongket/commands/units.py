"""`tongket units …`: load the official lists, show a unit and its lineage, add units."""

from __future__ import annotations

import datetime as dt

import click
from rich.progress import Progress

from tongket.commands.common import console, setup_django, user_errors


@click.group()
def units() -> None:
    """Administrative units: load, show, search, add."""


@units.command("load")
def load_units() -> None:
    """Load both official structures (before and after 1/7/2025) and GSO's conversion table."""
    setup_django()
    from tongket.units.loading import load_official_units

    with Progress(transient=True) as progress:
        task = progress.add_task("Đang nạp danh mục đơn vị hành chính…", total=4)

        def advance(label: str, count: int) -> None:
            progress.update(task, advance=1, description=f"{label}: {count:,}")

        report = load_official_units(progress=advance)
    for (era, level), count in sorted(report.created.items()):
        click.echo(f"{era:7s} {level:9s} {count:6d} đơn vị mới")
    click.echo(f"Quan hệ kế thừa mới: {report.successions}")


@units.command("show")
@click.argument("query")
def show_unit(query: str) -> None:
    """Show every unit with code QUERY (or named QUERY), its parents and its lineage."""
    setup_django()
    from tongket.units.lookup import UnitNotFound, find_units, lineage

    found = find_units(query)
    if not found:
        raise click.ClickException(str(UnitNotFound(f"Không tìm thấy đơn vị “{query}”.")))
    out = console()
    for unit in found:
        out.print(f"[bold]{unit.path_name()}[/bold]  (mã {unit.code or '—'})")
        out.print(f"  Hiệu lực: {validity(unit.valid_from, unit.valid_to)}")
        before, after = lineage(unit)
        for label, others in (("Hình thành từ", before), ("Đã chuyển thành", after)):
            for other in others:
                out.print(f"  {label}: {other.path_name()} (mã {other.code or '—'})")
        children = unit.children.count()
        if children:
            out.print(f"  Đơn vị trực thuộc: {children}")


def validity(start: dt.date | None, end: dt.date | None) -> str:
    first = f"từ {start:%d/%m/%Y}" if start else "từ trước"
    last = f"đến {end:%d/%m/%Y}" if end else "đến nay"
    return f"{first} {last}"


@units.command("search")
@click.argument("query")
def search(query: str) -> None:
    """Diacritic-insensitive search by name ("dap da" finds Đập Đá)."""
    setup_django()
    from tongket.units.lookup import search_units

    for unit in search_units(query):
        span = validity(unit.valid_from, unit.valid_to)
        click.echo(f"{unit.code or '—':>6}  {unit.path_name()}  [{span}]")


@units.command("add")
@click.argument("parent")
@click.argument("kind")
@click.argument("name")
@click.option("--code", default="", help="GSO code, if the unit has one.")
@click.option("--valid-to", type=click.DateTime(["%d/%m/%Y", "%Y-%m-%d"]), default=None)
@click.option("--became", default=None, help="Code or name of the unit it was merged into.")
@click.option("--on", "became_on", type=click.DateTime(["%d/%m/%Y", "%Y-%m-%d"]), default=None)
@click.option("--basis", default="", help="Legal basis of the merger.")
def add_unit(
    parent: str,
    kind: str,
    name: str,
    code: str,
    valid_to: dt.datetime | None,
    became: str | None,
    became_on: dt.datetime | None,
    basis: str,
) -> None:
    """Add a sub-unit (tổ dân phố, thôn, chi bộ…) or an earlier unit under PARENT."""
    setup_django()
    from tongket.units.lookup import resolve_unit
    from tongket.units.services import UnitSpec
    from tongket.units.services import add_unit as add

    with user_errors():
        parent_unit = resolve_unit(parent)
        successor = resolve_unit(became) if became else None
        unit = add(
            UnitSpec(
                parent=parent_unit,
                kind=kind,
                name=name,
                code=code,
                valid_to=valid_to.date() if valid_to else None,
                successor=successor,
                succession_date=became_on.date() if became_on else None,
                basis=basis,
            )
        )
    click.echo(f"Đã thêm {unit.path_name()}")
