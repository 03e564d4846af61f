import time

from django.core.management.base import BaseCommand, CommandError

from workbench.operations.loaddata import LOAD_PASSWORD, generate


class Command(BaseCommand):
    help = "Write generated teams, canvases and comments for benchmarks and load tests (never on a live database)."

    def add_arguments(self, parser):
        parser.add_argument("--teams", type=int, default=500)
        parser.add_argument("--canvases", type=int, default=10000)
        parser.add_argument("--comments", type=int, default=100000)
        parser.add_argument("--seed", type=int, default=1, help="Same seed, same text.")
        parser.add_argument("--batch", type=int, default=1000)

    def handle(self, teams, canvases, comments, seed, batch, **options):
        if teams < 1 or canvases < 0 or comments < 0:
            raise CommandError("--teams must be at least 1; --canvases and --comments cannot be negative.")
        started = time.perf_counter()
        self.stdout.write(f"Generating {teams} teams, {canvases} canvases, {comments} comments …")
        counts = generate(
            teams=teams, canvases=canvases, comments=comments, seed=seed, batch=batch, log=self.stdout.write
        )
        self.stdout.write(
            f"Done in {time.perf_counter() - started:.0f} s: {counts}. Every generated person signs in with the "
            f"password “{LOAD_PASSWORD}”."
        )
