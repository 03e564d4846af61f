"""The mission canvas, declared once: every section and field with its label, help, limits, choices and links.

Everything else reads this declaration: the JSON Schema (generated from it: `python -m workbench.document` writes the file),
the document defaults, the editor's forms, the checker's view of a canvas, the compare and merge code, both
one-pagers, the gallery and the review. Pure Python with no Django import, so the checker and the command line use
it as they are.

Functions that read the declaration take a `spec` argument that defaults to `CANVAS`; a test can hand them a copy
with one more section (`CANVAS.with_section(...)`) and see every reader pick it up.
"""

from __future__ import annotations

import copy
import json
import re
from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path

SCHEMA_ID = "mission-canvas/1"
SCHEMA_FILE = Path(__file__).with_name("mission-canvas-1.schema.json")

TEXT_MAX = 20_000  # long text: descriptions, the story, governance notes
ID_MAX = 40  # item ids: letters, digits, - and _
YEAR_MIN, YEAR_MAX = 1900, 2200
WAIVER_REASON_MAX = 1000

# --- Limits: what any canvas may hold, enforced alike by the schema, the import and the editor's forms -----------
# The largest canvas these allow opens in the editor, saves and prints (bench/bench_limits.py measures it).
ITEMS_MAX = 40  # items in each list section (root causes, levers, metrics …); real canvases hold 3 to 15
LINES_MAX = 10  # lines of a "lines" field (a list of short texts, such as example initiatives)
NUMBER_MAX = 10**15  # the size of any number, either sign; numbers are finite (no NaN or Infinity)
DOCUMENT_MAX_BYTES = 128 * 1024  # a whole document as compact UTF-8 JSON (the largest worked example: 22 KB)
NESTING_MAX = 8  # levels of nested lists and objects in a file (a canvas needs 5)
CITED_FIELDS_MAX = 2000  # fields of one canvas that cite sources
CITATIONS_MAX = 20  # sources cited for one field
CITATION_PATH_MAX = 200  # the length of a cited field's path
SOURCE_MAX = 300  # a cited source's name
NOTE_MAX = 1000  # a note on a citation
WAIVERS_MAX = 100  # rules switched off on one canvas
BY_MAX = 150  # who switched a rule off (a username)
# No text anywhere may hold NUL (PostgreSQL refuses it in a JSON column); titles and names may not hold the
# characters that turn the direction of text (they make a title read reversed in every list that shows it).
NUL = "\x00"
BIDI_CONTROLS = "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
NO_NUL_PATTERN = "^[^\\u0000]*$"
PLAIN_PATTERN = "^[^\\u0000\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069]*$"
NUL_MESSAGE = "must not contain the NUL character (\\u0000)"
BIDI_MESSAGE = (
    "must not contain characters that change the direction of text (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F)"
)

# What a link names when it points at the mission itself rather than at an item (metrics[].measures).
MISSION = "mission"
MISSION_LABEL = "The mission itself"
MISSION_SHORT = "The mission"  # in a list of what a metric measures, where space is tight

KINDS = ("line", "text", "year", "number", "choice", "links", "lines", "group")


@dataclass(frozen=True)
class Choice:
    """One allowed value of a choice field, the words people see, and shorter words or a sign where space is tight."""

    value: str
    label: str
    short: str = ""
    mark: str = ""


