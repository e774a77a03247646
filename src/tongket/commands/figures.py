"""`tongket target` and `tongket result`: enter one figure from the command line."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

import click

from tongket.commands.common import setup_django, user_errors

if TYPE_CHECKING:
    from tongket.indicators.models import Indicator


def parse_number(text: str | None, label: str) -> Decimal | None:
    from tongket.vnformat import parse_decimal

    if text is None:
        return None
    try:
        return parse_decimal(text)
    except ValueError as error:
        raise click.ClickException(f"{label} “{text}” không phải là số.") from error


def find_indicator(code: str) -> Indicator:
    from tongket.indicators.models import Indicator

    indicator = Indicator.objects.filter(code=code).first()
    if indicator is None:
        raise click.ClickException(f"Không có chỉ tiêu mã “{code}” trong danh mục.")
    return indicator


@click.command("target")
@click.argument("unit")
@click.argument("indicator")
@click.argument("year", type=int)
@click.argument("amount", required=False)
@click.option("--comparator", type=click.Choice([">=", ">", "<=", "<", "="]), default=None)
@click.option("--maintain", is_flag=True, help="Duy trì: keep at least last year's figure.")
@click.option("--assigned", is_flag=True, help="Assigned by the superior level.")
@click.option("--reason", default="", help="Why the target is set or changed.")
def target_command(
    unit: str,
    indicator: str,
    year: int,
    amount: str | None,
    comparator: str | None,
    maintain: bool,
    assigned: bool,
    reason: str,
) -> None:
    """Set the target of UNIT for INDICATOR in YEAR ("124.857", "16,1" are read as typed)."""
    setup_django()
    from tongket.results.models import Basis
    from tongket.results.services import TargetInput, save_target
    from tongket.units.lookup import resolve_unit

    with user_errors():
        found = resolve_unit(unit, year)
        data = TargetInput(
            unit=found,
            indicator=find_indicator(indicator),
            year=year,
            amount=parse_number(amount, "Mức chỉ tiêu"),
            comparator=comparator or "",
            maintain=maintain,
            basis=Basis.ASSIGNED if assigned else Basis.RESOLUTION,
        )
        saved = save_target(data, reason=reason)
    click.echo(f"Đã lưu chỉ tiêu: {saved} (phiên bản {saved.version}).")


@click.command("result")
@click.argument("unit")
@click.argument("indicator")
@click.argument("period")
@click.argument("value", required=False)
@click.option("--percent-of-plan", default=None, help="Percent of plan, e.g. 110 or 98,5.")
@click.option("--estimate", is_flag=True, help="An estimate (ước).")
@click.option("--assessed", type=click.Choice(["vuot", "dat", "khong_dat"]), default=None)
@click.option("--reason", default="", help="Why the result is entered or changed.")
def result_command(
    unit: str,
    indicator: str,
    period: str,
    value: str | None,
    percent_of_plan: str | None,
    estimate: bool,
    assessed: str | None,
    reason: str,
) -> None:
    """Record the result of UNIT for INDICATOR in PERIOD (2023, 2023-h1, 2023-q3…)."""
    setup_django()
    from tongket.periods import Period
    from tongket.results.services import ResultInput, save_result
    from tongket.units.lookup import resolve_unit

    with user_errors():
        wanted = Period.parse(period)
        found = resolve_unit(unit, wanted.year)
        data = ResultInput(
            unit=found,
            indicator=find_indicator(indicator),
            period=wanted,
            value=parse_number(value, "Giá trị"),
            percent_of_plan=parse_number(percent_of_plan, "Tỷ lệ % kế hoạch"),
            is_estimate=estimate,
            assessed=assessed or "",
        )
        saved = save_result(data, reason=reason)
    click.echo(f"Đã lưu kết quả: {saved} (phiên bản {saved.version}).")
