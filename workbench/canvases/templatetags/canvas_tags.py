from django import template

from workbench.document import item_index
from workbench.document.compare import field_text, format_number
from workbench.document.spec import CANVAS, MISSION, MISSION_SHORT, in_sentence

register = template.Library()


@register.filter
def label(value, choice):
    """The human label of a document choice value, e.g. "civil_society" → "Civil society and voluntary sector"."""
    return CANVAS.choice_label(choice, value)


@register.filter
def section_title(section):
    """The title of a section of the canvas, as the canvas spec declares it: "levers" → "Tools and levers"."""
    return CANVAS.titles[section]


@register.filter
def field_label(path, variant=""):
    """The label of a field of the canvas spec, by its path: "levers.owner" → "Owner".

    variant "short" gives the label for tight spaces, "verb" how a link reads ("Serves").
    """
    if variant == "verb":
        return CANVAS.field_at(path)[-1].verb
    return CANVAS.label(path, short=variant == "short")


@register.filter(name="in_sentence")
def in_sentence_filter(text):
    """A label as it reads inside a sentence: "Owner" → "owner", "ICT and data" unchanged."""
    return in_sentence(str(text))


@register.filter
def group_rows(document, section):
    """(short label, text) of each filled field of a section that is not a list, in the order of the spec."""
    part = CANVAS.section(section)
    values = document if part.kind == "fields" else (document or {}).get(section) or {}
    rows = [(field.short, field_text(field, values.get(field.key))) for field in part.fields]
    return [(name, text) for name, text in rows if str(text).strip()]


@register.filter
def number(value):
    return "" if value is None else format_number(value)


@register.filter
def titles(ids, document):
    """The titles of linked items, in the order linked."""
    index = item_index(document)
    out = []
    for item_id in ids or []:
        if item_id == MISSION:
            out.append(in_sentence(MISSION_SHORT))
            continue
        found = index.get(item_id)
        if found:
            item = found[2]
            out.append(item.get("title") or item.get("name") or item_id)
    return out


@register.filter
def by_sector(stakeholders):
    """Actors grouped by sector, in the order of the sector list, unknown sectors last."""
    groups = {}
    for actor in stakeholders or []:
        groups.setdefault(actor.get("sector") or "", []).append(actor)
    order = [key for key, _ in CANVAS.choice_pairs("sector")] + [""]
    return [(CANVAS.choice_label("sector", key) or "Sector not given", groups[key]) for key in order if key in groups]


@register.filter
def has_text(mapping):
    """True when any value of a group of text fields is filled."""
    return any(str(v).strip() for v in (mapping or {}).values() if v is not None)