@dataclass(frozen=True)
class Field:
    """One field of the canvas document.

    kind: "line" (short text, max_length), "text" (long text, TEXT_MAX), "year", "number", "choice" (one value of the
    choice list named by `choices`, or ""), "links" (ids of items of the sections in `links`, or MISSION), "lines"
    (a list of short texts, max_length each) or "group" (named sub-fields, `fields`).
    """

    key: str
    kind: str
    label: str
    help: str = ""
    max_length: int | None = None
    required: bool = False
    choices: str = ""
    links: tuple[str, ...] = ()
    verb: str = ""  # how a link reads on a page: "Addresses", "Serves", "Measures"
    fields: tuple[Field, ...] = ()
    nullable: bool = False  # a group that may be null
    minimum: float | None = None
    rows: int = 0  # the editor's text area height; 0 is a one-line input
    prose: bool = True  # written words the checker reads (names, units and sources are not)
    short_label: str = ""  # where space is tight: the one-pagers
    qualify: bool = False  # a group whose sub-fields read with its label first ("Target year")
    define: str = ""  # a group the schema declares once under this name and refers to
    plain: bool = False  # a title or name: no characters that change the direction of text
    max_items: int = 0  # lines: the most lines (else LINES_MAX)

    def __post_init__(self):
        if self.kind not in KINDS:
            raise ValueError(f"{self.key}: unknown kind {self.kind!r}")
        if self.kind == "line" and not self.max_length:
            raise ValueError(f"{self.key}: a line needs a max_length")

    @property
    def short(self) -> str:
        """The label where space is tight."""
        return self.short_label or self.label

    def sub_label(self, sub: Field) -> str:
        """The label of one of this group's sub-fields as the editor shows it."""
        return f"{self.label} {in_sentence(sub.label)}" if self.qualify else sub.label


@dataclass(frozen=True)
class Section:
    """One section of the canvas.

    kind: "fields" (its fields sit at the top of the document: title, statement …), "group" (one object named like
    the section: story, governance) or "list" (a list of items named like the section, each with an id).
    """

    key: str
    title: str
    kind: str
    fields: tuple[Field, ...]
    item: str = ""  # list: the schema's name for one item ("root_cause")
    noun: str = ""  # list: one item in words ("root cause")
    id_prefix: str = ""  # list: new item ids are "<prefix>-<n>"
    max_items: int = ITEMS_MAX  # list: the most items a canvas holds
    title_field: str = "title"  # list: the field that names an item

    @property
    def keys(self) -> list[str]:
        """The top-level document keys this section holds."""
        return [field.key for field in self.fields] if self.kind == "fields" else [self.key]

    def field(self, key: str) -> Field:
        """The field of this section with that key."""
        for field in self.fields:
            if field.key == key:
                return field
        raise KeyError(f"{self.key}.{key}")

    @property
    def links(self) -> list[Field]:
        """The link fields of this section's items."""
        return [field for field in self.fields if field.kind == "links"]


