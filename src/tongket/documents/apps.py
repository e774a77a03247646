from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    name = "tongket.documents"
    verbose_name = "Văn bản nhập"
