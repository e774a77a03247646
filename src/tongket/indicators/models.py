"""The indicator catalogue: groups and indicators, built-in or added by users."""

from __future__ import annotations

from decimal import Decimal

from django.db import models

from tongket.catalogue import Direction, IndicatorSpec, RollUp, UnitClass


class IndicatorGroup(models.Model):
    code = models.SlugField("mã", max_length=40, unique=True)
    name = models.CharField("tên", max_length=120)
    order = models.PositiveIntegerField("thứ tự", default=0)

    class Meta:
        verbose_name = "nhóm chỉ tiêu"
        verbose_name_plural = "nhóm chỉ tiêu"
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name


class Indicator(models.Model):
    code = models.SlugField("mã", max_length=64, unique=True)
    name = models.CharField("tên", max_length=300)
    group = models.ForeignKey(
        IndicatorGroup, verbose_name="nhóm", on_delete=models.PROTECT, related_name="indicators"
    )
    unit_class = models.CharField(
        "loại đơn vị",
        max_length=16,
        choices=[
            (UnitClass.PERCENT.value, "Tỷ lệ (%)"),
            (UnitClass.MONEY.value, "Tiền (đồng)"),
            (UnitClass.COUNT.value, "Số lượng"),
        ],
    )
    unit = models.CharField("đơn vị tính", max_length=40)
    direction = models.CharField(
        "chiều đánh giá",
        max_length=8,
        choices=[
            (Direction.HIGHER.value, "Càng cao càng tốt"),
            (Direction.LOWER.value, "Càng thấp càng tốt"),
            (Direction.NONE.value, "Không đánh giá chiều"),
        ],
    )
    rollup = models.CharField(
        "cách tổng hợp lên cấp trên",
        max_length=8,
        choices=[
            (RollUp.SUM.value, "Cộng"),
            (RollUp.RATE.value, "Tính lại tỷ lệ từ tử số và mẫu số"),
            (RollUp.NONE.value, "Không tổng hợp"),
        ],
        default=RollUp.NONE.value,
    )
    max_value = models.DecimalField(
        "giá trị tối đa", max_digits=24, decimal_places=6, null=True, blank=True
    )
    phrases = models.TextField("cụm từ nhận dạng (mỗi dòng một cụm)", blank=True)
    is_builtin = models.BooleanField("có sẵn", default=False)
    order = models.PositiveIntegerField("thứ tự", default=0)

    class Meta:
        verbose_name = "chỉ tiêu"
        verbose_name_plural = "chỉ tiêu"
        ordering = ["group__order", "order", "code"]

    def __str__(self) -> str:
        return self.name

    @property
    def is_money(self) -> bool:
        return self.unit_class == UnitClass.MONEY

    @property
    def is_count(self) -> bool:
        return self.unit_class == UnitClass.COUNT

    @property
    def display_unit(self) -> str:
        return "%" if self.unit_class == UnitClass.PERCENT else self.unit

    def to_spec(self) -> IndicatorSpec:
        return IndicatorSpec(
            code=self.code,
            group=self.group.code,
            name_vi=self.name,
            unit_class=UnitClass(self.unit_class),
            unit=self.unit,
            direction=Direction(self.direction),
            rollup=RollUp(self.rollup),
            max_value=Decimal(self.max_value) if self.max_value is not None else None,
            phrases=tuple(p.strip() for p in self.phrases.splitlines() if p.strip()),
        )
