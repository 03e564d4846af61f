from django.apps import AppConfig


class TeamsConfig(AppConfig):
    name = "workbench.teams"
    verbose_name = "Teams"
