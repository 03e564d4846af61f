"""Governance and learning: the Dutch field labs' five elements, conflicts of interest, early evaluation."""

from __future__ import annotations

from workbench.checker.base import (
    Rule,
    register,
)
from workbench.checker.language import words
from workbench.document.spec import in_sentence

THIN = 4  # fewer words than this in a governance field is a placeholder, not an arrangement


class _GovernanceFieldRule(Rule):
    """Shared shape of the governance rules: one field of the governance section, filled in with substance."""

    criterion = "governance"
    severity = "warning"
    section = "governance"
    field_name: str
    topic = ""  # the field in a sentence; its label on the canvas unless a rule words it otherwise
    example: str
    weight = 14

    def findings(self, canvas):
        text = canvas.governance.get(self.field_name, "").strip()
        field = f"governance.{self.field_name}"
        topic = self.topic or in_sentence(canvas.spec.label(field))
        if not text:
            return [
                self.finding(
                    f"Nothing is said yet about {topic}.",
                    f"Say how it will work, e.g. {self.example}",
                    field=field,
                )
            ]
        if len(words(text)) < THIN:
            return [
                self.finding(
                    f"The note on {topic} is very short.",
                    f"Say who does what and how often, e.g. {self.example}",
                    field=field,
                    share=0.5,
                )
            ]
        return []


@register
class GovernanceMonitoring(_GovernanceFieldRule):
    id = "governance-monitoring"
    field_name = "monitoring"
    example = "'the metrics are reported to the mission board every quarter'."


@register
class GovernanceWorkingTogether(_GovernanceFieldRule):
    id = "governance-working-together"
    field_name = "working_together"
    topic = "how partners work together"
    example = "'partners sign a shared agreement and meet monthly'."


@register
class GovernanceLearning(_GovernanceFieldRule):
    id = "governance-learning"
    field_name = "learning_together"
    example = "'a learning session each quarter where partners share what worked and what did not'."


@register
class GovernanceData(_GovernanceFieldRule):
    id = "governance-data"
    field_name = "ict_and_data"
    topic = "data and ICT"
    example = "'partners share anonymised data through one dashboard'."


@register
class GovernanceFinancing(_GovernanceFieldRule):
    id = "governance-financing"
    field_name = "financing"
    example = "'the council and two funders pool £2m a year; partners add staff time'."


@register
class GovernanceConflicts(_GovernanceFieldRule):
    id = "governance-conflicts"
    field_name = "conflicts_of_interest"
    example = "'advisers declare interests and do not score bids they are part of'."


@register
class GovernanceEvaluation(_GovernanceFieldRule):
    id = "governance-evaluation"
    field_name = "evaluation"
    topic = "evaluation"
    example = "'an independent review after the first year checks whether funded work serves the mission'."


@register
class BudgetStated(Rule):
    id = "budget-stated"

    def findings(self, canvas):
        if canvas.budget_amount is not None:
            return []
        return [
            self.finding(
                "No budget is given.",
                "Add the money committed so far and the period it covers, e.g. £1.2m over 2025–2028.",
                field="budget.amount",
            )
        ]
