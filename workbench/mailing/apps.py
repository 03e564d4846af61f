from django.apps import AppConfig


class MailingConfig(AppConfig):
    name = "workbench.mailing"
    verbose_name = "Outgoing e-mail"
