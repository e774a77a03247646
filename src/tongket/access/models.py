"""A user's role over a unit: the unit and everything below it is their scope."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from tongket.units.models import Unit


class Role(models.TextChoices):
    OFFICE = "office", "Cán bộ văn phòng"
    LEADER = "leader", "Lãnh đạo"
    SUPERIOR = "superior", "Cấp trên"
    ADMIN = "admin", "Quản trị"


class Membership(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người dùng",
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    role = models.CharField("vai trò", max_length=10, choices=Role.choices)
    unit = models.ForeignKey(
        Unit,
        verbose_name="đơn vị",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="memberships",
        help_text="Để trống với vai trò quản trị (toàn hệ thống).",
    )

    class Meta:
        verbose_name = "vai trò"
        verbose_name_plural = "vai trò"
        constraints = [
            models.UniqueConstraint(fields=["user", "role", "unit"], name="membership_unique"),
            models.CheckConstraint(
                condition=models.Q(role="admin") | models.Q(unit__isnull=False),
                name="membership_unit_unless_admin",
            ),
        ]

    def __str__(self) -> str:
        where = self.unit.full_name if self.unit is not None else "toàn hệ thống"
        return f"{self.user} — {self.get_role_display()} — {where}"
