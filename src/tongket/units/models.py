"""Administrative units, their sub-units, and their lineage across reorganisations."""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.db.models import Q

from tongket.units.text import folded_full_name, kind_word


class Level(models.TextChoices):
    PROVINCE = "province", "Cấp tỉnh"
    DISTRICT = "district", "Cấp huyện"
    COMMUNE = "commune", "Cấp xã"
    SUBUNIT = "subunit", "Dưới cấp xã"


class Source(models.TextChoices):
    GSO = "gso", "Danh mục của Tổng cục Thống kê"
    USER = "user", "Do người dùng thêm"


class UnitQuerySet(models.QuerySet["Unit"]):
    def valid_on(self, day: dt.date) -> UnitQuerySet:
        return self.filter(
            Q(valid_from__isnull=True) | Q(valid_from__lte=day),
            Q(valid_to__isnull=True) | Q(valid_to__gte=day),
        )

    def valid_during(self, start: dt.date, end: dt.date) -> UnitQuerySet:
        return self.filter(
            Q(valid_from__isnull=True) | Q(valid_from__lte=end),
            Q(valid_to__isnull=True) | Q(valid_to__gte=start),
        )

    def current(self) -> UnitQuerySet:
        return self.filter(valid_to__isnull=True)


class Unit(models.Model):
    """A province, district, commune-level unit or a sub-unit, valid over a span of dates.

    The same GSO code may be held by a unit before and after a reorganisation; such
    units are separate rows linked by `Succession`.
    """

    code = models.CharField("mã", max_length=20, blank=True, db_index=True)
    kind = models.CharField("loại", max_length=64)
    level = models.CharField("cấp", max_length=16, choices=Level.choices)
    name = models.CharField("tên", max_length=200)
    name_folded = models.CharField(max_length=200, db_index=True, editable=False)
    parent = models.ForeignKey(
        "self",
        verbose_name="đơn vị cấp trên",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    valid_from = models.DateField("hiệu lực từ", null=True, blank=True)
    valid_to = models.DateField("hiệu lực đến", null=True, blank=True)
    source = models.CharField("nguồn", max_length=8, choices=Source.choices, default=Source.USER)
    note = models.TextField("ghi chú", blank=True)

    objects = UnitQuerySet.as_manager()

    class Meta:
        verbose_name = "đơn vị"
        verbose_name_plural = "đơn vị"
        ordering = ["level", "code", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["code"],
                condition=Q(valid_to__isnull=True) & ~Q(code=""),
                name="unit_code_unique_current",
            ),
            models.UniqueConstraint(
                fields=["code", "valid_to"],
                condition=Q(valid_to__isnull=False) & ~Q(code=""),
                name="unit_code_unique_past",
            ),
            models.CheckConstraint(
                condition=Q(valid_from__isnull=True)
                | Q(valid_to__isnull=True)
                | Q(valid_from__lte=models.F("valid_to")),
                name="unit_valid_span_ordered",
            ),
        ]

    def __str__(self) -> str:
        return self.full_name

    def save(self, *args: object, **kwargs: object) -> None:
        self.name_folded = folded_full_name(self.kind, self.name)
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    @property
    def full_name(self) -> str:
        word = kind_word(self.kind)
        return f"{word[:1].upper()}{word[1:]} {self.name}"

    @property
    def is_current(self) -> bool:
        return self.valid_to is None

    def was_valid_during(self, start: dt.date, end: dt.date) -> bool:
        starts_ok = self.valid_from is None or self.valid_from <= end
        ends_ok = self.valid_to is None or self.valid_to >= start
        return starts_ok and ends_ok

    def ancestors(self) -> list[Unit]:
        chain: list[Unit] = []
        node = self.parent
        while node is not None:
            chain.append(node)
            node = node.parent
        return chain

    def path_name(self) -> str:
        """ "Phường Đập Đá, Thị xã An Nhơn, Tỉnh Bình Định"."""
        return ", ".join(u.full_name for u in [self, *self.ancestors()])


class SuccessionKind(models.TextChoices):
    MERGE = "merge", "Sáp nhập"
    SPLIT = "split", "Chia tách"
    RENAME = "rename", "Đổi tên"
    REORGANISE = "reorganise", "Sắp xếp lại"


class Succession(models.Model):
    """One edge of lineage: `predecessor` became (all or part of) `successor` on `date`."""

    predecessor = models.ForeignKey(
        Unit, verbose_name="đơn vị trước", on_delete=models.CASCADE, related_name="successions"
    )
    successor = models.ForeignKey(
        Unit, verbose_name="đơn vị sau", on_delete=models.CASCADE, related_name="predecessions"
    )
    date = models.DateField("ngày hiệu lực")
    kind = models.CharField(
        "hình thức", max_length=16, choices=SuccessionKind.choices, default=SuccessionKind.MERGE
    )
    partial = models.BooleanField("một phần", default=False)
    basis = models.CharField("căn cứ", max_length=300, blank=True)

    class Meta:
        verbose_name = "kế thừa đơn vị"
        verbose_name_plural = "kế thừa đơn vị"
        constraints = [
            models.UniqueConstraint(
                fields=["predecessor", "successor"], name="succession_unique_pair"
            ),
            models.CheckConstraint(
                condition=~Q(predecessor=models.F("successor")), name="succession_not_self"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.predecessor} → {self.successor} ({self.date:%d/%m/%Y})"
