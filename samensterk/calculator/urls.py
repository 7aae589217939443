from django.urls import path

from samensterk.calculator import views

app_name = "calculator"
urlpatterns = [
    path("", views.index, name="index"),
    path("hours/", views.hours, name="hours"),
    path("projector/", views.projector, name="projector"),
    path("handout.pdf", views.handout, name="handout"),
    # Fictional worked examples: safe in a URL because they describe nobody.
    path("example/<slug:slug>/", views.example, name="example"),
    path("example/<slug:slug>/projector/", views.example_projector, name="example_projector"),
    path("example/<slug:slug>/handout.pdf", views.example_handout, name="example_handout"),
]
