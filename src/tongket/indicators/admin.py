from django.contrib import admin

from tongket.indicators.models import Indicator, IndicatorGroup


@admin.register(IndicatorGroup)
class IndicatorGroupAdmin(admin.ModelAdmin):
    list_display = ("name", "code", "order")


@admin.register(Indicator)
class IndicatorAdmin(admin.ModelAdmin):
    list_display = ("name", "code", "group", "unit_class", "unit", "direction", "rollup")
    list_filter = ("group", "unit_class", "direction", "is_builtin")
    search_fields = ("name", "code", "phrases")
