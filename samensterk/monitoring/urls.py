from django.urls import path

from . import views

app_name = "monitoring"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("charts/<slug:key>.svg", views.chart, name="chart"),
    path("export.csv", views.export_csv, name="export_csv"),
    # Excel set to Dutch splits a CSV on semicolons, not commas.
    path("export-excel-nl.csv", views.export_csv, {"delimiter": ";"}, name="export_csv_semicolon"),
    path("export.xlsx", views.export_xlsx, name="export_xlsx"),
    path("report.pdf", views.export_pdf, name="export_pdf"),
    path("import/", views.import_counts, name="import_counts"),
    path("import/confirm/", views.import_counts_confirm, name="import_counts_confirm"),
    path("sessions/<int:pk>/questionnaire/", views.session_questionnaire, name="session_questionnaire"),
    path("rounds/<int:pk>/paper/", views.round_paper, name="round_paper"),
    path("rounds/<int:pk>/void/", views.round_void, name="round_void"),
    path("trajectories/<int:pk>/awareness/", views.trajectory_awareness, name="trajectory_awareness"),
    # The short link on the flip-over and behind the QR code: no login.
    path("q/<str:token>/", views.answer, name="answer"),
]
