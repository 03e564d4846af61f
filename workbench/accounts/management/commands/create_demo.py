from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction

from workbench.teams.models import Membership, Role, Team

DEMO_USERNAME = "demo"
DEMO_PASSWORD = "mission-demo-2030"
DEMO_TEAM = ("Demo council mission team", "demo-council")


class Command(BaseCommand):
    help = "Create (or reset) the demo login and its team, and print how to sign in."

    @transaction.atomic
    def handle(self, **options):
        User = get_user_model()
        user, _ = User.objects.get_or_create(
            username=DEMO_USERNAME, defaults={"email": "demo@example.org", "first_name": "Demo", "last_name": "User"}
        )
        user.set_password(DEMO_PASSWORD)
        user.save()
        name, slug = DEMO_TEAM
        team, _ = Team.objects.get_or_create(slug=slug, defaults={"name": name})
        Membership.objects.update_or_create(team=team, user=user, defaults={"role": Role.OWNER})
        self.stdout.write(
            "\n  Demo login ready:\n"
            f"    user:     {DEMO_USERNAME}\n"
            f"    password: {DEMO_PASSWORD}\n"
            f"    team:     {name} (you are its owner)\n"
        )
