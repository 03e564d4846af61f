from django import forms

from workbench.document.spec import CANVAS, YEAR_MAX, YEAR_MIN
from workbench.progress import csvfile, track

# What the portfolio matches across missions: a kind of item and the canvas section it comes from.
MATCHED = (("lever", "levers"), ("actor", "stakeholders"))


class MeasurementForm(forms.Form):
    metric = forms.ChoiceField(label=CANVAS.section("metrics").noun.capitalize())
    when = forms.CharField(
        label="Year or date",
        max_length=10,
        help_text="A year (2024) or a date written year-month-day (2024-06-30).",
    )
    value = forms.CharField(
        label="Value", max_length=40, help_text="A number; a decimal comma and a % sign are fine: 12,5 %."
    )
    source = forms.CharField(
        label="Source", max_length=csvfile.SOURCE_MAX, required=False, help_text="Where the figure is published."
    )
    note = forms.CharField(
        label="Note", max_length=csvfile.NOTE_MAX, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, metrics: list[tuple[str, str]], fixed_metric: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["metric"].choices = metrics
        if fixed_metric:
            self.fields["metric"].disabled = True

    def clean_when(self):
        try:
            year, date = csvfile.parse_when(self.cleaned_data["when"], year_min=YEAR_MIN, year_max=YEAR_MAX)
        except ValueError as error:
            raise forms.ValidationError(str(error).capitalize() + ".") from None
        self.cleaned_data["year"], self.cleaned_data["date"] = year, date
        return self.cleaned_data["when"].strip()

    def clean_value(self):
        try:
            return csvfile.parse_value(self.cleaned_data["value"], delimiter=",")
        except ValueError as error:
            raise forms.ValidationError(str(error).capitalize() + ".") from None

    def clean_source(self):
        return self._no_nul(self.cleaned_data["source"])

    def clean_note(self):
        return self._no_nul(self.cleaned_data["note"])

    @staticmethod
    def _no_nul(text):
        if "\x00" in text:
            raise forms.ValidationError("The text holds a NUL character; please type it again.")
        return text


class CsvImportForm(forms.Form):
    file = forms.FileField(
        label="CSV file",
        help_text=(
            "One row per metric and year or date, with a header row: metric (its id or name), date (2024 or "
            "2024-06-30), value, and optionally source and note. Commas or semicolons, a decimal comma and % signs "
            "are fine."
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > csvfile.MAX_BYTES:
            raise forms.ValidationError(f"The file is larger than {csvfile.MAX_BYTES // (1024 * 1024)} MB.")
        return upload


class SettingsForm(forms.Form):
    tolerance = forms.IntegerField(
        label="Tolerance (%)",
        min_value=0,
        max_value=track.TOLERANCE_MAX,
        help_text="How far from the straight path, in per cent of the planned change, still counts as on track.",
    )
    show_on_share_links = forms.BooleanField(
        label="Show progress to people holding a share link of this canvas", required=False
    )
    note = forms.CharField(
        label="About the figures",
        required=False,
        max_length=csvfile.NOTE_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Where the figures come from, and what is not known: shown above the metrics.",
    )

    def clean_note(self):
        return MeasurementForm._no_nul(self.cleaned_data["note"]).strip()


class ActionMarkForm(forms.Form):
    key = forms.CharField(max_length=64, widget=forms.HiddenInput)
    done = forms.BooleanField(label="Done", required=False)
    on = forms.DateField(label="Date", required=False, help_text="The day it was done, or the day it is due.")


class MatchForm(forms.Form):
    kind = forms.ChoiceField(
        choices=[(kind, CANVAS.section(section).noun.capitalize()) for kind, section in MATCHED],
        widget=forms.HiddenInput,
    )
    key = forms.CharField(max_length=300, widget=forms.HiddenInput)
    decision = forms.ChoiceField(choices=[("same", "The same"), ("different", "Different"), ("undo", "Undecided")])
