from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from workbench.progress.examples import start_examples
from workbench.teams.models import Role, Team


class Command(BaseCommand):
    help = "Start every worked example as a canvas of a team, with the measurements the documents support."

    def add_arguments(self, parser):
        parser.add_argument("--team", required=True, help="The team's slug.")
        parser.add_argument("--user", help="Username recorded as the author (default: the team's first owner).")

    def handle(self, team, user=None, **options):
        found = Team.objects.filter(slug=team).first()
        if found is None:
            raise CommandError(f"No team has the slug “{team}”.")
        if user:
            author = get_user_model().objects.filter(username=user).first()
            if author is None:
                raise CommandError(f"No user is called “{user}”.")
        else:
            owner = found.memberships.filter(role=Role.OWNER).select_related("user").order_by("pk").first()
            author = owner.user if owner else None
        started = start_examples(team=found, user=author)
        self.stdout.write(
            f"Started {len(started)} worked example(s) in {found.slug}; see /teams/{found.slug}/portfolio/"
        )
