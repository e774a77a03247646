from django.contrib import admin

from tongket.results.models import Result, Revision, Target


@admin.register(Target)
class TargetAdmin(admin.ModelAdmin):
    list_display = ("indicator", "unit", "year", "amount", "comparator", "basis", "state")
    list_filter = ("state", "basis", "year")
    search_fields = ("unit__name", "indicator__name")
    raw_id_fields = ("unit", "assigned_by", "split_from", "document")


@admin.register(Result)
class ResultAdmin(admin.ModelAdmin):
    list_display = ("indicator", "unit", "year", "period_kind", "value", "percent_of_plan", "state")
    list_filter = ("state", "period_kind", "year", "is_estimate")
    search_fields = ("unit__name", "indicator__name")
    raw_id_fields = ("unit", "document")


@admin.register(Revision)
class RevisionAdmin(admin.ModelAdmin):
    list_display = ("created_at", "record_type", "record_id", "unit", "action", "user", "reason")
    list_filter = ("record_type", "action")
    raw_id_fields = ("unit",)

    def has_change_permission(self, request: object, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: object, obj: object = None) -> bool:
        return False
