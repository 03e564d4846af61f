"""The PDF app's tasks, run by the task worker (`manage.py worker`) through django-tasks.

With Django 6 the import becomes `from django.tasks import task`; nothing else changes.
"""

from __future__ import annotations

import datetime as dt
import logging

from django.core.management import call_command
from django.utils import timezone
from django_tasks import task

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
    if _on_database_queue():  # the queue's own finished entries, kept a week for anyone looking into a failure
        call_command("prune_db_task_results", "--min-age-days", "7", verbosity=0)
    if again:
        schedule_maintenance()
    return counts


def schedule_maintenance() -> bool:
    """Queue the next housekeeping run an hour from now, unless one is waiting already.

    Only the database queue can be asked what is waiting; with RQ, cron runs `manage.py prune_pdfs` (README)."""
    from django_tasks_db.models import DBTaskResult

    if not _on_database_queue():
        return False

    if DBTaskResult.objects.filter(status="READY", task_path=maintain_one_pagers.module_path).exists():
        return False
    maintain_one_pagers.using(run_after=timezone.now() + MAINTENANCE_EVERY).enqueue()
    return True


def _on_database_queue() -> bool:
    from django_tasks_db import DatabaseBackend

    return isinstance(maintain_one_pagers.get_backend(), DatabaseBackend)
