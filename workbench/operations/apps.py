from django.apps import AppConfig


class OperationsConfig(AppConfig):
    """Running the workbench: team backups and generated data for load tests."""

    name = "workbench.operations"
    verbose_name = "Operations"
