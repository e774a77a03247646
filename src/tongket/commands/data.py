"""`tongket setup`, `demo`, `catalog` and `scorecard`."""

from __future__ import annotations

import click
from rich.table import Table

from tongket.commands.common import console, setup_django, user_errors


@click.command()
def setup() -> None:
    """Create or migrate the database; load the demo data if it is new."""
    setup_django()
    from django.conf import settings
    from django.core.management import call_command

    from tongket.units.models import Unit

    database = settings.DATABASES["default"]
    if database["ENGINE"].endswith("sqlite3"):
        from pathlib import Path

        Path(database["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    call_command("migrate", interactive=False, verbosity=0)
    if Unit.objects.exists():
        click.echo("Cơ sở dữ liệu đã sẵn sàng.")
    else:
        click.echo("Cơ sở dữ liệu mới: đang nạp danh mục đơn vị và dữ liệu mẫu…")
        run_demo()


@click.command()
def demo() -> None:
    """Create the demo data (the five seed wards) in the configured database."""
    setup_django()
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)
    run_demo()


def run_demo() -> None:
    from tongket.demo.loader import DEMO_LOGINS, DEMO_PASSWORD, load_demo

    report = load_demo()
    for name, year in report.wards:
        click.echo(f"  {name} — năm {year}")
    click.echo(f"Đã tạo {report.targets} chỉ tiêu và {report.results} kết quả.")
    click.echo("Tài khoản mẫu:")
    for username, role, _, _ in DEMO_LOGINS:
        click.echo(f"  {username} / {DEMO_PASSWORD}  ({role})")


@click.command()
def catalog() -> None:
    """List the indicator catalogue."""
    setup_django()
    from tongket.indicators.models import Indicator
    from tongket.indicators.services import load_default_catalogue

    if not Indicator.objects.exists():
        load_default_catalogue()
    table = Table("Mã", "Tên chỉ tiêu", "Nhóm", "Đơn vị", "Chiều", "Tổng hợp")
    for ind in Indicator.objects.select_related("group"):
        table.add_row(
            ind.code,
            ind.name,
            ind.group.name,
            ind.display_unit,
            ind.get_direction_display(),
            ind.get_rollup_display(),
        )
    console().print(table)


@click.command()
@click.argument("unit")
@click.argument("period")
def scorecard(unit: str, period: str) -> None:
    """Print the scorecard of UNIT (GSO code or name) for PERIOD (2023, 2023-h1, 2023-q3…)."""
    setup_django()
    from tongket.periods import Period
    from tongket.results.scorecards import build_scorecard, has_data
    from tongket.units.lookup import resolve_unit
    from tongket.web.presenters import format_amount, row_figures

    with user_errors():
        wanted = Period.parse(period)
        found = resolve_unit(unit, wanted.year, has_data)
    card = build_scorecard(found, wanted)
    out = console()
    out.print(f"[bold]{found.path_name()}[/bold] — {wanted.label}")
    out.print(f"[bold]{card.summary.text()}[/bold]")
    table = Table("Chỉ tiêu", "Kế hoạch", "Kết quả", "% KH", "Đánh giá")
    for group in card.groups:
        table.add_row(f"[bold]{group.group.name}[/bold]", "", "", "", "")
        for row in group.rows:
            target_text, result_text = row_figures(row)
            evaluation = row.evaluation
            achievement = (
                format_amount(evaluation.achievement, "%")
                if evaluation and evaluation.achievement is not None
                else ""
            )
            status = evaluation.status.label if evaluation else "—"
            if evaluation and evaluation.is_estimate:
                status += " (ước)"
            table.add_row(f"  {row.indicator.name}", target_text, result_text, achievement, status)
    out.print(table)
    for row in card.unmet_rows:
        out.print(f"[red]Không đạt:[/red] {row.indicator.name}")
