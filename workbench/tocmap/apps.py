from django.apps import AppConfig


class TocMapConfig(AppConfig):
    name = "workbench.tocmap"
    verbose_name = "Theory-of-change map"
