from django.apps import AppConfig


class ResultsConfig(AppConfig):
    name = "tongket.results"
    verbose_name = "Chỉ tiêu và kết quả"
