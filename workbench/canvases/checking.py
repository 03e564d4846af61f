"""The checker as the canvas pages show it: one report per page, findings grouped by section."""

from __future__ import annotations

from django.utils.safestring import mark_safe

from workbench.checker import check, radar_svg
from workbench.document import SECTION_TITLES


def checker_view(document: dict, *, radar_size: int = 260) -> dict:
    """Everything a template needs to show the checker's verdict on a document."""
    report = check(document)
    by_section = {section: [] for section in SECTION_TITLES}
    for finding in report.findings:
        by_section.setdefault(finding.section if finding.section in by_section else "identity", []).append(finding)
    waived = {}
    for w in report.waived:
        entry = waived.setdefault(
            w.finding.rule, {"rule": w.finding.rule, "reason": w.reason, "by": w.by, "on": w.on, "messages": []}
        )
        entry["messages"].append(w.finding.message)
    return {
        "report": report,
        "waived": list(waived.values()),
        "by_section": by_section,
        # The chart is drawn by the checker from numbers only; no user text reaches it.
        "radar": mark_safe(radar_svg(report, size=radar_size)),
    }
