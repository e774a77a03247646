from django.apps import AppConfig


class UnitsConfig(AppConfig):
    name = "tongket.units"
    verbose_name = "Đơn vị hành chính"
