"""The PDF app's tasks, run by the task worker (`manage.py worker`) through django-tasks.

With Django 6 the import becomes `from django.tasks import task`; nothing else changes.
"""

from __future__ import annotations

import datetime as dt
import logging

from django.utils import timezone
from django_tasks import default_task_backend, task

from workbench.pdf import services

logger = logging.getLogger(__name__)

# The housekeeping task queues its next run this long after it finishes (where the backend can defer tasks).
MAINTENANCE_EVERY = dt.timedelta(hours=1)


@task()
def render_one_pager(one_pager_id: int) -> str:
    """Render one queued one-pager into storage; a render past its time or memory limit is recorded failed."""
    return services.render(one_pager_id)


@task()
def maintain_one_pagers(*, again: bool = True) -> dict:
    """Recover renders whose worker died, delete PDFs no one can download any more, and come back in an hour."""
    counts = services.prune()
    logger.info("One-pager housekeeping: %s", counts)
    if again:
        schedule_maintenance()
    return counts


def schedule_maintenance() -> bool:
    """Queue the next housekeeping run an hour from now, unless one is waiting already.

    Only the database queue can be asked what is waiting; with RQ, cron runs `manage.py prune_pdfs` (README)."""
    from django.apps import apps

    if not apps.is_installed("django_tasks_db") or type(default_task_backend).__name__ != "DatabaseBackend":
        return False
    from django_tasks_db.models import DBTaskResult

    if DBTaskResult.objects.ready().filter(task_path=maintain_one_pagers.module_path).exists():
        return False
    maintain_one_pagers.using(run_after=timezone.now() + MAINTENANCE_EVERY).enqueue()
    return True
