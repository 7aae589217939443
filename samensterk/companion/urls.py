"""The session companion, one URL per action grouped by the session it runs.

The service worker lives at the app's own root so that its scope covers every companion page
(and nothing else of the site).
"""

from django.urls import path

from . import views

app_name = "companion"
urlpatterns = [
    path("sw.js", views.service_worker, name="service_worker"),
    path("sessions/<int:pk>/", views.control, name="control"),
    path("sessions/<int:pk>/projector/", views.projector, name="projector"),
    path("sessions/<int:pk>/totals/", views.totals, name="totals"),
    path("sessions/<int:pk>/agreements/", views.agreements_edit, name="agreements"),
]
