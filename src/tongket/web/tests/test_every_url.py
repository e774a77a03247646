"""Every URL of the web application, walked with each role, inside and outside its scope.

The table below must name every route: a new page without an entry here fails the suite,
so nobody adds a page without saying who may open it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tongket.documents.models import Document, Proposal
from tongket.indicators.models import Indicator
from tongket.people.services import body_named
from tongket.periods import Period
from tongket.recommendations.services import RecommendationInput, raise_recommendation, units_above
from tongket.results.models import Result, State
from tongket.results.services import ResultInput, save_result
from tongket.units.lookup import resolve_unit
from tongket.units.models import Level, Unit
from tongket.web.tests.review_objects import review_objects

pytestmark = pytest.mark.django_db

ROLES = ("vanphong", "lanhdao", "captren", "quantri")


@dataclass(frozen=True)
class Route:
    method: str  # "get" or "post"
    ok: dict[str, int]  # role → status inside the scope
    params: tuple[str, ...]  # URL parameters, filled from the fixture objects


ALL_200 = {role: 200 for role in ROLES}
ANSWERER = {"vanphong": 403, "lanhdao": 403, "captren": 302, "quantri": 302}  # to the province
ENTER_200 = {**ALL_200, "captren": 403}
ROUTES: dict[str, Route] = {
    "home": Route("get", ALL_200, ()),
    "units": Route("get", ALL_200, ()),
    "unit": Route("get", ALL_200, ("unit_id",)),
    "scorecard": Route("get", ALL_200, ("unit_id", "period")),
    "entry": Route("get", ALL_200, ("unit_id", "year")),
    "lock": Route(
        "post",
        {"vanphong": 403, "lanhdao": 302, "captren": 403, "quantri": 302},
        ("unit_id", "period"),
    ),
    "compare": Route("get", {**ALL_200, "vanphong": 403}, ("unit_id", "year")),
    "trend": Route("get", ALL_200, ("unit_id", "code")),
    "documents": Route("get", ALL_200, ()),
    "document_upload": Route("get", {**ALL_200, "captren": 403}, ()),
    "document": Route("get", ALL_200, ("document_id",)),
    "draft_action": Route(
        "post",
        {"vanphong": 302, "lanhdao": 302, "captren": 403, "quantri": 302},
        ("document_id", "kind", "record_id"),
    ),
    "accept_all": Route(
        "post",
        {"vanphong": 302, "lanhdao": 302, "captren": 403, "quantri": 302},
        ("document_id",),
    ),
    "proposal_action": Route(
        "post",
        {"vanphong": 302, "lanhdao": 302, "captren": 403, "quantri": 302},
        ("document_id", "proposal_id"),
    ),
    "provenance": Route("get", {role: 302 for role in ROLES}, ("record_type", "record_id")),
    "history": Route("get", ALL_200, ("record_type", "record_id")),
    "unit_history": Route("get", ALL_200, ("unit_id",)),
    "recommendations_out": Route("get", ALL_200, ("unit_id",)),
    "recommendations_in": Route("get", ALL_200, ("unit_id",)),
    "recommendations_overdue": Route("get", ALL_200, ()),
    "recommendation": Route("get", ALL_200, ("recommendation_id",)),
    "recommendation_new": Route("get", {**ALL_200, "captren": 403}, ("unit_id",)),
    "recommendation_status": Route("post", ANSWERER, ("recommendation_id",)),
    "recommendation_forward": Route("post", ANSWERER, ("recommendation_id",)),
    "conferences": Route("get", ALL_200, ("unit_id",)),
    "conference": Route("get", ALL_200, ("conference_id",)),
    "conference_new": Route("get", ENTER_200, ("unit_id",)),
    "conference_edit": Route("get", ENTER_200, ("conference_id",)),
    "person": Route("get", ALL_200, ("person_id",)),
    "directions": Route("get", ALL_200, ("unit_id", "year")),
    "commendations": Route("get", ALL_200, ("unit_id", "year")),
    "party": Route("get", ALL_200, ("unit_id", "period")),
    "party_ratings": Route("post", ENTER_200, ("unit_id", "period")),
    "party_counts": Route("post", ENTER_200, ("unit_id", "period")),
    "party_admission": Route("post", ENTER_200, ("unit_id", "period")),
    "party_feed": Route(
        "post",
        {**ENTER_200, "vanphong": 302, "lanhdao": 302, "quantri": 302},
        ("unit_id", "period"),
    ),
}
PUBLIC = {"login": "get", "logout": "post"}


def web_route_names() -> set[str]:
    names: set[str] = set()

    def walk(patterns: list[Any]) -> None:
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                if pattern.namespace in (None, "web"):
                    walk(pattern.url_patterns)
            elif isinstance(pattern, URLPattern) and pattern.name:
                names.add(pattern.name)

    web = [p for p in get_resolver().url_patterns if isinstance(p, URLResolver)]
    walk([p for p in web if p.namespace == "web"])
    return names


def test_every_route_is_in_the_table() -> None:
    assert web_route_names() == set(ROUTES) | set(PUBLIC)


def place(unit: Unit, suffix: str) -> dict[str, Any]:
    """A unit with a result, and an imported document holding a draft of it."""
    indicator = Indicator.objects.get(code="health_insurance_coverage")
    result = save_result(ResultInput(unit, indicator, Period(2023), value=Decimal("91.5")))
    document = Document.objects.create(
        unit=unit,
        title=f"Báo cáo {suffix}",
        filename=f"bao-cao-{suffix}.txt",
        file_format="txt",
        sha256=suffix * 8,
        text="Tỷ lệ bao phủ bảo hiểm y tế đạt 92%.",
        year=2023,
    )
    draft = Result.objects.create(
        unit=unit,
        indicator=indicator,
        year=2023,
        value=Decimal(92),
        state=State.DRAFT,
        document=document,
        spans=[[31, 34]],
    )
    proposal = Proposal.objects.create(
        document=document,
        kind="member_count",
        payload={"counted_on": "2023-12-08", "official": 30, "probationary": 2},
    )
    province = Unit.objects.get(
        pk__in=units_above(unit), level=Level.PROVINCE, valid_to__isnull=True
    )
    bodies = [body_named(province, name) for name in ("UBND tỉnh", "Sở Nội vụ")]
    raised = RecommendationInput(unit, dt.date(2023, 3, 1), bodies[0], "Kiến nghị", "Nội dung")
    return {
        "recommendation_id": raise_recommendation(raised).pk,
        "_forms": {
            "recommendation_status": {"status": "in_progress"},
            "recommendation_forward": {"body": bodies[1].pk},
        },
        "proposal_id": proposal.pk,
        "unit_id": unit.pk,
        "period": "2023",
        "year": 2023,
        "code": indicator.code,
        "document_id": document.pk,
        "kind": "result",
        "record_id": draft.pk,
        "record_type": "result",
        "_result": result.pk,
        **review_objects(unit, suffix),
    }


@pytest.fixture
def inside() -> dict[str, Any]:
    return place(resolve_unit("phường Đập Đá", 2023), "a")


@pytest.fixture
def outside() -> dict[str, Any]:
    ward = Unit.objects.filter(
        parent__parent__code="01", level=Level.COMMUNE, valid_to__isnull=False
    )
    return place(ward.order_by("id").first(), "b")  # type: ignore[arg-type]


def request(client: Client, name: str, objects: dict[str, Any]) -> int:
    route = ROUTES[name]
    args = [objects[p] for p in route.params]
    if name in ("history", "provenance"):
        args = ["result", objects["_result"] if name == "history" else objects["record_id"]]
    url = reverse(f"web:{name}", args=args)
    data = objects["_forms"].get(name, {"action": "lock" if name == "lock" else "reject"})
    response = client.post(url, data) if route.method == "post" else client.get(url)
    return int(response.status_code)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", sorted(ROUTES))
def test_route_inside_scope(login: Any, inside: dict[str, Any], role: str, name: str) -> None:
    assert request(login(role), name, inside) == ROUTES[name].ok[role]


@pytest.mark.parametrize("role", ROLES[:3])
@pytest.mark.parametrize("name", sorted(n for n, r in ROUTES.items() if r.params))
def test_route_outside_scope_does_not_exist(
    login: Any, outside: dict[str, Any], role: str, name: str
) -> None:
    assert request(login(role), name, outside) == 404


@pytest.mark.parametrize("name", sorted(ROUTES))
def test_anonymous_visitors_are_sent_to_log_in(
    client: Client, inside: dict[str, Any], name: str
) -> None:
    route = ROUTES[name]
    args = [inside[p] for p in route.params]
    url = reverse(f"web:{name}", args=args)
    response = client.post(url) if route.method == "post" else client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("web:login"))


def test_user_without_a_role_sees_no_unit(client: Client, inside: dict[str, Any]) -> None:
    client.force_login(get_user_model().objects.create_user("khach", password="x"))
    assert client.get(reverse("web:unit", args=[inside["unit_id"]])).status_code == 404
    assert client.get(reverse("web:home")).status_code == 200
