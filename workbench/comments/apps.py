from django.apps import AppConfig


class CommentsConfig(AppConfig):
    name = "workbench.comments"
    verbose_name = "Comments"

    def ready(self):
        from workbench.comments import receivers  # noqa: F401  (connects the threads to the canvases' signals)
