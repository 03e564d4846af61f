from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from workbench.canvases.services import import_canvas
from workbench.document import DocumentInvalid
from workbench.teams.models import Role, Team


class Command(BaseCommand):
    help = "Import a canvas document file as a new canvas of a team."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--team", required=True, help="The team's slug.")
        parser.add_argument("--user", help="Username recorded as the author (default: the team's first owner).")

    def handle(self, file, team, user=None, **options):
        team_obj = Team.objects.filter(slug=team).first()
        if team_obj is None:
            raise CommandError(f"No team has the slug “{team}”.")
        if user:
            author = get_user_model().objects.filter(username=user).first()
            if author is None:
                raise CommandError(f"No user is called “{user}”.")
        else:
            owner = team_obj.memberships.filter(role=Role.OWNER).select_related("user").order_by("pk").first()
            author = owner.user if owner else None
        try:
            data = Path(file).read_bytes()
        except OSError as error:
            raise CommandError(f"{file}: cannot read the file ({error.strerror}).") from None
        try:
            canvas = import_canvas(team=team_obj, user=author, text=data, source_name=Path(file).name)
        except DocumentInvalid as invalid:
            raise CommandError(
                f"{file} is not a valid canvas document:\n" + "\n".join(f"  {error}" for error in invalid.errors)
            ) from None
        self.stdout.write(f"Imported “{canvas.title}” as canvas {canvas.pk} in {team_obj.slug}.")
