"""The methods library, one URL per page, grouped by the object in the path."""

from django.urls import path

from . import views

app_name = "toolkit"
urlpatterns = [
    path("", views.index, name="index"),
    path("methods/<slug:slug>/", views.method, name="method"),
    path("methods/<slug:slug>/steps/<slug:step_slug>/", views.step, name="step"),
    path("methods/<slug:slug>/steps/<slug:step_slug>/plan.pdf", views.step_plan_pdf, name="step_plan_pdf"),
    path("workforms/", views.workforms, name="workforms"),
    path("workforms/<slug:slug>/", views.workform, name="workform"),
    path("statements/", views.statements, name="statements"),
    path("statements/flipover.pdf", views.statements_flipover, name="statements_flipover"),
    path("checklist/", views.checklist, name="checklist"),
    path("recommendations/", views.recommendations, name="recommendations"),
    path("insights/", views.insights, name="insights"),
]
