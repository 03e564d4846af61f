"""manage.py worker: the task worker, for whichever queue TASKS_BACKEND names.

Before it starts taking tasks it gives back to the queue any render whose worker died (killed, out of memory,
machine lost) and queues the hourly housekeeping (workbench/pdf/tasks.py). Then it runs django-tasks-db's
`db_worker` (the queue in the database) or django-rq's `rqworker` (Redis). Options after -- go to that command.
"""

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

from workbench.pdf import services, tasks


class Command(BaseCommand):
    help = "Run a task worker: renders one-pagers and sends e-mail. Stop it with Ctrl-C."

    def add_arguments(self, parser):
        parser.add_argument("--batch", action="store_true", help="run the tasks waiting now, then stop")

    def handle(self, *args, batch: bool = False, **options):
        counts = services.recover_interrupted()
        if counts["retried"] or counts["failed"]:
            self.stdout.write(f"Interrupted renders: {counts['retried']} queued again, {counts['failed']} failed.")
        tasks.schedule_maintenance()
        if settings.TASKS_BACKEND == "rq":
            call_command(
                "rqworker",
                "default",
                job_class="django_tasks_rq.Job",
                worker_class="rq.SimpleWorker",
                with_scheduler=True,
                burst=batch,
            )
        else:
            call_command("db_worker", "--no-reload", "--interval", "0.5", *(["--batch"] if batch else []))
