"""Two or three people edit one canvas from stale revisions, in any order: no change is ever silently lost.

A hypothesis state machine plays the people. Each opens the canvas at some revision, edits fields, adds and removes
items, and saves through the service; a save from an older revision is merged. After every step, each change a
person saved is still in the canvas unless someone overrode it knowingly (they had it on screen when they changed
the same place, or chose their own version over it on the conflict page), and each change of a save that met a
conflict is either in the merged document or shown to that person as an open conflict.
"""

import os

import pytest
from hypothesis import HealthCheck, event, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)

from tests.factories import full_document, make_canvas, make_team, make_user
from workbench.canvases import services
from workbench.canvases.models import Canvas
from workbench.document import normalize
from workbench.document.merge import MINE, SIDES, THEIRS, change_key, value_at
from workbench.document.model import drop_dangling_links, new_item_id
from workbench.document.spec import CANVAS

WORDS = ("line", "text")
LISTS = ("root_causes", "stakeholders", "levers")  # the lists people add to, edit and remove from here


def _places(fields, prefix=()):
    """Every written-words field among these fields, as a path (group sub-fields included)."""
    for field in fields:
        if field.kind in WORDS:
            yield (*prefix, field.key)
        elif field.kind == "group":
            yield from _places(field.fields, (*prefix, field.key))


def canvas_places(document):
    """(section, item, path) of every field a person can type into, read from the canvas spec."""
    out = []
    for section in CANVAS.sections:
        if section.kind != "list":
            out += [(section.key, None, path) for path in _places(section.fields)]
        elif section.key in LISTS:
            # Titles stay as they are: the test names items by their title.
            fields = [f for f in section.fields if f.key != section.title_field]
            for item in document[section.key]:
                out += [(section.key, item["id"], path) for path in _places(fields)]
    return out


def set_value(document, place, value):
    section, item, path = place
    part = CANVAS.section(section)
    if part.kind == "list":
        holder = next(i for i in document[section] if i["id"] == item)
    else:
        holder = document if part.kind == "fields" else document[section]
    for name in path[:-1]:
        holder = holder[name]
    holder[path[-1]] = value


def title_of(section, item):
    return item[CANVAS.section(section).title_field]


def named(document, place):
    """A place with its item named by title: a merge may give a new item a fresh id, never a new title."""
    section, item, path = place
    if item is None:
        return place
    return (section, next(title_of(section, i) for i in document[section] if i["id"] == item), path)


def values_named(document, place):
    """What the document holds at a place whose item is named by title.

    A list: when two people each bring back a removed item with their own edits, both copies are kept.
    """
    section, title, path = place
    if title is None:
        return [value_at(document, section, None, path)]
    return [value_at(document, section, i["id"], path) for i in document[section] if title_of(section, i) == title]


def open_conflicts(result):
    """The places a merge left open, items named by title: (section, title, path), path () for a whole item."""
    out = set()
    for c in result.conflicts:
        if c.item is None:
            out.add((c.section, None, c.path))
            continue
        items = [c.base, c.mine, c.theirs] if c.kind == "removed" else result.document[c.section]
        titles_ = {title_of(c.section, i) for i in items if i and i.get("id") == c.item}
        out |= {(c.section, t, c.path) for t in titles_}
    return out


def titles(document, section):
    return {title_of(section, item) for item in document[section]}


class Person:
    def __init__(self, user, canvas):
        self.user = user
        self.open(canvas)

    def open(self, canvas):
        self.base = canvas.revision_number
        self.doc = normalize(canvas.document)
        self.opened = normalize(canvas.document)
        self.edits = {}  # place → the text this person typed there
        self.added = {}  # title → section
        self.removed = {}  # title → (section, id)
        self.conflict = None  # the MergeConflict the person is looking at
        self.kept_mine = set()  # conflict keys where the person chose their own version, until they save
        self.brought_back = set()  # (section, title) of removed items the person chose to keep

    @property
    def busy(self):
        return bool(self.edits or self.added or self.removed)


