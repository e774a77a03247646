from django.contrib import admin

from tongket.people.models import Body, Person, Position


class PositionInline(admin.TabularInline):
    model = Position
    extra = 0
    raw_id_fields = ("unit", "document")


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ("full_name", "created_at")
    search_fields = ("full_name", "name_folded")
    inlines = [PositionInline]


@admin.register(Body)
class BodyAdmin(admin.ModelAdmin):
    list_display = ("name", "kind", "unit")
    list_filter = ("kind",)
    search_fields = ("name",)
    raw_id_fields = ("unit",)
