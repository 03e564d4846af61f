"""The canvas editor's forms: one form for the single fields, one formset per list section.

The forms read from and write to a canvas document (workbench.document); the database only ever
sees whole documents, through the services.
"""

from __future__ import annotations

import copy

from django import forms
from django.conf import settings
from django.forms import formset_factory

from workbench.document import (
    CHOICES,
    LIST_SECTIONS,
    SECTION_TITLES,
    empty_document,
    new_item_id,
    normalize,
    remap_citations,
)
from workbench.document.model import GOVERNANCE_FIELDS, MISSION_TARGET, STORY_FIELDS

YEAR_MIN, YEAR_MAX = 1900, 2200


def _blank(choices):
    return [("", "—")] + list(choices)


def _text(label, help_text="", rows=3, required=False, max_length=20000):
    return forms.CharField(
        label=label,
        help_text=help_text,
        required=required,
        max_length=max_length,
        widget=forms.Textarea(attrs={"rows": rows}),
    )


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


def _number(label):
    return forms.FloatField(
        label=label, required=False, error_messages={"invalid": "Enter a number, such as 12 or 12.5, without units."}
    )


STORY_LABELS = {
    "why_now": ("Why now", "What makes this urgent for the people and the place?"),
    "who_is_affected": ("Who is affected", "Who lives with the problem today, and how?"),
    "what_will_change": ("What will be different", "Describe the world once the mission is achieved."),
}
GOVERNANCE_LABELS = {
    "monitoring": ("Monitoring", "How progress is followed and reported, and how often."),
    "working_together": ("Working together", "How the partners organise and decide together."),
    "learning_together": ("Learning together", "How the mission learns from what works and what does not."),
    "ict_and_data": ("ICT and data", "The data and systems partners share."),
    "financing": ("Financing", "Where the money comes from and how it is pooled."),
    "conflicts_of_interest": ("Conflicts of interest", "How interests of partners are declared and handled."),
    "evaluation": ("Early evaluation", "When and how the mission is first evaluated, so it can change course."),
}


