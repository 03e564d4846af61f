from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "workbench.accounts"
    verbose_name = "Accounts"
