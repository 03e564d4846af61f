"""python manage.py load_examples: the worked examples in seeds/ into the gallery; safe to run again."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from workbench.examples.services import SeedInvalid, load_examples, seeds_dir
from workbench.pdf.services import render_examples


class Command(BaseCommand):
    help = (
        "Load the worked examples from the seed files (one canvas document per file) into the gallery. "
        "Creates new ones, updates edited ones, removes those whose file is gone; running it twice changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("--seeds", type=Path, default=None, help="directory of seed files (default: seeds/)")

    def handle(self, *args, seeds=None, **options):
        directory = seeds or seeds_dir()
        if not directory.is_dir():
            raise CommandError(f"No directory of seed files at {directory}")
        try:
            result = load_examples(directory=directory)
        except SeedInvalid as invalid:
            raise CommandError(f"Seed file {invalid}") from None
        for slug in result.created:
            self.stdout.write(f"created   {slug}", self.style.SUCCESS)
        for slug in result.updated:
            self.stdout.write(f"updated   {slug}", self.style.WARNING)
        for slug in result.removed:
            self.stdout.write(f"removed   {slug}", self.style.WARNING)
        self.stdout.write(
            f"Worked examples: {len(result.created)} created, {len(result.updated)} updated, "
            f"{len(result.unchanged)} unchanged, {len(result.removed)} removed."
        )
        if settings.PDF_RENDER_AHEAD:  # their one-pagers, rendered by the worker before anyone downloads one
            self.stdout.write(f"One-pagers of worked examples waiting for the worker: {render_examples(directory)}.")
