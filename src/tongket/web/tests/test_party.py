"""The Party page: ratings under the rules of their year, counts, admissions, and the
figures fed to the scorecard."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from tongket.party.models import Admission, MemberCount, Rating, Tally
from tongket.periods import Period
from tongket.results.locks import lock_period
from tongket.results.models import Result
from tongket.units.models import Unit

pytestmark = pytest.mark.django_db


def an_nhon() -> Unit:
    return Unit.objects.get(code="21910", valid_to__isnull=True)  # phường An Nhơn, Gia Lai


def url(name: str, period: str = "2025") -> str:
    return reverse(f"web:{name}", args=[an_nhon().pk, period])


def grid(rows: list[tuple[str, str, str]], subject: str = "organisation") -> dict[str, Any]:
    return {
        "subject": subject,
        "name": [name for name, _, _ in rows],
        "grade": [grade for _, grade, _ in rows],
        "score": [score for _, _, score in rows],
    }


def cells(excellent: int, good: int) -> list[tuple[str, str, str]]:
    grades = ["htxsnv"] * excellent + ["httnv"] * good
    return [(f"Chi bộ khu phố {n}", grade, "") for n, grade in enumerate(grades, start=1)]


def written() -> tuple[int, int]:
    unit = an_nhon()
    return Rating.objects.filter(unit=unit).count(), Tally.objects.filter(unit=unit).count()


def test_the_page_names_the_rules_of_its_year(login: Any) -> None:
    client = login("captren")
    page = client.get(url("party", "2025")).content.decode()
    assert "366-QĐ/TW" in page and "thang điểm 100" in page
    page = client.get(url("party", "2024")).content.decode()
    assert "124-QĐ/TW" in page and "thang điểm 100" not in page
    assert client.get(url("party", "2025-h1")).status_code == 404


def test_a_grid_of_ratings_is_saved_with_its_tally(login: Any) -> None:
    client = login("vanphong")
    rows = [*cells(2, 10), ("Chi bộ Quân sự", "httnv", "85,5")]
    response = client.post(url("party_ratings"), grid(rows))
    assert response.status_code == 302
    tally = Tally.objects.get(unit=an_nhon(), period="2025", subject="organisation")
    assert (tally.total, tally.excellent, tally.good) == (13, 2, 11)
    page = client.get(url("party")).content.decode()
    assert "13/13 chi bộ hoàn thành tốt nhiệm vụ trở lên, trong đó 2 chi bộ" in page
    assert "Chi bộ Quân sự" in page and "85,5" in page and "HTXSNV" in page


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        pytest.param(
            [("Chi bộ 1", "httnv", "120")],
            "Điểm phải từ 0 đến 100 (đã ghi 120).",
            id="score-off-the-scale",
        ),
        pytest.param(
            [("Chi bộ 1", "xuat_sac", "")], "Xếp loại “xuat_sac” không hợp lệ.", id="unknown-grade"
        ),
        pytest.param(
            [("Chi bộ 1", "htxsnv", "75"), *cells(0, 9)],
            "75 điểm chỉ được xếp loại cao nhất là “Hoàn thành tốt nhiệm vụ”",
            id="score-caps-the-grade",
        ),
        pytest.param(
            cells(3, 7),
            "số xếp loại Hoàn thành xuất sắc nhiệm vụ (3) vượt quá 20% số hoàn thành tốt "
            "nhiệm vụ trở lên (tối đa 2)",
            id="excellent-share",
        ),
        pytest.param([("Chi bộ 1", "", "")], "Dòng 1: chưa chọn xếp loại.", id="no-grade"),
        pytest.param([("Chi bộ 1", "httnv", "chín")], "không phải là số", id="score-not-a-number"),
    ],
)
def test_a_refused_grid_writes_nothing(
    login: Any, rows: list[tuple[str, str, str]], message: str
) -> None:
    client = login("lanhdao")
    before = written()
    page = client.post(url("party_ratings"), grid(rows))
    assert page.status_code == 200
    assert message in page.content.decode()
    assert written() == before


def test_quarters_are_refused_before_the_366_rules(login: Any) -> None:
    client = login("vanphong")
    page = client.get(url("party", "2024-q3")).content.decode()
    refusal = "Theo Quy định 124-QĐ/TW, không xếp loại chất lượng theo quý"
    assert refusal in page
    before = written()
    page = client.post(url("party_ratings", "2024-q3"), grid(cells(0, 3)))
    assert refusal in page.content.decode()
    assert written() == before
    assert client.post(url("party_ratings", "2025-q3"), grid(cells(0, 3))).status_code == 302


def test_feeding_the_scorecard_writes_the_figures_and_shows_the_line(login: Any) -> None:
    client = login("vanphong")
    assert client.post(url("party_ratings"), grid(cells(2, 11))).status_code == 302
    counts = {"counted_on": "2025-12-31", "official": "240", "probationary": "12"}
    assert client.post(url("party_counts"), counts).status_code == 302
    response = client.post(url("party_feed"))
    assert response["Location"] == reverse("web:scorecard", args=[an_nhon().pk, "2025"])
    values = {
        r.indicator.code: r.value
        for r in Result.objects.filter(unit=an_nhon(), year=2025, state="accepted")
    }
    assert values["party_cells_good"] == 13 and values["party_cells_excellent"] == 2
    assert values["party_org_good_rate"] == 100
    page = client.get(response["Location"]).content.decode()
    assert "Đã ghi vào bảng kết quả năm 2025" in page
    line = "13/13 chi bộ hoàn thành tốt nhiệm vụ trở lên, trong đó 2 chi bộ hoàn thành xuất sắc"
    assert line in page and url("party", "2025") in page


def test_a_locked_year_is_not_fed(login: Any) -> None:
    client = login("lanhdao")
    assert client.post(url("party_ratings"), grid(cells(0, 5))).status_code == 302
    lock_period(an_nhon(), Period(2025), User.objects.get(username="lanhdao"))
    response = client.post(url("party_feed"), follow=True)
    assert "Số liệu năm 2025 của Phường An Nhơn đã được chốt" in response.content.decode()
    assert not Result.objects.filter(unit=an_nhon(), indicator__code="party_cells_good").exists()


def test_counts_and_admissions(login: Any) -> None:
    client = login("vanphong")
    counts = {"counted_on": "2025-06-30", "official": "230", "probationary": "-1"}
    before = MemberCount.objects.filter(unit=an_nhon()).count()  # the demo's count of 2025
    assert client.post(url("party_counts"), counts).status_code == 200
    assert MemberCount.objects.filter(unit=an_nhon()).count() == before
    counts["probationary"] = "10"
    assert client.post(url("party_counts"), counts).status_code == 302
    admission = {"name": "Phạm Thị Mới", "admitted_on": "2025-05-19", "cell": "Chi bộ 3"}
    admitted = Admission.objects.filter(unit=an_nhon()).count()  # the demo's admissions
    assert client.post(url("party_admission"), admission).status_code == 302
    assert client.post(url("party_admission"), {**admission, "name": " "}).status_code == 200
    assert Admission.objects.filter(unit=an_nhon()).count() == admitted + 1
    page = client.get(url("party")).content.decode()
    assert "Phạm Thị Mới" in page and "240" in page and "30/06/2025" in page


def test_the_superior_sees_but_does_not_enter(login: Any) -> None:
    client = login("captren")
    assert client.get(url("party")).status_code == 200
    before = written()
    assert client.post(url("party_ratings"), grid(cells(0, 3))).status_code == 403
    assert client.post(url("party_feed")).status_code == 403
    assert written() == before
