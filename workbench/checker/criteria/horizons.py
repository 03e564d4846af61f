"""Short and long term: what happens in the next twelve months and what has changed by the deadline."""

from __future__ import annotations

import re

from workbench.checker.base import rule
from workbench.checker.language import words

_WHEN = re.compile(
    r"\b(?:january|february|march|april|may|june|july|august|september|october|november|december|spring|summer|"
    r"autumn|winter|(?:19|20|21)\d\d|this\s+year|next\s+year|months?|weeks?|quarter|q[1-4]|first\s+year|"
    r"by\s+the\s+end\s+of)\b",
    re.IGNORECASE,
)


@rule("near-term-dated")
def near_term_dated(canvas, finding):
    text = canvas.near_term
    if not words(text) or _WHEN.search(text):
        return []
    return [
        finding(
            "The near-term actions have no dates.",
            "Add when each happens, e.g. 'by June' or 'in the first three months'.",
            field="near_term",
        )
    ]
