from django.urls import path

from workbench.pdf import views

app_name = "pdf"

urlpatterns = [
    path("canvases/<int:pk>/pdf/", views.canvas_pdf, name="canvas"),
    path("canvases/<int:pk>/pdf/status/", views.canvas_pdf_status, name="canvas_status"),
    path("canvases/<int:pk>/pdf/retry/", views.canvas_pdf_retry, name="canvas_retry"),
    path("examples/<slug:slug>/pdf/", views.example_pdf, name="example"),
    path("examples/<slug:slug>/pdf/status/", views.example_pdf_status, name="example_status"),
    path("examples/<slug:slug>/pdf/retry/", views.example_pdf_retry, name="example_retry"),
]
