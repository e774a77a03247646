from django.apps import AppConfig


class PartyConfig(AppConfig):
    name = "tongket.party"
    verbose_name = "Đánh giá, xếp loại tổ chức đảng và đảng viên"
