from django.apps import AppConfig


class AccessConfig(AppConfig):
    name = "tongket.access"
    verbose_name = "Phân quyền"
    default_auto_field = "django.db.models.BigAutoField"
