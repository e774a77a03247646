"""The home page lists the units with data; unit and scorecard pages render."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from tongket.results.scorecards import has_data
from tongket.units.lookup import resolve_unit

pytestmark = pytest.mark.django_db


def test_home_lists_units_with_their_scorecards(login: Any) -> None:
    client = login("quantri")
    page = client.get("/")
    text = page.content.decode()
    assert page.status_code == 200
    dap_da = resolve_unit("phường Đập Đá", 2023)
    assert "Phường Đập Đá" in text
    assert reverse("web:scorecard", args=[dap_da.pk, "2023"]) in text
    units_page = client.get(reverse("web:units")).content.decode()
    assert "3321 đơn vị cấp xã hiện hành" in units_page.replace(".", "")


def test_scorecard_page_shows_summary_and_unmet(login: Any) -> None:
    client = login("quantri")
    dap_da = resolve_unit("phường Đập Đá", 2023)
    page = client.get(reverse("web:scorecard", args=[dap_da.pk, "2023"]))
    text = page.content.decode()
    assert "14/15 chỉ tiêu đạt và vượt" in text
    assert "Chỉ tiêu không đạt" in text
    assert "16,1%" in text


def test_scorecard_page_formats_money_as_a_person_would(login: Any) -> None:
    client = login("quantri")
    tay_son = resolve_unit("phường Tây Sơn", 2023, has_data)
    text = client.get(reverse("web:scorecard", args=[tay_son.pk, "2023"])).content.decode()
    assert "124.857 triệu đồng" in text


def test_unit_page_shows_lineage(login: Any) -> None:
    client = login("quantri")
    dap_da = resolve_unit("phường Đập Đá", 2023)
    text = client.get(reverse("web:unit", args=[dap_da.pk])).content.decode()
    assert "Đã chuyển thành" in text and "Phường An Nhơn" in text


def test_bad_period_is_not_found(login: Any) -> None:
    client = login("quantri")
    dap_da = resolve_unit("phường Đập Đá", 2023)
    assert client.get(reverse("web:scorecard", args=[dap_da.pk, "2023-x"])).status_code == 404


def test_admin_lists_units_for_the_administrator(login: Any) -> None:
    client = login("quantri")
    from django.contrib.auth import get_user_model

    admin = get_user_model().objects.get(username="quantri")
    client.force_login(admin)
    page = client.get("/admin/units/unit/?q=dap+da")
    assert page.status_code == 200
    assert "Phường Đập Đá" in page.content.decode()
    assert client.get("/admin/results/revision/").status_code == 200


def test_admin_refuses_anonymous_users(client: Client) -> None:
    assert client.get("/admin/units/unit/").status_code == 302


def test_province_scorecard_shows_the_communes_sum_the_vietnamese_way(login: Any) -> None:
    from decimal import Decimal

    from tongket.indicators.models import Indicator
    from tongket.periods import Period
    from tongket.results.services import ResultInput, TargetInput, save_result, save_target
    from tongket.units.models import Unit

    province = Unit.objects.current().get(code="52")
    revenue = Indicator.objects.get(code="state_budget_revenue")
    save_target(TargetInput(province, revenue, 2026, Decimal(5_000_000_000_000)))
    for ward, amount in zip(
        province.children.order_by("code")[:2], (1_500_000, 2_250_000), strict=True
    ):
        save_result(ResultInput(ward, revenue, Period(2026), Decimal(amount) * 10**6))
    text = login("captren").get(reverse("web:scorecard", args=[province.pk, "2026"]))
    assert "Σ 3.750 tỷ đồng" in text.content.decode()


def test_scorecard_rows_escape_what_they_show(login: Any) -> None:
    from tongket.indicators.models import Indicator

    Indicator.objects.filter(code="economic_growth").update(name="Tăng trưởng <b>&</b>")
    dap_da = resolve_unit("phường Đập Đá", 2023)
    text = login("vanphong").get(reverse("web:scorecard", args=[dap_da.pk, "2023"]))
    html = text.content.decode()
    assert "Tăng trưởng &lt;b&gt;&amp;&lt;/b&gt;" in html and "<b>&</b>" not in html
    assert 'data-indicator="economic_growth"' in html


def test_pager_keeps_the_search_and_its_filters(login: Any) -> None:
    page = login("quantri").get(reverse("web:units"), {"q": "an", "cu": "1"})
    text = page.content.decode()
    assert "Trang 1/" in text and "?q=an&amp;cu=1&amp;trang=2" in text
