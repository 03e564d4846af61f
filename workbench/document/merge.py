"""Three-way merge of canvas documents: two people's versions of the revision they both started from.

A field changed on one side only takes that side; list items are matched by their id, so two people can add,
edit, remove and reorder different items of one list. Only a field both people changed to different values, or
an item one removed while the other edited it, is a conflict: the person decides it, nothing decides it for them.
Pure Python over documents, walking the canvas spec, so a new section or field merges without a change here.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field

from workbench.document.compare import field_text, item_text
from workbench.document.model import drop_dangling_links, new_item_id, normalize
from workbench.document.spec import CANVAS, CanvasSpec, Field, Section, in_sentence

MINE, THEIRS = "mine", "theirs"
SIDES = (MINE, THEIRS)


def change_key(section: str, item: str | None, path: tuple[str, ...]) -> str:
    """A change's place as one string, stable between the conflict page and its answer: "root_causes/rc-1/title"."""
    return "/".join([section, *([item] if item else []), *([".".join(path)] if path else [])])


@dataclass(frozen=True)
class Change:
    """One change the merge took from one side: where it is, in words, and what kind of change it is."""

    side: str  # MINE or THEIRS
    kind: str  # "edited", "added", "removed" or "reordered"
    section: str
    item: str | None
    path: tuple[str, ...]
    label: str

    @property
    def key(self) -> str:
        return change_key(self.section, self.item, self.path)


@dataclass(frozen=True)
class Conflict:
    """A place both people changed differently: a field, or an item one removed and the other edited."""

    kind: str  # "edited" (a field) or "removed" (an item removed by one side, edited by the other)
    section: str
    item: str | None
    path: tuple[str, ...]
    label: str
    base: object
    mine: object
    theirs: object
    base_text: str
    mine_text: str
    theirs_text: str
    removed_by: str = ""  # for "removed": which side removed the item

    @property
    def key(self) -> str:
        return change_key(self.section, self.item, self.path)


@dataclass
class MergeResult:
    """The merged document, the conflicts still open, and what was taken from each side."""

    document: dict
    conflicts: list[Conflict] = field(default_factory=list)
    taken: list[Change] = field(default_factory=list)
    chosen: dict[str, str] = field(default_factory=dict)  # conflict key → the side the person chose

    @property
    def from_theirs(self) -> list[Change]:
        return [change for change in self.taken if change.side == THEIRS]


