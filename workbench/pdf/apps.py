from django.apps import AppConfig


class PdfConfig(AppConfig):
    name = "workbench.pdf"
    verbose_name = "PDF one-pager"
