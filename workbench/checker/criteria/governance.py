"""Governance and learning: the Dutch field labs' five elements, conflicts of interest, early evaluation."""

from __future__ import annotations

from workbench.checker.base import (
    ADAPTIVE,
    CONFLICTS_OF_INTEREST,
    EARLY_EVALUATION,
    FIVE_ELEMENTS,
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
    title = "Monitoring is arranged"
    looks_for = "An empty or one-line governance note on monitoring."
    why = "Monitoring is the first of the five elements the Dutch field labs build their governance on."
    source = FIVE_ELEMENTS
    how_to_fix = "Say who tracks the metrics, how often, and who sees the results."


@register
class GovernanceWorkingTogether(_GovernanceFieldRule):
    id = "governance-working-together"
    field_name = "working_together"
    topic = "how partners work together"
    example = "'partners sign a shared agreement and meet monthly'."
    title = "Working together is arranged"
    looks_for = "An empty or one-line note on how the partners work together."
    why = "Working together is one of the five elements of the field labs' cooperation agreements."
    source = FIVE_ELEMENTS
    how_to_fix = "Say how partners agree, decide and share the work."


@register
class GovernanceLearning(_GovernanceFieldRule):
    id = "governance-learning"
    field_name = "learning_together"
    example = "'a learning session each quarter where partners share what worked and what did not'."
    title = "Learning together is arranged"
    looks_for = "An empty or one-line note on learning together."
    why = "Missions stay adaptive through continuous gap analysis and early evaluation."
    source = ADAPTIVE
    how_to_fix = "Say how partners learn from results and change course."


@register
class GovernanceData(_GovernanceFieldRule):
    id = "governance-data"
    field_name = "ict_and_data"
    topic = "data and ICT"
    example = "'partners share anonymised data through one dashboard'."
    title = "Data and ICT are arranged"
    looks_for = "An empty or one-line note on data and ICT."
    why = "ICT and data is one of the five elements of the field labs' governance."
    source = FIVE_ELEMENTS
    how_to_fix = "Say what data is shared, by whom, and how it is kept safe."


@register
class GovernanceFinancing(_GovernanceFieldRule):
    id = "governance-financing"
    field_name = "financing"
    example = "'the council and two funders pool £2m a year; partners add staff time'."
    title = "Financing is arranged"
    looks_for = "An empty or one-line note on financing."
    why = "Financing is one of the five elements of the field labs' governance."
    source = FIVE_ELEMENTS
    how_to_fix = "Say where the money comes from, for how long, and who decides how it is spent."


@register
class GovernanceConflicts(_GovernanceFieldRule):
    id = "governance-conflicts"
    field_name = "conflicts_of_interest"
    example = "'advisers declare interests and do not score bids they are part of'."
    title = "Conflicts of interest are handled"
    looks_for = "An empty or one-line note on conflicts of interest."
    why = "In small expert communities the people who set priorities often also want to do the work."
    source = CONFLICTS_OF_INTEREST
    how_to_fix = "Say how interests are declared and who steps aside when they conflict."


@register
class GovernanceEvaluation(_GovernanceFieldRule):
    id = "governance-evaluation"
    field_name = "evaluation"
    topic = "evaluation"
    example = "'an independent review after the first year checks whether funded work serves the mission'."
    title = "Early evaluation is planned"
    looks_for = "An empty or one-line note on evaluation."
    why = "Early evaluation checks whether funded work meets the mission's aims and refines the path."
    source = EARLY_EVALUATION
    how_to_fix = "Say when the first evaluation happens, who does it, and what it can change."


@register
class BudgetStated(Rule):
    id = "budget-stated"
    criterion = "governance"
    severity = "advice"
    section = "identity"
    title = "The budget is stated"
    looks_for = "No budget amount on the canvas."
    why = "Financing is part of a mission's governance; a stated budget shows what partners can count on."
    source = FIVE_ELEMENTS
    how_to_fix = "Give the amount, the currency and the period it covers, even if it is an estimate."
    weight = 5

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
