from django.contrib import admin

from tongket.documents.models import Document


@admin.register(Document)
class DocumentAdmin(admin.ModelAdmin):
    list_display = ("title", "unit", "year", "file_format", "created_at")
    list_filter = ("file_format", "year")
    raw_id_fields = ("unit",)
    readonly_fields = ("sha256", "extraction")
