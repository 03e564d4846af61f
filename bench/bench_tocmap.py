"""The theory-of-change map on the largest canvas the limits allow: does it slow the canvas page, the editor or the
live checker? Each page is timed with the map drawn and, in the same run, with the map's drawing swapped for the
map of an empty canvas (the baseline); the ratio is the map's cost.

    .venv/bin/python bench/bench_tocmap.py [--runs 7]

The canvas is tests/largest.py's: 40 items in every list and every link ticked (4,840 links). Pages are rendered
afresh each time (the cache is cleared first), in production settings, on a throwaway SQLite database.
Prints medians in milliseconds, the ratios, and the drawing's own time and size.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
_TMP = tempfile.mkdtemp(prefix="bench-tocmap-")
os.environ["DATABASE_URL"] = f"sqlite:///{_TMP}/bench.sqlite3"
os.environ.setdefault("SECRET_KEY", "benchmark-only-secret-key-not-used-anywhere-else-0123456789")
os.environ.setdefault("ALLOWED_HOSTS", "testserver")
os.environ.setdefault("SECURE_SSL_REDIRECT", "0")
os.environ.setdefault("SECURE_COOKIES", "0")
os.environ.pop("DEBUG", None)
os.environ["DJANGO_SETTINGS_MODULE"] = "workbench.settings"


def _median(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()

    import django

    django.setup()
    from django.conf import settings
    from django.core.cache import cache
    from django.core.management import call_command
    from django.test import Client
    from django.urls import reverse

    from tests.canvases.test_editing import editor_post
    from tests.factories import make_canvas, make_team, make_user
    from tests.largest import largest_document
    from workbench.tocmap import build_map, map_svg
    from workbench.tocmap.outline import outline_html
    from workbench.tocmap.templatetags import tocmap_tags

    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    call_command("migrate", verbosity=0)
    owner = make_user("bench-owner")
    team = make_team("Bench council", owner=owner)
    document = largest_document()
    canvas = make_canvas(team, owner, document)
    client = Client()
    client.force_login(owner)
    check_data = editor_post(canvas.document, canvas.revision_number)

    real_build = tocmap_tags.build_map
    empty = {}

    def with_map(on: bool) -> None:
        tocmap_tags.build_map = real_build if on else (lambda _document: real_build(empty))

    def get(url, *, fresh=True):
        if fresh:
            cache.clear()
        started = time.perf_counter()
        response = client.get(url)
        took = time.perf_counter() - started
        assert response.status_code == 200, (url, response.status_code)
        return took, len(response.content)

    def check():
        started = time.perf_counter()
        response = client.post(reverse("canvases:check", args=[canvas.pk]), check_data)
        took = time.perf_counter() - started
        assert response.status_code == 200, response.status_code
        return took, len(response.content)

    pages = {
        "canvas page (GET)": lambda: get(reverse("canvases:detail", args=[canvas.pk])),
        "editor (GET)": lambda: get(reverse("canvases:edit", args=[canvas.pk])),
        "live check (POST)": check,
    }
    times: dict[tuple[str, bool], list[float]] = {}
    sizes: dict[tuple[str, bool], int] = {}
    for name, run in pages.items():
        for on in (False, True):  # one warm-up of each
            with_map(on)
            run()
        for _ in range(args.runs):
            for on in (False, True):  # interleaved, so that a busy moment of the machine falls on both
                with_map(on)
                took, size = run()
                times.setdefault((name, on), []).append(took)
                sizes[(name, on)] = size
    with_map(True)
    detail = reverse("canvases:detail", args=[canvas.pk])
    get(detail)  # renders and keeps the revision's fragments, the map among them
    kept = [get(detail, fresh=False)[0] for _ in range(args.runs)]

    drawing = []
    for _ in range(args.runs):
        started = time.perf_counter()
        tocmap = build_map(document)
        svg = map_svg(tocmap)
        outline = outline_html(tocmap, href=tocmap_tags.page_href)
        drawing.append(time.perf_counter() - started)
    print(
        f"Largest canvas: {len(tocmap.boxes)} boxes, {len(tocmap.links):,} links; crossings {tocmap.crossings:,} "
        f"(document order: {tocmap.document_crossings:,}); SVG {len(svg) / 1024:.0f} KB, list {len(outline) / 1024:.0f} KB"
    )
    print(f"{'map drawn (build, SVG, list)':28}{_median(drawing):8.0f} ms   median of {len(drawing)}")
    print(f"{'':28}{'no map':>11}{'with map':>11}{'ratio':>8}{'size':>16}")
    for name in pages:
        off, on = _median(times[(name, False)]), _median(times[(name, True)])
        size = f"{sizes[(name, False)] / 1024:.0f}→{sizes[(name, True)] / 1024:.0f} KB"
        print(f"{name:28}{off:8.0f} ms{on:8.0f} ms{on / off:7.2f}x{size:>16}")
    examples = [json.loads(path.read_text(encoding="utf-8")) for path in sorted((ROOT / "seeds").glob("*.json"))]
    worked = []
    for _ in range(args.runs):
        for example in examples:
            started = time.perf_counter()
            small = build_map(example)
            map_svg(small)
            outline_html(small, href=tocmap_tags.page_href)
            worked.append(time.perf_counter() - started)
    print(f"{'a worked example map drawn':28}{'':11}{_median(worked):8.1f} ms   median over the five examples")
    print(
        f"{'canvas page, second visit':28}{'':11}{_median(kept):8.0f} ms   the map kept with the revision's fragments"
    )
    print("Pages above the last line are rendered afresh each time (the cache cleared first).")


if __name__ == "__main__":
    main()
