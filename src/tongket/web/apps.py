from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "tongket.web"
    verbose_name = "Giao diện web"
