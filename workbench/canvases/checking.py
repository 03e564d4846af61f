"""The checker as the pages show it: one report per page, findings grouped by section, remembered per revision."""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

from django.core.cache import cache as shared_cache
from django.utils.safestring import mark_safe

import workbench.checker
from workbench.checker import Report, check, radar_svg
from workbench.document import SECTION_TITLES

CACHE_SECONDS = 7 * 24 * 3600


@cache
def checker_fingerprint() -> str:
    """Changes whenever the checker's code or word lists change, so that a new release re-checks."""
    digest = hashlib.sha256()
    package = Path(workbench.checker.__file__).parent
    for path in sorted(package.rglob("*")):
        if path.suffix in {".py", ".tsv", ".toml"}:
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def checked(document: dict, *, key: str | None = None) -> Report:
    """check(document), remembered under key (a canvas and its revision, an example and its content)."""
    if key is None:
        return check(document)
    cache_key = f"checker:{checker_fingerprint()}:{key}"
    report = shared_cache.get(cache_key)
    if report is None:
        report = check(document)
        shared_cache.set(cache_key, report, CACHE_SECONDS)
    return report


def checker_view(document: dict, *, key: str | None = None, radar_size: int = 260) -> dict:
    """Everything a template needs to show the checker's verdict on a document."""
    report = checked(document, key=key)
    by_section = {section: [] for section in SECTION_TITLES}
    for finding in report.findings:
        by_section.setdefault(finding.section if finding.section in by_section else "identity", []).append(finding)
    # Every rule switched off, with what it would find today (often nothing: it still counts as half met).
    messages: dict[str, list[str]] = {}
    for w in report.waived:
        messages.setdefault(w.finding.rule, []).append(w.finding.message)
    switched_off = [{**s.to_dict(), "messages": messages.get(s.rule, [])} for s in report.switched_off]
    return {
        "report": report,
        "switched_off": switched_off,
        "by_section": by_section,
        # The chart is drawn by the checker from numbers only; no user text reaches it. Drawn only when a
        # template asks for it (templates call callables), not when the page's cached scorecard is reused.
        "radar": lambda: mark_safe(radar_svg(report, size=radar_size)),
    }


def canvas_key(canvas) -> str:
    """A key no other canvas or revision can share, even where the database reuses deleted ids."""
    revision = canvas.current_revision
    stamp = revision.created_at.timestamp() if revision else 0
    return f"canvas:{canvas.pk}:{canvas.revision_number}:{stamp}"
