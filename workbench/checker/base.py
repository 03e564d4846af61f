"""The shape of a checker rule, the finding it reports, and the one registry every rule is listed in."""

from __future__ import annotations

import tomllib
from abc import ABC, abstractmethod
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import ClassVar

from workbench.checker.canvas import Canvas

SEVERITIES = ("error", "warning", "advice")

# The ten criteria, in the order the web app and the radar chart show them.
CRITERIA = {
    "bold": "Bold",
    "measurable": "Measurable",
    "time_bound": "Time-bound",
    "not_mission_washing": "Not mission-washing",
    "cross_sector": "Cross-sector and citizens",
    "policy_mix": "Policy mix",
    "theory_of_change": "Theory of change",
    "governance": "Governance and learning",
    "plain_language": "Plain language",
    "short_and_long_term": "Short and long term",
}


@dataclass(frozen=True)
class Source:
    """Where a rule's reasoning comes from: a seed document and a timestamp in it."""

    file: str
    at: str

    def to_dict(self) -> dict:
        return {"file": self.file, "at": self.at}


# The passages of the seed documents the rules rest on (every timestamp occurs in its file).
TRANSCRIPT = "001_71443529b753c4b8.txt"
CASES = "000_f67c9f7830c09c20.txt"
REAL_MISSIONS = Source(TRANSCRIPT, "00:44:57")  # bold, targeted, measurable; beware mission washing
AMBITIOUS_OUTCOMES = Source(TRANSCRIPT, "00:02:29")  # ambitious outcomes, not small improvements
NO_ONE_DIES = Source(CASES, "00:30:17")  # Vision Zero: no one should die of cancer
TIME_FRAME = Source(TRANSCRIPT, "00:40:36")  # concrete goals within a defined time frame
MILESTONES = Source(CASES, "00:26:06")  # areas with milestones
TEN_PERCENT_A_DECADE = Source(CASES, "01:39:24")  # Germany: -10 % preventable cancers every ten years
MEASURING_IMPACT = Source(TRANSCRIPT, "00:46:27")
METRICS_CHALLENGE = Source(CASES, "01:28:07")
QUICK_WINS = Source(TRANSCRIPT, "00:49:01")
BEYOND_SCIENCE = Source(TRANSCRIPT, "00:45:26")
SILOS = Source(TRANSCRIPT, "00:40:49")
QUINTUPLE_HELIX = Source(CASES, "00:23:03")
NON_STI_ACTORS = Source(TRANSCRIPT, "00:45:58")
PATIENTS = Source(CASES, "01:49:41")
COMMUNITY_DRIVEN = Source(CASES, "02:19:54")
SUPPLY_AND_DEMAND = Source(TRANSCRIPT, "00:41:04")
POLICY_MIX = Source(TRANSCRIPT, "00:44:36")
METHODOLOGY = Source(TRANSCRIPT, "00:50:05")
LINKED_INVESTMENTS = Source(CASES, "01:26:52")
FIVE_ELEMENTS = Source(CASES, "02:11:02")
EARLY_EVALUATION = Source(CASES, "01:30:31")
CONFLICTS_OF_INTEREST = Source(CASES, "01:23:41")
ADAPTIVE = Source(CASES, "01:33:46")
LANGUAGE_MATTERS = Source(CASES, "02:25:20")
URGENCY_AND_LONG_VIEW = Source(CASES, "02:22:36")
MISSION_ON_A_PAGE = Source("004_592c2f7421135400.txt", "02:21:18")
LAYERS = Source(TRANSCRIPT, "03:01:43")


@dataclass(frozen=True)
class Finding:
    """One thing the checker noticed, pointing at a section, and at an item and field where it can."""

    rule: str
    criterion: str | None
    severity: str
    section: str
    item: str | None
    field: str | None
    message: str
    suggestion: str
    source: Source
    share: float = field(default=1.0, compare=False)  # how much of the rule's weight this finding costs

    def to_dict(self) -> dict:
        return {
            "rule": self.rule,
            "criterion": self.criterion,
            "severity": self.severity,
            "section": self.section,
            "item": self.item,
            "field": self.field,
            "message": self.message,
            "suggestion": self.suggestion,
            "source": self.source.to_dict(),
        }