@dataclass(frozen=True, eq=False)
class CanvasSpec:
    """The whole canvas: its sections in page order and the choice lists their fields name."""

    sections: tuple[Section, ...]
    choices: dict[str, tuple[Choice, ...]]

    def __post_init__(self):
        for section in self.sections:
            for field in _walk(section.fields):
                if field.kind == "choice" and field.choices not in self.choices:
                    raise ValueError(f"{section.key}.{field.key}: no choice list {field.choices!r}")
                for target in field.links:
                    if target != MISSION and target not in self.list_keys:
                        raise ValueError(f"{section.key}.{field.key}: links to no list section {target!r}")

    def with_section(self, section: Section, *, after: str | None = None) -> CanvasSpec:
        """A copy of this canvas with one more section, after the named one (else at the end)."""
        sections = list(self.sections)
        position = len(sections) if after is None else [s.key for s in sections].index(after) + 1
        sections.insert(position, section)
        return replace(self, sections=tuple(sections))

    def section(self, key: str) -> Section:
        """The section with that key."""
        return self._by_key[key]

    @cached_property
    def _by_key(self) -> dict[str, Section]:
        return {section.key: section for section in self.sections}

    @cached_property
    def list_sections(self) -> tuple[Section, ...]:
        """The list sections, in canvas order."""
        return tuple(section for section in self.sections if section.kind == "list")

    @cached_property
    def list_keys(self) -> tuple[str, ...]:
        return tuple(section.key for section in self.sections if section.kind == "list")

    @cached_property
    def titles(self) -> dict[str, str]:
        """Section key → title, in canvas order."""
        return {section.key: section.title for section in self.sections}

    @cached_property
    def id_prefixes(self) -> dict[str, str]:
        """List section → the prefix of its item ids, in canvas order."""
        return {section.key: section.id_prefix for section in self.list_sections}

    @cached_property
    def section_keys(self) -> dict[str, list[str]]:
        """Section → the top-level document keys it holds."""
        return {section.key: section.keys for section in self.sections}

    @cached_property
    def top_level(self) -> dict[str, tuple[Section, Field | None]]:
        """Every top-level document key of the canvas → its section and, for a "fields" section, its field."""
        out: dict[str, tuple[Section, Field | None]] = {}
        for section in self.sections:
            if section.kind == "fields":
                out.update({field.key: (section, field) for field in section.fields})
            else:
                out[section.key] = (section, None)
        return out

    def choice_pairs(self, name: str) -> list[tuple[str, str]]:
        """(value, label) of a choice list, in its order."""
        return [(choice.value, choice.label) for choice in self.choices[name]]

    def choice_label(self, name: str, value, *, short: bool = False) -> str:
        """The label of a choice value; "" for no value, the value itself when it is not on the list."""
        if not value:
            return ""
        return (self._short if short else self._labels)[name].get(value, value)

    @cached_property
    def _labels(self) -> dict[str, dict[str, str]]:
        return {name: {c.value: c.label for c in choices} for name, choices in self.choices.items()}

    @cached_property
    def _short(self) -> dict[str, dict[str, str]]:
        return {name: {c.value: c.short or c.label for c in choices} for name, choices in self.choices.items()}

    def links_max(self, field: Field) -> int:
        """The most links a link field can hold: one to each item it may point at, and to the mission."""
        return sum(1 if target == MISSION else self.section(target).max_items for target in field.links)

    @cached_property
    def plain_paths(self) -> tuple[tuple[str, ...], ...]:
        """Where titles and names sit, as document paths without indexes: ("title",), ("root_causes", "title") …"""
        out = []
        for section in self.sections:
            for field in section.fields:
                if field.plain:
                    out.append((field.key,) if section.kind == "fields" else (section.key, field.key))
        return tuple(out)

    def link_fields(self) -> list[tuple[Section, Field]]:
        """Every link between item kinds: (the list section, its link field)."""
        return [(section, field) for section in self.list_sections for field in section.links]

    def link_targets(self) -> list[str]:
        """The list sections other items link to, in canvas order."""
        wanted = {target for _, field in self.link_fields() for target in field.links}
        return [key for key in self.list_keys if key in wanted]

    def field_at(self, path: str | list) -> list[Field | Section]:
        """The sections and fields a document path passes through, outermost first (indexes skipped).

        "root_causes[2].evidence.figure" → [root_causes, evidence, figure]; "story.why_now" → [story, why_now];
        "title" → [identity's title field]. Stops at the first name the canvas does not declare.
        """
        names = [part for part in (path_parts(path) if isinstance(path, str) else path) if isinstance(part, str)]
        if not names or names[0] not in self.top_level:
            return []
        section, field = self.top_level[names[0]]
        trail: list[Field | Section] = [field] if field is not None else [section]
        fields = field.fields if field is not None else section.fields
        for name in names[1:]:
            found = next((f for f in fields if f.key == name), None)
            if found is None:
                break
            trail.append(found)
            fields = found.fields
        return trail

    def label(self, path: str, *, short: bool = False) -> str:
        """The label of the field (or the title of the section) a document path names: "story.why_now" → "Why now",
        "metrics[0].target.year" → "Target year". Raises KeyError for a path the canvas does not declare."""
        names = [part for part in path_parts(path) if isinstance(part, str)]
        trail = self.field_at(names)
        if not names or len(trail) != len(names):
            raise KeyError(path)
        last = trail[-1]
        if isinstance(last, Section):
            return last.title
        parent = trail[-2] if len(trail) > 1 else None
        if isinstance(parent, Field) and parent.qualify:
            return parent.sub_label(last)
        return last.short if short else last.label

    def item_defaults(self, section: str) -> dict:
        """Every field of one list item with its empty value (without the id)."""
        return {field.key: _empty(field) for field in self.section(section).fields}

    def empty_document(self, title: str = "") -> dict:
        """A complete document with every key present and every section empty."""
        document: dict = {"schema": SCHEMA_ID}
        for section in self.sections:
            if section.kind == "fields":
                document.update({field.key: _empty(field) for field in section.fields})
            elif section.kind == "group":
                document[section.key] = {field.key: _empty(field) for field in section.fields}
            else:
                document[section.key] = []
        document["title"] = title
        document["citations"] = {}
        document["waivers"] = []
        return document

    def schema(self) -> dict:
        """The JSON Schema of a canvas document with these sections (a fresh copy: validators rewrite it)."""
        return copy.deepcopy(_schema(self))


