"""The repeated kinds of rule, as shapes filled from a table: a part is present, each item passes one test, a
note of a section is written with substance, no word of a word list is used, the statement has none of the words
of one kind.

A rule of one of these kinds is a row of data/rules.toml (its id, wording, weight and what it asks); only rules
that judge something particular (the statement above all) are classes of their own, in criteria/.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import ClassVar

from workbench.checker import base
from workbench.checker.base import Rule, register
from workbench.checker.canvas import Canvas, Item
from workbench.checker.language import find_terms, words
from workbench.document.spec import CANVAS, in_sentence

TABLE = Path(__file__).with_name("data") / "rules.toml"


def item_name(item: Item, field: str = "title") -> str:
    """An item as a finding names it: its title quoted, or its position."""
    text = item.text(field).strip()
    return f"'{text[:60]}'" if text else f"Item {item.position + 1}"


class PartPresent(Rule):
    """A part of the canvas is filled in (see Canvas.has); rules that need the part wait for this one."""

    part: ClassVar[str]
    message: ClassVar[str]
    suggestion: ClassVar[str]
    point_at: ClassVar[str | None] = None  # the field a finding points at

    def findings(self, canvas):
        if canvas.has(self.part):
            return []
        return [self.finding(self.message, self.suggestion, field=self.point_at)]


class EachItem(Rule):
    """Every item of one list section passes one test; each item that fails costs its share of the rule.

    `lacks(item, canvas)` returns None when the item passes, else the words that fill `{gap}` in the message.
    """

    items: ClassVar[str]
    lacks: ClassVar[Callable[[Item, Canvas], str | None]]
    message: ClassVar[str]  # may use {name} and {gap}
    suggestion: ClassVar[str]
    name_field: ClassVar[str] = "title"
    point_at: ClassVar[str | None] = None  # the item's field a finding points at
    unless_empty: ClassVar[str | None] = None  # a section that must have items for the test to mean anything
    lacks_spec: ClassVar[str] = ""  # the test as the table names it: "unlinked:root_causes", "blank:owner" …
    gap_kind: ClassVar[str] = ""  # its kind: "unlinked", "unreferenced", "blank" …

    def findings(self, canvas):
        if self.unless_empty and not getattr(canvas, self.unless_empty):
            return []
        items = getattr(canvas, self.items)
        found = []
        for item in items:
            gap = type(self).lacks(item, canvas)
            if gap is None:
                continue
            found.append(
                self.finding(
                    self.message.format(name=item_name(item, self.name_field), gap=gap),
                    self.suggestion,
                    item=item.id,
                    field=item.path(self.point_at) if self.point_at else None,
                    share=1 / len(items),
                )
            )
        return found


class NoteWritten(Rule):
    """A note of a section (governance.monitoring …) says something: empty costs the rule, a line of fewer than
    `thin` words costs half of it."""

    field_name: ClassVar[str]
    topic: ClassVar[str] = ""  # the note in a sentence; its label on the canvas unless the row words it otherwise
    example: ClassVar[str]
    thin: ClassVar[int] = 4  # fewer words than this is a placeholder, not an arrangement

    def findings(self, canvas):
        field = f"{self.section}.{self.field_name}"
        text = getattr(canvas, self.section).get(self.field_name, "").strip()
        topic = self.topic or in_sentence(canvas.spec.label(field))
        if not text:
            return [
                self.finding(
                    f"Nothing is said yet about {topic}.", f"Say how it will work, e.g. {self.example}", field=field
                )
            ]
        if len(words(text)) < self.thin:
            message, suggestion = (
                f"The note on {topic} is very short.",
                f"Say who does what and how often, e.g. {self.example}",
            )
            return [self.finding(message, suggestion, field=field, share=0.5)]
        return []


class StatementWords(Rule):
    """The statement has none of the words of one kind the statement reader picks out (StatementReading's
    `words_read`: hedges, words of continuity …); one finding quotes each of them once."""

    words_read: ClassVar[str]
    message: ClassVar[str]  # uses {words}
    suggestion: ClassVar[str]

    def findings(self, canvas):
        found = getattr(canvas.reading, self.words_read)
        if not found:
            return []
        quoted = ", ".join(f"'{word.lower()}'" for word in dict.fromkeys(found))
        message = self.message.format(words=quoted[0].upper() + quoted[1:])
        return [self.finding(message, self.suggestion, field="statement")]


def _alternative(term) -> str:
    hint = term.alternative.strip()
    if not hint:
        return "Say what you mean in everyday words."
    if hint.lower().startswith(("say ", "(")):
        return hint[0].upper() + hint[1:] + "."
    return f"Try '{hint}'."


class WordsFromList(Rule):
    """No word of one of the word lists (language/*.tsv) in any text of the canvas, except where the word is the
    canvas's own vocabulary in that section; each word found costs `share_each` of the rule."""

    word_list: ClassVar[str]
    share_each: ClassVar[float] = 0.2

    def findings(self, canvas):
        found = []
        for section, field, item, text in canvas.texts():
            for hit in find_terms(text, section, field):
                if hit.term.list == self.word_list:
                    message = f"'{hit.matched}' may not mean much to residents."
                    fix = _alternative(hit.term)
                    found.append(
                        self.finding(message, fix, **base.in_text(section, field, item), share=self.share_each)
                    )
        return found


def declare(shape: type[Rule], **row) -> type[Rule]:
    """Register a rule of one of the shapes above from a row of data."""
    name = "".join(part.capitalize() for part in row["id"].split("-"))
    if "lacks" in row:
        row["lacks"] = staticmethod(row["lacks"])
    return register(type(name, (shape,), row))


def blank(field: str) -> Callable[[Item, Canvas], str | None]:
    """A test for EachItem: the item's text or choice field is empty."""
    return lambda item, canvas: None if item.text(field).strip() else field


def unlinked(field: str) -> Callable[[Item, Canvas], str | None]:
    """A test for EachItem: the item links to nothing through `field`."""
    return lambda item, canvas: None if item.ids(field) else field


def unreferenced(section: str, field: str) -> Callable[[Item, Canvas], str | None]:
    """A test for EachItem: no item of `section` links to this item through `field`."""

    def test(item, canvas):
        key = ("linked", section, field)
        if key not in canvas.memo:
            canvas.memo[key] = {target for other in getattr(canvas, section) for target in other.ids(field)}
        return None if not item.id or item.id in canvas.memo[key] else section

    return test


def _baseline_gap(metric, canvas):
    baseline = metric.measurement("baseline")
    if baseline.value is not None and baseline.year is not None:
        return None
    return "starting value" if baseline.value is None else "year for its starting value"


def _target_gap(metric, canvas):
    target = metric.measurement("target")
    gaps = [
        gap
        for gap, missing in (
            ("target value", target.value is None),
            ("target year", target.year is None),
            ("direction", not metric.choice("direction")),
        )
        if missing
    ]
    return " or ".join(gaps) or None


def _lever_gaps(lever, canvas):
    return ", ".join(name for name in ("type", "side", "status") if not lever.choice(name)) or None


def _evidence_gap(cause, canvas):
    evidence = cause.fields.get("evidence")
    evidence = evidence if isinstance(evidence, dict) else {}
    figure = evidence.get("figure") if isinstance(evidence.get("figure"), str) else ""
    source = evidence.get("source") if isinstance(evidence.get("source"), str) else ""
    if figure.strip() and source.strip():
        return None
    return "figure" if not figure.strip() else "source for its figure"


# Item tests the table names that are more than one field being empty or unlinked.
TESTS = {
    "baseline_gap": _baseline_gap,
    "target_gap": _target_gap,
    "lever_gaps": _lever_gaps,
    "evidence_gap": _evidence_gap,
}
_TEST_KINDS = {"blank": blank, "unlinked": unlinked, "unreferenced": lambda spec: unreferenced(*spec.split("."))}


def _test(name: str) -> Callable[[Item, Canvas], str | None]:
    kind, _, argument = name.partition(":")
    if argument:
        return _TEST_KINDS[kind](argument)
    return TESTS[name]


def _check_fields(row: dict) -> None:
    """Every field a row names is a field of its list section in the canvas specification."""
    section = row["items"]
    kind, _, argument = row["lacks"].partition(":")
    named = [row.get("point_at"), row.get("name_field")]
    if kind in ("blank", "unlinked"):
        named.append(argument)
    paths = [f"{section}[0].{name}" for name in named if name]
    if kind == "unreferenced":
        other, field = argument.split(".")
        paths.append(f"{other}[0].{field}")
    for path in paths:
        found = CANVAS.field_at(path)
        if len(found) != 2 or found[-1].key != path.rsplit(".", 1)[-1]:
            raise ValueError(f"{TABLE.name}: rule {row['id']} names {path}, which the canvas does not have")


def load(path: Path = TABLE) -> None:
    """Register every rule the table declares (the rules of the shapes above); the fields each names are
    checked against the canvas specification first, so a misspelt field fails at start-up, not silently."""
    table = tomllib.loads(path.read_text(encoding="utf-8"))
    for row in table.get("each_item", []):
        _check_fields(row)
    shapes = (
        (PartPresent, "part"),
        (EachItem, "each_item"),
        (NoteWritten, "note"),
        (WordsFromList, "word_list"),
        (StatementWords, "statement_words"),
    )
    for shape, key in shapes:
        for row in table.get(key, []):
            row = dict(row, source=getattr(base, row["source"]), needs=tuple(row.get("needs", ())))
            if "lacks" in row:
                # The test's name stays readable beside it, so that other readers (the theory-of-change map) can
                # pick the rules about links without running every rule.
                row["lacks_spec"] = row["lacks"]
                row["gap_kind"] = row["lacks"].partition(":")[0]
                row["lacks"] = _test(row["lacks"])
            declare(shape, **row)