class EditingTogether(RuleBasedStateMachine):
    def __init__(self, team, users):
        super().__init__()
        self.canvas = make_canvas(team, users[0], full_document(items=3))
        self.people = [Person(user, self.canvas) for user in users]
        # What each save put in the canvas, and the revision it arrived in.
        self.fields = {}  # place → (text, revision)
        self.items = {}  # title → (section, present?, revision)
        self.typed = 0

    @initialize(count=st.integers(2, 3))
    def two_or_three_people(self, count):
        del self.people[count:]

    # --- what people do ------------------------------------------------------------------------------------------

    def _marker(self, n):
        self.typed += 1
        return f"p{n}-{self.typed}"

    @rule(data=st.data())
    def reopen(self, data):
        """An idle person reloads the editor at the newest revision."""
        idle = [p for p in self.people if not p.busy and p.conflict is None]
        if idle:
            self.canvas.refresh_from_db()
            data.draw(st.sampled_from(idle)).open(self.canvas)

    @rule(data=st.data())
    def type_into_a_field(self, data):
        n = data.draw(st.integers(0, len(self.people) - 1))
        person = self.people[n]
        if person.conflict is not None:
            return
        places = [p for p in canvas_places(person.doc) if p[1] is None or p[1] not in self._own_new(person)]
        place = data.draw(st.sampled_from(places))
        text = self._marker(n)
        set_value(person.doc, place, text)
        person.edits[place] = text

    @rule(data=st.data(), section=st.sampled_from(LISTS))
    def add_an_item(self, data, section):
        n = data.draw(st.integers(0, len(self.people) - 1))
        person = self.people[n]
        if person.conflict is not None or len(person.doc[section]) >= 8:
            return
        # Like the editor: never an id of the revision the person opened, even one they removed.
        taken = {i["id"] for s in CANVAS.list_keys for doc in (person.doc, person.opened) for i in doc[s]}
        title = self._marker(n)
        item = {"id": new_item_id(section, taken), CANVAS.section(section).title_field: title}
        position = data.draw(st.integers(0, len(person.doc[section])))
        person.doc[section].insert(position, item)
        person.doc = normalize(person.doc)
        person.added[title] = section

    @rule(data=st.data(), section=st.sampled_from(LISTS))
    def remove_an_item(self, data, section):
        n = data.draw(st.integers(0, len(self.people) - 1))
        person = self.people[n]
        own = self._own_new(person)
        items = [i for i in person.doc[section] if i["id"] not in own]
        if person.conflict is not None or not items:
            return
        item = data.draw(st.sampled_from(items))
        person.doc[section] = [i for i in person.doc[section] if i["id"] != item["id"]]
        drop_dangling_links(person.doc)  # as the editor does
        person.edits = {place: text for place, text in person.edits.items() if place[1] != item["id"]}
        person.removed[title_of(section, item)] = (section, item["id"])

    @rule(data=st.data())
    def save(self, data):
        ready = [p for p in self.people if p.busy and p.conflict is None]
        if not ready:
            return
        person = data.draw(st.sampled_from(ready))
        try:
            revision = services.save_canvas(
                canvas=self.canvas, user=person.user, document=person.doc, base_revision=person.base
            )
        except services.MergeConflict as conflict:
            event("a save met a conflict")
            self._shown(person, conflict)
            return
        if revision.merged:
            event("a save merged with others' changes")
        self._saved(person, revision, seen=person.base, chosen={})

    @precondition(lambda self: any(p.conflict is not None for p in self.people))
    @rule(data=st.data())
    def choose_and_save(self, data):
        person = data.draw(st.sampled_from([p for p in self.people if p.conflict is not None]))
        conflict = person.conflict
        chosen = {c.key: data.draw(st.sampled_from(SIDES)) for c in conflict.merged.result.conflicts}
        for c in conflict.merged.result.conflicts:
            if c.kind == "removed" and chosen[c.key] != c.removed_by:
                person.brought_back.add((c.section, title_of(c.section, c.mine or c.theirs)))
        try:
            revision = services.resolve_conflict(
                canvas=self.canvas,
                user=person.user,
                document=conflict.document,
                base_revision=person.base,
                seen_revision=conflict.merged.against.number,
                choices=chosen,
            )
        except services.MergeConflict as again:
            # Someone saved after the page was shown: what the person chose is now their version.
            event("a choice met a new conflict")
            self._drop_declined(person, conflict, chosen)
            person.kept_mine |= {key for key, side in chosen.items() if side == MINE}
            person.base = conflict.merged.against.number
            self._shown(person, again)
            return
        self._drop_declined(person, conflict, chosen)
        self._saved(person, revision, seen=conflict.merged.against.number, chosen=chosen)

    # --- what must hold ------------------------------------------------------------------------------------------

    def _own_new(self, person):
        return {i["id"] for title, s in person.added.items() for i in person.doc[s] if title_of(s, i) == title}

    def _shown(self, person, conflict):
        """A save that met a conflict: nothing saved, and each change is merged or shown as a conflict."""
        assert Canvas.objects.get(pk=self.canvas.pk).revision_number == conflict.merged.against.number
        open_places = open_conflicts(conflict.merged.result)
        assert open_places, "a conflict page with nothing to choose"
        merged = conflict.merged.result.document
        for place, text in person.edits.items():
            section, title, _ = place = named(person.doc, place)
            assert text in values_named(merged, place) or place in open_places or (section, title, ()) in open_places, (
                f"{place}: {text} neither merged nor shown"
            )
        for title, section in person.added.items():
            assert title in titles(merged, section), f"new {section} {title} dropped"
        for title, (section, _) in person.removed.items():
            assert title not in titles(merged, section) or (section, title, ()) in open_places
        person.conflict = conflict

    def _drop_declined(self, person, conflict, chosen):
        """Where the person chose the other version, their change is given up knowingly."""
        for c in conflict.merged.result.conflicts:
            if chosen[c.key] != THEIRS:
                continue
            person.edits = {
                place: text
                for place, text in person.edits.items()
                if change_key(*place) != c.key and change_key(place[0], place[1], ()) != c.key
            }
            person.removed = {
                t: where for t, where in person.removed.items() if change_key(where[0], where[1], ()) != c.key
            }

    def _saved(self, person, revision, *, seen, chosen):
        document = Canvas.objects.get(pk=self.canvas.pk).document
        overridden = person.kept_mine | {key for key, side in chosen.items() if side == MINE}
        # A change the person never had on screen may only be replaced through a choice on the conflict page.
        for place, text in person.edits.items():
            key = change_key(*place)
            place = named(person.doc, place)
            earlier = self.fields.get(place)
            if earlier and earlier[1] > seen and earlier[0] not in values_named(document, place):
                assert key in overridden, f"{place}: {earlier[0]} replaced without a choice"
            assert text in values_named(document, place), f"{place}: the saved text {text} is not in the canvas"
            self.fields[place] = (text, revision.number)
        for title, section in person.added.items():
            assert title in titles(document, section), f"new {section} {title} is not in the canvas"
            self.items[title] = (section, True, revision.number)
        for title, (section, item) in person.removed.items():
            assert title not in titles(document, section), f"removed {section} {title} is still there"
            for place, (text, number) in list(self.fields.items()):
                if place[:2] == (section, title):
                    assert number <= seen or change_key(section, item, ()) in overridden, (
                        f"{place}: {text} removed with its item without a choice"
                    )
                    del self.fields[place]
            self.items[title] = (section, False, revision.number)
        # An item the person kept against its removal is back.
        for section, title in person.brought_back:
            assert title in titles(document, section)
            self.items[title] = (section, True, revision.number)
        self.canvas.refresh_from_db()
        person.open(self.canvas)

    @invariant()
    def every_saved_change_is_in_the_canvas(self):
        document = Canvas.objects.get(pk=self.canvas.pk).document
        for place, (text, number) in self.fields.items():
            assert text in values_named(document, place), f"{place}: {text} (revision {number}) silently gone"
        for title, (section, present, number) in self.items.items():
            assert (title in titles(document, section)) == present, f"{section} {title} (revision {number})"


@pytest.mark.django_db
def test_no_change_is_silently_lost_when_people_edit_from_stale_revisions():
    owner = make_user("alex")
    people = [owner, make_user("sam"), make_user("kim")]
    team = make_team("Three editors", owner=owner, editor=people[1:])

    run_state_machine_as_test(
        lambda: EditingTogether(team, people),
        settings=settings(
            max_examples=int(os.environ.get("MERGE_EXAMPLES", 40)),
            stateful_step_count=30,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
        ),
    )
