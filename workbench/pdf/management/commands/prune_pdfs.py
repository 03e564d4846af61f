"""manage.py prune_pdfs: delete the one-pagers no one can download any more (the worker also does it hourly)."""

from django.core.management.base import BaseCommand

from workbench.pdf import services


class Command(BaseCommand):
    help = (
        "Delete rendered PDFs of revisions that are neither current, published nor approved, and of old print "
        "templates; queue again renders whose worker died."
    )

    def handle(self, *args, **options):
        counts = services.prune()
        self.stdout.write(
            f"Pruned {counts['one_pagers']} one-pager(s) ({counts['files']} file(s) deleted); "
            f"interrupted renders: {counts['retried']} queued again, {counts['failed']} failed."
        )
