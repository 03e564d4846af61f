"""What each kept part of a page is worth: every page timed with all of workbench/caching.py's parts kept, and
with one kind of part forgotten, on the same data in the same run (requests alternate, so a busy machine slows
both sides alike).

    DATABASE_URL=sqlite:///var/load.sqlite3 .venv/bin/python bench/bench_caches.py

Uses the data of `manage.py generate_load_data` (see bench/bench_pages.py) and its busiest canvas and team. For
each kind it prints the p50 with and without it, both as a multiple of a bare Django page, and the queries the
page runs without it. A kind earns its place when the page is over 3× a bare page without it, or runs more
queries.
"""

from __future__ import annotations

import statistics
import time

import bench_pages  # noqa: F401  (sets up Django in production settings)
from django.db.models import Count
from django.test import Client
from django.test.utils import override_settings

from workbench import caching
from workbench.canvases.models import Canvas
from workbench.teams.models import Membership, Role

RUNS = bench_pages.RUNS


def paired(client, url, kinds, runs=RUNS):
    """p50 of the page with everything kept and with `kinds` forgotten, requests alternating."""
    kept, forgetting = caching.cache, bench_pages.Forgetting(caching.cache, kinds)
    samples = {True: [], False: []}
    for i in range(runs * 2 + 6):
        keep = i % 2 == 0
        caching.cache = kept if keep else forgetting
        started = time.perf_counter()
        assert client.get(url).status_code == 200, url
        if i >= 6:
            samples[keep].append((time.perf_counter() - started) * 1000)
    caching.cache = forgetting
    queries = bench_pages.queries(client, url)
    caching.cache = kept
    return statistics.median(samples[True]), statistics.median(samples[False]), queries


def main():
    busiest = Canvas.objects.annotate(n=Count("comments")).order_by("-n").select_related("team").first()
    owner = Membership.objects.get(team=busiest.team, role=Role.OWNER).user
    slug = busiest.team.slug
    kinds = {
        "canvas-page": ("canvas page", f"/canvases/{busiest.pk}/"),
        "checker": ("canvas page", f"/canvases/{busiest.pk}/"),
        "comment-panel": ("canvas page", f"/canvases/{busiest.pk}/"),
        "editor": ("edit page", f"/canvases/{busiest.pk}/edit/"),
        "editor-threads": ("edit page", f"/canvases/{busiest.pk}/edit/"),
        "comment-list": ("comment list", f"/canvases/{busiest.pk}/comments/"),
        "dashboard-row": ("dashboard", f"/teams/{slug}/"),
        "import-form": ("dashboard", f"/teams/{slug}/"),
        "feed-entry": ("activity feed", f"/teams/{slug}/activity/"),
    }
    with override_settings(ROOT_URLCONF="bench.bare_urls"):
        client = Client()
        client.force_login(owner)
        bare, _ = bench_pages.timings(client, "/__bare__/")
        print(
            f"Busiest canvas ({busiest.n} comments) and its team; {RUNS} requests each way; bare page {bare:.2f} ms\n"
        )
        print(f"{'kept part':<15}{'page':<15}{'kept p50':>9}{'× bare':>8}{'without':>9}{'× bare':>8}  queries without")
        for kind, (page, url) in kinds.items():
            with_it, without, queries = paired(client, url, [kind])
            print(
                f"{kind:<15}{page:<15}{with_it:>9.2f}{with_it / bare:>8.1f}{without:>9.2f}{without / bare:>8.1f}  {queries}"
            )


if __name__ == "__main__":
    main()
