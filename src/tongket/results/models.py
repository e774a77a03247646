"""Targets (chỉ tiêu) and results (kết quả) of a unit, with provenance and revisions."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q

from tongket.indicators.models import Indicator
from tongket.periods import Period, PeriodKind
from tongket.units.models import Unit


class State(models.TextChoices):
    DRAFT = "draft", "Chờ duyệt"
    ACCEPTED = "accepted", "Đã duyệt"
    REJECTED = "rejected", "Đã loại"


class Comparator(models.TextChoices):
    GE = ">=", "≥ (từ … trở lên)"
    GT = ">", "> (trên, hơn)"
    LE = "<=", "≤ (không quá)"
    LT = "<", "< (dưới)"
    EQ = "=", "= (bằng)"


class Basis(models.TextChoices):
    ASSIGNED = "assigned", "Cấp trên giao"
    RESOLUTION = "resolution", "Nghị quyết của đơn vị"


class Assessment(models.TextChoices):
    """A person's judgement where no number decides; values match scorecard.Status."""

    EXCEEDED = "vuot", "Vượt"
    MET = "dat", "Đạt"
    NOT_MET = "khong_dat", "Không đạt"


PERIOD_CHOICES = [
    (PeriodKind.YEAR.value, "Cả năm"),
    (PeriodKind.HALF.value, "6 tháng"),
    (PeriodKind.NINE_MONTHS.value, "9 tháng"),
    (PeriodKind.QUARTER.value, "Quý"),
    (PeriodKind.MONTH.value, "Tháng"),
]


class Provenance(models.Model):
    """Where a figure came from: a person, or a span of an imported document."""

    state = models.CharField(
        "trạng thái", max_length=10, choices=State.choices, default=State.ACCEPTED
    )
    document = models.ForeignKey(
        "documents.Document",
        verbose_name="văn bản nguồn",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="%(class)ss",
    )
    spans = models.JSONField("vị trí trong văn bản", default=list, blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người nhập",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    note = models.TextField("ghi chú", blank=True)
    created_at = models.DateTimeField("tạo lúc", auto_now_add=True)
    updated_at = models.DateTimeField("cập nhật lúc", auto_now=True)
    version = models.PositiveIntegerField("phiên bản", default=1)

    class Meta:
        abstract = True


class Target(Provenance):
    unit = models.ForeignKey(
        Unit, verbose_name="đơn vị", on_delete=models.PROTECT, related_name="targets"
    )
    indicator = models.ForeignKey(
        Indicator, verbose_name="chỉ tiêu", on_delete=models.PROTECT, related_name="targets"
    )
    year = models.PositiveSmallIntegerField("năm")
    amount = models.DecimalField(
        "mức chỉ tiêu", max_digits=24, decimal_places=6, null=True, blank=True
    )
    comparator = models.CharField("so sánh", max_length=2, choices=Comparator.choices, blank=True)
    maintain = models.BooleanField("duy trì", default=False)
    basis = models.CharField(
        "căn cứ", max_length=12, choices=Basis.choices, default=Basis.RESOLUTION
    )
    assigned_by = models.ForeignKey(
        Unit,
        verbose_name="đơn vị giao",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="assigned_targets",
    )
    split_from = models.ForeignKey(
        "self",
        verbose_name="phân bổ từ chỉ tiêu",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="shares",
    )

    class Meta:
        verbose_name = "chỉ tiêu kế hoạch"
        verbose_name_plural = "chỉ tiêu kế hoạch"
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "indicator", "year"],
                condition=Q(state="accepted"),
                name="target_unique_accepted",
            ),
        ]
        indexes = [models.Index(fields=["unit", "year"])]

    def __str__(self) -> str:
        return f"{self.indicator} {self.year} — {self.unit}"


