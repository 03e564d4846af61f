from django.urls import path

from workbench.pdf import views

app_name = "pdf"

urlpatterns = [
    path("canvases/<int:pk>/pdf/", views.canvas_pdf, name="canvas"),
    path("examples/<slug:slug>/pdf/", views.example_pdf, name="example"),
]
