"""The canvas editor's forms: one form for the single fields, one formset per list section.

The forms read from and write to a canvas document (workbench.document); the database only ever
sees whole documents, through the services.
"""

from __future__ import annotations

import copy
from functools import cache

from django import forms
from django.conf import settings
from django.forms import formset_factory

from workbench.document import normalize, remap_citations
from workbench.document.model import drop_dangling_links, new_item_id
from workbench.document.spec import (
    BIDI_CONTROLS,
    CANVAS,
    LINES_MAX,
    MISSION,
    MISSION_LABEL,
    NUMBER_MAX,
    TEXT_MAX,
    WAIVER_REASON_MAX,
    YEAR_MAX,
    YEAR_MIN,
    CanvasSpec,
    Field,
    Section,
)

# The form's own words for wrong input; every label, help text, limit and choice comes from the canvas spec.
NUMBER_ERRORS = {
    "invalid": "Enter a number, such as 12 or 12.5, without units.",
    "min_value": f"Enter a number between -{NUMBER_MAX:,} and {NUMBER_MAX:,}.",
    "max_value": f"Enter a number between -{NUMBER_MAX:,} and {NUMBER_MAX:,}.",
}
FIELD_ERRORS = {
    "budget_amount": {
        "invalid": "Enter an amount in figures, such as 500000.",
        "min_value": "A budget cannot be negative.",
        "max_value": f"Enter an amount of at most {NUMBER_MAX:,}.",
    },
}


def no_direction_controls(value: str) -> None:
    """Titles and names may not hold characters that turn text around: they would read reversed in every list."""
    if any(char in BIDI_CONTROLS for char in value):
        raise forms.ValidationError(
            "Remove the invisible characters that change the direction of text (U+202A–U+202E, U+2066–U+2069, "
            "U+200E, U+200F): they make a title read reversed.",
            code="direction_controls",
        )


def _blank(choices):
    return [("", "—")] + list(choices)


def _year(label, help_text=""):
    return forms.IntegerField(
        label=label,
        help_text=help_text,
        required=False,
        min_value=YEAR_MIN,
        max_value=YEAR_MAX,
        error_messages={
            "invalid": "Enter a whole year, such as 2030.",
            "min_value": f"Enter a year between {YEAR_MIN} and {YEAR_MAX}.",
            "max_value": f"Enter a year between {YEAR_MIN} and {YEAR_MAX}.",
        },
    )


class LinkField(forms.MultipleChoiceField):
    widget = forms.CheckboxSelectMultiple


class LinesField(forms.CharField):
    """A list of short texts typed one per line; its cleaned value is the list, without blank lines."""

    def __init__(self, *, line_max: int, lines_max: int = LINES_MAX, **kwargs):
        self.line_max = line_max
        self.lines_max = lines_max
        super().__init__(**kwargs)

    def clean(self, value):
        lines = [line.strip() for line in super().clean(value).splitlines()]
        if any(len(line) > self.line_max for line in lines):
            raise forms.ValidationError(
                f"Keep each of the {self.label.lower()} under {self.line_max} characters (one per line)."
            )
        lines = [line for line in lines if line]
        if len(lines) > self.lines_max:
            raise forms.ValidationError(f"At most {self.lines_max} lines: this has {len(lines)}.")
        return lines


