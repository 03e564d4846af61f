"""Waivers: a team can switch a rule off for its canvas, with a reason that stays visible."""

from __future__ import annotations

from workbench.checker.base import REGISTRY, rule


@rule("waiver-valid")
def waiver_valid(canvas, finding):
    found = []
    for position, waiver in enumerate(canvas.waivers):
        rule = waiver.get("rule")
        reason = waiver.get("reason")
        if not isinstance(rule, str) or rule not in REGISTRY:
            name = f"'{rule[:60]}'" if isinstance(rule, str) and rule else "no rule"
            found.append(
                finding(
                    f"A waiver names {name}, which is not a rule of the checker, so it changes nothing.",
                    "Check the rule id on the 'How the checker works' page.",
                    field=f"waivers[{position}].rule",
                )
            )
        elif REGISTRY.get(rule).severity == "error":
            found.append(
                finding(
                    f"'{rule}' finds a canvas that contradicts itself, so it cannot be switched off; the waiver "
                    "changes nothing.",
                    "Fix what the finding points at instead; remove the waiver.",
                    field=f"waivers[{position}].rule",
                )
            )
        elif not isinstance(reason, str) or not reason.strip():
            found.append(
                finding(
                    f"The waiver of '{rule}' gives no reason, so the rule still applies.",
                    "Write why this rule does not fit your mission.",
                    field=f"waivers[{position}].reason",
                )
            )
    return found
