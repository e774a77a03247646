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
