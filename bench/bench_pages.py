"""Server time of the main pages at a council's scale, next to a bare Django template view.

    DATABASE_URL=sqlite:///var/load.sqlite3 .venv/bin/python bench/bench_pages.py
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/workbench_load .venv/bin/python bench/bench_pages.py

Generate the data first with `manage.py generate_load_data` (500 teams, 10,000 canvases and 100,000
comments by default). Requests go through Django's test client in this process, in production settings
(DEBUG off), so the figure is the server's own time: routing, queries, templates. It prints p50 and p95 in
milliseconds, the ratio of each page's p50 to the bare view's p50 measured in the same run, and the
number of SQL queries and the thousands of Python function calls each page makes on a small and on the busiest
canvas or team (the calls are the same on every run, however busy the machine). The pages keep what they
render until it changes (workbench/caching.py: the one-pager, scorecard and findings, the editor, the threads,
feed lines and dashboard rows), so a second table measures the first view after a comment changed: the review
pages with their threads and feed lines rendered afresh on every request.

    DATABASE_URL=sqlite:///var/portfolio.sqlite3 .venv/bin/python bench/bench_pages.py --portfolio

measures a team's portfolio page with 50 missions and 5,000 measurements (made on first run, with a team of 5
missions beside it) against the bare page, and the queries of both.
"""

from __future__ import annotations

import cProfile
import os
import pstats
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("SECRET_KEY", "benchmark-only-secret-key-not-used-anywhere-else-0123456789")
os.environ.setdefault("ALLOWED_HOSTS", "testserver")
os.environ.setdefault("SECURE_SSL_REDIRECT", "0")
os.environ.setdefault("SECURE_COOKIES", "0")
os.environ.pop("DEBUG", None)
os.environ["DJANGO_SETTINGS_MODULE"] = "workbench.settings"

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.db.models import Count  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, override_settings  # noqa: E402

from workbench import caching  # noqa: E402
from workbench.canvases.models import Canvas  # noqa: E402
from workbench.teams.models import Membership, Role  # noqa: E402

RUNS = int(os.environ.get("BENCH_RUNS", "40"))


class Forgetting:
    """The shared cache, forgetting every key of the given kinds: what a page costs without them (the first view
    after a comment changed finds the review's threads and feed lines so; bench/bench_caches.py forgets each kind)."""

    def __init__(self, cache, kinds):
        self.cache, self.prefixes = cache, tuple(f"{kind}:" for kind in kinds)

    def get(self, key, default=None):
        return default if key.startswith(self.prefixes) else self.cache.get(key, default)

    def get_many(self, keys):
        return self.cache.get_many([key for key in keys if not key.startswith(self.prefixes)])

    def set(self, key, value, timeout=None):
        if not key.startswith(self.prefixes):
            self.cache.set(key, value, timeout)

    def set_many(self, data, timeout=None):
        self.cache.set_many({k: v for k, v in data.items() if not k.startswith(self.prefixes)}, timeout)

    def __getattr__(self, name):
        return getattr(self.cache, name)


# The review's parts: their keys name the comments' state, so a changed comment makes them anew.
REVIEW_PARTS = ("comment-panel", "editor-threads", "comment-list", "feed-entry")


def timings(client, url, runs=RUNS):
    for _ in range(3):
        assert client.get(url).status_code == 200, url
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        response = client.get(url)
        samples.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, url
    samples.sort()
    return statistics.median(samples), samples[int(len(samples) * 0.95) - 1]


def queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        client.get(url)
    return len(captured)


def calls(client, url, runs=5):
    """Python function calls per request, in thousands: the same on every run of the same code and data, however
    busy the machine, so it compares two versions where milliseconds on a shared machine cannot."""
    profile = cProfile.Profile()
    profile.enable()
    for _ in range(runs):
        client.get(url)
    profile.disable()
    return pstats.Stats(profile).total_calls / runs / 1000


