"""E-mail delivery as a task (django-tasks; with Django 6: `from django.tasks import task`)."""

from django_tasks import task

from workbench.mailing import services


@task()
def deliver(mail_id: int) -> str:
    """Send one kept e-mail; a failure is recorded on its row and retried later."""
    return services.deliver(mail_id)
