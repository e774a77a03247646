"""URLs of the web application."""

from django.urls import path

from tongket.web import views

app_name = "web"
urlpatterns = [
    path("", views.home, name="home"),
    path("don-vi/<int:unit_id>/", views.unit_detail, name="unit"),
    path("don-vi/<int:unit_id>/ket-qua/<str:period>/", views.scorecard, name="scorecard"),
]
