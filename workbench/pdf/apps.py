from django.apps import AppConfig


class PdfConfig(AppConfig):
    name = "workbench.pdf"
    verbose_name = "PDF one-pager"

    def ready(self):
        from workbench.pdf import receivers  # noqa: F401  (renders each new revision's one-pager ahead)
