import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from workbench.operations.backup import export_team
from workbench.teams.models import Team


class Command(BaseCommand):
    help = "Write a team's canvases with their revisions, comments and review history to one JSON file."

    def add_arguments(self, parser):
        parser.add_argument("team", help="The team's slug.")
        parser.add_argument("-o", "--output", required=True, help="File to write.")

    def handle(self, team, output, **options):
        found = Team.objects.filter(slug=team).first()
        if found is None:
            raise CommandError(f"No team has the slug “{team}”.")
        data = export_team(found)
        Path(output).write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
        revisions = sum(len(c["revisions"]) for c in data["canvases"])
        comments = sum(len(c["comments"]) for c in data["canvases"])
        self.stdout.write(
            f"Wrote {found.name}: {len(data['canvases'])} canvases, {revisions} revisions, {comments} comments to {output}"
        )
