"""Comparing two versions of a canvas document: one-line summaries, section by section texts."""

from __future__ import annotations

import re

from workbench.document.model import (
    CHOICES,
    GOVERNANCE_FIELDS,
    LIST_SECTIONS,
    SECTION_KEYS,
    SECTION_TITLES,
    STORY_FIELDS,
)

_LABELS = {name: dict(pairs) for name, pairs in CHOICES.items()}


def _label(choice: str, value) -> str:
    return _LABELS[choice].get(value, value or "")


def _words(key: str) -> str:
    return key.replace("_", " ").capitalize()


def _measurement(value: dict | None) -> str:
    value = value or {}
    amount, year = value.get("value"), value.get("year")
    if amount is None and year is None:
        return "—"
    return f"{'' if amount is None else format_number(amount)}{f' ({year})' if year else ''}".strip()


def format_number(value) -> str:
    """1500000.0 as 1,500,000 and 12.5 as 12.5: numbers as people write them."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int):
        return f"{value:,}"
    return f"{value:,}".rstrip("0").rstrip(".") if isinstance(value, float) else str(value)


def _item_lines(section: str, item: dict) -> list[str]:
    if section == "layers":
        return [
            f"{_label('layer_level', item.get('level')) or 'Layer'}: {item.get('title', '')}",
            item.get("description", ""),
        ]
    if section == "root_causes":
        evidence = item.get("evidence") or {}
        return [
            item.get("title", ""),
            item.get("description", ""),
            " — ".join(filter(None, [evidence.get("figure"), evidence.get("source")])),
        ]
    if section == "stakeholders":
        return [
            f"{item.get('name', '')} ({_label('sector', item.get('sector')) or 'sector not given'})",
            item.get("role", ""),
        ]
    if section == "opportunity_areas":
        return [
            item.get("title", ""),
            item.get("description", ""),
            "Addresses: " + ", ".join(item.get("root_causes") or []) if item.get("root_causes") else "",
            *[f"• {initiative}" for initiative in item.get("initiatives") or []],
        ]
    if section == "levers":
        facts = ", ".join(
            filter(
                None,
                [
                    _label("lever_type", item.get("type")),
                    _label("lever_side", item.get("side")),
                    _label("lever_status", item.get("status")),
                    f"owner {item['owner']}" if item.get("owner") else "",
                ],
            )
        )
        serves = ", ".join(item.get("opportunity_areas") or [])
        return [item.get("title", ""), facts, item.get("description", ""), f"Serves: {serves}" if serves else ""]
    if section == "metrics":
        return [
            f"{item.get('name', '')} [{item.get('unit', '') or 'no unit'}]",
            f"{_measurement(item.get('baseline'))} → {_measurement(item.get('target'))}",
            f"Source: {item['source']}" if item.get("source") else "",
            f"Measures: {', '.join(item.get('measures') or [])}" if item.get("measures") else "",
        ]
    return []


def section_text(document: dict, section: str) -> str:
    """A plain-text rendering of one section, for side-by-side comparison."""
    if section in LIST_SECTIONS:
        blocks = []
        for item in document.get(section) or []:
            lines = [line for line in _item_lines(section, item) if line]
            blocks.append(f"[{item.get('id', '')}] " + "\n    ".join(lines))
        return "\n".join(blocks)
    if section == "identity":
        budget = document.get("budget") or {}
        amount = budget.get("amount")
        budget_text = " ".join(
            filter(
                None,
                [
                    budget.get("currency", ""),
                    format_number(amount) if amount is not None else "",
                    budget.get("period", ""),
                ],
            )
        )
        rows = [
            ("Title", document.get("title", "")),
            ("Statement", document.get("statement", "")),
            ("Place", document.get("place", "")),
            ("Population", document.get("population", "")),
            ("Deadline", str(document.get("deadline_year") or "")),
            ("Budget", budget_text),
        ]
    elif section == "story":
        rows = [(_words(k), (document.get("story") or {}).get(k, "")) for k in STORY_FIELDS]
    elif section == "system":
        rows = [("How the causes interact", (document.get("system") or {}).get("description", ""))]
    elif section == "governance":
        rows = [(_words(k), (document.get("governance") or {}).get(k, "")) for k in GOVERNANCE_FIELDS]
    elif section == "horizons":
        rows = [("Next 12 months", document.get("near_term", "")), ("By the deadline", document.get("long_term", ""))]
    else:
        rows = []
    return "\n".join(f"{label}: {value}" for label, value in rows if value)


def compare_sections(old: dict, new: dict) -> list[dict]:
    """Each section of the canvas with its text in both versions and whether it changed."""
    out = []
    for section, title in SECTION_TITLES.items():
        before, after = section_text(old, section), section_text(new, section)
        out.append({"section": section, "title": title, "old": before, "new": after, "changed": before != after})
    return out


def _section_changes(old: dict, new: dict, section: str) -> str | None:
    if section in LIST_SECTIONS:
        before = {item.get("id"): item for item in old.get(section) or []}
        after = {item.get("id"): item for item in new.get(section) or []}
        added = [i for i in after if i not in before]
        removed = [i for i in before if i not in after]
        edited = [i for i in after if i in before and after[i] != before[i]]
        moved = not added and not removed and not edited and list(before) != list(after)
        parts = []
        noun = SECTION_TITLES[section].lower()
        if added:
            parts.append(f"added {len(added)}")
        if edited:
            parts.append(f"edited {len(edited)}")
        if removed:
            parts.append(f"removed {len(removed)}")
        if moved:
            parts.append("reordered")
        return f"{noun}: {', '.join(parts)}" if parts else None
    keys = SECTION_KEYS[section]
    changed = [key for key in keys if old.get(key) != new.get(key)]
    if not changed:
        return None
    if section == "identity":
        return ", ".join(key.replace("_", " ") for key in changed)
    return SECTION_TITLES[section].lower()


def change_summary(old: dict | None, new: dict) -> str:
    """What changed between two versions, in one line a person can scan in a history list."""
    if old is None:
        return "created the canvas"
    parts = [change for section in SECTION_TITLES if (change := _section_changes(old, new, section))]
    if old.get("waivers") != new.get("waivers"):
        parts.append("waivers")
    if old.get("citations") != new.get("citations") and not parts:
        parts.append("citations")
    if not parts:
        return "no changes"
    line = "; ".join(parts)
    return line[0].upper() + line[1:]


_INDEXED = re.compile(r"^(layers|root_causes|stakeholders|opportunity_areas|levers|metrics)\[(\d+)\](.*)$")


def remap_citations(old: dict, new: dict) -> dict:
    """The old document's citations, moved to the new positions of their items.

    Citations name items by position (metrics[0].target); when items are reordered or removed
    the paths must follow the item, or drop with it.
    """
    positions = {
        section: {item.get("id"): index for index, item in enumerate(new.get(section) or [])}
        for section in LIST_SECTIONS
    }
    out = {}
    for path, sources in (old.get("citations") or {}).items():
        match = _INDEXED.match(path)
        if not match:
            out[path] = sources
            continue
        section, index, rest = match.group(1), int(match.group(2)), match.group(3)
        old_items = old.get(section) or []
        if index >= len(old_items):
            continue
        new_index = positions[section].get(old_items[index].get("id"))
        if new_index is not None:
            out[f"{section}[{new_index}]{rest}"] = sources
    return out
