"""manage.py check_canvas FILE... [--format text|json]: the mission checker on canvas document files."""

import sys

from django.core.management.base import BaseCommand

from workbench.checker.cli import run


class Command(BaseCommand):
    help = "Check mission canvas documents (JSON files) and print the findings. Exit 1 on errors, 2 on bad files."
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", metavar="FILE", help="canvas document files (JSON)")
        parser.add_argument("--format", choices=["text", "json"], default="text", help="output format")

    def handle(self, *args, files, format, **options):
        # run() prints whole lines; without this Django's wrapper would add a blank line after each one.
        self.stdout.ending = self.stderr.ending = ""
        status = run(files, format, out=self.stdout, err=self.stderr)
        if status:
            sys.exit(status)
