"""The recommendation workflow and who may move it, at the service level (web, CLI, API)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied, ValidationError

from tongket.access.scope import Scope, scope_of
from tongket.people.models import Body
from tongket.people.services import body_named
from tongket.recommendations.models import Change, Recommendation
from tongket.recommendations.services import (
    RecommendationInput,
    allowed_statuses,
    change_status,
    forward,
    overdue,
    raise_recommendation,
)
from tongket.units.models import Unit

pytestmark = pytest.mark.django_db

RAISED = dt.date(2025, 9, 1)


def unit(code: str) -> Unit:
    return Unit.objects.get(code=code, valid_to__isnull=True)


def scope(username: str) -> Scope:
    return scope_of(User.objects.get(username=username))


def province_body(name: str = "UBND tỉnh Gia Lai") -> Body:
    return body_named(unit("52"), name)


def raised(deadline: dt.date | None = dt.date(2025, 10, 1)) -> Recommendation:
    data = RecommendationInput(
        unit=unit("21910"),
        raised_on=RAISED,
        addressee=province_body(),
        topic="Trụ sở",
        text="Đề nghị bố trí kinh phí sửa chữa trụ sở.",
        deadline=deadline,
        report_back_to=province_body("Thường trực Tỉnh ủy"),
    )
    return raise_recommendation(data, User.objects.get(username="vanphong"))


def test_raising_records_the_first_change() -> None:
    item = raised()
    assert item.status == "new"
    assert [(c.action, c.to_status) for c in item.changes.all()] == [("raised", "new")]
    assert item.report_back_to is not None and item.report_back_to.kind == "standing"
    assert item.addressee.kind == "committee"


def test_a_deadline_before_the_raising_date_is_refused_and_nothing_written() -> None:
    before = Recommendation.objects.count()
    with pytest.raises(ValidationError) as error:
        raised(deadline=RAISED - dt.timedelta(days=1))
    assert "Hạn giải quyết không được trước ngày kiến nghị" in " ".join(error.value.messages)
    assert Recommendation.objects.count() == before


def test_only_a_body_above_the_raising_unit_can_be_addressed() -> None:
    ward_body = body_named(unit("21910"), "UBND phường An Nhơn")
    data = RecommendationInput(unit("21910"), RAISED, ward_body, "Chợ", "Sửa chợ.")
    with pytest.raises(ValidationError) as error:
        raise_recommendation(data)
    assert "không phải cơ quan cấp trên" in " ".join(error.value.messages)


def test_the_superior_answers_and_the_ward_confirms() -> None:
    item = raised()
    superior, ward = scope("captren"), scope("vanphong")
    assert allowed_statuses(superior, item) == ["in_progress", "answered"]
    assert allowed_statuses(ward, item) == []
    item = change_status(item, "in_progress", superior, note="Giao Sở Tài chính")
    item = change_status(
        item,
        "answered",
        superior,
        answer="Đã bố trí 500 triệu đồng.",
        answered_on=dt.date(2025, 9, 20),
    )
    assert item.answer == "Đã bố trí 500 triệu đồng." and item.answered_on == dt.date(2025, 9, 20)
    assert allowed_statuses(ward, item) == ["resolved", "in_progress"]
    item = change_status(item, "resolved", ward)
    assert item.status == "resolved"
    steps = [(c.from_status, c.to_status) for c in item.changes.filter(action="status")]
    assert steps == [("new", "in_progress"), ("in_progress", "answered"), ("answered", "resolved")]


def test_the_ward_reopens_an_unsatisfying_answer() -> None:
    item = change_status(raised(), "answered", scope("captren"), answer="Sẽ xem xét.")
    item = change_status(item, "in_progress", scope("lanhdao"), note="Chưa trả lời cụ thể")
    assert item.status == "in_progress"
    last = item.changes.order_by("pk").last()
    assert last is not None and last.note == "Chưa trả lời cụ thể"


def test_a_ward_cannot_answer_its_own_recommendation() -> None:
    item = raised()
    changes = Change.objects.count()
    with pytest.raises(PermissionDenied) as error:
        change_status(item, "answered", scope("vanphong"), answer="Tự trả lời")
    assert "không gửi đến cơ quan của bạn" in str(error.value)
    item.refresh_from_db()
    assert item.status == "new" and item.answer == "" and Change.objects.count() == changes


def test_an_answer_needs_text_and_a_date_not_before_raising() -> None:
    item = raised()
    with pytest.raises(ValidationError):
        change_status(item, "answered", scope("captren"), answer="  ")
    with pytest.raises(ValidationError):
        change_status(
            item, "answered", scope("captren"), answer="Được", answered_on=RAISED - dt.timedelta(1)
        )
    item.refresh_from_db()
    assert item.status == "new"


def test_resolved_is_final() -> None:
    item = change_status(raised(), "answered", scope("captren"), answer="Đã bố trí.")
    item = change_status(item, "resolved", scope("captren"))
    with pytest.raises(ValidationError):
        change_status(item, "in_progress", scope("quantri"))


def test_forwarding_is_recorded_and_only_to_a_body_above() -> None:
    item = forward(
        raised(), province_body("Sở Tài chính"), scope("captren"), note="Đúng thẩm quyền"
    )
    assert item.addressee.name == "Sở Tài chính" and item.addressee.kind == "department"
    change = item.changes.get(action="forwarded")
    assert change.details == {"from": "UBND tỉnh Gia Lai", "to": "Sở Tài chính"}
    with pytest.raises(PermissionDenied):
        forward(item, province_body(), scope("vanphong"))


def test_overdue_is_open_and_past_the_deadline() -> None:
    late, answered = raised(), raised()
    answered = change_status(answered, "answered", scope("captren"), answer="Đã trả lời.")
    found = set(overdue(Recommendation.objects.all(), dt.date(2025, 10, 2)))
    assert late in found and answered not in found
    assert late not in set(overdue(Recommendation.objects.all(), dt.date(2025, 10, 1)))
