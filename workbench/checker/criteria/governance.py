"""Governance and learning: the Dutch field labs' five elements, conflicts of interest, early evaluation."""

from __future__ import annotations

from workbench.checker.base import (
    rule,
)


@rule("budget-stated")
def budget_stated(canvas, finding):
    if canvas.budget_amount is not None:
        return []
    return [
        finding(
            "No budget is given.",
            "Add the money committed so far and the period it covers, e.g. £1.2m over 2025–2028.",
            field="budget.amount",
        )
    ]