def main():
    engine = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
    counts = {
        "teams": Membership.objects.values("team").distinct().count(),
        "canvases": Canvas.objects.count(),
        "comments": Canvas.objects.aggregate(n=Count("comments"))["n"],
    }
    if counts["canvases"] < 100:
        sys.exit("Generate the data first: manage.py generate_load_data (see the docstring).")
    call_command("collectstatic", interactive=False, verbosity=0)
    call_command("load_examples", verbosity=0)
    busiest = Canvas.objects.annotate(n=Count("comments")).order_by("-n").select_related("team").first()
    quiet = Canvas.objects.annotate(n=Count("comments")).filter(n__lte=2).select_related("team").order_by("pk").first()
    owner_of = {}
    for canvas in (busiest, quiet):
        owner_of[canvas.pk] = Membership.objects.get(team=canvas.team, role=Role.OWNER).user

    print(f"Database: {engine}; {counts['teams']} teams, {counts['canvases']} canvases, {counts['comments']} comments")
    print(f"Busiest canvas: {busiest.n} comments; quiet canvas: {quiet.n} comments; {RUNS} requests per page\n")

    def pages(canvas):
        slug = canvas.team.slug
        return {
            "dashboard": f"/teams/{slug}/",
            "search": f"/teams/{slug}/?q=food",
            "canvas page": f"/canvases/{canvas.pk}/",
            "edit page": f"/canvases/{canvas.pk}/edit/",
            "comment list": f"/canvases/{canvas.pk}/comments/",
            "activity feed": f"/teams/{slug}/activity/",
            "gallery": "/examples/",
        }

    with override_settings(ROOT_URLCONF="bench.bare_urls"):
        client = Client()
        client.force_login(owner_of[busiest.pk])
        quiet_client = Client()
        quiet_client.force_login(owner_of[quiet.pk])
        bare_p50, bare_p95 = timings(client, "/__bare__/")
        bare_q = queries(client, "/__bare__/")
        header = (
            f"{'page':<15}{'p50 ms':>9}{'p95 ms':>9}{'× bare':>8}  {'busy p50':>9}{'p95':>9}{'× bare':>8}"
            "  queries quiet/busy  k calls quiet/busy"
        )
        print(header)
        bare_k = calls(client, "/__bare__/")
        print(
            f"{'bare page':<15}{bare_p50:>9.2f}{bare_p95:>9.2f}{1:>8.1f}  {'':>26}  {f'{bare_q} / {bare_q}':<18}"
            f"  {bare_k:.1f} / {bare_k:.1f}"
        )

        def row(name):
            quiet_url, url = pages(quiet)[name], pages(busiest)[name]
            p50, p95 = timings(quiet_client, quiet_url)
            busy50, busy95 = timings(client, url)
            q = f"{queries(quiet_client, quiet_url)} / {queries(client, url)}"
            k = f"{calls(quiet_client, quiet_url):.1f} / {calls(client, url):.1f}"
            print(
                f"{name:<15}{p50:>9.2f}{p95:>9.2f}{p50 / bare_p50:>8.1f}  {busy50:>9.2f}{busy95:>9.2f}"
                f"{busy50 / bare_p50:>8.1f}  {q:<18}  {k}"
            )

        for name in pages(busiest):
            row(name)
        # The review's threads and feed lines are kept rendered until a comment changes. The first view after a
        # change renders them afresh: measured with a cache that keeps nothing in their place.
        print("\nFirst view after a comment changed (the review's threads and feed lines rendered on every request):")
        print(header)
        kept, caching.cache = caching.cache, Forgetting(caching.cache, REVIEW_PARTS)
        try:
            for name in ("canvas page", "edit page", "comment list", "activity feed"):
                row(name)
        finally:
            caching.cache = kept