def _form_field(field: Field, name: str, label: str, spec: CanvasSpec) -> forms.Field:
    common = {"label": label, "help_text": field.help}
    textarea = forms.Textarea(attrs={"rows": field.rows or 3})
    if field.kind == "line":
        widget = textarea if field.rows else None
        validators = [no_direction_controls] if field.plain else []
        return forms.CharField(
            max_length=field.max_length, required=field.required, widget=widget, validators=validators, **common
        )
    if field.kind == "text":
        return forms.CharField(max_length=TEXT_MAX, required=field.required, widget=textarea, **common)
    if field.kind == "year":
        return _year(label, field.help)
    if field.kind == "number":
        return forms.FloatField(
            required=False,
            min_value=-NUMBER_MAX if field.minimum is None else field.minimum,
            max_value=NUMBER_MAX,
            error_messages=FIELD_ERRORS.get(name, NUMBER_ERRORS),
            **common,
        )
    if field.kind == "choice":
        return forms.ChoiceField(choices=_blank(spec.choice_pairs(field.choices)), required=False, **common)
    if field.kind == "links":
        return LinkField(required=False, **common)
    if field.kind == "lines":
        return LinesField(
            line_max=field.max_length or TEXT_MAX,
            lines_max=field.max_items or LINES_MAX,
            max_length=TEXT_MAX,
            required=False,
            widget=textarea,
            **common,
        )
    raise ValueError(f"{name}: a {field.kind} is not one form field")


def _flat(fields, prefix: str = "", parent: Field | None = None):
    """(form field name, path in the document, spec field, label) for every field, a group's sub-fields one by one."""
    for field in fields:
        name = f"{prefix}{field.key}"
        label = parent.sub_label(field) if parent else field.label
        if field.kind == "group":
            for sub_name, path, sub, sub_label in _flat(field.fields, f"{name}_", field):
                yield sub_name, (field.key, *path), sub, sub_label
        else:
            yield name, (field.key,), field, label


def form_fields(fields, *, prefix: str = "", spec: CanvasSpec = CANVAS) -> dict[str, forms.Field]:
    """Form fields for fields of the canvas spec, named like their path: budget_amount, story_why_now."""
    return {name: _form_field(field, name, label, spec) for name, _, field, label in _flat(fields, prefix)}


def _read(values: dict, path: tuple):
    for key in path:
        values = values.get(key) if isinstance(values, dict) else None
    return values


def _initial(fields, values: dict, prefix: str = "") -> dict:
    initial = {}
    for name, path, field, _ in _flat(fields, prefix):
        value = _read(values, path)
        if field.kind == "lines":
            value = "\n".join(value or [])
        elif field.kind in ("line", "text") and value is None:
            value = ""
        initial[name] = value
    return initial


def _write(fields, data: dict, prefix: str = "") -> dict:
    out: dict = {}
    for name, path, _, _ in _flat(fields, prefix):
        target = out
        for key in path[:-1]:
            target = target.setdefault(key, {})
        target[path[-1]] = data[name]
    return out


def _single_parts(spec: CanvasSpec):
    """(section, form field prefix) of the parts of the canvas that are not lists."""
    for section in spec.sections:
        if section.kind == "fields":
            yield section, ""
        elif section.kind == "group":
            yield section, f"{section.key}_"


class CanvasForm(forms.Form):
    """The single fields of the canvas: identity, story, system, governance, horizons."""

    base_revision = forms.IntegerField(widget=forms.HiddenInput, min_value=0)

    def __init__(self, *args, spec: CanvasSpec = CANVAS, **kwargs):
        self.spec = spec
        super().__init__(*args, **kwargs)
        for section, prefix in _single_parts(spec):
            self.fields.update(form_fields(section.fields, prefix=prefix, spec=spec))

    def clean(self):
        data = super().clean()
        amount, currency = data.get("budget_amount"), data.get("budget_currency")
        if amount is not None and not currency:
            self.add_error("budget_currency", "Say which currency the budget is in.")
        return data

    @staticmethod
    def initial_from(document: dict, base_revision: int, *, spec: CanvasSpec = CANVAS) -> dict:
        initial = {}
        for section, prefix in _single_parts(spec):
            values = document if section.kind == "fields" else document.get(section.key) or {}
            initial.update(_initial(section.fields, values, prefix))
        initial["base_revision"] = base_revision
        return initial

    def write_into(self, document: dict) -> None:
        data = self.cleaned_data
        for section, prefix in _single_parts(self.spec):
            values = _write(section.fields, data, prefix)
            if section.kind == "fields":
                document.update(values)
            else:
                document[section.key] = values
        document["title"] = data["title"].strip()


