from django.urls import path

from workbench.workflow import views

app_name = "workflow"

urlpatterns = [
    path("canvases/<int:pk>/review/<str:action>/", views.transition, name="transition"),
    path("canvases/<int:pk>/timeline/", views.timeline, name="timeline"),
]
