"""PDF one-pager timings: a fresh WeasyPrint render in a warm worker, headless Chromium on the same HTML, and
downloads through the web app of a one-pager the worker has rendered ahead.

    .venv/bin/python bench/bench_pdf.py [--runs 9] [--downloads 200]

The largest worked example (by document size) is measured:
  warm      a fresh render (no stored PDF) in the worker's warm render process: the layout that fits, once
  pipeline  everything a render task does: template, layouts tried in turn, the render process, the PDF
  next save the render task for a revision of a canvas whose last one-pager needed a tighter layout
  cold      a fresh Python process per render (import WeasyPrint, load fonts, render)
  chromium  /usr/bin/chromium --headless --print-to-pdf on the same HTML file, a fresh browser each time, taking
            turns with the warm renders
  columns   the warm render's processor time with columns filled in turn laid out once, and with WeasyPrint's own
            trial layout before them (workbench/pdf/columns.py)
  download  GET /canvases/<pk>/pdf/ through the whole web app (middleware, sign-in, permission, storage) once
            the worker has rendered the revision: p50 and p95 over --downloads requests
Before this release the first download of each revision waited for the pipeline inside the request; now the
worker renders it after the save, and the first download costs what any download of a ready PDF costs.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
WORK = Path(tempfile.mkdtemp(prefix="bench-pdf-"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "workbench.settings")
os.environ["DEBUG"] = "1"
os.environ["DATABASE_URL"] = f"sqlite:///{WORK / 'bench.sqlite3'}"
os.environ["PDF_DIR"] = str(WORK / "one-pagers")
os.environ["TASKS_BACKEND"] = "database"

CHROMIUM = "/usr/bin/chromium"
COLD_SCRIPT = """
import sys, time
started = time.perf_counter()
from workbench.pdf.engine import render_html
import json
kwargs = json.loads(sys.argv[1])
html = open(kwargs.pop("html_file"), encoding="utf-8").read()
render_html([html], **kwargs)
print(time.perf_counter() - started)
"""


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:8.1f} ms"


def _percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--downloads", type=int, default=200)
    args = parser.parse_args()

    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client
    from django.urls import reverse

    from workbench.canvases import services as canvas_services
    from workbench.document import parse
    from workbench.pdf import render as render_module
    from workbench.pdf import services
    from workbench.pdf.engine import render_html
    from workbench.pdf.models import OnePager
    from workbench.teams.models import Membership, Role, Team

    seeds = sorted((ROOT / "seeds").glob("*.json"), key=lambda path: path.stat().st_size)
    if not seeds:
        sys.exit("seeds/ holds no worked example to measure")
    seed = seeds[-1]
    document = parse(seed.read_bytes())
    meta = services.example_meta(document)
    assets = render_module.asset_dir()
    context = render_module.one_pager_context(document, meta=meta, layout="a4")
    variants = [
        render_module.render_to_string("pdf/one_pager.html", {**context, "fit": fit}) for fit in render_module.FITS
    ]
    engine_kwargs = {
        "base_url": assets.as_uri() + "/",
        "asset_dir": str(assets),
        "static_url": "/static/pdf/",
        "continued_stylesheet": (assets / render_module.CONTINUED_STYLESHEET).as_uri(),
    }
    fitting = next(html for html in variants if render_html([html], **engine_kwargs).pages == 1)
    html_file = WORK / "one-pager.html"
    html_file.write_text(fitting, encoding="utf-8")

    renderer = render_module.renderer()
    renderer.render([fitting], timeout=60, **engine_kwargs)  # start and warm the worker's render process

    def chromium_print(run: int) -> tuple[float, float]:
        """Seconds and processor seconds (all its processes) of a fresh headless Chromium printing the HTML."""
        target = WORK / f"chromium-{run}.pdf"
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        subprocess.run(
            [
                CHROMIUM,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                f"--user-data-dir={WORK / 'profile'}",
                "--no-pdf-header-footer",
                f"--print-to-pdf={target}",
                html_file.as_uri(),
            ],
            check=True,
            capture_output=True,
        )
        seconds = time.perf_counter() - started
        after = resource.getrusage(resource.RUSAGE_CHILDREN)  # every Chromium process, once it has exited
        return seconds, after.ru_utime + after.ru_stime - usage.ru_utime - usage.ru_stime

    # WeasyPrint and Chromium take turns, so that a busy spell of this shared machine weighs on both alike.
    has_chromium = Path(CHROMIUM).exists()
    if has_chromium:
        chromium_print(-1)  # the first start reads Chromium from disk: not counted
    warm, warm_cpu, chromium, chromium_cpu = [], [], [], []
    for run in range(args.runs):
        started = time.perf_counter()
        warm_cpu.append(renderer.render([fitting], timeout=60, **engine_kwargs).cpu_seconds)
        warm.append(time.perf_counter() - started)
        if has_chromium:
            seconds, cpu_seconds = chromium_print(run)
            chromium.append(seconds)
            chromium_cpu.append(cpu_seconds)
    # The same render in this process, with columns filled in turn laid out once (workbench/pdf/columns.py) and
    # with WeasyPrint's own trial layout before them, in turn.
    from weasyprint.layout import block, column

    from workbench.pdf import columns

    once, twice = [], []
    for _ in range(args.runs):
        for layout, samples in ((columns.columns_layout, once), (column.columns_layout, twice)):
            block.columns_layout = layout
            started = time.process_time()
            render_html([fitting], **engine_kwargs)
            samples.append(time.process_time() - started)
    columns.install()
    before = []  # the render as this release found it: every layout tried in turn, columns balanced each time
    for _ in range(args.runs):
        started = time.perf_counter()
        renderer.render(variants, timeout=120, probe=False, **engine_kwargs)
        before.append(time.perf_counter() - started)
    pipeline = []
    for _ in range(args.runs):
        started = time.perf_counter()
        render_module.render_one_pager_output(document, meta=meta, layout="a4")
        pipeline.append(time.perf_counter() - started)

    cold = []
    for _ in range(args.runs):
        started = time.perf_counter()
        command = [sys.executable, "-c", COLD_SCRIPT, json.dumps({"html_file": str(html_file), **engine_kwargs})]
        subprocess.run(command, check=True, cwd=ROOT, capture_output=True)
        cold.append(time.perf_counter() - started)

    # The web app: a team, a canvas holding the largest example, its one-pager rendered by the worker's code.
    call_command("migrate", verbosity=0)
    from django.contrib.auth import get_user_model

    person = get_user_model().objects.create_user("bench", password="not-a-real-password")
    team = Team.objects.create(name="Bench council", slug="bench")
    Membership.objects.create(team=team, user=person, role=Role.OWNER)
    canvas = canvas_services.create_canvas(team=team, user=person, document=document)
    one_pager = OnePager.objects.get(canvas=canvas)  # queued by the save, as every save does
    started = time.perf_counter()
    first_report = services.render(one_pager.pk)  # what the worker does after the save
    task_seconds = time.perf_counter() - started
    longer = {**document, "statement": document["statement"] + " Measured again after one more sentence."}
    canvas_services.save_canvas(canvas=canvas, user=person, document=longer, base_revision=1)
    next_one = OnePager.objects.get(canvas=canvas, revision__number=2)
    started = time.perf_counter()
    next_report = services.render(next_one.pk)  # the next save: starts from the layout revision 1 needed
    next_seconds = time.perf_counter() - started
    client = Client()
    client.force_login(person)
    url = reverse("pdf:canvas", kwargs={"pk": canvas.pk})
    downloads = []
    for _ in range(args.downloads):
        started = time.perf_counter()
        response = client.get(url, HTTP_HOST="127.0.0.1")
        downloads.append(time.perf_counter() - started)
        assert response.status_code == 200 and response["Content-Type"] == "application/pdf", response.status_code
    renderer.close()

    warm_median, chromium_median = statistics.median(warm), statistics.median(chromium) if chromium else None
    print(f"largest worked example: {seed.name} ({seed.stat().st_size:,} bytes); {args.runs} runs, medians")
    print(
        f"  load average at the end: {', '.join(f'{load:.1f}' for load in os.getloadavg())} on {os.cpu_count()} cores"
    )
    print(f"  WeasyPrint fresh render, warm worker       {_ms(warm_median)}")
    print(f"  layouts in turn, no probe (as before)      {_ms(statistics.median(before))}")
    print(
        f"  processor time of the fresh render in one process: columns laid out once {_ms(statistics.median(once))}, "
        f"with WeasyPrint's trial layout {_ms(statistics.median(twice))}, "
        f"ratio {statistics.median(a / b for a, b in zip(once, twice, strict=True)):.2f}×"
    )
    print(f"  render task pipeline, probing (now)        {_ms(statistics.median(pipeline))}")
    print(f"  WeasyPrint cold (fresh Python process)     {_ms(statistics.median(cold))}")
    if chromium_median:
        print(f"  headless Chromium --print-to-pdf           {_ms(chromium_median)}")
        pairs = statistics.median(ours / theirs for ours, theirs in zip(warm, chromium, strict=True))
        print(f"  ratio WeasyPrint warm / Chromium           {warm_median / chromium_median:8.2f}×  (goal ≤ 0.5×)")
        print(f"    median of the {len(warm)} ratios of runs taken in turn {pairs:.2f}×")
        cpu_ratio = statistics.median(warm_cpu) / statistics.median(chromium_cpu)
        print(
            f"  processor time: WeasyPrint {_ms(statistics.median(warm_cpu))}, Chromium (all its processes) "
            f"{_ms(statistics.median(chromium_cpu))}, ratio {cpu_ratio:.2f}×"
        )
    else:
        print("  headless Chromium: /usr/bin/chromium not installed, skipped")
    print(f"  render task, first revision (worker)       {_ms(task_seconds)}  ({first_report})")
    print(f"  render task, next save (layout remembered) {_ms(next_seconds)}  ({next_report})")
    print(f"  download of a ready PDF through the web app, {len(downloads)} requests:")
    print(f"    p50 {_ms(statistics.median(downloads))}   p95 {_ms(_percentile(downloads, 0.95))}  (goal p95 < 50 ms)")
    first_before = statistics.median(before)
    print(
        f"  first download of a new revision: before {_ms(first_before)} (rendered in the request), now "
        f"{_ms(statistics.median(downloads))} (rendered ahead): {first_before / statistics.median(downloads):.0f}× faster"
    )


if __name__ == "__main__":
    main()
