"""Page 4: one indicator of a unit over the years, continued across mergers."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from decimal import Decimal
from typing import Any

import pytest
from django.urls import reverse

from tongket.indicators.models import Indicator
from tongket.periods import Period
from tongket.results.services import ResultInput, TargetInput, save_result, save_target
from tongket.results.trends import build_trend
from tongket.units.lookup import resolve_unit
from tongket.units.models import Unit

pytestmark = pytest.mark.django_db
SVG = "{http://www.w3.org/2000/svg}"


def an_nhon() -> Unit:
    return resolve_unit("21910")


def dap_da() -> Unit:
    return resolve_unit("phường Đập Đá", 2023)


def merged_wards() -> list[Unit]:
    """The two units merged into phường An Nhơn besides Đập Đá."""
    return [u for u in Unit.objects.filter(successions__successor=an_nhon()) if u != dap_da()]


def trend_url(unit: Unit, code: str) -> str:
    return reverse("web:trend", args=[unit.pk, code])


def chart_of(text: str) -> ET.Element:
    found = re.search(r"<svg.*?</svg>", text, re.S)
    assert found is not None
    return ET.fromstring(found.group(0))


@pytest.mark.parametrize("username", ["vanphong", "lanhdao", "captren", "quantri"])
def test_trend_of_an_nhon_includes_dap_da_2023(login: Any, username: str) -> None:
    page = login(username).get(trend_url(an_nhon(), "economic_growth"))
    text = page.content.decode()
    assert page.status_code == 200
    assert "Phường Đập Đá" in text and "16,1%" in text and "đơn vị trước sáp nhập" in text
    assert reverse("web:scorecard", args=[dap_da().pk, 2023]) in text
    labels = ["".join(t.itertext()) for t in chart_of(text).iter(f"{SVG}text")]
    assert "2023" in labels and "16,1" in labels


def test_unknown_indicator_is_not_found(login: Any) -> None:
    assert login("vanphong").get(trend_url(an_nhon(), "no_such_code")).status_code == 404


def test_a_unit_outside_scope_is_not_found(login: Any) -> None:
    gia_lai = Unit.objects.get(code="52", valid_to__isnull=True)
    assert login("vanphong").get(trend_url(gia_lai, "economic_growth")).status_code == 404
    ha_noi = Unit.objects.get(code="01", valid_to__isnull=True)
    assert login("captren").get(trend_url(ha_noi, "economic_growth")).status_code == 404


def test_choosing_another_indicator_redirects_to_its_trend(login: Any) -> None:
    url = trend_url(an_nhon(), "economic_growth") + "?chi-tieu=clean_water_rate&tu=2020"
    page = login("vanphong").get(url)
    assert page.status_code == 302
    assert page["Location"] == trend_url(an_nhon(), "clean_water_rate") + "?tu=2020"
    bad = trend_url(an_nhon(), "economic_growth") + "?chi-tieu=nope"
    assert login("vanphong").get(bad).status_code == 404


def test_summed_indicator_adds_the_merged_units_and_rates_do_not(login: Any) -> None:
    first, second = merged_wards()
    jobs = Indicator.objects.get(code="jobs_created")
    water = Indicator.objects.get(code="clean_water_rate")
    for unit, count, rate in ((first, "120", "90"), (second, "80", "95")):
        save_target(TargetInput(unit, jobs, 2022, amount=Decimal("100")))
        save_result(ResultInput(unit, jobs, Period(2022), value=Decimal(count)))
        save_result(ResultInput(unit, water, Period(2022), value=Decimal(rate)))
    save_result(ResultInput(an_nhon(), jobs, Period(2025), value=Decimal("260")))

    trend = build_trend(an_nhon(), jobs)
    by_year = {y.year: y for y in trend.years}
    assert by_year[2022].summed and by_year[2022].result == Decimal("200")
    assert by_year[2022].target == Decimal("200")
    assert by_year[2025].result == Decimal("260") and by_year[2025].entries[0].is_own
    text = login("lanhdao").get(trend_url(an_nhon(), "jobs_created")).content.decode()
    assert "Cộng" in text and first.full_name in text and second.full_name in text
    assert "200" in ["".join(t.itertext()) for t in chart_of(text).iter(f"{SVG}text")]

    rates = {y.year: y for y in build_trend(an_nhon(), water).years}
    assert not rates[2022].summed and rates[2022].result is None
    page = login("lanhdao").get(trend_url(an_nhon(), "clean_water_rate")).content.decode()
    assert "tỷ lệ không cộng được" in page and "90%" in page and "95%" in page


def test_years_can_be_narrowed(login: Any) -> None:
    water = Indicator.objects.get(code="clean_water_rate")
    for year in range(2015, 2025):
        save_result(ResultInput(dap_da(), water, Period(year), value=Decimal(80 + year - 2015)))
    client = login("vanphong")
    default = client.get(trend_url(dap_da(), "clean_water_rate")).content.decode()
    years = ["".join(t.itertext()) for t in chart_of(default).iter(f"{SVG}text")]
    last = max(y.year for y in build_trend(dap_da(), water).years)
    assert last >= 2024
    assert str(last) in years and str(last - 5) in years and str(last - 6) not in years
    assert "Tất cả các năm" in default
    narrow = client.get(trend_url(dap_da(), "clean_water_rate") + "?tu=2015&den=2016")
    labels = ["".join(t.itertext()) for t in chart_of(narrow.content.decode()).iter(f"{SVG}text")]
    assert "2015" in labels and "2016" in labels and "2017" not in labels
