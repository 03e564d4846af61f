from django import forms


class ShareLinkForm(forms.Form):
    label = forms.CharField(
        label="Who is it for (optional)",
        required=False,
        max_length=120,
        help_text="A note for your team, e.g. “Partnership board, March meeting”. Only members see it.",
    )
