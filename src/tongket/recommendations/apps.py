from django.apps import AppConfig


class RecommendationsConfig(AppConfig):
    name = "tongket.recommendations"
    verbose_name = "Kiến nghị, đề xuất"
