from django.apps import AppConfig


class IndicatorsConfig(AppConfig):
    name = "tongket.indicators"
    verbose_name = "Danh mục chỉ tiêu"