class ItemForm(forms.Form):
    """One item of a list section; `item_id` keeps its identity across saves and reorders.

    The form of each section is made from the canvas spec by item_form().
    """

    spec: CanvasSpec = CANVAS
    part: Section
    section = ""
    noun = "item"
    title_field = "title"
    item_id = forms.CharField(widget=forms.HiddenInput, required=False, max_length=40)

    def __init__(self, *args, links=None, **kwargs):
        self.links = links or {}
        super().__init__(*args, **kwargs)
        if self.title_field in self.fields:
            self.fields[self.title_field].error_messages["required"] = (
                f"Give the {self.noun} a {self.title_field.replace('_', ' ')}, or tick “Remove” to drop it."
            )
        for field in self.part.links:
            choices = [(MISSION, MISSION_LABEL)] if MISSION in field.links else []
            for target in field.links:
                choices += self.links.get(target, []) if target != MISSION else []
            self.fields[field.key].choices = choices

    @classmethod
    def initial_from(cls, item: dict) -> dict:
        return {"item_id": item["id"], **_initial(cls.part.fields, item)}

    def clean(self):
        data = super().clean()
        check = ITEM_CHECKS.get(self.section)
        if check:
            check(self, data)
        return data

    def to_item(self) -> dict:
        return _write(self.part.fields, self.cleaned_data)


def _target_after_baseline(form: ItemForm, data: dict) -> None:
    by, ty = data.get("baseline_year"), data.get("target_year")
    if by and ty and ty < by:
        form.add_error("target_year", "The target year comes before the baseline year.")


# Checks across the fields of one item, by section.
ITEM_CHECKS = {"metrics": _target_after_baseline}


@cache
def item_form(section: str, spec: CanvasSpec = CANVAS) -> type[ItemForm]:
    """The form of one item of a list section, made from the canvas spec."""
    part = spec.section(section)
    attrs = {
        "spec": spec,
        "part": part,
        "section": part.key,
        "noun": part.noun,
        "title_field": part.title_field,
        "__module__": __name__,
        **form_fields(part.fields, spec=spec),
    }
    name = "".join(word.capitalize() for word in part.item.split("_")) + "Form"
    return type(name, (ItemForm,), attrs)


ITEM_FORMS = {section: item_form(section) for section in CANVAS.list_keys}


class BaseItemFormSet(forms.BaseFormSet):
    ordering_widget = forms.HiddenInput

    def __init__(self, *args, links=None, **kwargs):
        self.links = links or {}
        super().__init__(*args, **kwargs)
        part = self.form.part
        self.error_messages["too_many_forms"] = (
            f"At most {part.max_items} {part.noun}s: remove some before saving. Nothing is lost until you save."
        )

    def get_form_kwargs(self, index):
        return {**super().get_form_kwargs(index), "links": self.links}

    @property
    def empty_form(self):
        form = self.form(
            auto_id=self.auto_id,
            prefix=self.add_prefix("__prefix__"),
            empty_permitted=True,
            use_required_attribute=False,
            links=self.links,
            renderer=self.renderer,
        )
        self.add_fields(form, None)
        return form

    def clean(self):
        super().clean()
        if self.management_form.cleaned_data.get("TOTAL_FORMS", 0) < 0:
            # A page that claims fewer than no rows was not sent by the editor: it would drop every item.
            raise forms.ValidationError("The rows of this section did not arrive whole. Reload the page and try again.")
        ids = [f.cleaned_data.get("item_id") for f in self.forms if f.cleaned_data.get("item_id")]
        if len(ids) != len(set(ids)):
            raise forms.ValidationError("Two rows claim the same item. Reload the page and try again.")

    def kept_forms(self):
        """The forms to keep, in the order the person arranged them."""
        return [form for form in self.ordered_forms if form.has_changed() or form.cleaned_data.get("item_id")]


