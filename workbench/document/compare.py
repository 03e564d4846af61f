"""Comparing two versions of a canvas document: one-line summaries, section by section texts."""

from __future__ import annotations

import difflib
import re
from functools import cache

from workbench.document.spec import CANVAS, CanvasSpec, Field, Section


def _measurement(value: dict | None) -> str:
    value = value or {}
    amount, year = value.get("value"), value.get("year")
    if amount is None and year is None:
        return ""
    return f"{'' if amount is None else format_number(amount)}{f' ({year})' if year else ''}".strip()


def format_number(value) -> str:
    """1500000.0 as 1,500,000 and 12.5 as 12.5: numbers as people write them."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int):
        return f"{value:,}"
    return f"{value:,}".rstrip("0").rstrip(".") if isinstance(value, float) else str(value)


def budget_text(budget: dict | None) -> str:
    """A budget as people write it: "GBP 500,000, 2024–2030"."""
    budget = budget or {}
    amount = budget.get("amount")
    parts = [
        " ".join(filter(None, [budget.get("currency", ""), format_number(amount) if amount is not None else ""])),
        budget.get("period", ""),
    ]
    return ", ".join(part for part in parts if part)


def field_text(field: Field, value, *, spec: CanvasSpec = CANVAS) -> str:
    """One field's value in words: choices by their label, numbers as people write them, lists joined."""
    if value is None or value == "" or value == [] or value == {}:
        return ""
    if field.kind == "choice":
        return spec.choice_label(field.choices, value)
    if field.kind == "number":
        return format_number(value)
    if field.kind in ("links", "lines"):
        return ", ".join(map(str, value)) if isinstance(value, list) else ""
    if field.kind == "group":
        if not isinstance(value, dict):
            return ""
        if field.key == "budget":
            return budget_text(value)
        if field.define == "measurement":
            return _measurement(value)
        return " — ".join(filter(None, (field_text(sub, value.get(sub.key), spec=spec) for sub in field.fields)))
    return str(value)


def _item_lines(section: Section, item: dict, spec: CanvasSpec) -> list[str]:
    facts = [spec.choice_label(f.choices, item.get(f.key)) for f in section.fields if f.kind == "choice"]
    lines = [str(item.get(section.title_field) or ""), ", ".join(filter(None, facts))]
    for field in section.fields:
        if field.key == section.title_field or field.kind == "choice":
            continue
        value = item.get(field.key)
        if field.kind == "lines":
            lines.extend(f"• {line}" for line in value or [])
            continue
        text = field_text(field, value, spec=spec)
        if not text:
            continue
        if field.kind == "text":
            lines.append(text)
        else:
            lines.append(f"{field.verb or field.label}: {text}")
    return lines


def item_text(section: Section, item: dict | None, *, spec: CanvasSpec = CANVAS) -> str:
    """One list item in words, as the compare page shows it."""
    if not item:
        return ""
    return "\n".join(line for line in _item_lines(section, item, spec) if line)


_WORDS = re.compile(r"^\s+|\S+\s*")  # a word with the space after it, so lone spaces do not match


def word_diff(old: str, new: str) -> list[tuple[str, str]]:
    """Word-level differences from old to new: ("equal" | "delete" | "insert", text) runs, whitespace kept."""
    a, b = _WORDS.findall(old or ""), _WORDS.findall(new or "")
    words = difflib.SequenceMatcher(None, [w.strip() for w in a], [w.strip() for w in b], autojunk=False)
    out: list[tuple[str, str]] = []
    for op, i1, i2, j1, j2 in words.get_opcodes():
        if op == "equal":
            out.append(("equal", "".join(b[j1:j2])))
        if op in ("delete", "replace") and i2 > i1:
            out.append(("delete", "".join(a[i1:i2])))
        if op in ("insert", "replace") and j2 > j1:
            out.append(("insert", "".join(b[j1:j2])))
    return out


def section_text(document: dict, section: str, *, spec: CanvasSpec = CANVAS) -> str:
    """A plain-text rendering of one section, for side-by-side comparison."""
    part = spec.section(section)
    if part.kind == "list":
        blocks = []
        for item in document.get(section) or []:
            lines = [line for line in _item_lines(part, item, spec) if line]
            blocks.append(f"[{item.get('id', '')}] " + "\n    ".join(lines))
        return "\n".join(blocks)
    values = document if part.kind == "fields" else (document.get(section) or {})
    rows = [(field.short, field_text(field, values.get(field.key), spec=spec)) for field in part.fields]
    return "\n".join(f"{label}: {value}" for label, value in rows if value)


def compare_sections(old: dict, new: dict, *, spec: CanvasSpec = CANVAS) -> list[dict]:
    """Each section of the canvas with its text in both versions and whether it changed."""
    out = []
    for section, title in spec.titles.items():
        before, after = section_text(old, section, spec=spec), section_text(new, section, spec=spec)
        row = {"section": section, "title": title, "old": before, "new": after, "changed": before != after}
        row["diff"] = word_diff(before, after) if row["changed"] else []
        out.append(row)
    return out


def _section_changes(old: dict, new: dict, section: str, spec: CanvasSpec) -> str | None:
    if section in spec.list_keys:
        before = {item.get("id"): item for item in old.get(section) or []}
        after = {item.get("id"): item for item in new.get(section) or []}
        added = [i for i in after if i not in before]
        removed = [i for i in before if i not in after]
        edited = [i for i in after if i in before and after[i] != before[i]]
        moved = not added and not removed and not edited and list(before) != list(after)
        parts = []
        noun = spec.titles[section].lower()
        if added:
            parts.append(f"added {len(added)}")
        if edited:
            parts.append(f"edited {len(edited)}")
        if removed:
            parts.append(f"removed {len(removed)}")
        if moved:
            parts.append("reordered")
        return f"{noun}: {', '.join(parts)}" if parts else None
    keys = spec.section_keys[section]
    changed = [key for key in keys if old.get(key) != new.get(key)]
    if not changed:
        return None
    if section == "identity":
        return ", ".join(key.replace("_", " ") for key in changed)
    return spec.titles[section].lower()


def change_summary(old: dict | None, new: dict, *, spec: CanvasSpec = CANVAS) -> str:
    """What changed between two versions, in one line a person can scan in a history list."""
    if old is None:
        return "created the canvas"
    parts = [change for section in spec.titles if (change := _section_changes(old, new, section, spec))]
    if old.get("waivers") != new.get("waivers"):
        parts.append("waivers")
    if old.get("citations") != new.get("citations") and not parts:
        parts.append("citations")
    if not parts:
        return "no changes"
    line = "; ".join(parts)
    return line[0].upper() + line[1:]


@cache
def _indexed(spec: CanvasSpec) -> re.Pattern:
    """A cited path into an item of a list section: metrics[0].target → ("metrics", "0", ".target")."""
    names = "|".join(re.escape(key) for key in spec.list_keys)
    return re.compile(rf"^({names})\[(\d+)\](.*)$")


def remap_citations(old: dict, new: dict, *, spec: CanvasSpec = CANVAS) -> dict:
    """The old document's citations, moved to the new positions of their items.

    Citations name items by position (metrics[0].target); when items are reordered or removed
    the paths must follow the item, or drop with it.
    """
    positions = {
        section: {item.get("id"): index for index, item in enumerate(new.get(section) or [])}
        for section in spec.list_keys
    }
    indexed = _indexed(spec)
    out = {}
    for path, sources in (old.get("citations") or {}).items():
        match = indexed.match(path)
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
