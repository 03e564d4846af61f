from django.urls import path

from workbench.notifications import views

app_name = "notifications"

urlpatterns = [
    path("notifications/", views.notifications, name="list"),
    path("notifications/<int:notification_pk>/open/", views.notification_open, name="open"),
    path("notifications/read/", views.notifications_read, name="read"),
    path("notifications/settings/", views.notification_settings, name="settings"),
    path("teams/<slug:slug>/activity/", views.activity, name="activity"),
]
