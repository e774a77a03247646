"""`tongket recommendations`: the recommendations sent up, with what is overdue."""

from __future__ import annotations

import datetime as dt

import click
from rich.table import Table

from tongket.commands.common import console, setup_django, user_errors


@click.command("recommendations")
@click.option("--overdue", is_flag=True, help="Only open recommendations past their deadline.")
@click.option("--unit", "unit_query", default=None, help="Raised by this unit (GSO code or name).")
@click.option("--to", "addressed_query", default=None, help="Addressed to bodies of this unit.")
@click.option(
    "--status",
    type=click.Choice(["new", "in_progress", "answered", "resolved"]),
    default=None,
    help="Only this status.",
)
@click.option(
    "--today", type=click.DateTime(["%Y-%m-%d"]), default=None, help="Count from this day."
)
def recommendations_command(
    overdue: bool,
    unit_query: str | None,
    addressed_query: str | None,
    status: str | None,
    today: dt.datetime | None,
) -> None:
    """List recommendations (kiến nghị): who raised them, to whom, deadline and status."""
    setup_django()
    from tongket.cycle.messages import format_date
    from tongket.cycle.workflow import days_overdue, is_overdue, status_label
    from tongket.recommendations import services
    from tongket.units.lookup import resolve_unit

    day = today.date() if today is not None else dt.date.today()
    queryset = services.accepted()
    with user_errors():
        if unit_query:
            queryset = queryset.filter(unit=resolve_unit(unit_query))
        if addressed_query:
            queryset = queryset.filter(addressee__unit=resolve_unit(addressed_query))
    if status:
        queryset = queryset.filter(status=status)
    if overdue:
        queryset = services.overdue(queryset, day).order_by("deadline", "pk")
    rows = list(queryset)
    table = Table("Mã", "Ngày", "Đơn vị kiến nghị", "Gửi đến", "Chủ đề", "Hạn", "Tình trạng")
    for item in rows:
        state = status_label(item.status)
        if is_overdue(item.status, item.deadline, day, item.answered_on):
            state = f"{state}, quá hạn {days_overdue(item.status, item.deadline, day)} ngày"
        table.add_row(
            f"KN{item.pk}",
            format_date(item.raised_on),
            item.unit.full_name,
            item.addressee.name,
            item.topic,
            format_date(item.deadline) if item.deadline else "",
            state,
        )
    console().print(table)
    what = "kiến nghị quá hạn" if overdue else "kiến nghị"
    click.echo(f"{len(rows)} {what}.")
