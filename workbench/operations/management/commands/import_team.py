import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from workbench.operations.backup import BackupInvalid, import_team


class Command(BaseCommand):
    help = "Restore a team written by export_team, with its whole history."

    def add_arguments(self, parser):
        parser.add_argument("file")

    def handle(self, file, **options):
        try:
            data = json.loads(Path(file).read_text(encoding="utf-8"))
        except OSError as error:
            raise CommandError(f"{file}: cannot read the file ({error.strerror}).") from None
        except (json.JSONDecodeError, UnicodeDecodeError) as error:
            raise CommandError(f"{file}: not a JSON file ({error}).") from None
        try:
            team = import_team(data)
        except BackupInvalid as error:
            raise CommandError(f"{file}: {error}") from None
        self.stdout.write(f"Restored {team.name} ({team.slug}) with {team.canvases.count()} canvases.")