def _walk(fields):
    for field in fields:
        yield field
        yield from _walk(field.fields)


def _empty(field: Field):
    if field.kind in ("links", "lines"):
        return []
    if field.kind in ("year", "number"):
        return None
    if field.kind == "group":
        return {sub.key: _empty(sub) for sub in field.fields}
    return ""


_PATH_PART = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]")


def path_parts(path: str) -> list[str | int]:
    """A field path in its parts: "metrics[2].target.year" → ["metrics", 2, "target", "year"]."""
    return [name or int(index) for name, index in _PATH_PART.findall(path)]


def in_sentence(label: str) -> str:
    """A label as it reads inside a sentence: "Why now" → "why now", but "ICT and data" stays as it is."""
    if len(label) > 1 and label[1].isupper():
        return label
    return label[:1].lower() + label[1:]


# --- The JSON Schema -----------------------------------------------------------------------------------------------

SCHEMA_URL = "https://missionworkbench.example/schema/mission-canvas-1.json"

_COMMON_DEFS = {
    "text": {"type": "string", "maxLength": TEXT_MAX, "pattern": NO_NUL_PATTERN},
    "id": {"type": "string", "pattern": f"^[A-Za-z0-9_-]{{1,{ID_MAX}}}$"},
    "year": {"type": "integer", "minimum": YEAR_MIN, "maximum": YEAR_MAX},
    "year_or_null": {"type": ["integer", "null"], "minimum": YEAR_MIN, "maximum": YEAR_MAX},
}

# The parts of a document that are not the canvas: sources cited for its fields, and rules switched off.
_CITATIONS = {
    "type": "object",
    "maxProperties": CITED_FIELDS_MAX,
    "propertyNames": {"maxLength": CITATION_PATH_MAX},
    "additionalProperties": {
        "type": "array",
        "maxItems": CITATIONS_MAX,
        "items": {
            "type": "object",
            "required": ["source"],
            "additionalProperties": False,
            "properties": {
                "source": {"type": "string", "minLength": 1, "maxLength": SOURCE_MAX, "pattern": NO_NUL_PATTERN},
                "at": {"type": "string", "pattern": "^[0-9]{2}:[0-5][0-9]:[0-5][0-9]$"},
                "outside": {"type": "boolean"},
                "note": {"type": "string", "maxLength": NOTE_MAX, "pattern": NO_NUL_PATTERN},
            },
        },
    },
}
_WAIVERS = {
    "type": "array",
    "maxItems": WAIVERS_MAX,
    "items": {
        "type": "object",
        "required": ["rule", "reason"],
        "additionalProperties": False,
        "properties": {
            "rule": {"type": "string", "minLength": 1, "maxLength": ID_MAX, "pattern": NO_NUL_PATTERN},
            "reason": {"type": "string", "minLength": 1, "maxLength": WAIVER_REASON_MAX, "pattern": NO_NUL_PATTERN},
            "by": {"type": "string", "maxLength": BY_MAX, "pattern": NO_NUL_PATTERN},
            "on": {"type": "string", "maxLength": ID_MAX, "pattern": NO_NUL_PATTERN},
            "imported": {"type": "boolean"},
        },
    },
}