def portfolio_team(slug: str, missions: int, values_per_mission: int):
    """A team with `missions` canvases of four metrics each and `values_per_mission` monthly values per canvas,
    made once (the slug says its size)."""
    import datetime as dt

    from django.contrib.auth import get_user_model

    from tests.factories import full_document
    from workbench.canvases.services import create_canvas
    from workbench.progress.models import Measurement
    from workbench.teams.models import Team

    team = Team.objects.filter(slug=slug).first()
    if team is not None:
        return team
    owner, _ = get_user_model().objects.get_or_create(username=f"{slug}-owner")
    team = Team.objects.create(name=f"Portfolio of {missions}", slug=slug)
    Membership.objects.create(team=team, user=owner, role=Role.OWNER)
    per_metric = values_per_mission // 4
    rows = []
    for n in range(missions):
        document = full_document(f"Mission {n + 1}", items=4)
        document["deadline_year"] = 2030 + n % 10
        canvas = create_canvas(team=team, user=owner, document=document)
        for metric in document["metrics"]:
            for month in range(per_metric):
                on = dt.date(2023 + month // 12, month % 12 + 1, 28)
                rows.append(
                    Measurement(
                        canvas=canvas,
                        metric=metric["id"],
                        year=on.year,
                        date=on,
                        value=20 + month * 0.4,
                        entered_by=owner,
                    )
                )
    Measurement.objects.bulk_create(rows, batch_size=1000)
    return team


def portfolio():
    """The portfolio of a team with 50 missions and 5,000 measurements, next to a bare page and to a team of 5."""
    call_command("collectstatic", interactive=False, verbosity=0)
    small = portfolio_team("portfolio-5", 5, 100)
    large = portfolio_team("portfolio-50", 50, 100)
    from workbench.progress.models import Measurement

    print(
        f"Portfolio: {large.canvases.count()} missions and "
        f"{Measurement.objects.filter(canvas__team=large).count():,} measurements; "
        f"{small.canvases.count()} and {Measurement.objects.filter(canvas__team=small).count():,}; {RUNS} requests"
    )
    with override_settings(ROOT_URLCONF="bench.bare_urls"):
        pages = [("bare page", "/__bare__/", large)] + [
            (f"portfolio of {team.canvases.count()}", f"/teams/{team.slug}/portfolio/", team) for team in (small, large)
        ]
        clients = {}
        for team in (small, large):
            clients[team.pk] = Client()
            clients[team.pk].force_login(Membership.objects.get(team=team, role=Role.OWNER).user)
        # Interleaved, one request of each page in turn, so that a busy machine slows them alike.
        samples = {name: [] for name, _, _ in pages}
        for _name, url, team in pages:
            for _ in range(3):
                assert clients[team.pk].get(url).status_code == 200, url
        for _ in range(RUNS):
            for name, url, team in pages:
                started = time.perf_counter()
                response = clients[team.pk].get(url)
                samples[name].append((time.perf_counter() - started) * 1000)
                assert response.status_code == 200, url
        bare_p50 = statistics.median(samples["bare page"])
        print(f"{'page':<22}{'p50 ms':>9}{'p95 ms':>9}{'× bare':>8}  queries")
        for name, url, team in pages:
            ordered = sorted(samples[name])
            p50, p95 = statistics.median(ordered), ordered[int(len(ordered) * 0.95) - 1]
            print(f"{name:<22}{p50:>9.2f}{p95:>9.2f}{p50 / bare_p50:>8.1f}  {queries(clients[team.pk], url)}")
        # The first view after anything in it changed: the portfolio drawn afresh (each mission's checker level,
        # kept per revision and latest dates, mostly still kept).
        kept, caching.cache = caching.cache, Forgetting(caching.cache, ("portfolio",))
        try:
            url = f"/teams/{large.slug}/portfolio/"
            p50, p95 = timings(clients[large.pk], url, runs=max(5, RUNS // 4))
            name = "  drawn afresh"
            print(f"{name:<22}{p50:>9.2f}{p95:>9.2f}{p50 / bare_p50:>8.1f}  {queries(clients[large.pk], url)}")
        finally:
            caching.cache = kept


if __name__ == "__main__":
    if "--portfolio" in sys.argv:
        # Makes its own two teams on first run (in the database DATABASE_URL names): no load data needed.
        portfolio()
    else:
        main()
