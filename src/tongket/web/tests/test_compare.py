"""Page 3: a superior compares the units below it — access, content, filters, sorting, cost."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from decimal import Decimal
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tongket.indicators.models import Indicator
from tongket.periods import Period
from tongket.results.comparison import units_below
from tongket.results.comparison_cache import forget_all
from tongket.results.services import ResultInput, TargetInput, save_result, save_target
from tongket.units.lookup import resolve_unit
from tongket.units.models import Unit

pytestmark = pytest.mark.django_db


def gia_lai() -> Unit:
    return Unit.objects.get(code="52", valid_to__isnull=True)


def an_nhon() -> Unit:
    return resolve_unit("21910")


def dap_da() -> Unit:
    return resolve_unit("phường Đập Đá", 2023)


def compare_url(unit: Unit, year: int = 2023) -> str:
    return reverse("web:compare", args=[unit.pk, year])


def body_rows(html: str) -> list[str]:
    """The unit names of the heat table, in order."""
    body = html.split('<table class="grid heat"', 1)[1].split("<tbody>", 1)[1]
    return re.findall(r'<th scope="row"[^>]*><a href="[^"]+">([^<]+)</a>', body)


def give_figures(unit: Unit, growth: str, target: str = "10") -> None:
    indicator = Indicator.objects.get(code="economic_growth")
    save_target(TargetInput(unit, indicator, 2023, amount=Decimal(target)))
    save_result(ResultInput(unit, indicator, Period(2023), value=Decimal(growth)))


def others(count: int) -> list[Unit]:
    skipped = dap_da().pk
    return [u for u in units_below(gia_lai(), 2023) if u.pk != skipped][:count]


def test_superior_compares_gia_lai_2023_and_sees_dap_da(login: Any) -> None:
    page = login("captren").get(compare_url(gia_lai()))
    text = page.content.decode()
    assert page.status_code == 200
    assert "Phường Đập Đá" in text and "14/15" in text
    assert "Đạt" in text and "Không đạt" in text
    assert reverse("web:scorecard", args=[dap_da().pk, 2023]) in text
    assert "Chưa có số liệu" in text  # the former communes without figures are listed
    assert 'aria-sort="ascending"' in text  # sorted by name by default
    svg = re.search(r"<svg.*?</svg>", text, re.S)
    assert svg is not None and "Phường Đập Đá" in svg.group(0)
    ET.fromstring(svg.group(0))


def test_dap_da_cells_carry_status_words_and_figures(login: Any) -> None:
    url = compare_url(gia_lai()) + "?chi-tieu=economic_growth&an-trong=1"
    text = login("captren").get(url).content.decode()
    row = next(line for line in text.splitlines() if "Phường Đập Đá</a>" in line)
    assert 'class="s-dat"' in row and "<b>Đạt</b>" in row
    assert "16,1%" in row and "KH 16,1%" in row
    assert body_rows(text) == ["Phường Đập Đá"]


def test_admin_compares_and_leader_compares_their_own_ward(login: Any) -> None:
    assert login("quantri").get(compare_url(gia_lai())).status_code == 200
    leader = login("lanhdao")
    page = leader.get(compare_url(an_nhon(), 2025))
    assert page.status_code == 200
    assert leader.get(compare_url(gia_lai())).status_code == 404  # above their ward


def test_office_may_not_compare(login: Any) -> None:
    page = login("vanphong").get(compare_url(an_nhon(), 2025))
    assert page.status_code == 403


def test_a_unit_outside_scope_is_not_found(login: Any) -> None:
    ha_noi = Unit.objects.get(code="01", valid_to__isnull=True)
    assert login("captren").get(compare_url(ha_noi)).status_code == 404
    assert login("captren").get(compare_url(gia_lai(), 1800)).status_code == 404


def test_status_filter_keeps_the_units_with_that_status(login: Any) -> None:
    low, high = others(2)
    give_figures(low, "5")
    give_figures(high, "30")
    client = login("captren")
    base = compare_url(gia_lai()) + "?chi-tieu=economic_growth"
    unmet = body_rows(client.get(base + "&trang-thai=khong_dat").content.decode())
    assert unmet == [low.full_name]
    exceeded = body_rows(client.get(base + "&trang-thai=vuot").content.decode())
    assert exceeded == [high.full_name]
    everyone = body_rows(client.get(base).content.decode())
    assert len(everyone) > 300


def test_sort_params_change_the_order(login: Any) -> None:
    low, high = others(2)
    give_figures(low, "5")
    give_figures(high, "30")
    client = login("captren")
    base = compare_url(gia_lai()) + "?chi-tieu=economic_growth&an-trong=1"
    down = body_rows(client.get(base + "&sap-xep=-gt-economic_growth").content.decode())
    assert down == [high.full_name, "Phường Đập Đá", low.full_name]
    up = body_rows(client.get(base + "&sap-xep=gt-economic_growth").content.decode())
    assert up == down[::-1]
    by_met = client.get(base + "&sap-xep=-dat").content.decode()
    assert body_rows(by_met)[0] == "Phường Đập Đá"
    assert 'aria-sort="descending"' in by_met


def test_ranking_by_an_indicator(login: Any) -> None:
    low, high = others(2)
    give_figures(low, "5")
    give_figures(high, "30")
    url = compare_url(gia_lai()) + "?chi-tieu=economic_growth&xep-hang=economic_growth"
    text = login("captren").get(url).content.decode()
    svg = re.search(r"<svg.*?</svg>", text, re.S)
    assert svg is not None
    root = ET.fromstring(svg.group(0))
    labels = [t.text for t in root.iter("{http://www.w3.org/2000/svg}text")]
    names = [name for name in labels if name and name.startswith(("Phường", "Xã", "Thị trấn"))]
    assert names[:3] == [high.full_name, "Phường Đập Đá", low.full_name]
    assert "30% (vượt)" in labels


def test_queries_do_not_grow_with_the_number_of_units(
    login: Any, django_assert_max_num_queries: Any
) -> None:
    client = login("captren")
    url = compare_url(gia_lai())
    client.get(url)  # the session warms up
    forget_all()  # measure a comparison built afresh, not a remembered one
    with CaptureQueriesContext(connection) as before:
        client.get(url)
    jobs = Indicator.objects.get(code="jobs_created")
    for index, unit in enumerate(others(6)):
        give_figures(unit, str(5 + index * 4))
        save_target(TargetInput(unit, jobs, 2023, amount=Decimal("100")))
        save_result(ResultInput(unit, jobs, Period(2023), value=Decimal(90 + index)))
    forget_all()
    with django_assert_max_num_queries(len(before)):
        page = client.get(url)
    assert len(re.findall(r"\d/2<small>", page.content.decode())) == 6
