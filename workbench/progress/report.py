"""The progress report: one A4 portrait page a council can attach to its annual report, laid out by WeasyPrint
through the PDF app's renderer, with the same limits and locked-down URL fetcher as the one-pager (workbench/pdf/fetcher.py:
only the print assets in static/pdf, nothing from the network or the disk besides)."""

from __future__ import annotations

import hashlib
from functools import cache

from django.template.loader import render_to_string
from django.utils.text import slugify

from workbench import caching
from workbench.pdf.render import asset_dir, render_variants

STYLESHEET = "progress-report.css"
# Tried in turn until the report fits one page: the roomy layout, then smaller charts and type.
FITS = ("fit-roomy", "fit-compact")


def report_html(context: dict, *, fit: str = FITS[0]) -> str:
    """The report's HTML in one layout; every text escaped by the template."""
    return render_to_string(
        "progress/report.html", {**context, "fit": fit, "stylesheet_url": (asset_dir() / STYLESHEET).as_uri()}
    )


def render_report(context: dict):
    """The report laid out (a RenderOutput: the PDF, its pages and every URL the renderer asked for)."""
    return render_variants([report_html(context, fit=fit) for fit in FITS])


@cache
def _stylesheet_hash() -> str:
    return hashlib.sha256((asset_dir() / STYLESHEET).read_bytes()).hexdigest()[:16]


def report_pdf(canvas, context: dict) -> bytes:
    """The report's PDF, rendered once for what it shows (the HTML and its stylesheet) and kept in the cache."""
    html = report_html(context)
    key = "progress-report:" + caching.pdf_key(_stylesheet_hash(), canvas.pk, caching.content_digest(html))
    return caching.kept(key, lambda: render_report(context).pdf)


def report_filename(canvas, today) -> str:
    return f"{(slugify(canvas.title)[:60].strip('-') or 'mission')}-progress-{today.isoformat()}.pdf"
