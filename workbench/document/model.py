"""Defaults, normal form, ids and tables of the mission canvas document (schema "mission-canvas/1")."""

from __future__ import annotations

import copy
import re

from workbench.document.spec import CANVAS, MISSION, CanvasSpec

# Tables read from the canvas spec (workbench/document/spec.py), for the readers that want plain dicts.
# The list sections in the order of the canvas, with the prefix their item ids carry.
LIST_SECTIONS = CANVAS.id_prefixes
SECTION_TITLES = CANVAS.titles
# Which top-level keys each section of the canvas holds.
SECTION_KEYS = CANVAS.section_keys
CHOICES = {name: CANVAS.choice_pairs(name) for name in CANVAS.choices}
STORY_FIELDS = [field.key for field in CANVAS.section("story").fields]
GOVERNANCE_FIELDS = [field.key for field in CANVAS.section("governance").fields]
# Defaults for every field of a list item; normalize() fills what a document leaves out.
ITEM_DEFAULTS = {section: CANVAS.item_defaults(section) for section in LIST_SECTIONS}

MISSION_TARGET = MISSION  # what metrics[].measures names when a metric measures the mission itself


def empty_document(title: str = "", *, spec: CanvasSpec = CANVAS) -> dict:
    """A complete document with every key present and every section empty."""
    return spec.empty_document(title)


def _fill(defaults: dict, given: dict) -> dict:
    out = copy.deepcopy(defaults)
    for key, value in given.items():
        if isinstance(out.get(key), dict) and isinstance(value, dict):
            out[key] = _fill(out[key], value)
        elif value is None and isinstance(out.get(key), dict):
            continue
        else:
            out[key] = copy.deepcopy(value)
    return out


def normalize(document: dict, *, spec: CanvasSpec = CANVAS) -> dict:
    """The same document with every optional key present, so that equal canvases compare equal.

    Call it on a document that validate() accepted.
    """
    lists = spec.list_keys
    out = _fill(spec.empty_document(), {k: v for k, v in document.items() if k not in lists})
    for section in lists:
        defaults = {"id": "", **spec.item_defaults(section)}
        out[section] = [_fill(defaults, item) for item in document.get(section) or []]
    return out


_ID_NUMBER = re.compile(r"-(\d+)$")


def new_item_id(section: str, taken: set[str], *, spec: CanvasSpec = CANVAS) -> str:
    """A fresh id for a new item of a list section, never one already taken in the document."""
    prefix = spec.section(section).id_prefix
    highest = 0
    for item_id in taken:
        if item_id.startswith(prefix + "-"):
            match = _ID_NUMBER.search(item_id)
            if match:
                highest = max(highest, int(match.group(1)))
    candidate = f"{prefix}-{highest + 1}"
    while candidate in taken:
        highest += 1
        candidate = f"{prefix}-{highest + 1}"
    return candidate


def item_index(document: dict, *, spec: CanvasSpec = CANVAS) -> dict[str, tuple[str, int, dict]]:
    """Every list item of the document by its id: (section, position, item)."""
    found = {}
    for section in spec.list_keys:
        items = document.get(section)
        if not isinstance(items, list):
            continue
        for position, item in enumerate(items):
            if isinstance(item, dict) and isinstance(item.get("id"), str):
                found.setdefault(item["id"], (section, position, item))
    return found


def drop_dangling_links(document: dict, *, spec: CanvasSpec = CANVAS) -> None:
    """Links to items that are no longer in the document go with them."""
    ids = {section: {i["id"] for i in document[section]} for section in spec.link_targets()}
    for section, field in spec.link_fields():
        known = {MISSION} & set(field.links)
        known = known.union(*(ids[target] for target in field.links if target != MISSION))
        for item in document[section.key]:
            item[field.key] = [i for i in item[field.key] if i in known]
