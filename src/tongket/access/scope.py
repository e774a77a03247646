"""A user's scope: the units they may see, enter, lock or assign targets to.

A membership over a unit covers the unit and every unit below it, and the units that
became any of these (history survives mergers: the office of a merged ward keeps the
records of the wards merged into it). Checks are made on the server for every object.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.contrib.auth.models import AnonymousUser, User
from django.db.models import Q

from tongket.access.models import Membership, Role
from tongket.units.lookup import lineage_predecessor_ids, lineage_successors
from tongket.units.models import Unit

ENTRY_ROLES = frozenset({Role.OFFICE, Role.LEADER})
TREE_DEPTH = 4  # province → district → commune → sub-unit


@dataclass
class Scope:
    is_admin: bool
    roots: dict[int, set[str]]  # unit id → roles held over it
    _cache: dict[int, set[str]] = field(default_factory=dict)
    _lineage: dict[int, list[Unit]] = field(default_factory=dict)

    def successors(self, unit: Unit) -> list[Unit]:
        """`lineage_successors(unit)`, read once per scope (one request)."""
        if unit.pk not in self._lineage:
            self._lineage[unit.pk] = lineage_successors(unit)
        return self._lineage[unit.pk]

    @property
    def is_empty(self) -> bool:
        return not self.is_admin and not self.roots

    def roles_over(self, unit: Unit) -> set[str]:
        """The roles this user holds over `unit` (through its parents or its successors)."""
        if unit.pk not in self._cache:
            roles: set[str] = set()
            for node in self.successors(unit):
                for holder in [node, *node.ancestors()]:
                    roles |= self.roots.get(holder.pk, set())
            if not roles and unit.parent is not None:
                # a unit that ended with its parent (a district, dissolved in 2025) is in
                # the scope of whoever holds what its parent became
                roles = self.roles_over(unit.parent)
            self._cache[unit.pk] = roles
        return self._cache[unit.pk]

    def can_view(self, unit: Unit) -> bool:
        return self.is_admin or bool(self.roles_over(unit))

    def can_enter(self, unit: Unit) -> bool:
        """Enter and correct targets and results of `unit`."""
        return self.is_admin or bool(self.roles_over(unit) & ENTRY_ROLES)

    def can_lock(self, unit: Unit) -> bool:
        """Lock (chốt số liệu) and unlock the periods of `unit`."""
        return self.is_admin or Role.LEADER in self.roles_over(unit)

    def can_assign(self, unit: Unit) -> bool:
        """Assign targets to `unit` as its superior: a superior of a unit above it."""
        return self.is_admin or self.superior_unit_over(unit) is not None

    def superior_unit_over(self, unit: Unit) -> Unit | None:
        """The unit above `unit` (or above what it became) where the user is a superior."""
        for node in self.successors(unit):
            for ancestor in node.ancestors():
                if Role.SUPERIOR in self.roots.get(ancestor.pk, set()):
                    return ancestor
        return None

    def can_compare(self, unit: Unit) -> bool:
        """Compare the units below `unit`: superiors over it, its leaders and the admin."""
        return self.is_admin or bool(self.roles_over(unit) & {Role.SUPERIOR, Role.LEADER})

    def root_units(self) -> list[Unit]:
        units = Unit.objects.filter(pk__in=self.roots).select_related("parent__parent")
        return sorted(units, key=lambda u: (u.level, u.name_folded))

    def tree_filter(self) -> Q:
        """A filter of `Unit` rows at or below the user's units."""
        ids = list(self.roots)
        condition = Q(pk__in=ids)
        path = "parent"
        for _ in range(TREE_DEPTH):
            condition |= Q(**{f"{path}__in": ids})
            path += "__parent"
        return condition

    def visible_filter(self) -> Q:
        """A filter of `Unit` rows in scope: the tree, and the units that became part of it
        (with their own sub-units)."""
        if self.is_admin:
            return Q()
        tree = self.tree_filter()
        tree_ids = list(Unit.objects.filter(tree).values_list("pk", flat=True))
        past = list(lineage_predecessor_ids(tree_ids))
        return tree | Q(pk__in=past) | Q(parent__in=past)


def scope_of(user: User | AnonymousUser) -> Scope:
    if not user.is_authenticated:
        return Scope(is_admin=False, roots={})
    memberships = Membership.objects.filter(user_id=user.pk)
    roots: dict[int, set[str]] = {}
    is_admin = bool(getattr(user, "is_superuser", False))
    for membership in memberships:
        if membership.role == Role.ADMIN:
            is_admin = True
        elif membership.unit_id is not None:
            roots.setdefault(membership.unit_id, set()).add(membership.role)
    return Scope(is_admin=is_admin, roots=roots)
