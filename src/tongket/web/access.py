"""Server-side checks of every view: a unit outside the user's scope does not exist for them."""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.functional import SimpleLazyObject

from tongket.access.scope import Scope, scope_of
from tongket.units.models import Unit

Need = Literal["view", "enter", "lock", "assign", "compare"]

REFUSALS: dict[Need, str] = {
    "view": "Bạn không có quyền xem đơn vị này.",
    "enter": "Bạn không có quyền nhập hoặc sửa số liệu của đơn vị này.",
    "lock": "Chỉ lãnh đạo đơn vị mới được chốt hoặc mở khóa số liệu.",
    "assign": "Chỉ cấp trên mới được giao chỉ tiêu cho đơn vị này.",
    "compare": "Bạn không có quyền so sánh các đơn vị trực thuộc đơn vị này.",
}


def scope_middleware(get_response: Callable[[HttpRequest], HttpResponse]) -> Callable[..., object]:
    """Attach `request.scope`, computed once per request when first used."""

    def middleware(request: HttpRequest) -> HttpResponse:
        request.scope = SimpleLazyObject(lambda: scope_of(request.user))  # type: ignore[attr-defined]
        return get_response(request)

    return middleware


def request_scope(request: HttpRequest) -> Scope:
    scope: Scope = request.scope  # type: ignore[attr-defined]
    return scope


def allowed(scope: Scope, unit: Unit, need: Need) -> bool:
    checks: dict[Need, Callable[[Unit], bool]] = {
        "view": scope.can_view,
        "enter": scope.can_enter,
        "lock": scope.can_lock,
        "assign": scope.can_assign,
        "compare": scope.can_compare,
    }
    return checks[need](unit)


def unit_for(request: HttpRequest, unit_id: int, need: Need = "view") -> Unit:
    """The unit `unit_id` if the user may `need` it: 404 outside scope, 403 without the right."""
    unit = Unit.objects.select_related("parent__parent__parent").filter(pk=unit_id).first()
    scope = request_scope(request)
    if unit is None or not scope.can_view(unit):
        raise Http404("Không tìm thấy đơn vị.")
    if not allowed(scope, unit, need):
        raise PermissionDenied(REFUSALS[need])
    return unit


def acting_user(request: HttpRequest) -> User | None:
    """The logged-in user, to record as having made a change."""
    return request.user if isinstance(request.user, User) else None


def permissions(request: HttpRequest, unit: Unit) -> dict[str, bool]:
    """What the page may offer on `unit` (the server checks again on every action)."""
    scope = request_scope(request)
    return {
        "can_enter": scope.can_enter(unit),
        "can_lock": scope.can_lock(unit),
        "can_assign": scope.can_assign(unit),
        "can_compare": scope.can_compare(unit),
    }
