from django import template

from workbench.document import CHOICES, item_index
from workbench.document.compare import format_number
from workbench.document.model import MISSION_TARGET

register = template.Library()
_LABELS = {name: dict(pairs) for name, pairs in CHOICES.items()}


@register.filter
def label(value, choice):
    """The human label of a document choice value, e.g. "civil_society" → "Civil society and voluntary sector"."""
    return _LABELS.get(choice, {}).get(value, value)


@register.filter
def number(value):
    return "" if value is None else format_number(value)


@register.filter
def titles(ids, document):
    """The titles of linked items, in the order linked."""
    index = item_index(document)
    out = []
    for item_id in ids or []:
        if item_id == MISSION_TARGET:
            out.append("the mission")
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
    order = [key for key, _ in CHOICES["sector"]] + [""]
    return [(_LABELS["sector"].get(key, "Sector not given"), groups[key]) for key in order if key in groups]


@register.filter
def has_text(mapping):
    """True when any value of a group of text fields is filled."""
    return any(str(v).strip() for v in (mapping or {}).values() if v is not None)
