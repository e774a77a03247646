from django.contrib import admin

from tongket.party.models import Admission, MemberCount, Rating, Tally


@admin.register(Rating)
class RatingAdmin(admin.ModelAdmin):
    list_display = ("name", "unit", "period", "subject", "grade", "score", "rules")
    list_filter = ("subject", "grade", "year")
    raw_id_fields = ("unit", "subject_unit", "person")


@admin.register(Tally)
class TallyAdmin(admin.ModelAdmin):
    list_display = ("unit", "period", "subject", "total", "excellent", "good", "done", "failed")
    raw_id_fields = ("unit", "document")


@admin.register(MemberCount)
class MemberCountAdmin(admin.ModelAdmin):
    list_display = ("unit", "counted_on", "official", "probationary")
    raw_id_fields = ("unit", "document")


@admin.register(Admission)
class AdmissionAdmin(admin.ModelAdmin):
    list_display = ("name", "unit", "admitted_on", "cell")
    raw_id_fields = ("unit", "person")
