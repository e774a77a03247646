"""Recommendation pages with each role: lists, filters, detail, the status workflow, raising."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

from tongket.access.scope import scope_of
from tongket.people.models import Body
from tongket.people.services import body_named
from tongket.recommendations.models import Change, Recommendation
from tongket.recommendations.services import (
    RecommendationInput,
    change_status,
    raise_recommendation,
)
from tongket.review.models import Conference
from tongket.units.lookup import resolve_unit
from tongket.units.models import Level, Unit

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
DEADLINE_BEFORE = "Hạn giải quyết không được trước ngày kiến nghị."


@dataclass(frozen=True)
class World:
    an_nhon: Unit
    gia_lai: Unit
    khu_pho: Unit
    province_body: Body
    department: Body
    ward_body: Body
    open: Recommendation  # An Nhơn → UBND tỉnh, deadline ahead
    late: Recommendation  # An Nhơn → UBND tỉnh, deadline 30 days ago
    merged: Recommendation  # the former phường Đập Đá → Sở Nội vụ, deadline 90 days ago
    from_below: Recommendation  # a khu phố of An Nhơn → UBND phường An Nhơn
    outsider: Recommendation  # a Hà Nội ward → UBND thành phố Hà Nội, overdue


def days_ago(days: int) -> dt.date:
    return TODAY - dt.timedelta(days=days)


def raise_one(unit: Unit, body: Body, topic: str, raised: int, deadline: int | None) -> Any:
    data = RecommendationInput(
        unit=unit,
        raised_on=days_ago(raised),
        addressee=body,
        topic=topic,
        text=f"Nội dung: {topic}.",
        deadline=None if deadline is None else days_ago(deadline),
    )
    return raise_recommendation(data)


@pytest.fixture
def world() -> World:
    an_nhon = Unit.objects.get(code="21910", valid_to__isnull=True)
    gia_lai = Unit.objects.get(code="52", valid_to__isnull=True)
    khu_pho = Unit.objects.create(
        kind="khu phố", level=Level.SUBUNIT, name="Khu phố Thử", parent=an_nhon
    )
    hanoi_ward = Unit.objects.filter(
        parent__parent__code="01", level=Level.COMMUNE, valid_to__isnull=False
    ).order_by("id")[0]
    province_body = body_named(gia_lai, "UBND tỉnh Gia Lai")
    department = body_named(gia_lai, "Sở Nội vụ tỉnh Gia Lai")
    ward_body = body_named(an_nhon, "UBND phường An Nhơn")
    hanoi_body = body_named(hanoi_ward.ancestors()[-1], "UBND thành phố Hà Nội")
    return World(
        an_nhon=an_nhon,
        gia_lai=gia_lai,
        khu_pho=khu_pho,
        province_body=province_body,
        department=department,
        ward_body=ward_body,
        open=raise_one(an_nhon, province_body, "Nâng cấp đường liên xã", 10, -60),
        late=raise_one(an_nhon, province_body, "Kinh phí trường học", 100, 30),
        merged=raise_one(
            resolve_unit("phường Đập Đá", 2023), department, "Biên chế công chức", 200, 90
        ),
        from_below=raise_one(khu_pho, ward_body, "Đèn chiếu sáng khu phố", 5, None),
        outsider=raise_one(hanoi_ward, hanoi_body, "Việc của Hà Nội", 300, 200),
    )


def url(name: str, *args: object) -> str:
    return reverse(f"web:{name}", args=args)


def page_text(response: Any) -> str:
    return str(response.content.decode())


def post_status(client: Any, rec: Recommendation, status: str, **extra: str) -> Any:
    return client.post(url("recommendation_status", rec.pk), {"status": status, **extra})


# --- lists ----------------------------------------------------------------------------


def test_outbox_holds_the_unit_its_sub_units_and_merged_units(login: Any, world: World) -> None:
    response = login("vanphong").get(url("recommendations_out", world.an_nhon.pk))
    text = page_text(response)
    assert response.status_code == 200
    for rec in (world.open, world.late, world.merged, world.from_below):
        assert rec.topic in text
    assert world.outsider.topic not in text
    # the demo ward raised two more that are open, both past their deadline in 2026
    assert "Còn <strong>6</strong> kiến nghị chưa trả lời" in text
    assert "4 quá hạn" in text
    assert "Quá hạn 30 ngày" in text and "Quá hạn 90 ngày" in text
    assert 'class="rec-status rec-new">Mới<' in text
    assert url("recommendation", world.late.pk) in text
    assert url("recommendation_new", world.an_nhon.pk) in text


@pytest.mark.parametrize(
    ("query", "shown", "hidden"),
    [
        ({"tinh_trang": "qua_han"}, ["late", "merged"], ["open", "from_below"]),
        ({"tinh_trang": "new"}, ["open", "late"], []),
        ({"tinh_trang": "resolved"}, [], ["open", "late", "merged"]),
        ({"q": "trường học"}, ["late"], ["open", "merged"]),
        ({"gui_den": "department"}, ["merged"], ["open", "late"]),
        ({"nam": "bogus", "q": "biên chế"}, ["merged"], ["open"]),
    ],
    ids=["overdue", "status", "none-resolved", "text", "addressee", "bad-year-ignored"],
)
def test_outbox_filters(
    login: Any, world: World, query: dict[str, str], shown: list[str], hidden: list[str]
) -> None:
    if query.get("gui_den") == "department":
        query = {"gui_den": str(world.department.pk)}
    text = page_text(login("lanhdao").get(url("recommendations_out", world.an_nhon.pk), query))
    for name in shown:
        assert getattr(world, name).topic in text
    for name in hidden:
        assert getattr(world, name).topic not in text


def test_outbox_year_filter(login: Any, world: World) -> None:
    year = world.merged.raised_on.year
    text = page_text(
        login("vanphong").get(url("recommendations_out", world.an_nhon.pk), {"nam": year})
    )
    assert world.merged.topic in text
    assert (world.open.topic in text) == (world.open.raised_on.year == year)


def test_superior_inbox_holds_what_is_addressed_to_the_province(login: Any, world: World) -> None:
    text = page_text(login("captren").get(url("recommendations_in", world.gia_lai.pk)))
    for rec in (world.open, world.late, world.merged):
        assert rec.topic in text
    assert world.from_below.topic not in text


def test_ward_office_inbox_holds_what_its_sub_units_send(login: Any, world: World) -> None:
    text = page_text(login("vanphong").get(url("recommendations_in", world.an_nhon.pk)))
    assert world.from_below.topic in text
    assert world.open.topic not in text


def test_overdue_list_is_in_scope_oldest_deadline_first(login: Any, world: World) -> None:
    for role in ("vanphong", "captren"):
        text = page_text(login(role).get(url("recommendations_overdue")))
        assert text.index(world.merged.topic) < text.index(world.late.topic)
        assert world.open.topic not in text
        assert world.outsider.topic not in text
    text = page_text(login("quantri").get(url("recommendations_overdue")))
    assert text.index(world.outsider.topic) < text.index(world.merged.topic)


def test_overdue_list_drops_answered_ones(login: Any, world: World) -> None:
    change_status(world.late, "answered", scope_of(admin()), answer="Đã bố trí kinh phí.")
    text = page_text(login("vanphong").get(url("recommendations_overdue")))
    assert world.late.topic not in text
    assert world.merged.topic in text


def admin() -> Any:
    return get_user_model().objects.get(username="quantri")


# --- detail and permissions -----------------------------------------------------------


def test_outsider_recommendation_does_not_exist(login: Any, world: World) -> None:
    outsider = world.outsider
    for role in ("vanphong", "lanhdao", "captren"):
        client = login(role)
        assert client.get(url("recommendation", outsider.pk)).status_code == 404
        assert post_status(client, outsider, "in_progress").status_code == 404
        assert client.get(url("recommendations_out", outsider.unit_id)).status_code == 404
        assert client.get(url("recommendation_new", outsider.unit_id)).status_code == 404
    assert login("quantri").get(url("recommendation", outsider.pk)).status_code == 200


def test_detail_shows_forms_only_to_those_allowed(login: Any, world: World) -> None:
    conference = Conference.objects.create(
        unit=world.an_nhon, kind="review", title="Hội nghị tổng kết năm", held_on=days_ago(12)
    )
    Recommendation.objects.filter(pk=world.open.pk).update(conference=conference)
    text = page_text(login("vanphong").get(url("recommendation", world.open.pk)))
    assert "Hội nghị tổng kết năm" in text
    assert "UBND tỉnh Gia Lai" in text and "Gửi kiến nghị" in text  # the raised change
    assert "Lưu tình trạng" not in text and "Chuyển kiến nghị" not in text
    text = page_text(login("captren").get(url("recommendation", world.open.pk)))
    assert "Lưu tình trạng" in text and "Nội dung trả lời" in text
    assert "Chuyển kiến nghị" in text and "Sở Nội vụ tỉnh Gia Lai" in text


def test_status_workflow_through_the_pages(login: Any, world: World) -> None:
    rec = world.open
    assert post_status(login("captren"), rec, "in_progress").status_code == 302
    response = post_status(
        login("captren"), rec, "answered", answer="Đã đưa vào kế hoạch năm sau.", note="Trả lời"
    )
    assert response.status_code == 302
    text = page_text(login("captren").get(response["Location"]))
    assert "Đã chuyển kiến nghị sang “Đã trả lời”" in text
    assert "Đã đưa vào kế hoạch năm sau." in text and "Đang xử lý → Đã trả lời" in text
    reopened = post_status(login("lanhdao"), rec, "in_progress", note="Chưa rõ thời gian")
    assert reopened.status_code == 302
    assert (
        post_status(login("captren"), rec, "answered", answer="Quý II năm sau.").status_code == 302
    )
    assert post_status(login("vanphong"), rec, "resolved").status_code == 302
    rec.refresh_from_db()
    assert rec.status == "resolved" and rec.answer == "Quý II năm sau."
    assert rec.changes.count() == 6
    assert rec.answered_on == TODAY


def test_raising_office_cannot_answer_its_own_recommendation(login: Any, world: World) -> None:
    rec = world.open
    client = login("vanphong")
    response = post_status(client, rec, "answered", answer="Tự trả lời.")
    assert response.status_code == 403
    assert "Kiến nghị này không gửi đến cơ quan của bạn" in page_text(response)
    response = client.post(url("recommendation_forward", rec.pk), {"body": world.department.pk})
    assert response.status_code == 403
    assert "Kiến nghị này không gửi đến cơ quan của bạn" in page_text(response)
    rec.refresh_from_db()
    assert (rec.status, rec.addressee_id, rec.answer) == ("new", world.province_body.pk, "")
    assert rec.changes.count() == 1


def test_ward_office_answers_what_its_sub_units_send(login: Any, world: World) -> None:
    """Addressed to a body of the ward: its office (and superiors over it) answer."""
    rec = world.from_below
    assert post_status(login("captren"), rec, "in_progress").status_code == 302
    response = post_status(login("vanphong"), rec, "answered", answer="Đã lắp đèn.")
    assert response.status_code == 302


def test_refused_changes_are_shown_beside_the_field(login: Any, world: World) -> None:
    rec = world.open
    client = login("captren")
    response = post_status(client, rec, "answered", answer="  ")
    assert response.status_code == 400
    assert "Cần ghi nội dung trả lời" in page_text(response)
    response = post_status(
        client, rec, "answered", answer="Có", answered_on=days_ago(30).isoformat()
    )
    assert response.status_code == 400
    assert "không được trước ngày kiến nghị" in page_text(response)
    response = post_status(client, rec, "bogus")
    assert response.status_code == 400
    rec.refresh_from_db()
    assert rec.status == "new" and rec.changes.count() == 1


def test_forward_to_another_body_above(login: Any, world: World) -> None:
    rec = world.open
    client = login("captren")
    response = client.post(url("recommendation_forward", rec.pk), {"body": world.department.pk})
    assert response.status_code == 302
    rec.refresh_from_db()
    assert rec.addressee_id == world.department.pk
    change = rec.changes.get(action=Change.Action.FORWARDED)
    assert change.details == {"from": "UBND tỉnh Gia Lai", "to": "Sở Nội vụ tỉnh Gia Lai"}
    response = client.post(url("recommendation_forward", rec.pk), {"body": ""})
    assert response.status_code == 400
    assert "Hãy chọn cơ quan nhận kiến nghị" in page_text(response)


# --- raising --------------------------------------------------------------------------


def new_data(world: World, **changes: object) -> dict[str, object]:
    data: dict[str, object] = {
        "topic": "Hỗ trợ xây nhà văn hóa",
        "text": "Đề nghị tỉnh hỗ trợ kinh phí xây nhà văn hóa khu phố.",
        "addressee": world.province_body.pk,
        "raised_on": TODAY.strftime("%d/%m/%Y"),
        "deadline": (TODAY + dt.timedelta(days=90)).isoformat(),
    }
    return data | changes


def test_raise_a_recommendation(login: Any, world: World) -> None:
    client = login("vanphong")
    page = page_text(client.get(url("recommendation_new", world.an_nhon.pk)))
    assert "UBND tỉnh Gia Lai" in page and TODAY.isoformat() in page
    response = client.post(url("recommendation_new", world.an_nhon.pk), new_data(world))
    assert response.status_code == 302
    rec = Recommendation.objects.get(topic="Hỗ trợ xây nhà văn hóa")
    assert response["Location"] == url("recommendation", rec.pk)
    assert (rec.unit_id, rec.raised_on, rec.entered_by.username) == (  # type: ignore[union-attr]
        world.an_nhon.pk,
        TODAY,
        "vanphong",
    )


def test_raise_to_a_body_named_on_the_spot(login: Any, world: World) -> None:
    data = new_data(world, addressee="", other_name="Sở Tài chính", other_unit=world.gia_lai.pk)
    response = login("lanhdao").post(url("recommendation_new", world.an_nhon.pk), data)
    assert response.status_code == 302
    rec = Recommendation.objects.get(topic="Hỗ trợ xây nhà văn hóa")
    assert (rec.addressee.name, rec.addressee.unit_id) == ("Sở Tài chính", world.gia_lai.pk)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"deadline": days_ago(1).isoformat()}, DEADLINE_BEFORE),
        ({"topic": " "}, "Chủ đề kiến nghị không được để trống."),
        ({"addressee": ""}, "Hãy chọn cơ quan nhận kiến nghị hoặc ghi tên cơ quan khác."),
        ({"raised_on": "31/02/2025"}, "Ngày không hợp lệ"),
    ],
    ids=["deadline-before-raising", "no-topic", "no-addressee", "bad-date"],
)
def test_refused_recommendation_writes_nothing(
    login: Any, world: World, changes: dict[str, object], message: str
) -> None:
    data = new_data(world, other_name="Sở Xây dựng", other_unit=world.gia_lai.pk, **changes)
    if changes.get("addressee") == "":
        data |= {"other_name": ""}
    before = (Recommendation.objects.count(), Change.objects.count(), Body.objects.count())
    response = login("vanphong").post(url("recommendation_new", world.an_nhon.pk), data)
    assert response.status_code == 400
    assert message in page_text(response)
    after = (Recommendation.objects.count(), Change.objects.count(), Body.objects.count())
    assert after == before


def test_only_those_who_enter_may_raise(login: Any, world: World) -> None:
    assert login("captren").get(url("recommendation_new", world.an_nhon.pk)).status_code == 403
    assert login("quantri").get(url("recommendation_new", world.an_nhon.pk)).status_code == 200


def test_unit_page_and_menu_link_to_recommendations(login: Any, world: World) -> None:
    text = page_text(login("vanphong").get(url("unit", world.an_nhon.pk)))
    assert url("recommendations_out", world.an_nhon.pk) in text
    assert url("recommendations_in", world.an_nhon.pk) in text
    assert url("recommendations_overdue") in text
