"""Imported report documents: their text and what the reader found in them."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from tongket.units.models import Unit


class Document(models.Model):
    unit = models.ForeignKey(
        Unit, verbose_name="đơn vị", on_delete=models.PROTECT, related_name="documents"
    )
    title = models.CharField("tiêu đề", max_length=300)
    filename = models.CharField("tên tệp", max_length=300)
    file_format = models.CharField("định dạng", max_length=8)
    sha256 = models.CharField("mã băm", max_length=64, db_index=True)
    text = models.TextField("nội dung")
    extraction = models.JSONField("kết quả đọc", default=dict)
    year = models.PositiveSmallIntegerField("năm báo cáo", null=True, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người tải lên",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField("tải lên lúc", auto_now_add=True)

    class Meta:
        verbose_name = "văn bản"
        verbose_name_plural = "văn bản"
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "sha256"], name="document_unique_per_unit")
        ]

    def __str__(self) -> str:
        return self.title


class Proposal(models.Model):
    """Something the reader proposes from a document besides figures: the conference, its
    people, commendation counts, Party counts, recommendations and directions. Nothing is
    recorded until a person accepts it; `payload` is what will be recorded then.
    """

    class Kind(models.TextChoices):
        CONFERENCE = "conference", "Hội nghị và người dự"
        COMMENDATION = "commendation", "Khen thưởng"
        RECOMMENDATION = "recommendation", "Kiến nghị"
        PARTY_TALLY = "party_tally", "Xếp loại tổ chức đảng"
        MEMBER_COUNT = "member_count", "Số lượng đảng viên"
        DIRECTIONS = "directions", "Phương hướng, nhiệm vụ"

    class State(models.TextChoices):
        DRAFT = "draft", "Chờ duyệt"
        ACCEPTED = "accepted", "Đã duyệt"
        REJECTED = "rejected", "Đã loại"

    document = models.ForeignKey(
        Document, verbose_name="văn bản", on_delete=models.CASCADE, related_name="proposals"
    )
    kind = models.CharField("loại", max_length=16, choices=Kind.choices)
    payload = models.JSONField("nội dung đề xuất", default=dict)
    spans = models.JSONField("vị trí trong văn bản", default=list, blank=True)
    state = models.CharField("trạng thái", max_length=10, choices=State.choices, default="draft")
    record_id = models.PositiveIntegerField("bản ghi đã tạo", null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người duyệt",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField("duyệt lúc", null=True, blank=True)

    class Meta:
        verbose_name = "đề xuất từ văn bản"
        verbose_name_plural = "đề xuất từ văn bản"
        ordering = ["document", "pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.get_state_display()})"
