"""URLs of the web application; each page family lists its own routes."""

from django.urls import include, path

app_name = "web"
urlpatterns = [
    path("", include("tongket.web.views.auth")),
    path("", include("tongket.web.views.pages")),
    path("", include("tongket.web.views.entry")),
    path("", include("tongket.web.views.locking")),
    path("", include("tongket.web.views.compare")),
    path("", include("tongket.web.views.trend")),
    path("", include("tongket.web.views.imports")),
    path("", include("tongket.web.views.proposals")),
    path("", include("tongket.web.views.history")),
    path("", include("tongket.web.views.recommendations")),
    path("", include("tongket.web.views.conferences")),
    path("", include("tongket.web.views.awards")),
    path("", include("tongket.web.views.party")),
]
