from django.apps import AppConfig


class CheckerConfig(AppConfig):
    name = "workbench.checker"
    verbose_name = "Mission checker"
