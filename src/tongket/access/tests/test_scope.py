"""Scopes of the four roles over the demo units, through the tree and through lineage."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model

from tongket.access.models import Membership, Role
from tongket.access.scope import scope_of
from tongket.units.lookup import lineage_predecessor_ids, lineage_successors, resolve_unit
from tongket.units.models import Level, Unit

pytestmark = pytest.mark.django_db


def scope_for(username: str):  # type: ignore[no-untyped-def]
    return scope_of(get_user_model().objects.get(username=username))


def current(code: str) -> Unit:
    return Unit.objects.current().select_related("parent").get(code=code)


def dap_da() -> Unit:
    return resolve_unit("phường Đập Đá", 2023)


def ha_noi_ward() -> Unit:
    return Unit.objects.current().filter(parent__code="01", level=Level.COMMUNE).first()  # type: ignore[return-value]


def test_office_enters_own_unit_and_its_past_but_nothing_outside() -> None:
    scope = scope_for("vanphong")
    an_nhon = current("21910")
    assert scope.can_view(an_nhon) and scope.can_enter(an_nhon)
    assert scope.can_view(dap_da()) and scope.can_enter(dap_da())
    assert not scope.can_lock(an_nhon)
    assert not scope.can_assign(an_nhon)
    assert not scope.can_compare(an_nhon)
    assert not scope.can_view(ha_noi_ward())
    assert not scope.can_view(an_nhon.parent)  # the province above is not theirs


def test_leader_locks_and_enters_their_unit() -> None:
    scope = scope_for("lanhdao")
    an_nhon = current("21910")
    assert scope.can_enter(an_nhon) and scope.can_lock(an_nhon) and scope.can_lock(dap_da())
    assert not scope.can_view(ha_noi_ward())


def test_superior_reads_and_assigns_below_but_enters_nothing() -> None:
    scope = scope_for("captren")
    gia_lai, an_nhon = current("52"), current("21910")
    assert scope.can_view(gia_lai) and scope.can_compare(gia_lai)
    assert scope.can_view(an_nhon) and scope.can_assign(an_nhon)
    assert scope.can_view(dap_da()) and scope.can_assign(dap_da())
    assert not scope.can_enter(an_nhon)
    assert not scope.can_assign(gia_lai)  # not above itself
    assert not scope.can_view(ha_noi_ward())


def test_admin_sees_everything() -> None:
    scope = scope_for("quantri")
    assert scope.is_admin and scope.can_view(ha_noi_ward()) and scope.can_enter(ha_noi_ward())


def test_user_without_membership_sees_nothing() -> None:
    user = get_user_model().objects.create_user("khach", password="x")
    scope = scope_of(user)
    assert scope.is_empty and not scope.can_view(current("21910"))


def test_visible_filter_holds_tree_and_lineage() -> None:
    scope = scope_for("vanphong")
    visible = Unit.objects.filter(scope.visible_filter())
    assert visible.filter(pk=current("21910").pk).exists()
    assert visible.filter(pk=dap_da().pk).exists()
    assert not visible.filter(pk=ha_noi_ward().pk).exists()


def test_lineage_walks_both_ways() -> None:
    old = dap_da()
    assert current("21910") in lineage_successors(old)
    assert old.pk in lineage_predecessor_ids([current("21910").pk])


def test_membership_needs_a_unit_unless_admin() -> None:
    from django.db import IntegrityError, transaction

    user = get_user_model().objects.create_user("thieu", password="x")
    with pytest.raises(IntegrityError), transaction.atomic():
        Membership.objects.create(user=user, role=Role.OFFICE, unit=None)


def test_admin_edits_roles_on_the_user_page(client) -> None:  # type: ignore[no-untyped-def]
    user = get_user_model().objects.get(username="vanphong")
    client.force_login(get_user_model().objects.get(username="quantri"))
    page = client.get(f"/admin/auth/user/{user.pk}/change/")
    text = page.content.decode()
    assert page.status_code == 200
    assert "Cán bộ văn phòng" in text and "memberships-0-role" in text
    assert client.get("/admin/access/membership/?q=vanphong").status_code == 200
    assert client.get("/admin/indicators/indicator/").status_code == 200


def test_staff_without_the_admin_role_cannot_open_the_admin(client) -> None:  # type: ignore[no-untyped-def]
    client.force_login(get_user_model().objects.get(username="captren"))
    assert client.get("/admin/").status_code == 302
