from django.apps import AppConfig


class ReviewConfig(AppConfig):
    name = "workbench.review"
    verbose_name = "Review"

    def ready(self):
        from workbench.review import receivers  # noqa: F401  (connects the review to the canvases' signals)
