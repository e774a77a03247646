"""`tongket import-report` and `tongket drafts …`: reports in, drafts reviewed."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click
from rich.table import Table

if TYPE_CHECKING:
    from tongket.results.models import Result, Target

from tongket.commands.common import console, setup_django, user_errors


@click.command("import-report")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--unit", "unit_query", required=True, help="GSO code or name of the unit.")
@click.option("--year", type=int, default=None, help="The reviewed year, if the text is unclear.")
@click.option("--force", is_flag=True, help="Import even if the text names another unit.")
def import_report_command(file: Path, unit_query: str, year: int | None, force: bool) -> None:
    """Store a report (.txt, .docx, .html, .pdf) and propose its figures as drafts."""
    setup_django()
    from tongket.documents.services import import_report
    from tongket.extract import read_document
    from tongket.results.scorecards import has_data
    from tongket.units.lookup import resolve_unit

    with user_errors():
        text = read_document(file)
        unit = resolve_unit(unit_query, year, has_data)
        outcome = import_report(unit, file.name, text, year=year, force=force)
    click.echo(
        f"Đã lưu văn bản #{outcome.document.pk} cho {unit.full_name}, năm {outcome.document.year}: "
        f"{outcome.results} kết quả và {outcome.targets} chỉ tiêu chờ duyệt"
        + (f", {outcome.skipped} số liệu chưa gắn chỉ tiêu." if outcome.skipped else ".")
    )


@click.group()
def drafts() -> None:
    """Drafts read from documents: list, accept, reject."""


@drafts.command("list")
@click.option("--unit", "unit_query", default=None, help="Only this unit's drafts.")
def list_drafts(unit_query: str | None) -> None:
    """List the drafts waiting for review (ids: K… results, C… targets)."""
    setup_django()
    from tongket.documents.services import drafts as find_drafts
    from tongket.units.lookup import resolve_unit
    from tongket.web.presenters import format_figure

    with user_errors():
        unit = resolve_unit(unit_query) if unit_query else None
    targets, results = find_drafts(unit)
    table = Table("Mã", "Đơn vị", "Chỉ tiêu", "Năm", "Số liệu", "Văn bản")
    for target in targets:
        figure = format_figure(target.amount, target.indicator)
        table.add_row(
            f"C{target.pk}",
            target.unit.full_name,
            target.indicator.name,
            str(target.year),
            f"kế hoạch {figure}",
            str(target.document_id or ""),
        )
    for result in results:
        figure = format_figure(result.value, result.indicator)
        if result.percent_of_plan is not None:
            figure = f"{figure} ({format_figure(result.percent_of_plan, result.indicator)} KH)"
        table.add_row(
            f"K{result.pk}",
            result.unit.full_name,
            result.indicator.name,
            str(result.year),
            figure,
            str(result.document_id or ""),
        )
    console().print(table)
    click.echo(f"{len(results)} kết quả, {len(targets)} chỉ tiêu chờ duyệt.")


def find_records(ids: tuple[str, ...]) -> list[Target | Result]:
    from tongket.results.models import Result, Target

    records: list[Target | Result] = []
    for raw in ids:
        prefix, number = raw[:1].upper(), raw[1:]
        if prefix not in ("K", "C") or not number.isdigit():
            raise click.ClickException(f"Mã “{raw}” không hợp lệ (dạng K12 hoặc C5).")
        record: Target | Result | None = (
            Result.objects.filter(pk=int(number)).first()
            if prefix == "K"
            else Target.objects.filter(pk=int(number)).first()
        )
        if record is None:
            raise click.ClickException(f"Không có số liệu chờ duyệt mã “{raw}”.")
        records.append(record)
    return records


@drafts.command("accept")
@click.argument("ids", nargs=-1, required=True)
@click.option("--replace", is_flag=True, help="Replace an accepted figure in the same place.")
def accept(ids: tuple[str, ...], replace: bool) -> None:
    """Accept drafts (all or none)."""
    setup_django()
    from django.db import transaction

    from tongket.documents.services import accept_draft

    with user_errors(), transaction.atomic():
        for record in find_records(ids):
            accept_draft(record, replace=replace)
    click.echo(f"Đã duyệt {len(ids)} số liệu.")


@drafts.command("reject")
@click.argument("ids", nargs=-1, required=True)
@click.option("--reason", default="", help="Why.")
def reject(ids: tuple[str, ...], reason: str) -> None:
    """Reject drafts (all or none)."""
    setup_django()
    from django.db import transaction

    from tongket.documents.services import reject_draft

    with user_errors(), transaction.atomic():
        for record in find_records(ids):
            reject_draft(record, reason=reason)
    click.echo(f"Đã loại {len(ids)} số liệu.")
