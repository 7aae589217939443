"""The session companion, one URL per action grouped by the session it runs.

The service worker that keeps it working offline is the site's own (samensterk/core/offline.py).
"""

from django.urls import path

from . import views

app_name = "companion"
urlpatterns = [
    path("sessions/<int:pk>/", views.control, name="control"),
    path("sessions/<int:pk>/projector/", views.projector, name="projector"),
    path("sessions/<int:pk>/totals/", views.totals, name="totals"),
    path("sessions/<int:pk>/live/", views.live, name="live"),
    path("sessions/<int:pk>/agreements/", views.agreements_edit, name="agreements"),
]
