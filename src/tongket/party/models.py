"""Party organisation and member ratings per year or quarter, membership counts, admissions."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q

from tongket.cycle.ratings import grade_choices
from tongket.people.models import Person
from tongket.results.models import Provenance
from tongket.units.models import Unit


class Subject(models.TextChoices):
    ORGANISATION = "organisation", "Tổ chức đảng"
    MEMBER = "member", "Đảng viên"


class Rating(models.Model):
    """The grade of one Party organisation (chi bộ) or member, given by the Đảng bộ of `unit`."""

    unit = models.ForeignKey(
        Unit, verbose_name="đảng bộ", on_delete=models.PROTECT, related_name="party_ratings"
    )
    period = models.CharField("kỳ", max_length=10, help_text="2025 hoặc 2025-q3.")
    year = models.PositiveSmallIntegerField("năm")
    subject = models.CharField("đối tượng", max_length=12, choices=Subject.choices)
    name = models.CharField("tên chi bộ / đảng viên", max_length=200)
    subject_unit = models.ForeignKey(
        Unit,
        verbose_name="chi bộ",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="ratings_received",
    )
    person = models.ForeignKey(
        Person,
        verbose_name="đảng viên",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="party_ratings",
    )
    grade = models.CharField("xếp loại", max_length=8, choices=grade_choices)
    score = models.DecimalField("điểm", max_digits=5, decimal_places=2, null=True, blank=True)
    rules = models.CharField("quy định áp dụng", max_length=20)
    note = models.TextField("ghi chú", blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người nhập",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    updated_at = models.DateTimeField("cập nhật lúc", auto_now=True)

    class Meta:
        verbose_name = "xếp loại"
        verbose_name_plural = "xếp loại"
        ordering = ["unit", "-period", "subject", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "period", "subject", "name"], name="rating_unique_subject"
            ),
            models.CheckConstraint(
                condition=Q(score__isnull=True) | (Q(score__gte=0) & Q(score__lte=100)),
                name="rating_score_range",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} — {self.get_grade_display()} ({self.period})"


class Tally(Provenance):
    """How many organisations or members got each grade in a period.

    Computed from the ratings when they are entered one by one; entered as counts, or read
    from a report, when only the counts are known ("13/13 chi bộ HTTNV, 02 HTXSNV").
    """

    unit = models.ForeignKey(
        Unit, verbose_name="đảng bộ", on_delete=models.PROTECT, related_name="party_tallies"
    )
    period = models.CharField("kỳ", max_length=10)
    year = models.PositiveSmallIntegerField("năm")
    subject = models.CharField("đối tượng", max_length=12, choices=Subject.choices)
    total = models.PositiveIntegerField("tổng số")
    excellent = models.PositiveIntegerField("HTXSNV", default=0)
    good = models.PositiveIntegerField("HTTNV", default=0)
    done = models.PositiveIntegerField("HTNV", default=0)
    failed = models.PositiveIntegerField("KHTNV", default=0)
    computed = models.BooleanField("tính từ xếp loại từng đối tượng", default=False)

    class Meta:
        verbose_name = "tổng hợp xếp loại"
        verbose_name_plural = "tổng hợp xếp loại"
        ordering = ["unit", "-period", "subject"]
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "period", "subject"],
                condition=Q(state="accepted"),
                name="tally_unique_accepted",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_subject_display()} {self.period}: {self.total}"

    @property
    def good_or_better(self) -> int:
        return self.excellent + self.good


class MemberCount(Provenance):
    """Party members of the Đảng bộ of `unit` on a day: chính thức and dự bị."""

    unit = models.ForeignKey(
        Unit, verbose_name="đảng bộ", on_delete=models.PROTECT, related_name="member_counts"
    )
    counted_on = models.DateField("tính đến ngày")
    official = models.PositiveIntegerField("đảng viên chính thức")
    probationary = models.PositiveIntegerField("đảng viên dự bị")

    class Meta:
        verbose_name = "số lượng đảng viên"
        verbose_name_plural = "số lượng đảng viên"
        ordering = ["unit", "-counted_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "counted_on"],
                condition=Q(state="accepted"),
                name="member_count_unique_accepted",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.unit}: {self.total} đảng viên ({self.counted_on:%d/%m/%Y})"

    @property
    def total(self) -> int:
        return self.official + self.probationary


class Admission(models.Model):
    """One new Party member admitted (kết nạp); counted into the indicator new_party_members."""

    unit = models.ForeignKey(
        Unit, verbose_name="đảng bộ", on_delete=models.PROTECT, related_name="admissions"
    )
    name = models.CharField("họ và tên", max_length=120)
    person = models.ForeignKey(
        Person,
        verbose_name="người",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="admissions",
    )
    cell = models.CharField("chi bộ", max_length=200, blank=True)
    admitted_on = models.DateField("ngày kết nạp")
    decision = models.CharField("số quyết định", max_length=100, blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người nhập",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField("tạo lúc", auto_now_add=True)

    class Meta:
        verbose_name = "kết nạp đảng viên"
        verbose_name_plural = "kết nạp đảng viên"
        ordering = ["unit", "-admitted_on", "name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.admitted_on:%d/%m/%Y})"
