from django.apps import AppConfig


class ReviewConfig(AppConfig):
    """Migrations only (see the package's docstring): the review's models live in comments, workflow, sharing and
    notifications."""

    name = "workbench.review"
    verbose_name = "Review (migrations only)"
