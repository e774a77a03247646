from django.contrib import admin

from tongket.review.models import Attendance, Commendation, Conference, Direction


class AttendanceInline(admin.TabularInline):
    model = Attendance
    extra = 0
    raw_id_fields = ("person",)


@admin.register(Conference)
class ConferenceAdmin(admin.ModelAdmin):
    list_display = ("title", "unit", "kind", "held_on", "state")
    list_filter = ("kind", "state")
    search_fields = ("title",)
    raw_id_fields = ("unit", "document")
    inlines = [AttendanceInline]


@admin.register(Direction)
class DirectionAdmin(admin.ModelAdmin):
    list_display = ("unit", "year", "order", "text")
    raw_id_fields = ("unit", "conference", "document")
    filter_horizontal = ("targets",)


@admin.register(Commendation)
class CommendationAdmin(admin.ModelAdmin):
    list_display = ("unit", "year", "form", "recipient_kind", "quantity", "recipient_name")
    list_filter = ("form", "recipient_kind", "year")
    raw_id_fields = ("unit", "person", "conference", "document")
