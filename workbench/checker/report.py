"""Running every rule over a canvas, applying waivers, and scoring the ten criteria."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

from workbench.checker import criteria as _criteria  # noqa: F401  (registers every rule)
from workbench.checker.base import CRITERIA, REGISTRY, Finding
from workbench.checker.canvas import Canvas, as_text

# How much each criterion counts towards readiness. The statement's three tests weigh most: a canvas
# full of good detail around a statement that is not a mission is still not a mission.
READINESS_WEIGHTS = {
    "bold": 3,
    "measurable": 3,
    "time_bound": 3,
    "not_mission_washing": 2,
    "theory_of_change": 2,
    "cross_sector": 1,
    "policy_mix": 1,
    "governance": 1,
    "plain_language": 1,
    "short_and_long_term": 1,
}

# Levels, from the top. A canvas with an error finding cannot be "ready for review", whatever its score.
READY, TAKING_SHAPE, NOT_YET = "ready for review", "taking shape", "not yet a mission"
READY_AT, SHAPE_AT = 75, 45
STATEMENT_CRITERIA = ("bold", "measurable", "time_bound")  # what the statement itself must carry
STATEMENT_READY_AT = 60  # each of them, for "ready for review"
BOLD_FLOOR = 40  # below this the statement is not a mission, however complete the rest of the canvas
LEVELS = [
    (
        READY,
        f"Readiness {READY_AT} or more, no error findings, bold, measurable and time-bound each at least "
        f"{STATEMENT_READY_AT}, and a metric that measures an outcome with a target value and year: ready for a "
        "reviewer to read closely.",
    ),
    (TAKING_SHAPE, "Everything between: the mission is taking shape."),
    (
        NOT_YET,
        f"Readiness below {SHAPE_AT}; a statement scoring below {BOLD_FLOOR} on bold; or a statement that names no "
        "outcome at all (only outputs such as events held and plans published, or only activities): not yet a "
        f"mission, however full and precise the rest of the canvas is. Readiness then stays below {SHAPE_AT}.",
    ),
]

SEVERITY_ORDER = {"error": 0, "warning": 1, "advice": 2}


def level_for(
    readiness: int,
    has_errors: bool,
    scores: dict[str, int] | None = None,
    *,
    names_outcome: bool = True,
    measures_outcome: bool = True,
) -> str:
    """The level in plain words (see LEVELS) for a readiness score, the error findings, the criterion scores,
    whether the statement names an outcome and whether a metric measures one."""
    scores = scores or {}
    if readiness < SHAPE_AT or scores.get("bold", 100) < BOLD_FLOOR or not names_outcome:
        return NOT_YET
    if (
        readiness >= READY_AT
        and not has_errors
        and measures_outcome
        and all(scores.get(k, 100) >= STATEMENT_READY_AT for k in STATEMENT_CRITERIA)
    ):
        return READY
    return TAKING_SHAPE


def criterion_label(score: int) -> str:
    """A plain-words verdict on one criterion's score: strong (80+), partly there (50+), needs work."""
    if score >= 80:
        return "strong"
    if score >= 50:
        return "partly there"
    return "needs work"


@dataclass(frozen=True)
class Waived:
    """A finding a team switched off, with the reason they gave."""

    finding: Finding
    reason: str
    by: str = ""
    on: str = ""

    def to_dict(self) -> dict:
        return {**self.finding.to_dict(), "waiver": {"reason": self.reason, "by": self.by, "on": self.on}}


@dataclass(frozen=True)
class SwitchedOff:
    """A rule a team switched off for its canvas: a visible exception, never a pass (it counts as half met)."""

    rule: str
    title: str
    severity: str
    reason: str
    by: str = ""
    on: str = ""
    imported: bool = False  # came in with an imported file: "by" and "on" say who imported it and when

    def to_dict(self) -> dict:
        return {
            "rule": self.rule,
            "title": self.title,
            "severity": self.severity,
            "reason": self.reason,
            "by": self.by,
            "on": self.on,
            "imported": self.imported,
        }


@dataclass
class Report:
    """The checker's verdict on one canvas."""

    readiness: int
    level: str
    criteria: dict[str, dict]
    findings: list[Finding]
    waived: list[Waived] = field(default_factory=list)
    switched_off: list[SwitchedOff] = field(default_factory=list)  # every rule switched off, findings or not
    faults: list[str] = field(default_factory=list)  # rules that could not run on this input (a checker bug)

    @property
    def has_errors(self) -> bool:
        return any(f.severity == "error" for f in self.findings)

    def findings_for(self, section: str) -> list[Finding]:
        """The findings that point at one section of the canvas, most severe first."""
        return [f for f in self.findings if f.section == section]

    def counts(self) -> dict[str, int]:
        """How many findings of each severity."""
        out = {severity: 0 for severity in SEVERITY_ORDER}
        for finding in self.findings:
            out[finding.severity] += 1
        return out

    def to_dict(self) -> dict:
        """The whole report as plain JSON-ready data."""
        return {
            "readiness": self.readiness,
            "level": self.level,
            "criteria": {key: dict(value) for key, value in self.criteria.items()},
            "findings": [f.to_dict() for f in self.findings],
            "waived": [w.to_dict() for w in self.waived],
            "switched_off": [s.to_dict() for s in self.switched_off],
            "counts": self.counts(),
        }


