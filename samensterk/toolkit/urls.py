# Placeholder routes so the layout renders; the toolkit pages replace these.
from django.urls import path

from samensterk.core.views import home

app_name = "toolkit"
urlpatterns = [
    path("", home, name="index"),
    path("statements/", home, name="statements"),
    path("checklist/", home, name="checklist"),
    path("methods/<slug:slug>/", home, name="method"),
]
