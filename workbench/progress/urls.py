from django.urls import path

from workbench.progress import views

app_name = "progress"

urlpatterns = [
    path("canvases/<int:pk>/progress/", views.progress, name="canvas"),
    path("canvases/<int:pk>/progress/record/", views.record, name="record"),
    path("canvases/<int:pk>/progress/import/", views.csv_import, name="import"),
    path("canvases/<int:pk>/progress/measurements.csv", views.csv_export, name="export"),
    path("canvases/<int:pk>/progress/history/", views.history, name="history"),
    path("canvases/<int:pk>/progress/settings/", views.settings_view, name="settings"),
    path("canvases/<int:pk>/progress/actions/", views.action_mark, name="action_mark"),
    path("canvases/<int:pk>/progress/report.pdf", views.report_pdf, name="report"),
    path(
        "canvases/<int:pk>/progress/measurements/<int:measurement_pk>/edit/",
        views.measurement_edit,
        name="measurement_edit",
    ),
    path(
        "canvases/<int:pk>/progress/measurements/<int:measurement_pk>/delete/",
        views.measurement_delete,
        name="measurement_delete",
    ),
    path("teams/<slug:slug>/portfolio/", views.team_portfolio, name="portfolio"),
    path("teams/<slug:slug>/portfolio/shared/", views.confirm_match, name="confirm_match"),
    path("s/<str:token>/progress/", views.shared, name="shared"),
    path("s/<str:token>/progress/report.pdf", views.shared_report, name="shared_report"),
]