class CanvasForm(forms.Form):
    """The single fields of the canvas: identity, story, system, governance, horizons."""

    title = forms.CharField(max_length=200, label="Title")
    statement = forms.CharField(
        max_length=1000,
        required=False,
        label="Mission statement",
        help_text="One sentence: the outcome, for whom, how much, and by when.",
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    place = forms.CharField(max_length=200, required=False, label="Place or scope")
    population = forms.CharField(max_length=500, required=False, label="Population it concerns")
    deadline_year = _year("Deadline year", "The year by which the mission is achieved.")
    budget_amount = forms.FloatField(
        required=False,
        min_value=0,
        label="Budget amount",
        error_messages={
            "invalid": "Enter an amount in figures, such as 500000.",
            "min_value": "A budget cannot be negative.",
        },
    )
    budget_currency = forms.CharField(
        max_length=10, required=False, label="Currency", help_text="For example GBP, EUR, AUD."
    )
    budget_period = forms.CharField(max_length=100, required=False, label="Period", help_text="For example 2024–2030.")
    system_description = _text(
        "How the causes interact", "The system of problems: how the root causes feed each other.", rows=4
    )
    near_term = _text("Near term: the next 12 months", "What happens first, and who does it.")
    long_term = _text("Long term: by the deadline", "What has changed for people by the deadline.")
    base_revision = forms.IntegerField(widget=forms.HiddenInput, min_value=0)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for key in STORY_FIELDS:
            label, help_text = STORY_LABELS[key]
            self.fields[f"story_{key}"] = _text(label, help_text)
        for key in GOVERNANCE_FIELDS:
            label, help_text = GOVERNANCE_LABELS[key]
            self.fields[f"governance_{key}"] = _text(label, help_text, rows=2)

    def clean(self):
        data = super().clean()
        amount, currency = data.get("budget_amount"), data.get("budget_currency")
        if amount is not None and not currency:
            self.add_error("budget_currency", "Say which currency the budget is in.")
        return data

    @staticmethod
    def initial_from(document: dict, base_revision: int) -> dict:
        budget = document.get("budget") or {}
        initial = {
            "title": document["title"],
            "statement": document["statement"],
            "place": document["place"],
            "population": document["population"],
            "deadline_year": document["deadline_year"],
            "budget_amount": budget.get("amount"),
            "budget_currency": budget.get("currency", ""),
            "budget_period": budget.get("period", ""),
            "system_description": document["system"]["description"],
            "near_term": document["near_term"],
            "long_term": document["long_term"],
            "base_revision": base_revision,
        }
        initial.update({f"story_{k}": document["story"][k] for k in STORY_FIELDS})
        initial.update({f"governance_{k}": document["governance"][k] for k in GOVERNANCE_FIELDS})
        return initial

    def write_into(self, document: dict) -> None:
        data = self.cleaned_data
        for key in ("title", "statement", "place", "population", "deadline_year", "near_term", "long_term"):
            document[key] = data[key]
        document["title"] = data["title"].strip()
        document["budget"] = {
            "amount": data["budget_amount"],
            "currency": data["budget_currency"],
            "period": data["budget_period"],
        }
        document["system"] = {"description": data["system_description"]}
        document["story"] = {k: data[f"story_{k}"] for k in STORY_FIELDS}
        document["governance"] = {k: data[f"governance_{k}"] for k in GOVERNANCE_FIELDS}


class ItemForm(forms.Form):
    """One item of a list section; `item_id` keeps its identity across saves and reorders."""

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

    @classmethod
    def initial_from(cls, item: dict) -> dict:
        raise NotImplementedError

    def to_item(self) -> dict:
        raise NotImplementedError


class LayerForm(ItemForm):
    section, noun = "layers", "layer"
    level = forms.ChoiceField(choices=_blank(CHOICES["layer_level"]), required=False, label="Level")
    title = forms.CharField(max_length=500, label="Title")
    description = _text("Description", rows=2)

    @classmethod
    def initial_from(cls, item):
        return {
            "item_id": item["id"],
            "level": item["level"],
            "title": item["title"],
            "description": item["description"],
        }

    def to_item(self):
        d = self.cleaned_data
        return {"level": d["level"], "title": d["title"], "description": d["description"]}


class RootCauseForm(ItemForm):
    section, noun = "root_causes", "root cause"
    title = forms.CharField(max_length=500, label="Root cause")
    description = _text("Description", rows=2)
    evidence_figure = forms.CharField(
        max_length=500,
        required=False,
        label="Evidence",
        help_text="A figure that shows the cause, e.g. “1 in 4 children …”.",
    )
    evidence_source = forms.CharField(max_length=500, required=False, label="Source of the evidence")

    @classmethod
    def initial_from(cls, item):
        evidence = item.get("evidence") or {}
        return {
            "item_id": item["id"],
            "title": item["title"],
            "description": item["description"],
            "evidence_figure": evidence.get("figure", ""),
            "evidence_source": evidence.get("source", ""),
        }

    def to_item(self):
        d = self.cleaned_data
        return {
            "title": d["title"],
            "description": d["description"],
            "evidence": {"figure": d["evidence_figure"], "source": d["evidence_source"]},
        }


class StakeholderForm(ItemForm):
    section, noun, title_field = "stakeholders", "actor", "name"
    name = forms.CharField(max_length=300, label="Actor")
    sector = forms.ChoiceField(choices=_blank(CHOICES["sector"]), required=False, label="Sector")
    role = _text("Role in the mission", rows=2)

    @classmethod
    def initial_from(cls, item):
        return {"item_id": item["id"], "name": item["name"], "sector": item["sector"], "role": item["role"]}

    def to_item(self):
        d = self.cleaned_data
        return {"name": d["name"], "sector": d["sector"], "role": d["role"]}


class LinkField(forms.MultipleChoiceField):
    widget = forms.CheckboxSelectMultiple


class OpportunityAreaForm(ItemForm):
    section, noun = "opportunity_areas", "opportunity area"
    title = forms.CharField(max_length=500, label="Opportunity area")
    description = _text("Description", rows=2)
    root_causes = LinkField(required=False, label="Root causes it addresses")
    initiatives = _text("Example initiatives", "One per line.", rows=2)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["root_causes"].choices = self.links.get("root_causes", [])

    @classmethod
    def initial_from(cls, item):
        return {
            "item_id": item["id"],
            "title": item["title"],
            "description": item["description"],
            "root_causes": item["root_causes"],
            "initiatives": "\n".join(item["initiatives"]),
        }

    def clean_initiatives(self):
        lines = [line.strip() for line in self.cleaned_data["initiatives"].splitlines()]
        too_long = [line for line in lines if len(line) > 500]
        if too_long:
            raise forms.ValidationError("Keep each initiative under 500 characters (one per line).")
        return [line for line in lines if line]

    def to_item(self):
        d = self.cleaned_data
        return {
            "title": d["title"],
            "description": d["description"],
            "root_causes": d["root_causes"],
            "initiatives": d["initiatives"],
        }


class LeverForm(ItemForm):
    section, noun = "levers", "lever"
    title = forms.CharField(max_length=500, label="Tool or lever")
    description = _text("Description", rows=2)
    type = forms.ChoiceField(choices=_blank(CHOICES["lever_type"]), required=False, label="Type")
    side = forms.ChoiceField(choices=_blank(CHOICES["lever_side"]), required=False, label="Acts on")
    status = forms.ChoiceField(choices=_blank(CHOICES["lever_status"]), required=False, label="New or existing")
    owner = forms.CharField(max_length=300, required=False, label="Owner", help_text="Who pulls this lever.")
    opportunity_areas = LinkField(required=False, label="Opportunity areas it serves")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["opportunity_areas"].choices = self.links.get("opportunity_areas", [])

    @classmethod
    def initial_from(cls, item):
        return {
            "item_id": item["id"],
            **{k: item[k] for k in ("title", "description", "type", "side", "status", "owner", "opportunity_areas")},
        }

    def to_item(self):
        d = self.cleaned_data
        return {k: d[k] for k in ("title", "description", "type", "side", "status", "owner", "opportunity_areas")}


class MetricForm(ItemForm):
    section, noun, title_field = "metrics", "metric", "name"
    name = forms.CharField(max_length=500, label="Metric")
    kind = forms.ChoiceField(choices=_blank(CHOICES["metric_kind"]), required=False, label="Kind")
    unit = forms.CharField(max_length=100, required=False, label="Unit", help_text="For example %, people, tonnes.")
    direction = forms.ChoiceField(choices=_blank(CHOICES["metric_direction"]), required=False, label="Direction")
    baseline_value = _number("Baseline value")
    baseline_year = _year("Baseline year")
    target_value = _number("Target value")
    target_year = _year("Target year")
    source = forms.CharField(max_length=500, required=False, label="Data source")
    measures = LinkField(required=False, label="What it measures")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["measures"].choices = [(MISSION_TARGET, "The mission itself")] + self.links.get(
            "opportunity_areas", []
        )

    @classmethod
    def initial_from(cls, item):
        baseline, target = item.get("baseline") or {}, item.get("target") or {}
        return {
            "item_id": item["id"],
            **{k: item[k] for k in ("name", "kind", "unit", "direction", "source", "measures")},
            "baseline_value": baseline.get("value"),
            "baseline_year": baseline.get("year"),
            "target_value": target.get("value"),
            "target_year": target.get("year"),
        }

    def clean(self):
        data = super().clean()
        by, ty = data.get("baseline_year"), data.get("target_year")
        if by and ty and ty < by:
            self.add_error("target_year", "The target year comes before the baseline year.")
        return data

    def to_item(self):
        d = self.cleaned_data
        return {
            **{k: d[k] for k in ("name", "kind", "unit", "direction", "source", "measures")},
            "baseline": {"value": d["baseline_value"], "year": d["baseline_year"]},
            "target": {"value": d["target_value"], "year": d["target_year"]},
        }


ITEM_FORMS = {
    form.section: form
    for form in (LayerForm, RootCauseForm, StakeholderForm, OpportunityAreaForm, LeverForm, MetricForm)
}
MAX_ITEMS = 200


class BaseItemFormSet(forms.BaseFormSet):
    ordering_widget = forms.HiddenInput

    def __init__(self, *args, links=None, **kwargs):
        self.links = links or {}
        super().__init__(*args, **kwargs)

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
        ids = [f.cleaned_data.get("item_id") for f in self.forms if f.cleaned_data.get("item_id")]
        if len(ids) != len(set(ids)):
            raise forms.ValidationError("Two rows claim the same item. Reload the page and try again.")

    def kept_forms(self):
        """The forms to keep, in the order the person arranged them."""
        return [form for form in self.ordered_forms if form.has_changed() or form.cleaned_data.get("item_id")]


def item_formset(section):
    return formset_factory(
        ITEM_FORMS[section],
        formset=BaseItemFormSet,
        extra=0,
        can_order=True,
        can_delete=True,
        max_num=MAX_ITEMS,
        validate_max=True,
    )


def link_choices(document: dict) -> dict:
    """The items other items can link to: the canvas's own root causes and opportunity areas."""

    def label(item, key="title"):
        return (item["id"], item.get(key) or item["id"])

    return {
        "root_causes": [label(i) for i in document.get("root_causes") or []],
        "opportunity_areas": [label(i) for i in document.get("opportunity_areas") or []],
    }


class CanvasEditor:
    """All forms of the editor for one canvas document, bound or not."""

    def __init__(self, document: dict, base_revision: int, data=None):
        self.document = normalize(document)
        self.links = link_choices(self.document)
        initial = CanvasForm.initial_from(self.document, base_revision)
        self.form = CanvasForm(data, initial=initial)
        self.formsets = {}
        for section in LIST_SECTIONS:
            form_class = ITEM_FORMS[section]
            self.formsets[section] = item_formset(section)(
                data,
                prefix=section,
                initial=[form_class.initial_from(item) for item in self.document[section]],
                links=self.links,
            )

    @property
    def sections(self):
        """(section, title, formset, "a noun") for each list section, in canvas order."""
        for section, formset in self.formsets.items():
            noun = ITEM_FORMS[section].noun
            article = "an" if noun[0] in "aeiou" else "a"
            yield section, SECTION_TITLES[section], formset, f"{article} {noun}"

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

    def build_document(self) -> dict:
        """The document the person submitted, starting from the one they were editing."""
        old = self.document
        new = copy.deepcopy(old)
        self.form.write_into(new)
        taken = {item["id"] for section in LIST_SECTIONS for item in old[section]}
        for section, formset in self.formsets.items():
            items = []
            for form in formset.kept_forms():
                item_id = form.cleaned_data.get("item_id") or ""
                if item_id not in taken:
                    item_id = new_item_id(section, taken)
                    taken.add(item_id)
                items.append({"id": item_id, **form.to_item()})
            new[section] = items
        drop_dangling_links(new)
        new["citations"] = remap_citations(old, new)
        return normalize(new)


def drop_dangling_links(document: dict) -> None:
    """Links to items removed in the same save go with them."""
    causes = {i["id"] for i in document["root_causes"]}
    areas = {i["id"] for i in document["opportunity_areas"]}
    for item in document["opportunity_areas"]:
        item["root_causes"] = [i for i in item["root_causes"] if i in causes]
    for item in document["levers"]:
        item["opportunity_areas"] = [i for i in item["opportunity_areas"] if i in areas]
    for item in document["metrics"]:
        item["measures"] = [i for i in item["measures"] if i in areas or i == MISSION_TARGET]


class NewCanvasForm(forms.Form):
    title = forms.CharField(
        max_length=200,
        label="Title",
        help_text="A short name for the mission, such as “Good food for everyone in Camden”.",
    )

    def document(self) -> dict:
        return empty_document(self.cleaned_data["title"].strip())


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
    """The conflict page: the person's own version, kept whole, and a choice per section."""

    mine = forms.CharField(widget=forms.HiddenInput)
    base_revision = forms.IntegerField(widget=forms.HiddenInput, min_value=0)


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
        max_length=1000,
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