class Result(Provenance):
    unit = models.ForeignKey(
        Unit, verbose_name="đơn vị", on_delete=models.PROTECT, related_name="results"
    )
    indicator = models.ForeignKey(
        Indicator, verbose_name="chỉ tiêu", on_delete=models.PROTECT, related_name="results"
    )
    year = models.PositiveSmallIntegerField("năm")
    period_kind = models.CharField(
        "kỳ", max_length=8, choices=PERIOD_CHOICES, default=PeriodKind.YEAR.value
    )
    period_number = models.PositiveSmallIntegerField("số kỳ", default=0)
    value = models.DecimalField("giá trị", max_digits=24, decimal_places=6, null=True, blank=True)
    percent_of_plan = models.DecimalField(
        "% kế hoạch", max_digits=14, decimal_places=4, null=True, blank=True
    )
    numerator = models.DecimalField("tử số", max_digits=24, decimal_places=6, null=True, blank=True)
    denominator = models.DecimalField(
        "mẫu số", max_digits=24, decimal_places=6, null=True, blank=True
    )
    is_estimate = models.BooleanField("ước tính", default=False)
    assessed = models.CharField("đánh giá", max_length=12, choices=Assessment.choices, blank=True)

    class Meta:
        verbose_name = "kết quả"
        verbose_name_plural = "kết quả"
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "indicator", "year", "period_kind", "period_number"],
                condition=Q(state="accepted"),
                name="result_unique_accepted",
            ),
        ]
        indexes = [models.Index(fields=["unit", "year"])]

    def __str__(self) -> str:
        return f"{self.indicator} {self.period.label} — {self.unit}"

    @property
    def period(self) -> Period:
        return Period(self.year, PeriodKind(self.period_kind), self.period_number)


class Revision(models.Model):
    """One change of a target or result: who, when, what before and after, and why."""

    class Action(models.TextChoices):
        CREATE = "create", "Tạo mới"
        UPDATE = "update", "Sửa"
        ACCEPT = "accept", "Duyệt"
        REJECT = "reject", "Loại"
        DELETE = "delete", "Xóa"

    record_type = models.CharField("loại", max_length=10)  # "target" or "result"
    record_id = models.BigIntegerField("mã bản ghi")
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+")
    action = models.CharField("thao tác", max_length=8, choices=Action.choices)
    before = models.JSONField("trước", null=True, blank=True)
    after = models.JSONField("sau", null=True, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reason = models.TextField("lý do", blank=True)
    created_at = models.DateTimeField("lúc", auto_now_add=True)

    class Meta:
        verbose_name = "lịch sử thay đổi"
        verbose_name_plural = "lịch sử thay đổi"
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["record_type", "record_id"])]


class PeriodLock(models.Model):
    """A period whose figures a leader has locked (chốt số liệu); read-only until unlocked.

    Locking a year locks its targets and every result within it; locking a shorter period
    locks the results of that period. The row exists while the lock holds; every lock and
    unlock is recorded as a `LockEvent`.
    """

    unit = models.ForeignKey(
        Unit, verbose_name="đơn vị", on_delete=models.PROTECT, related_name="+"
    )
    period = models.CharField("kỳ", max_length=10)  # a Period slug: "2024", "2024-h1"
    locked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người chốt",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    locked_at = models.DateTimeField("chốt lúc", auto_now_add=True)

    class Meta:
        verbose_name = "kỳ đã chốt số liệu"
        verbose_name_plural = "kỳ đã chốt số liệu"
        constraints = [
            models.UniqueConstraint(fields=["unit", "period"], name="period_lock_unique")
        ]

    def __str__(self) -> str:
        return f"{self.unit} — {Period.parse(self.period).label}"


class LockEvent(models.Model):
    class Action(models.TextChoices):
        LOCK = "lock", "Chốt số liệu"
        UNLOCK = "unlock", "Mở khóa"

    unit = models.ForeignKey(
        Unit, verbose_name="đơn vị", on_delete=models.PROTECT, related_name="+"
    )
    period = models.CharField("kỳ", max_length=10)
    action = models.CharField("thao tác", max_length=8, choices=Action.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người thực hiện",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reason = models.TextField("lý do", blank=True)
    created_at = models.DateTimeField("lúc", auto_now_add=True)

    class Meta:
        verbose_name = "lịch sử chốt số liệu"
        verbose_name_plural = "lịch sử chốt số liệu"
        ordering = ["-created_at", "-id"]
