from django.urls import path

from workbench.mailing import views

app_name = "mailing"

urlpatterns = [
    path("teams/<slug:slug>/mail/", views.outbox, name="outbox"),
    path("teams/<slug:slug>/mail/<int:pk>/send-again/", views.send_again, name="send_again"),
]
