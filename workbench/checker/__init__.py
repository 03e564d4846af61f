"""The mission checker: rules over a canvas document, scored on ten criteria. Pure Python, no database.

from workbench.checker import check, radar_svg, rules
report = check(document)            # never raises, whatever the document
report.readiness, report.level      # 0-100 and "not yet a mission" / "taking shape" / "ready for review"
report.criteria["bold"]["score"]
report.findings_for("metrics")
radar_svg(report)                   # SVG text, safe under a strict CSP and in WeasyPrint
"""

from workbench.checker.base import CRITERIA, REGISTRY, SEVERITIES, Finding, Rule, Source
from workbench.checker.radar import radar_svg
from workbench.checker.report import LEVELS, READINESS_WEIGHTS, Report, Waived, check, level_for, rules
from workbench.checker.statement import StatementReading, read_statement

__all__ = [
    "CRITERIA",
    "LEVELS",
    "READINESS_WEIGHTS",
    "REGISTRY",
    "SEVERITIES",
    "Finding",
    "Report",
    "Rule",
    "Source",
    "StatementReading",
    "Waived",
    "check",
    "level_for",
    "radar_svg",
    "read_statement",
    "rules",
]