class _Merge:
    def __init__(self, spec: CanvasSpec, choices: dict[str, str]):
        self.spec = spec
        self.choices = choices
        self.conflicts: list[Conflict] = []
        self.taken: list[Change] = []
        self.chosen: dict[str, str] = {}

    def value(self, fld: Field, base, mine, theirs, *, section: str, item: str | None, path: tuple, label: str):
        """One field's merged value; a group merges sub-field by sub-field."""
        if mine == theirs:
            return copy.deepcopy(mine)
        if fld.kind == "group" and all(isinstance(v, dict) for v in (base, mine, theirs)):
            return {
                sub.key: self.value(
                    sub,
                    base.get(sub.key),
                    mine.get(sub.key),
                    theirs.get(sub.key),
                    section=section,
                    item=item,
                    path=(*path, sub.key),
                    label=_sub_label(label, fld, sub),
                )
                for sub in fld.fields
            }
        if mine == base:
            self.taken.append(Change(THEIRS, "edited", section, item, path, label))
            return copy.deepcopy(theirs)
        if theirs == base:
            self.taken.append(Change(MINE, "edited", section, item, path, label))
            return copy.deepcopy(mine)
        if fld.kind == "links" and all(isinstance(v, list) for v in (base, mine, theirs)):
            # Links are a set: each side's additions stay, each side's removals go.
            self.taken.append(Change(MINE, "edited", section, item, path, label))
            self.taken.append(Change(THEIRS, "edited", section, item, path, label))
            dropped = (set(base) - set(mine)) | (set(base) - set(theirs))
            both = [x for x in theirs if x not in dropped] + [x for x in mine if x not in theirs and x not in dropped]
            return list(dict.fromkeys(both))
        conflict = Conflict(
            "edited",
            section,
            item,
            path,
            label,
            base,
            mine,
            theirs,
            field_text(fld, base, spec=self.spec),
            field_text(fld, mine, spec=self.spec),
            field_text(fld, theirs, spec=self.spec),
        )
        chosen = self._choose(conflict)
        return copy.deepcopy(mine if chosen == MINE else theirs)

    def _choose(self, conflict: Conflict) -> str | None:
        chosen = self.choices.get(conflict.key)
        if chosen in SIDES:
            self.chosen[conflict.key] = chosen
            return chosen
        self.conflicts.append(conflict)
        return None

    def items(self, section: Section, base: list, mine: list, theirs: list) -> list:
        """A list section merged item by item (matched by id), in an order that keeps each side's intent."""
        b, m, t = ({i["id"]: i for i in items} for items in (base, mine, theirs))
        kept: dict[str, dict] = {}
        for item_id in dict.fromkeys([*b, *m, *t]):
            ib, im, it = b.get(item_id), m.get(item_id), t.get(item_id)
            label = _item_label(section, im or it or ib)
            if ib is None:
                kept[item_id] = copy.deepcopy(it if it is not None else im)
                if (im is None) != (it is None):
                    side = MINE if it is None else THEIRS
                    self.taken.append(Change(side, "added", section.key, item_id, (), label))
            elif im is not None and it is not None:
                kept[item_id] = {"id": item_id}
                for fld in section.fields:
                    kept[item_id][fld.key] = self.value(
                        fld,
                        ib.get(fld.key),
                        im.get(fld.key),
                        it.get(fld.key),
                        section=section.key,
                        item=item_id,
                        path=(fld.key,),
                        label=f"{label}: {fld.label}",
                    )
            elif im is None and it is None:
                continue
            else:
                remover, other, edited = (MINE, THEIRS, it) if im is None else (THEIRS, MINE, im)
                if edited == ib:
                    self.taken.append(Change(remover, "removed", section.key, item_id, (), label))
                    continue
                conflict = Conflict(
                    "removed",
                    section.key,
                    item_id,
                    (),
                    label,
                    ib,
                    im,
                    it,
                    item_text(section, ib, spec=self.spec),
                    item_text(section, im, spec=self.spec) if im else "",
                    item_text(section, it, spec=self.spec) if it else "",
                    removed_by=remover,
                )
                chosen = self._choose(conflict) or THEIRS
                if chosen == other:
                    kept[item_id] = copy.deepcopy(edited)
        return self._order(section, [i["id"] for i in base], [i["id"] for i in mine], [i["id"] for i in theirs], kept)

    def _order(self, section: Section, base: list, mine: list, theirs: list, kept: dict) -> list:
        common = [i for i in base if i in kept and i in mine and i in theirs]
        mine_moved = [i for i in mine if i in common] != common
        theirs_moved = [i for i in theirs if i in common] != common
        lead, follow = (mine, theirs) if mine_moved and not theirs_moved else (theirs, mine)
        if mine_moved or theirs_moved:
            side = MINE if lead is mine else THEIRS
            self.taken.append(Change(side, "reordered", section.key, None, (), section.title))
        order = [i for i in lead if i in kept]
        # The other side's items go after the item they followed there, in their order.
        # The lead side's own new items there come first: they were saved (or typed) alongside.
        # Items the other side added after all the items both kept go at the end.
        followed = set(follow)
        last = max((n for n, i in enumerate(follow) if i in order), default=-1)
        anchor = -1
        for n, item_id in enumerate(follow):
            if item_id in order:
                anchor = order.index(item_id)
            elif item_id in kept and n > last:
                order.append(item_id)
            elif item_id in kept:
                anchor += 1
                while anchor < len(order) and order[anchor] not in followed:
                    anchor += 1
                order.insert(anchor, item_id)
        order.extend(i for i in kept if i not in order)
        return [kept[i] for i in order]


def _sub_label(label: str, group: Field, sub: Field) -> str:
    """ "Metric “Meals”: Target" and its year → "Metric “Meals”: Target year"."""
    prefix = label[: -len(group.label)] if label.endswith(group.label) else f"{label}: "
    return prefix + group.sub_label(sub)


def _item_label(section: Section, item: dict | None) -> str:
    title = str((item or {}).get(section.title_field) or (item or {}).get("id") or "")
    noun = section.noun[:1].upper() + section.noun[1:]
    return f"{noun} “{title}”"


def _rename_twins(base: dict, mine: dict, theirs: dict, spec: CanvasSpec) -> dict:
    """Mine with a fresh id for each new item whose id the other side also gave to a different new item.

    Both editors number a new item from the same revision, so "rc-3" on each side can be two different causes.
    """
    taken = {i["id"] for doc in (base, mine, theirs) for s in spec.list_keys for i in doc[s]}
    renamed: dict[str, dict[str, str]] = {}
    for section in spec.list_keys:
        before = {i["id"] for i in base[section]}
        others = {i["id"]: i for i in theirs[section]}
        for item in mine[section]:
            twin = others.get(item["id"])
            if item["id"] not in before and twin is not None and twin != item:
                fresh = new_item_id(section, taken, spec=spec)
                taken.add(fresh)
                renamed.setdefault(section, {})[item["id"]] = fresh
                item["id"] = fresh
    for section, fld in spec.link_fields():
        for item in mine[section.key]:
            item[fld.key] = [
                next((ids[x] for target, ids in renamed.items() if target in fld.links and x in ids), x)
                for x in item[fld.key]
            ]
    return mine


def _rename(document: dict, section: str, old: str, new: str, spec: CanvasSpec) -> None:
    """Give one item a new id, and every link to it."""
    for item in document[section]:
        if item["id"] == old:
            item["id"] = new
    for part, fld in spec.link_fields():
        if section in fld.links:
            for item in document[part.key]:
                item[fld.key] = [new if x == old else x for x in item[fld.key]]