class Rule(ABC):
    """A rule of the checker: it describes itself for the "How the checker works" page and finds one thing.

    Subclasses set the class attributes and implement findings(); the registry holds one instance each.
    """

    id: ClassVar[str]
    criterion: ClassVar[str | None]
    severity: ClassVar[str]
    section: ClassVar[str]
    title: ClassVar[str]
    looks_for: ClassVar[str]
    why: ClassVar[str]
    source: ClassVar[Source]
    how_to_fix: ClassVar[str]
    weight: ClassVar[int] = 10  # its share of its criterion's score, against the other rules of that criterion
    # Parts of the canvas the rule inspects (see Canvas.has). When one is empty the rule has nothing to
    # pass on, so it counts as not met without a finding of its own: the rule that asks for the missing
    # part (statement-missing, metrics-missing …) says what to do.
    needs: ClassVar[tuple[str, ...]] = ()

    def applies(self, canvas: Canvas) -> bool:
        """Whether the rule has what it reads; a rule that does not apply neither finds nor scores anything."""
        return True

    @abstractmethod
    def findings(self, canvas: Canvas) -> Iterable[Finding]:
        """Every finding of this rule on the canvas; nothing when the canvas satisfies it."""

    def finding(
        self,
        message: str,
        suggestion: str,
        *,
        section: str | None = None,
        item: str | None = None,
        field: str | None = None,
        share: float = 1.0,
    ) -> Finding:
        """A finding of this rule, with the rule's own id, criterion, severity and source."""
        return Finding(
            rule=self.id,
            criterion=self.criterion,
            severity=self.severity,
            section=section or self.section,
            item=item,
            field=field,
            message=message,
            suggestion=suggestion,
            source=self.source,
            share=max(0.0, min(1.0, share)),
        )

    def describe(self) -> dict:
        """The rule as the "How the checker works" page shows it; `anchor` is the fragment findings link to."""
        return {
            "id": self.id,
            "anchor": self.id,
            "criterion": self.criterion,
            "criterion_label": CRITERIA.get(self.criterion or "", "Waivers"),
            "severity": self.severity,
            "section": self.section,
            "title": self.title,
            "looks_for": self.looks_for,
            "why": self.why,
            "source": self.source.to_dict(),
            "how_to_fix": self.how_to_fix,
            "weight": self.weight,
            "needs": list(self.needs),
        }


RULES_TABLE = Path(__file__).with_name("data") / "rules.toml"


@cache
def _descriptions() -> dict[str, dict]:
    """What the table says of each rule that is a class of its own: wording, severity, weight, source."""
    table = tomllib.loads(RULES_TABLE.read_text(encoding="utf-8"))
    return {row["id"]: row for row in table.get("rule", [])}


def _describe(cls: type[Rule]) -> None:
    row = _descriptions().get(getattr(cls, "id", None))
    if row is None:
        return  # a rule of a shape brings its own row (shapes.load)
    values = {"criterion": None, **row}
    for name, value in values.items():
        if name == "source":
            value = globals()[value]
        elif name == "needs":
            value = tuple(value)
        setattr(cls, name, value)


class Registry:
    """Every rule of the checker, in the order they were registered (criterion by criterion)."""

    def __init__(self):
        self._rules: dict[str, Rule] = {}

    def register(self, cls: type[Rule]) -> type[Rule]:
        """Class decorator: describe the rule from the table (data/rules.toml), check the description is whole,
        and add one instance of it."""
        _describe(cls)
        for name in ("id", "criterion", "severity", "section", "title", "looks_for", "why", "source", "how_to_fix"):
            if not hasattr(cls, name):
                raise TypeError(f"rule {cls.__name__} does not set {name}")
        if cls.severity not in SEVERITIES:
            raise TypeError(f"rule {cls.id} has an unknown severity {cls.severity!r}")
        if cls.criterion is not None and cls.criterion not in CRITERIA:
            raise TypeError(f"rule {cls.id} names an unknown criterion {cls.criterion!r}")
        if cls.id in self._rules:
            raise TypeError(f"two rules share the id {cls.id}")
        self._rules[cls.id] = cls()
        return cls

    def __iter__(self):
        return iter(self._rules.values())

    def __len__(self) -> int:
        return len(self._rules)

    def __contains__(self, rule_id) -> bool:
        return rule_id in self._rules

    def get(self, rule_id: str) -> Rule | None:
        return self._rules.get(rule_id)

    def for_criterion(self, criterion: str) -> list[Rule]:
        return [rule for rule in self._rules.values() if rule.criterion == criterion]


REGISTRY = Registry()
register = REGISTRY.register


def in_text(section: str, field: str, item) -> dict:
    """Where a finding about one text of the canvas points, from the (section, field, item) Canvas.texts() gives."""
    return {"section": section, "field": field, "item": item}


def rule(rule_id: str, **attributes):
    """Function decorator for a rule that judges something of its own: the function takes the canvas and a
    `finding(message, suggestion, …)` maker and returns the findings. Its description comes from the table
    (data/rules.toml) as for a class; `attributes` set anything else a Rule has (`needs`, `severity` …)."""

    def make(judge):
        name = "".join(part.capitalize() for part in rule_id.split("-"))

        def findings(self, canvas):
            # A rule says nothing about a part that is not there yet: the part's own rule does.
            if any(not canvas.has(part) for part in self.needs):
                return []
            return judge(canvas, self.finding)

        body = {"id": rule_id, "__doc__": judge.__doc__, "findings": findings}
        register(type(name, (Rule,), {**body, **attributes}))
        return judge

    return make
