from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "workbench.notifications"
    verbose_name = "Notifications and activity"