def _set_apart_reborn(base: dict, mine: dict, theirs: dict, reborn, spec: CanvasSpec) -> None:
    """An id that was removed and then given to a new item since base names two different items.

    The old item gets a fresh id in base and mine, so the merge sees it removed by them and theirs as new.
    """
    taken = {i["id"] for doc in (base, mine, theirs) for s in spec.list_keys for i in doc[s]}
    for section in spec.list_keys:
        for item in list(base[section]):
            if item["id"] in reborn:
                fresh = new_item_id(section, taken, spec=spec)
                taken.add(fresh)
                old = item["id"]
                _rename(base, section, old, fresh, spec)
                _rename(mine, section, old, fresh, spec)


_INDEXED = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*)\[(\d+)\](.*)$")


def _citations_by_item(document: dict, spec: CanvasSpec) -> dict:
    """Citations keyed by item id rather than by position, so both sides' citations line up."""
    out = {}
    for path, sources in (document.get("citations") or {}).items():
        match = _INDEXED.match(path)
        if match and match.group(1) in spec.list_keys:
            items = document[match.group(1)]
            index = int(match.group(2))
            if index < len(items):
                out[(match.group(1), items[index]["id"], match.group(3))] = sources
            continue
        out[(path,)] = sources
    return out


def _merge_citations(base: dict, mine: dict, theirs: dict, merged: dict, spec: CanvasSpec) -> dict:
    b, m, t = (_citations_by_item(doc, spec) for doc in (base, mine, theirs))
    out = {}
    for key in dict.fromkeys([*t, *m, *b]):
        vb, vm, vt = b.get(key), m.get(key), t.get(key)
        if vm == vb:
            value = vt
        elif vt == vb:
            value = vm
        else:  # both changed: keep every source either cited
            value = list(vt or []) + [s for s in vm or [] if s not in (vt or [])]
        if value:
            out[key] = copy.deepcopy(value)
    positions = {s: {i["id"]: n for n, i in enumerate(merged[s])} for s in spec.list_keys}
    citations = {}
    for key, sources in out.items():
        if len(key) == 1:
            citations[key[0]] = sources
        elif key[1] in positions[key[0]]:
            citations[f"{key[0]}[{positions[key[0]][key[1]]}]{key[2]}"] = sources
    return citations


def merge(
    base: dict,
    mine: dict,
    theirs: dict,
    *,
    spec: CanvasSpec = CANVAS,
    choices: dict | None = None,
    reborn: frozenset[str] = frozenset(),
) -> MergeResult:
    """Merge mine and theirs, both edited from base; `choices` settles conflicts by key ("mine" or "theirs").

    `reborn` names item ids that theirs removed and later gave to a new item (the history between base and theirs
    shows it). The document holds their value where a conflict is still open; it is only worth saving without
    conflicts.
    """
    base, mine, theirs = (normalize(doc, spec=spec) for doc in (base, mine, theirs))
    if reborn:
        _set_apart_reborn(base, mine, theirs, reborn, spec)
    mine = _rename_twins(base, mine, theirs, spec)
    work = _Merge(spec, choices or {})
    merged = copy.deepcopy(theirs)
    for section in spec.sections:
        if section.kind == "list":
            merged[section.key] = work.items(section, base[section.key], mine[section.key], theirs[section.key])
            continue
        for fld in section.fields:
            if section.kind == "fields":
                b, m, t, path = base.get(fld.key), mine.get(fld.key), theirs.get(fld.key), (fld.key,)
            else:
                b, m, t = (doc[section.key].get(fld.key) for doc in (base, mine, theirs))
                path = (fld.key,)
            label = fld.label if section.kind == "fields" else f"{section.title}: {fld.label}"
            value = work.value(fld, b, m, t, section=section.key, item=None, path=path, label=label)
            if section.kind == "fields":
                merged[fld.key] = value
            else:
                merged[section.key][fld.key] = value
    drop_dangling_links(merged, spec=spec)
    merged["citations"] = _merge_citations(base, mine, theirs, merged, spec)
    merged["waivers"] = copy.deepcopy(theirs.get("waivers") or [])  # the stored waivers: only the server changes them
    return MergeResult(merged, work.conflicts, work.taken, work.chosen)


def describe_kept(change: Change, who: str) -> str:
    """A colleague's change the merge kept, as the person who saved is told it."""
    if change.kind == "added":
        return f"{who}'s new {in_sentence(change.label)} was kept"
    if change.kind == "removed":
        return f"{who}'s removal of {in_sentence(change.label)} was kept"
    if change.kind == "reordered":
        return f"{who}'s new order of {change.label} was kept"
    return f"{who}'s change to {change.label} was kept"


def value_at(document: dict, section: str, item: str | None, path: tuple[str, ...], *, spec: CanvasSpec = CANVAS):
    """What a document holds at a change's place: a field's value, an item (None when absent), or a list's ids."""
    part = spec.section(section)
    if part.kind == "list":
        items = document.get(section) or []
        if item is None:
            return [i.get("id") for i in items]
        value = next((i for i in items if i.get("id") == item), None)
    else:
        value = document if part.kind == "fields" else (document.get(section) or {})
    for name in path:
        value = value.get(name) if isinstance(value, dict) else None
    return value