def _field_schema(spec: CanvasSpec, field: Field, defs: dict) -> dict:
    if field.kind == "line":
        out: dict = {"type": "string"}
        if field.required:
            out["minLength"] = 1
        out["maxLength"] = field.max_length
        out["pattern"] = PLAIN_PATTERN if field.plain else NO_NUL_PATTERN
        return out
    if field.kind == "text":
        if field.required:
            return {"type": "string", "minLength": 1, "maxLength": TEXT_MAX, "pattern": NO_NUL_PATTERN}
        return {"$ref": "#/$defs/text"}
    if field.kind == "year":
        return {"$ref": "#/$defs/year_or_null"}
    if field.kind == "number":
        return {
            "type": ["number", "null"],
            "minimum": -NUMBER_MAX if field.minimum is None else field.minimum,
            "maximum": NUMBER_MAX,
        }
    if field.kind == "choice":
        return {"enum": ["", *(choice.value for choice in spec.choices[field.choices])]}
    if field.kind == "links":
        return {
            "type": "array",
            "maxItems": spec.links_max(field),
            "uniqueItems": True,
            "items": {"$ref": "#/$defs/id"},
        }
    if field.kind == "lines":
        return {
            "type": "array",
            "maxItems": field.max_items or LINES_MAX,
            "items": {"type": "string", "maxLength": field.max_length or TEXT_MAX, "pattern": NO_NUL_PATTERN},
        }
    group = {
        "type": ["object", "null"] if field.nullable else "object",
        "additionalProperties": False,
        "properties": {sub.key: _field_schema(spec, sub, defs) for sub in field.fields},
    }
    if not field.define:
        return group
    if defs.setdefault(field.define, group) != group:
        raise ValueError(f"two different groups are both defined as {field.define!r}")
    return {"$ref": f"#/$defs/{field.define}"}


def _object(spec: CanvasSpec, fields, defs: dict, *, with_id: bool = False) -> dict:
    required = (["id"] if with_id else []) + [field.key for field in fields if field.required]
    properties = {"id": {"$ref": "#/$defs/id"}} if with_id else {}
    properties.update({field.key: _field_schema(spec, field, defs) for field in fields})
    out: dict = {"type": "object"}
    if required:
        out["required"] = required
    out.update({"additionalProperties": False, "properties": properties})
    return out


def _schema(spec: CanvasSpec) -> dict:
    defs: dict = dict(_COMMON_DEFS)
    properties: dict = {"schema": {"const": SCHEMA_ID}}
    required = ["schema"]
    for section in spec.sections:
        if section.kind == "fields":
            for field in section.fields:
                properties[field.key] = _field_schema(spec, field, defs)
                if field.required:
                    required.append(field.key)
        elif section.kind == "group":
            properties[section.key] = _object(spec, section.fields, defs)
        else:
            # A shared group (a metric's measurement) lands in defs before the item that uses it.
            defs[section.item] = _object(spec, section.fields, defs, with_id=True)
    properties["citations"] = _CITATIONS
    properties["waivers"] = _WAIVERS
    for section in spec.list_sections:
        properties[section.key] = {
            "type": "array",
            "maxItems": section.max_items,
            "items": {"$ref": f"#/$defs/{section.item}"},
        }
    order = ["schema", *(key for section in spec.sections for key in section.keys), "citations", "waivers"]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_URL,
        "title": "Mission canvas document, version 1",
        "description": (
            "A mission on a page: the interchange format for import, export, revisions, worked examples, "
            "the checker and the PDF."
        ),
        "type": "object",
        "required": required,
        "additionalProperties": False,
        "properties": {key: properties[key] for key in order},
        "$defs": defs,
    }


def schema_text(spec: CanvasSpec | None = None) -> str:
    """The schema file's text as generated: the committed file must equal it."""
    return json.dumps((spec or CANVAS).schema(), ensure_ascii=False, indent=2) + "\n"


# --- The canvas ----------------------------------------------------------------------------------------------------


def _measurement(key: str, label: str) -> Field:
    return Field(
        key,
        "group",
        label,
        nullable=True,
        qualify=True,
        define="measurement",
        fields=(Field("value", "number", "Value"), Field("year", "year", "Year")),
    )


def _description() -> Field:
    return Field("description", "text", "Description", rows=2)


