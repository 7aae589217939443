"""The methods library, one URL per page, grouped by the object in the path."""

from django.urls import path

from . import views

app_name = "toolkit"
urlpatterns = [
    path("", views.index, name="index"),
    path("prepare/", views.prepare, name="prepare"),
    path("methods/<slug:slug>/", views.method, name="method"),
    path("methods/<slug:slug>/steps/<slug:step_slug>/", views.step, name="step"),
    path("methods/<slug:slug>/steps/<slug:step_slug>/plan.pdf", views.step_plan_pdf, name="step_plan_pdf"),
    path("methods/<slug:slug>/meetings/", views.meetings, name="meetings"),
    path("methods/<slug:slug>/meetings.pdf", views.meetings_pdf, name="meetings_pdf"),
    path("methods/<slug:slug>/meetings/<int:number>/", views.meeting, name="meeting"),
    path("methods/<slug:slug>/meetings/<int:number>/plan/", views.meeting_plan, name="meeting_plan"),
    path(
        "methods/<slug:slug>/meetings/<int:number>/plan.pdf", views.meeting_plan_pdf, name="meeting_plan_pdf"
    ),
    path(
        "methods/<slug:slug>/meetings/<int:number>/keep/", views.meeting_plan_keep, name="meeting_plan_keep"
    ),
    path("methods/<slug:slug>/when-it-gets-difficult/", views.difficult, name="difficult"),
    path("methods/<slug:slug>/when-it-gets-difficult.pdf", views.difficult_pdf, name="difficult_pdf"),
    path("contacts/", views.contacts, name="contacts"),
    path("workforms/", views.workforms, name="workforms"),
    path("workforms/<slug:slug>/", views.workform, name="workform"),
    path("workforms/<slug:slug>/flipover.pdf", views.workform_flipover, name="workform_flipover"),
    path("statements/", views.statements, name="statements"),
    path("statements/flipover.pdf", views.statements_flipover, name="statements_flipover"),
    path("checklist/", views.checklist, name="checklist"),
    path("recommendations/", views.recommendations, name="recommendations"),
    path("insights/", views.insights, name="insights"),
]
