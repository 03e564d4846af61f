"""PDF one-pager timings: WeasyPrint warm and cold, headless Chromium on the same HTML, a cached download.

    .venv/bin/python bench/bench_pdf.py [--runs 5]

The largest worked example (by document size) is rendered:
  warm     WeasyPrint in this process, fonts and layout machinery already loaded (what a pool worker does)
  cold     a fresh Python process per render (import WeasyPrint, load fonts, render)
  chromium /usr/bin/chromium --headless --print-to-pdf on the same HTML file, a fresh browser each time
  cached   a second download of the same revision: the PDF read back from the file cache
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "workbench.settings")
os.environ.setdefault("DEBUG", "1")

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


def _median_ms(samples: list[float]) -> str:
    return f"{statistics.median(samples) * 1000:8.0f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    import django

    django.setup()
    from workbench.document import parse
    from workbench.pdf import render as render_module
    from workbench.pdf.cache import cache_key, cached_pdf
    from workbench.pdf.engine import render_html
    from workbench.pdf.services import example_meta

    seeds = sorted((ROOT / "seeds").glob("*.json"), key=lambda path: path.stat().st_size)
    if not seeds:
        sys.exit("seeds/ holds no worked example to measure")
    seed = seeds[-1]
    document = parse(seed.read_bytes())
    meta = example_meta(document)
    assets = render_module.asset_dir()
    context = render_module.one_pager_context(document, meta=meta, layout="a4")
    # The variant the worked example ends up in (the one that fits one page), measured alone.
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

    with tempfile.TemporaryDirectory() as workdir:
        work = Path(workdir)
        html_file = work / "one-pager.html"
        html_file.write_text(fitting, encoding="utf-8")

        warm = []
        for _ in range(args.runs):
            started = time.perf_counter()
            render_html([fitting], **engine_kwargs)
            warm.append(time.perf_counter() - started)

        cold = []
        for _ in range(args.runs):
            started = time.perf_counter()
            subprocess.run(
                [sys.executable, "-c", COLD_SCRIPT, json.dumps({"html_file": str(html_file), **engine_kwargs})],
                check=True,
                cwd=ROOT,
                capture_output=True,
            )
            cold.append(time.perf_counter() - started)

        chromium = []
        if Path(CHROMIUM).exists():
            for run in range(args.runs):
                target = work / f"chromium-{run}.pdf"
                started = time.perf_counter()
                subprocess.run(
                    [
                        CHROMIUM,
                        "--headless",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-background-networking",
                        f"--user-data-dir={work / 'profile'}",
                        "--no-pdf-header-footer",
                        f"--print-to-pdf={target}",
                        html_file.as_uri(),
                    ],
                    check=True,
                    capture_output=True,
                )
                chromium.append(time.perf_counter() - started)

        # The whole pipeline once (template, three layouts tried, pool worker), then cached reads.
        from django.conf import settings

        settings.PDF_CACHE_DIR = work / "cache"
        key = cache_key("bench", seed.stem)
        started = time.perf_counter()
        cached_pdf(key, lambda: render_module.render_one_pager(document, meta=meta, layout="a4"))
        first_download = time.perf_counter() - started
        cached = []
        for _ in range(args.runs * 20):
            started = time.perf_counter()
            cached_pdf(key, lambda: b"")
            cached.append(time.perf_counter() - started)
        render_module.render_pool().close()

    print(f"largest worked example: {seed.name} ({seed.stat().st_size:,} bytes), {args.runs} runs, median")
    print(f"  WeasyPrint warm (one layout, in process) {_median_ms(warm)}")
    print(f"  WeasyPrint cold (fresh Python process)   {_median_ms(cold)}")
    if chromium:
        print(f"  headless Chromium --print-to-pdf         {_median_ms(chromium)}")
    else:
        print("  headless Chromium: /usr/bin/chromium not installed, skipped")
    print(f"  first download (pool start, all layouts) {first_download * 1000:8.0f} ms")
    print(f"  cached download (file read)              {statistics.median(cached) * 1e6:8.0f} µs")


if __name__ == "__main__":
    main()
