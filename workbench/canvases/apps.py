from django.apps import AppConfig


class CanvasesConfig(AppConfig):
    name = "workbench.canvases"
    verbose_name = "Canvases"
