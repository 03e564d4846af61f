from django.apps import AppConfig


class WorkflowConfig(AppConfig):
    name = "workbench.workflow"
    verbose_name = "Review workflow"

    def ready(self):
        from workbench.workflow import receivers  # noqa: F401  (connects the workflow to the canvases' signals)
