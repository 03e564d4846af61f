from django.apps import AppConfig


class SharingConfig(AppConfig):
    name = "workbench.sharing"
    verbose_name = "Share links"
