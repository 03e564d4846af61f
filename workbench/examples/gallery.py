"""What the gallery shows of an example: its checker report, findings by section, and its sources as footnotes."""

from __future__ import annotations

from dataclasses import dataclass, field

from workbench.canvases.checking import checked
from workbench.checker import radar_svg
from workbench.document import item_index
from workbench.document.spec import CANVAS, Section, in_sentence, path_parts

# The canvas's own order of top-level fields, so that footnotes read from top to bottom.
FIELD_ORDER = list(CANVAS.top_level)


def _anchor(head: str) -> str:
    """Where a top-level field appears on the one-pager (templates/canvases/_one_pager.html)."""
    section, _ = CANVAS.top_level.get(head, (None, None))
    if section is None:
        return f"section-{head}"
    if section.key == "identity":
        return "mission-title"
    if section.key == "stakeholders":
        return "section-system"  # the actors are drawn inside the system's box
    return f"section-{section.key}"


def _item_label(item: dict) -> str:
    return str(item.get("title") or item.get("name") or item.get("id") or "")


@dataclass
class Footnote:
    """One cited field of the canvas and the sources it rests on."""

    number: int
    path: str
    label: str
    anchor: str
    sources: list[dict] = field(default_factory=list)


def describe_path(document: dict, path: str) -> tuple[str, str]:
    """A cited field path in plain words, and the id of the place on the one-pager that shows it.

    "root_causes[2].evidence" → ("Root causes › “Gaps in early detection” › evidence", "item-rc-3").
    """
    parts = path_parts(path)
    if not parts or not isinstance(parts[0], str):
        return path, ""
    head = parts[0]
    anchor = _anchor(head)
    trail = CANVAS.field_at(parts)
    words: list[str] = [trail[0].title if isinstance(trail[0], Section) else trail[0].label] if trail else [head]
    rest = parts[1:]
    if head in CANVAS.list_keys and rest and isinstance(rest[0], int):
        items = document.get(head) or []
        if rest[0] < len(items):
            item = items[rest[0]]
            words.append(f"“{_item_label(item)}”")
            if item.get("id"):
                anchor = f"item-{item['id']}"
        rest = rest[1:]
    labels = [in_sentence(declared.label) for declared in trail[1:]]  # the names the canvas spec declares
    named = 0
    for part in rest:
        if isinstance(part, int):
            words[-1] = f"{words[-1]} {part + 1}"
            continue
        word = labels[named] if named < len(labels) else part.replace("_", " ")
        named += 1
        if word.lower() != words[-1].lower():  # evidence › evidence (its figure) reads as one word
            words.append(word)
    return " › ".join(words), anchor


def _sort_key(path: str) -> tuple:
    parts = path_parts(path) or [""]
    head = parts[0]
    order = FIELD_ORDER.index(head) if head in FIELD_ORDER else len(FIELD_ORDER)
    # Items by position, fields in the order the canvas declares them, the whole before its parts.
    section, field = CANVAS.top_level.get(head, (None, None))
    fields = field.fields if field is not None else section.fields if section is not None else ()
    rest = []
    for part in parts[1:]:
        if isinstance(part, int):
            rest.append(part)
            continue
        keys = [f.key for f in fields]
        rest.append(keys.index(part) if part in keys else len(keys))
        fields = fields[keys.index(part)].fields if part in keys else ()
    return (order, rest, path)


def footnotes(document: dict) -> list[Footnote]:
    """Every citation of the document as a numbered footnote, in the order the canvas reads."""
    notes = []
    citations = document.get("citations") or {}
    for number, path in enumerate(sorted(citations, key=_sort_key), start=1):
        label, anchor = describe_path(document, path)
        sources = [
            {
                "source": entry.get("source", ""),
                "at": entry.get("at", ""),
                "outside": bool(entry.get("outside")),
                "note": entry.get("note", ""),
                "is_address": str(entry.get("source", "")).startswith(("https://", "http://")),
            }
            for entry in citations[path]
        ]
        notes.append(Footnote(number=number, path=path, label=label, anchor=anchor, sources=sources))
    return notes


SECTION_ORDER = list(CANVAS.titles)


def findings_by_section(report, document: dict) -> list[dict]:
    """The report's findings grouped by the section they point at, in canvas order, with item titles."""
    items = item_index(document)
    groups: dict[str, list[dict]] = {}
    for finding in report.findings:
        found = items.get(finding.item) if finding.item else None
        groups.setdefault(finding.section, []).append(
            {"finding": finding, "item_label": _item_label(found[2]) if found else ""}
        )
    ordered = sorted(groups, key=lambda s: SECTION_ORDER.index(s) if s in SECTION_ORDER else len(SECTION_ORDER))
    return [
        {
            "section": section,
            "title": CANVAS.titles.get(section, section.replace("_", " ").capitalize()),
            "findings": groups[section],
        }
        for section in ordered
    ]


def scorecard(document: dict, *, key: str | None = None) -> dict:
    """The checker's verdict on an example, ready for the templates; remembered under key."""
    report = checked(document, key=key)
    return {
        "report": report,
        "radar": radar_svg(report),
        "criteria": list(report.criteria.items()),
        "counts": report.counts(),
    }
