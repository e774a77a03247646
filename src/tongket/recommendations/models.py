"""Recommendations (kiến nghị, đề xuất) sent up to a body, their answers and every change."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q

from tongket.cycle.workflow import Status, status_choices
from tongket.people.models import Body
from tongket.results.models import Provenance
from tongket.units.models import Unit


class Recommendation(Provenance):
    unit = models.ForeignKey(
        Unit,
        verbose_name="đơn vị kiến nghị",
        on_delete=models.PROTECT,
        related_name="recommendations_raised",
    )
    conference = models.ForeignKey(
        "review.Conference",
        verbose_name="nêu tại hội nghị",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="recommendations",
    )
    raised_on = models.DateField("ngày kiến nghị")
    addressee = models.ForeignKey(
        Body, verbose_name="gửi đến", on_delete=models.PROTECT, related_name="inbox"
    )
    topic = models.CharField("lĩnh vực, chủ đề", max_length=200)
    text = models.TextField("nội dung")
    assignee = models.ForeignKey(
        Body,
        verbose_name="cơ quan được giao giải quyết",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="assigned",
    )
    deadline = models.DateField("hạn giải quyết", null=True, blank=True)
    status = models.CharField(
        "tình trạng", max_length=12, choices=status_choices, default=Status.NEW.value
    )
    answer = models.TextField("nội dung trả lời", blank=True)
    answered_on = models.DateField("ngày trả lời", null=True, blank=True)
    report_back_to = models.ForeignKey(
        Body,
        verbose_name="báo cáo lại",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="reports_back",
    )

    class Meta:
        verbose_name = "kiến nghị"
        verbose_name_plural = "kiến nghị"
        ordering = ["-raised_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(deadline__isnull=True) | Q(deadline__gte=F("raised_on")),
                name="recommendation_deadline_after_raising",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.topic} ({self.unit})"


class Change(models.Model):
    """One recorded change of a recommendation: raised, status, forwarded, edited."""

    class Action(models.TextChoices):
        RAISED = "raised", "Gửi kiến nghị"
        STATUS = "status", "Đổi tình trạng"
        FORWARDED = "forwarded", "Chuyển cơ quan"
        EDITED = "edited", "Sửa nội dung"

    recommendation = models.ForeignKey(
        Recommendation, verbose_name="kiến nghị", on_delete=models.CASCADE, related_name="changes"
    )
    action = models.CharField("thao tác", max_length=10, choices=Action.choices)
    from_status = models.CharField("từ", max_length=12, blank=True)
    to_status = models.CharField("thành", max_length=12, blank=True)
    details = models.JSONField("chi tiết", default=dict, blank=True)
    note = models.TextField("ghi chú", blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người thực hiện",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    at = models.DateTimeField("lúc", auto_now_add=True)

    class Meta:
        verbose_name = "thay đổi kiến nghị"
        verbose_name_plural = "thay đổi kiến nghị"
        ordering = ["recommendation", "at", "pk"]

    def __str__(self) -> str:
        return f"{self.get_action_display()} {self.from_status}→{self.to_status}"
