from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "tongket.people"
    verbose_name = "Người và cơ quan"