CANVAS = CanvasSpec(
    choices={
        "layer_level": (
            Choice("vision", "Vision or grand challenge"),
            Choice("mission", "Mission"),
            Choice("sub_mission", "Sub-mission"),
            Choice("project", "Project"),
        ),
        "sector": (
            Choice("public_sector", "Public sector"),
            Choice("research", "Research and academia"),
            Choice("business", "Business and industry"),
            Choice("civil_society", "Civil society and voluntary sector"),
            Choice("citizens", "Citizens, residents and patients"),
            Choice("health_and_care", "Health and care providers"),
            Choice("funders", "Funders"),
        ),
        "lever_type": (
            Choice("funding", "Funding"),
            Choice("procurement", "Procurement"),
            Choice("regulation", "Regulation and planning"),
            Choice("convening", "Convening and partnerships"),
            Choice("data_and_infrastructure", "Data and infrastructure"),
            Choice("communication", "Communication"),
            Choice("skills", "Skills and capacity"),
            Choice("land_and_assets", "Land and assets"),
            Choice("research_and_innovation", "Research and innovation"),
        ),
        "lever_side": (Choice("supply", "Supply side"), Choice("demand", "Demand side"), Choice("both", "Both")),
        "lever_status": (Choice("new", "New"), Choice("existing", "Existing")),
        "metric_kind": (
            Choice("mission_outcome", "Mission outcome"),
            Choice("intermediate_outcome", "Intermediate outcome", short="Intermediate"),
            Choice("output", "Output"),
        ),
        "metric_direction": (
            Choice("increase", "Should go up", mark="↑"),
            Choice("decrease", "Should go down", mark="↓"),
            Choice("maintain", "Should hold steady", mark="="),
        ),
    },
    sections=(
        Section(
            "identity",
            "Mission",
            "fields",
            (
                Field("title", "line", "Title", max_length=200, required=True, plain=True),
                Field(
                    "statement",
                    "line",
                    "Mission statement",
                    "One sentence: the outcome, for whom, how much, and by when.",
                    max_length=1000,
                    rows=2,
                ),
                Field("place", "line", "Place or scope", max_length=200, short_label="Place"),
                Field("population", "line", "Population it concerns", max_length=500, short_label="Who"),
                Field("deadline_year", "year", "Deadline year", "The year by which the mission is achieved."),
                Field(
                    "budget",
                    "group",
                    "Budget",
                    nullable=True,
                    fields=(
                        Field("amount", "number", "Budget amount", minimum=0),
                        Field("currency", "line", "Currency", "For example GBP, EUR, AUD.", max_length=10, prose=False),
                        Field("period", "line", "Period", "For example 2024–2030.", max_length=100),
                    ),
                ),
            ),
        ),
        Section(
            "layers",
            "Layers",
            "list",
            (
                Field("level", "choice", "Level", choices="layer_level"),
                Field("title", "line", "Title", max_length=500, required=True, plain=True),
                _description(),
            ),
            item="layer",
            noun="layer",
            id_prefix="layer",
        ),
        Section(
            "story",
            "Story",
            "group",
            (
                Field("why_now", "text", "Why now", "What makes this urgent for the people and the place?", rows=3),
                Field(
                    "who_is_affected", "text", "Who is affected", "Who lives with the problem today, and how?", rows=3
                ),
                Field(
                    "what_will_change",
                    "text",
                    "What will be different",
                    "Describe the world once the mission is achieved.",
                    rows=3,
                ),
            ),
        ),
        Section(
            "root_causes",
            "Root causes",
            "list",
            (
                Field("title", "line", "Root cause", max_length=500, required=True, plain=True),
                _description(),
                Field(
                    "evidence",
                    "group",
                    "Evidence",
                    fields=(
                        Field(
                            "figure",
                            "line",
                            "Evidence",
                            "A figure that shows the cause, e.g. “1 in 4 children …”.",
                            max_length=500,
                        ),
                        Field("source", "line", "Source of the evidence", max_length=500, prose=False),
                    ),
                ),
            ),
            item="root_cause",
            noun="root cause",
            id_prefix="rc",
        ),
        Section(
            "system",
            "System of problems",
            "group",
            (
                Field(
                    "description",
                    "text",
                    "How the causes interact",
                    "The system of problems: how the root causes feed each other.",
                    rows=4,
                ),
            ),
        ),
        Section(
            "stakeholders",
            "Actors",
            "list",
            (
                Field("name", "line", "Actor", max_length=300, required=True, prose=False, plain=True),
                Field("sector", "choice", "Sector", choices="sector"),
                Field("role", "text", "Role in the mission", rows=2),
            ),
            item="stakeholder",
            noun="actor",
            id_prefix="actor",
            title_field="name",
        ),
        Section(
            "opportunity_areas",
            "Opportunity areas",
            "list",
            (
                Field("title", "line", "Opportunity area", max_length=500, required=True, plain=True),
                _description(),
                Field("root_causes", "links", "Root causes it addresses", links=("root_causes",), verb="Addresses"),
                Field("initiatives", "lines", "Example initiatives", "One per line.", max_length=500, rows=2),
            ),
            item="opportunity_area",
            noun="opportunity area",
            id_prefix="area",
        ),
        Section(
            "levers",
            "Tools and levers",
            "list",
            (
                Field("title", "line", "Tool or lever", max_length=500, required=True, plain=True),
                _description(),
                Field("type", "choice", "Type", choices="lever_type"),
                Field("side", "choice", "Acts on", choices="lever_side"),
                Field("status", "choice", "New or existing", choices="lever_status"),
                Field("owner", "line", "Owner", "Who pulls this lever.", max_length=300, prose=False),
                Field(
                    "opportunity_areas",
                    "links",
                    "Opportunity areas it serves",
                    links=("opportunity_areas",),
                    verb="Serves",
                ),
            ),
            item="lever",
            noun="lever",
            id_prefix="lever",
        ),
        Section(
            "metrics",
            "Success metrics",
            "list",
            (
                Field("name", "line", "Metric", max_length=500, required=True, plain=True),
                Field("kind", "choice", "Kind", choices="metric_kind"),
                Field("unit", "line", "Unit", "For example %, people, tonnes.", max_length=100, prose=False),
                Field("direction", "choice", "Direction", choices="metric_direction"),
                _measurement("baseline", "Baseline"),
                _measurement("target", "Target"),
                Field("source", "line", "Data source", max_length=500, prose=False),
                Field("measures", "links", "What it measures", links=(MISSION, "opportunity_areas"), verb="Measures"),
            ),
            item="metric",
            noun="metric",
            id_prefix="metric",
            title_field="name",
        ),
        Section(
            "governance",
            "Governance and learning",
            "group",
            (
                Field(
                    "monitoring", "text", "Monitoring", "How progress is followed and reported, and how often.", rows=2
                ),
                Field(
                    "working_together",
                    "text",
                    "Working together",
                    "How the partners organise and decide together.",
                    rows=2,
                ),
                Field(
                    "learning_together",
                    "text",
                    "Learning together",
                    "How the mission learns from what works and what does not.",
                    rows=2,
                ),
                Field("ict_and_data", "text", "ICT and data", "The data and systems partners share.", rows=2),
                Field("financing", "text", "Financing", "Where the money comes from and how it is pooled.", rows=2),
                Field(
                    "conflicts_of_interest",
                    "text",
                    "Conflicts of interest",
                    "How interests of partners are declared and handled.",
                    rows=2,
                ),
                Field(
                    "evaluation",
                    "text",
                    "Early evaluation",
                    "When and how the mission is first evaluated, so it can change course.",
                    rows=2,
                ),
            ),
        ),
        Section(
            "horizons",
            "Near term and long term",
            "fields",
            (
                Field(
                    "near_term",
                    "text",
                    "Near term: the next 12 months",
                    "What happens first, and who does it.",
                    rows=3,
                    short_label="Next 12 months",
                ),
                Field(
                    "long_term",
                    "text",
                    "Long term: by the deadline",
                    "What has changed for people by the deadline.",
                    rows=3,
                    short_label="By the deadline",
                ),
            ),
        ),
    ),
)


def write_schema(path: Path = SCHEMA_FILE) -> bool:
    """Write the generated schema to the committed file; True when the file changed."""
    text = schema_text()
    if path.exists() and path.read_text(encoding="utf-8") == text:
        return False
    path.write_text(text, encoding="utf-8")
    return True
