"""The largest canvas the limits of the canvas spec allow: every list full, every link ticked, every line of a list
of lines used, and long text spread over the text fields until the file is as large as a canvas may be.

Used by the tests (it opens, saves and prints) and by bench/bench_limits.py (how long that takes).
"""

from __future__ import annotations

from workbench.document.model import empty_document
from workbench.document.spec import CANVAS, DOCUMENT_MAX_BYTES, LINES_MAX, MISSION, TEXT_MAX
from workbench.document.validation import document_size

WORDS = (
    "the council and its partners work with residents so that healthy food is cheaper closer to home and "
    "easier to choose every day in every neighbourhood of the borough "
).split()


def words(length: int, start: int = 0) -> str:
    """Plain prose of exactly `length` characters (or a little less)."""
    out, size, position = [], 0, start
    while size < length:
        word = WORDS[position % len(WORDS)]
        out.append(word)
        size += len(word) + 1
        position += 1
    return " ".join(out)[:length].rstrip()


def _text_slots(document: dict) -> list[tuple[dict, str]]:
    """Every long-text field of the document: (the object holding it, its key)."""
    slots = []
    for section in CANVAS.sections:
        if section.kind == "group":
            slots += [(document[section.key], field.key) for field in section.fields if field.kind == "text"]
        elif section.kind == "fields":
            slots += [(document, field.key) for field in section.fields if field.kind == "text"]
        else:
            texts = [field.key for field in section.fields if field.kind == "text"]
            slots += [(item, key) for item in document[section.key] for key in texts]
    return slots


def largest_document(size: int = DOCUMENT_MAX_BYTES, items: int | None = None) -> dict:
    """A valid canvas of nearly `size` bytes as a file, with `items` (default: the most allowed) in every list."""
    document = empty_document(words(120))
    document.update(statement=words(600), place=words(150), population=words(300), deadline_year=2035)
    document["budget"] = {"amount": 123456789.5, "currency": "GBP", "period": "2025–2035"}
    for section in CANVAS.list_sections:
        count = section.max_items if items is None else items
        for position in range(count):
            item = {"id": f"{section.id_prefix}-{position + 1}", **CANVAS.item_defaults(section.key)}
            item[section.title_field] = words(90, position)
            document[section.key].append(item)
    ids = {section.key: [item["id"] for item in document[section.key]] for section in CANVAS.list_sections}
    for section, field in CANVAS.link_fields():
        targets = [MISSION] if MISSION in field.links else []
        targets += [i for target in field.links if target != MISSION for i in ids[target]]
        for item in document[section.key]:
            item[field.key] = list(targets)
    for area in document["opportunity_areas"]:
        area["initiatives"] = [words(40, n) for n in range(LINES_MAX)]
    for metric in document["metrics"]:
        metric.update(kind="output", unit="people", direction="increase", source="Council survey")
        metric["baseline"] = {"value": 1200.5, "year": 2024}
        metric["target"] = {"value": 4000, "year": 2035}
    slots = _text_slots(document)
    for _ in range(3):  # spread what is left over the text fields, then top up what rounding left
        room = size - document_size(document) - 64
        if room <= 0:
            break
        each = room // len(slots)
        for position, (holder, key) in enumerate(slots):
            holder[key] = words(min(TEXT_MAX, len(holder[key]) + each), position) if each else holder[key]
    return document