@cache
def item_formset(section, spec: CanvasSpec = CANVAS):
    return formset_factory(
        item_form(section, spec),
        formset=BaseItemFormSet,
        extra=0,
        can_order=True,
        can_delete=True,
        max_num=spec.section(section).max_items,
        absolute_max=spec.section(section).max_items,  # a page claiming more rows makes no more forms than this
        validate_max=True,
    )


def largest_field_count(spec: CanvasSpec = CANVAS) -> int:
    """The most form fields the editor's page can send: every list full, every link ticked.

    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS must be at least this (a test keeps it so).
    """
    count = len(CanvasForm(spec=spec).fields) + 2  # and the CSRF token and where to go after saving
    for section in spec.list_sections:
        per_item = 3  # item_id, ORDER, DELETE
        for _, _, field, _ in _flat(section.fields):
            per_item += spec.links_max(field) if field.kind == "links" else 1
        count += 4 + per_item * section.max_items  # the management form, and the rows
    return count


def link_choices(document: dict, *, spec: CanvasSpec = CANVAS) -> dict:
    """The items other items can link to, by section: (id, title) of the canvas's own items."""
    choices = {}
    for section in spec.link_targets():
        title_field = spec.section(section).title_field
        choices[section] = [(i["id"], i.get(title_field) or i["id"]) for i in document.get(section) or []]
    return choices


class CanvasEditor:
    """All forms of the editor for one canvas document, bound or not."""

    def __init__(self, document: dict, base_revision: int, data=None, *, spec: CanvasSpec = CANVAS):
        self.spec = spec
        self.document = normalize(document, spec=spec)
        self.links = link_choices(self.document, spec=spec)
        initial = CanvasForm.initial_from(self.document, base_revision, spec=spec)
        self.form = CanvasForm(data, initial=initial, spec=spec)
        self.formsets = {}
        for section in spec.list_keys:
            form_class = item_form(section, spec)
            self.formsets[section] = item_formset(section, spec)(
                data,
                prefix=section,
                initial=[form_class.initial_from(item) for item in self.document[section]],
                links=self.links,
            )

    @property
    def parts(self) -> list[dict]:
        """Every section in canvas order, as the editor shows it: key and title, and either the bound fields of
        a section that is not a list, or the formset of a list with "a noun" for its Add button."""
        out = []
        for section in self.spec.sections:
            part = {"key": section.key, "title": section.title}
            if section.kind == "list":
                noun = section.noun
                part.update(
                    formset=self.formsets[section.key],
                    noun=f"{'an' if noun[0] in 'aeiou' else 'a'} {noun}",
                    has_links=bool(section.links),
                )
            else:
                prefix = "" if section.kind == "fields" else f"{section.key}_"
                part["fields"] = [self.form[name] for name, *_ in _flat(section.fields, prefix)]
            out.append(part)
        return out

    def is_valid(self) -> bool:
        valid = self.form.is_valid()
        for formset in self.formsets.values():
            valid = formset.is_valid() and valid
        return valid

    @property
    def base_revision(self) -> int:
        return self.form.cleaned_data["base_revision"]

    def has_errors(self) -> bool:
        return bool(self.form.errors) or any(fs.total_error_count() for fs in self.formsets.values())

    @property
    def errors(self) -> list[dict]:
        """Every error of a refused save, with the path in the canvas document of the field it belongs to."""
        if not self.form.is_bound:
            return []
        out = []
        paths = {
            name: ".".join(path)
            for section, prefix in _single_parts(self.spec)
            for name, path, _, _ in _flat(section.fields, prefix)
            for path in [path if section.kind == "fields" else (section.key, *path)]
        }
        for name, messages in self.form.errors.items():
            for message in messages:
                out.append({"path": paths.get(name, name if name != "__all__" else "canvas"), "message": message})
        for section, formset in self.formsets.items():
            for message in formset.non_form_errors():
                out.append({"path": section, "message": message})
            item_paths = {name: ".".join(path) for name, path, _, _ in _flat(self.spec.section(section).fields)}
            for position, form in enumerate(formset.forms):
                for name, messages in form.errors.items():
                    where = f"{section}[{position}]" + (f".{item_paths[name]}" if name in item_paths else "")
                    out.extend({"path": where, "message": message} for message in messages)
        return out

    def build_document(self) -> dict:
        """The document the person submitted, starting from the one they were editing."""
        old = self.document
        new = copy.deepcopy(old)
        self.form.write_into(new)
        taken = {item["id"] for section in self.spec.list_keys for item in old[section]}
        for section, formset in self.formsets.items():
            items = []
            for form in formset.kept_forms():
                item_id = form.cleaned_data.get("item_id") or ""
                if item_id not in taken:
                    item_id = new_item_id(section, taken, spec=self.spec)
                    taken.add(item_id)
                items.append({"id": item_id, **form.to_item()})
            new[section] = items
        drop_dangling_links(new, spec=self.spec)
        new["citations"] = remap_citations(old, new, spec=self.spec)
        return normalize(new, spec=self.spec)


