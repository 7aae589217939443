from django.urls import path

from . import views

app_name = "programme"

urlpatterns = [
    path("", views.home, name="home"),
    path("to-discuss/", views.to_discuss, name="to_discuss"),
    path("partnerships/", views.partnerships, name="partnerships"),
    path("partnerships/<int:pk>/accept/", views.partnership_accept, name="partnership_accept"),
    path("trajectories/", views.trajectory_list, name="trajectories"),
    path("trajectories/new/", views.trajectory_create, name="trajectory_create"),
    path("trajectories/<int:pk>/", views.trajectory_detail, name="trajectory"),
    path("trajectories/<int:pk>/edit/", views.trajectory_edit, name="trajectory_edit"),
    path("trajectories/<int:pk>/sessions/new/", views.session_create, name="session_create"),
    path("sessions/<int:pk>/edit/", views.session_edit, name="session_edit"),
    path("sessions/<int:pk>/report/", views.report, name="report"),
    path("sessions/<int:pk>/report/draft/", views.report_draft, name="report_draft"),
    path("sessions/<int:pk>/report.pdf", views.report_pdf, name="report_pdf"),
    path("sessions/<int:pk>/report/debrief/", views.report_debrief, name="report_debrief"),
    path("sessions/<int:pk>/report/signal/", views.report_signal, name="report_signal"),
    path("organisations/", views.organisations, name="organisations"),
    path("organisations/<slug:slug>/data/", views.organisation_data, name="organisation_data"),
    path("organisations/<slug:slug>/pool/", views.pool, name="pool"),
    path("organisations/<slug:slug>/pool/<slug:kind>/", views.pool_record, name="pool_record"),
    path("audit/", views.audit_log, name="audit_log"),
    path("audit/export.csv", views.audit_export, name="audit_export"),
]
