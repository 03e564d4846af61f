from django.apps import AppConfig


class ExamplesConfig(AppConfig):
    name = "workbench.examples"
    verbose_name = "Worked examples"