class NewCanvasForm(forms.Form):
    title = form_fields([CANVAS.section("identity").field("title")])["title"]
    title.help_text = "A short name for the mission, such as “Good food for everyone in Camden”."

    def document(self) -> dict:
        return CANVAS.empty_document(self.cleaned_data["title"].strip())


class ImportForm(forms.Form):
    file = forms.FileField(
        label="Canvas document file",
        help_text="A .json file exported from Mission Workbench (schema mission-canvas/1).",
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > settings.CANVAS_IMPORT_MAX_BYTES:
            raise forms.ValidationError(
                f"The file is {upload.size // 1024} KB; a canvas document is at most {settings.CANVAS_IMPORT_MAX_BYTES // 1024} KB."
            )
        return upload


class MergeForm(forms.Form):
    """The conflict page: the person's own version, kept whole, the revision they started from and the one they
    were shown; the choice per conflicting field is read by the view, one radio group per conflict."""

    mine = forms.CharField(widget=forms.HiddenInput)
    my_base = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    base_revision = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


class WaivableRuleField(forms.ChoiceField):
    """A checker rule a team may switch off; an error rule is refused with the reason why."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.error_rules: dict[str, str] = {}

    def validate(self, value):
        if value in self.error_rules:
            raise forms.ValidationError(
                "The rule %(rule)s (“%(title)s”) finds a canvas that contradicts itself, so it cannot be switched "
                "off. Fix what its finding points at instead.",
                code="error_rule",
                params={"rule": value, "title": self.error_rules[value]},
            )
        super().validate(value)


class WaiverForm(forms.Form):
    rule = WaivableRuleField(label="Rule", help_text="Only warnings and advice can be switched off.")
    reason = forms.CharField(
        label="Why this rule does not apply to this canvas",
        max_length=WAIVER_REASON_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Everyone who reads the canvas sees this reason next to the rule.",
        error_messages={"required": "Give a reason: reviewers will read it."},
    )
    base_revision = forms.IntegerField(widget=forms.HiddenInput, min_value=0)

    def __init__(self, *args, rules=(), **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["rule"]
        field.choices = [
            (rule["id"], f"{rule['id']}: {rule['title']}") for rule in rules if rule["severity"] != "error"
        ]
        field.error_rules = {rule["id"]: rule["title"] for rule in rules if rule["severity"] == "error"}

    def clean_reason(self):
        reason = self.cleaned_data["reason"].strip()
        if len(reason) < 5:
            raise forms.ValidationError("Say a little more: reviewers will read this reason.")
        return reason
