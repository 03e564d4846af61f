"""The checker as the pages show it: one report per page, findings grouped by section, remembered per revision."""

from __future__ import annotations

from django.utils.safestring import mark_safe

from workbench import caching
from workbench.checker import Report, check, radar_svg
from workbench.document import SECTION_TITLES


def checked(document: dict, *, key: str | None = None) -> Report:
    """check(document), kept under key (caching.revision_key or caching.example_key) until the release changes."""
    if key is None:
        return check(document)
    return caching.kept(caching.checker_report_key(key), lambda: check(document))


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
        # template asks for it (templates call callables).
        "radar": lambda: mark_safe(radar_svg(report, size=radar_size)),
    }
