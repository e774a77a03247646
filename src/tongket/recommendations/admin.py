from django.contrib import admin

from tongket.recommendations.models import Change, Recommendation


class ChangeInline(admin.TabularInline):
    model = Change
    extra = 0
    readonly_fields = ("action", "from_status", "to_status", "details", "note", "user", "at")
    can_delete = False


@admin.register(Recommendation)
class RecommendationAdmin(admin.ModelAdmin):
    list_display = ("topic", "unit", "addressee", "raised_on", "deadline", "status")
    list_filter = ("status",)
    search_fields = ("topic", "text")
    raw_id_fields = ("unit", "addressee", "assignee", "report_back_to", "conference", "document")
    readonly_fields = ("status",)
    inlines = [ChangeInline]
