"""Review conferences and working sessions, directions for next year, and commendations."""

from __future__ import annotations

from django.db import models
from django.db.models import Q

from tongket.cycle.awards import commendation_forms, recipient_kinds
from tongket.cycle.conferences import conference_kinds, times_of_day
from tongket.people.models import Person
from tongket.results.models import Provenance, Target
from tongket.units.models import Unit


class Conference(Provenance):
    """A hội nghị tổng kết, sơ kết, kỳ họp HĐND or a working session with a superior."""

    unit = models.ForeignKey(
        Unit, verbose_name="đơn vị", on_delete=models.PROTECT, related_name="conferences"
    )
    kind = models.CharField("loại", max_length=20, choices=conference_kinds)
    title = models.CharField("tên hội nghị", max_length=400)
    held_on = models.DateField("ngày họp")
    time_of_day = models.CharField("buổi", max_length=10, choices=times_of_day, blank=True)
    starts_at = models.TimeField("giờ bắt đầu", null=True, blank=True)
    place = models.CharField("địa điểm", max_length=300, blank=True)
    period = models.CharField(
        "kỳ đánh giá", max_length=10, blank=True, help_text="Ví dụ: 2023, 2024-h1, 2024-m9."
    )
    opinions_count = models.PositiveIntegerField("số ý kiến phát biểu", null=True, blank=True)
    bodies_present = models.JSONField("cơ quan, tổ chức dự", default=list, blank=True)
    conclusions = models.TextField("kết luận của chủ trì", blank=True)
    reported_summaries = models.JSONField(
        "kết quả báo cáo nêu",
        default=list,
        blank=True,
        help_text="Như bài viết nêu: [[14, 15]] là “14/15 chỉ tiêu đạt và vượt”.",
    )

    class Meta:
        verbose_name = "hội nghị"
        verbose_name_plural = "hội nghị"
        ordering = ["-held_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.title} ({self.held_on:%d/%m/%Y})"


class Part(models.TextChoices):
    CHAIR = "chair", "Chủ trì"
    GUEST = "guest", "Dự"
    REPORTER = "reporter", "Báo cáo"
    SPEAKER = "speaker", "Phát biểu"


class Attendance(models.Model):
    """A person at a conference, with the title they held then, as written."""

    conference = models.ForeignKey(
        Conference, verbose_name="hội nghị", on_delete=models.CASCADE, related_name="attendances"
    )
    person = models.ForeignKey(
        Person, verbose_name="người", on_delete=models.PROTECT, related_name="attendances"
    )
    title = models.CharField("chức danh lúc đó", max_length=400, blank=True)
    part = models.CharField("vai trò", max_length=10, choices=Part.choices, default=Part.GUEST)
    order = models.PositiveSmallIntegerField("thứ tự", default=0)

    class Meta:
        verbose_name = "người dự"
        verbose_name_plural = "người dự"
        ordering = ["conference", "order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["conference", "person"], name="attendance_unique")
        ]

    def __str__(self) -> str:
        return f"{self.person} — {self.get_part_display()}"


class AttachmentRole(models.TextChoices):
    REPORT = "report", "Báo cáo"
    MINUTES = "minutes", "Biên bản"
    OTHER = "other", "Tài liệu khác"


class ConferenceDocument(models.Model):
    conference = models.ForeignKey(
        Conference, verbose_name="hội nghị", on_delete=models.CASCADE, related_name="attachments"
    )
    document = models.ForeignKey(
        "documents.Document",
        verbose_name="văn bản",
        on_delete=models.PROTECT,
        related_name="conference_attachments",
    )
    role = models.CharField(
        "loại tài liệu",
        max_length=10,
        choices=AttachmentRole.choices,
        default=AttachmentRole.REPORT,
    )

    class Meta:
        verbose_name = "tài liệu hội nghị"
        verbose_name_plural = "tài liệu hội nghị"
        constraints = [
            models.UniqueConstraint(fields=["conference", "document"], name="attachment_unique")
        ]


class Direction(Provenance):
    """One item of "phương hướng, nhiệm vụ trọng tâm" for `year`, and the targets it produced."""

    unit = models.ForeignKey(
        Unit, verbose_name="đơn vị", on_delete=models.PROTECT, related_name="directions"
    )
    year = models.PositiveSmallIntegerField("năm thực hiện")
    order = models.PositiveSmallIntegerField("thứ tự", default=0)
    text = models.TextField("nội dung")
    conference = models.ForeignKey(
        Conference,
        verbose_name="hội nghị",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="directions",
    )
    targets = models.ManyToManyField(
        Target, verbose_name="chỉ tiêu", blank=True, related_name="directions"
    )

    class Meta:
        verbose_name = "phương hướng, nhiệm vụ"
        verbose_name_plural = "phương hướng, nhiệm vụ"
        ordering = ["unit", "year", "order", "pk"]

    def __str__(self) -> str:
        return f"{self.year} ({self.order}) {self.text[:60]}"


class Commendation(Provenance):
    """Giấy khen, bằng khen, kỷ niệm chương or a title, to collectives or persons.

    `quantity` counts recipients that are not named one by one ("2 tập thể").
    """

    unit = models.ForeignKey(
        Unit, verbose_name="đơn vị", on_delete=models.PROTECT, related_name="commendations"
    )
    year = models.PositiveSmallIntegerField("năm")
    awarded_on = models.DateField("ngày trao", null=True, blank=True)
    awarding_body = models.CharField("cấp khen", max_length=300)
    form = models.CharField("hình thức", max_length=20, choices=commendation_forms)
    title = models.CharField("tên khen thưởng", max_length=300, blank=True)
    recipient_kind = models.CharField("đối tượng", max_length=12, choices=recipient_kinds)
    quantity = models.PositiveIntegerField("số lượng", default=1)
    recipient_name = models.CharField("tên tập thể, cá nhân", max_length=300, blank=True)
    person = models.ForeignKey(
        Person,
        verbose_name="cá nhân",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="commendations",
    )
    reason = models.TextField("lý do", blank=True)
    decision = models.CharField("số quyết định", max_length=100, blank=True)
    conference = models.ForeignKey(
        Conference,
        verbose_name="hội nghị",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="commendations",
    )

    class Meta:
        verbose_name = "khen thưởng"
        verbose_name_plural = "khen thưởng"
        ordering = ["-year", "form", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(quantity__gte=1), name="commendation_quantity")
        ]

    def __str__(self) -> str:
        who = self.recipient_name or f"{self.quantity} {self.get_recipient_kind_display()}"
        return f"{self.get_form_display()} — {who} ({self.year})"