def _waivers(canvas: Canvas) -> dict[str, SwitchedOff]:
    """Waivers that take effect, by rule id: the rule exists, is not an error rule, and a reason is given.

    Error rules cannot be switched off: they mark a canvas that contradicts itself. Invalid waivers are
    reported by the waiver-valid rule.
    """
    out = {}
    for waiver in canvas.waivers:
        rule_id = waiver.get("rule")
        reason = as_text(waiver.get("reason")).strip()
        rule = REGISTRY.get(rule_id) if isinstance(rule_id, str) else None
        if rule is None or rule.severity == "error" or not reason or rule_id in out:
            continue
        out[rule_id] = SwitchedOff(
            rule=rule_id,
            title=rule.title,
            severity=rule.severity,
            reason=reason,
            by=as_text(waiver.get("by")),
            on=as_text(waiver.get("on")),
            imported=waiver.get("imported") is True,
        )
    return out


# A switched-off rule counts as half met: the team may well be right, but a waiver never buys a full pass.
WAIVED_SHARE = 0.5


def _has_target(metric) -> bool:
    target = metric.measurement("target")
    return target.value is not None and target.year is not None


def check(document, *, measured: Mapping[str, dt.date] | None = None, today: dt.date | None = None) -> Report:
    """Check a canvas document (any value: malformed parts read as empty) and return its report.

    `measured` maps metric ids to the date of the latest value recorded (a value for a year counts as 1 January of
    that year); a caller that keeps measurements passes it, with `today`, so the measurable criterion can notice a
    metric left unmeasured. Without it the rules that need it do not apply and count for nothing."""
    canvas = Canvas(document, measured=measured, today=today or dt.date.today())
    waivers = _waivers(canvas)
    findings: list[Finding] = []
    waived: list[Waived] = []
    faults: list[str] = []
    penalty: dict[str, float] = {key: 0.0 for key in CRITERIA}
    weight: dict[str, float] = {key: 0.0 for key in CRITERIA}

    for rule in REGISTRY:
        if not rule.applies(canvas):
            continue
        try:
            produced = list(rule.findings(canvas))
        except Exception:  # noqa: BLE001 - a rule bug must never take the page or the command line down
            faults.append(rule.id)
            continue
        if rule.id in waivers:
            waiver = waivers[rule.id]
            waived.extend(Waived(f, waiver.reason, waiver.by, waiver.on) for f in produced)
        else:
            findings.extend(produced)
        if rule.criterion not in weight:
            continue
        missing = [part for part in rule.needs if not canvas.has(part)]
        weight[rule.criterion] += rule.weight
        cost = 1.0 if missing else min(1.0, sum(f.share for f in produced))
        if rule.id in waivers:
            # Half met. Rules waiting on a part whose own rule was switched off still count that part as
            # missing: a waiver of "metrics-missing" does not make the metric rules pass.
            cost *= WAIVED_SHARE
        penalty[rule.criterion] += rule.weight * cost

    scores = {}
    for key, label in CRITERIA.items():
        total = weight[key]
        score = 100 if total == 0 else round(100 * (total - penalty[key]) / total)
        score = max(0, min(100, score))
        scores[key] = {"score": score, "label": label, "verdict": criterion_label(score)}

    total_weight = sum(READINESS_WEIGHTS.values())
    readiness = round(sum(scores[key]["score"] * w for key, w in READINESS_WEIGHTS.items()) / total_weight)
    names_outcome = not canvas.reading.names_no_outcome
    if not names_outcome:
        # Detail around a statement that promises only outputs or activities does not make it a mission.
        readiness = min(readiness, SHAPE_AT - 1)
    # Errors first, then warnings, then advice; within each, in the order of the criteria (the statement's first).
    criterion_rank = {key: rank for rank, key in enumerate(CRITERIA)}
    findings.sort(key=lambda f: (SEVERITY_ORDER.get(f.severity, 3), criterion_rank.get(f.criterion, len(CRITERIA))))
    has_errors = any(f.severity == "error" for f in findings)
    level = level_for(
        readiness,
        has_errors,
        {key: value["score"] for key, value in scores.items()},
        names_outcome=names_outcome,
        measures_outcome=any(canvas.counts_outcome(m) and _has_target(m) for m in canvas.metrics),
    )
    return Report(
        readiness=readiness,
        level=level,
        criteria=scores,
        findings=findings,
        waived=waived,
        switched_off=list(waivers.values()),
        faults=faults,
    )


def rules() -> list[dict]:
    """Every rule described for the "How the checker works" page, criterion by criterion."""
    return [rule.describe() for rule in REGISTRY]
