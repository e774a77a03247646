from django.apps import AppConfig


class ReviewConfig(AppConfig):
    name = "tongket.review"
    verbose_name = "Hội nghị, phương hướng và khen thưởng"
