"""The near-term actions of a canvas, read from its "next 12 months" text: one action per line, or per sentence
or semicolon-separated clause when the text is one paragraph. Pure Python."""

from __future__ import annotations

import hashlib
import re

_BULLET = re.compile(r"^\s*(?:[-*•–]|\d+[.)])\s+")
_CLAUSE = re.compile(r"(?<=[.;!?])\s+(?=[A-Z0-9“\"'(])|;\s+")


def action_key(text: str) -> str:
    """The key a mark is kept under: the action's words, without case or spacing."""
    return hashlib.sha256(" ".join(text.casefold().split()).encode()).hexdigest()[:32]


def near_term_actions(text: str) -> list[dict]:
    """[{"key", "text"}] in the order the canvas lists them; no action twice."""
    lines = [_BULLET.sub("", line).strip() for line in (text or "").splitlines() if line.strip()]
    if len(lines) == 1:
        lines = [part.strip() for part in _CLAUSE.split(lines[0]) if part.strip()]
    out, seen = [], set()
    for line in lines:
        line = line.rstrip(";").strip()
        if not line:
            continue
        key = action_key(line)
        if key not in seen:
            seen.add(key)
            out.append({"key": key, "text": line[:1000]})
    return out
