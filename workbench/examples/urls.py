from django.urls import path

from workbench.examples import views

app_name = "examples"

urlpatterns = [
    path("", views.example_list, name="list"),
    path("<slug:slug>/", views.example_detail, name="detail"),
    path("<slug:slug>/start/", views.example_start, name="start"),
]
