"""People with their role history, and the bodies (cơ quan) that recommendations address."""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.db.models import Q

from tongket.units.models import Unit
from tongket.units.text import fold_name


class Person(models.Model):
    """One person across years: "đồng chí Vương Quang Khánh" of 2023 and of 2025 is one row."""

    full_name = models.CharField("họ và tên", max_length=120)
    name_folded = models.CharField(max_length=120, db_index=True, editable=False)
    note = models.TextField("ghi chú", blank=True)
    created_at = models.DateTimeField("tạo lúc", auto_now_add=True)

    class Meta:
        verbose_name = "người"
        verbose_name_plural = "người"
        ordering = ["full_name", "pk"]

    def __str__(self) -> str:
        return self.full_name

    def save(self, *args: object, **kwargs: object) -> None:
        self.name_folded = fold_name(self.full_name)
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    def titles_on(self, day: dt.date) -> list[str]:
        """The titles this person held on `day` (positions with no dates are not counted)."""
        return [p.title for p in self.positions.all() if p.held_on(day)]


class Position(models.Model):
    """A title a person held ("Bí thư Đảng ủy phường"), over a span of dates when known.

    `attested_on` is a day on which a document or a conference shows the title; a position
    read from an article has that date only.
    """

    person = models.ForeignKey(
        Person, verbose_name="người", on_delete=models.CASCADE, related_name="positions"
    )
    title = models.CharField("chức danh", max_length=300)
    unit = models.ForeignKey(
        Unit,
        verbose_name="đơn vị",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="positions",
    )
    since = models.DateField("từ ngày", null=True, blank=True)
    until = models.DateField("đến ngày", null=True, blank=True)
    attested_on = models.DateField("ghi nhận ngày", null=True, blank=True)
    document = models.ForeignKey(
        "documents.Document",
        verbose_name="văn bản nguồn",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="positions",
    )

    class Meta:
        verbose_name = "chức danh"
        verbose_name_plural = "quá trình công tác"
        ordering = ["person", "since", "attested_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(since__isnull=True)
                | Q(until__isnull=True)
                | Q(since__lte=models.F("until")),
                name="position_span_ordered",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} — {self.title}"

    def held_on(self, day: dt.date) -> bool:
        if self.since is None and self.until is None:
            return self.attested_on == day
        return (self.since is None or self.since <= day) and (
            self.until is None or day <= self.until
        )


class BodyKind(models.TextChoices):
    PARTY = "party", "Cấp ủy, tổ chức đảng"
    STANDING = "standing", "Thường trực, Ban Thường vụ"
    COUNCIL = "council", "Hội đồng nhân dân"
    COMMITTEE = "committee", "Ủy ban nhân dân"
    DEPARTMENT = "department", "Sở, phòng, ban chuyên môn"
    FRONT = "front", "Mặt trận, đoàn thể"
    OTHER = "other", "Khác"


class Body(models.Model):
    """A body of a unit that can be addressed: "UBND thị xã An Nhơn", "Sở Tài chính"."""

    unit = models.ForeignKey(
        Unit, verbose_name="đơn vị", on_delete=models.PROTECT, related_name="bodies"
    )
    name = models.CharField("tên cơ quan", max_length=200)
    kind = models.CharField("loại", max_length=12, choices=BodyKind.choices, default=BodyKind.OTHER)

    class Meta:
        verbose_name = "cơ quan"
        verbose_name_plural = "cơ quan"
        ordering = ["unit__level", "name"]
        constraints = [models.UniqueConstraint(fields=["unit", "name"], name="body_unique_name")]

    def __str__(self) -> str:
        return self.name
