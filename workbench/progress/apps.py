from django.apps import AppConfig


class ProgressConfig(AppConfig):
    name = "workbench.progress"
    verbose_name = "Progress"

    def ready(self):
        # The canvas file carries measurements as a part of its own (workbench/canvases/parts.py): the canvas app
        # offers the place, this app fills it, so the canvas app never imports this one.
        from workbench.canvases import parts
        from workbench.progress import transfer

        parts.register(transfer.MEASUREMENTS_PART)
