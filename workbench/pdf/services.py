"""The PDFs the app serves: a canvas at its current revision, a worked example from seeds/."""

from __future__ import annotations

import re
from pathlib import Path

from django.conf import settings
from django.utils.text import slugify

from workbench.checker import check, radar_svg
from workbench.pdf.cache import cache_key, cached_pdf, content_hash
from workbench.pdf.render import render_one_pager

EXAMPLE_SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{0,80}$")
EXAMPLE_TEAM = "Mission Workbench worked example"


def checker_verdict(document: dict) -> dict:
    """The checker's level, readiness, rules switched off and radar chart of a document, as the one-pager prints them."""
    report = check(document)
    return {
        "level": report.level,
        "readiness": report.readiness,
        "switched_off": [{"rule": s.rule, "reason": s.reason} for s in report.switched_off],
        "radar_svg": radar_svg(report, size=160, title="Checker scores by criterion", id_prefix="pdf-"),
    }


def canvas_meta(canvas, revision=None) -> dict:
    """The facts the one-pager prints besides the document: team, revision, the checker's verdict. The revision is
    the current one unless another is named (the published one, for share links)."""
    revision = revision or canvas.current_revision
    return {
        "team": canvas.team.name,
        "revision": revision.number if revision else 0,
        "revision_date": revision.created_at if revision else canvas.updated_at,
        **checker_verdict(revision.document if revision else canvas.document),
    }


def canvas_pdf(canvas, *, meta: dict, layout: str, revision=None) -> bytes:
    """The one-pager of a canvas at a revision (the current one unless named): rendered once per revision and
    layout."""
    document = revision.document if revision else canvas.document
    key = cache_key("canvas", canvas.pk, meta["revision"], layout, content_hash(document), content_hash(meta))
    return cached_pdf(key, lambda: render_one_pager(document, meta=meta, layout=layout))


def canvas_filename(canvas, *, revision: int, layout: str) -> str:
    """A download name such as warm-homes-for-northfield-r7-a4.pdf (ASCII, no path characters)."""
    return f"{_file_stem(canvas.title)}-r{revision}-{layout}.pdf"


def seeds_dir() -> Path:
    """Where the worked examples' canvas documents live."""
    return Path(getattr(settings, "PDF_SEEDS_DIR", settings.BASE_DIR / "seeds"))


def example_path(slug: str) -> Path | None:
    """The seed file of a worked example, or None when no example has that slug."""
    if not EXAMPLE_SLUG.match(slug):
        return None
    path = seeds_dir() / f"{slug}.json"
    return path if path.is_file() else None


def example_meta(document: dict) -> dict:
    """Footer facts of a worked example: it belongs to no team and has no revisions."""
    return {"team": EXAMPLE_TEAM, "revision": 0, "revision_date": None, **checker_verdict(document)}


def example_pdf(slug: str, document: dict, *, meta: dict, layout: str) -> bytes:
    """The one-pager of a worked example: rendered once per content of its seed file and layout."""
    key = cache_key("example", slug, content_hash(document), layout, content_hash(meta))
    return cached_pdf(key, lambda: render_one_pager(document, meta=meta, layout=layout))


def example_filename(slug: str, *, layout: str) -> str:
    """A download name such as example-vision-zero-cancer-a4.pdf."""
    return f"example-{slug}-{layout}.pdf"


def _file_stem(title: str) -> str:
    return slugify(title)[:60].strip("-") or "mission"
