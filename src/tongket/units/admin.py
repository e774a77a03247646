from django.contrib import admin

from tongket.units.models import Succession, Unit


class SuccessionInline(admin.TabularInline):
    model = Succession
    fk_name = "predecessor"
    raw_id_fields = ("successor",)
    extra = 0


@admin.register(Unit)
class UnitAdmin(admin.ModelAdmin):
    list_display = ("full_name", "code", "level", "parent", "valid_from", "valid_to", "source")
    list_filter = ("level", "source", "kind")
    search_fields = ("name", "name_folded", "code")
    raw_id_fields = ("parent",)
    inlines = (SuccessionInline,)
