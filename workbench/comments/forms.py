from django import forms

from workbench.comments.services import BODY_MAX


class CommentForm(forms.Form):
    """A new thread. `target` is "" (whole canvas), "section:<key>" or "item:<id>"."""

    target = forms.ChoiceField(label="About", required=False)
    body = forms.CharField(label="Comment", max_length=BODY_MAX, widget=forms.Textarea(attrs={"rows": 3}), strip=True)

    def __init__(self, *args, targets=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["target"].choices = [(group, list(choices)) for group, choices in targets]

    def target_kwargs(self) -> dict:
        kind, _, value = self.cleaned_data.get("target", "").partition(":")
        if kind == "section":
            return {"section": value}
        if kind == "item":
            return {"item_id": value}
        return {}


class ReplyForm(forms.Form):
    body = forms.CharField(label="Reply", max_length=BODY_MAX, widget=forms.Textarea(attrs={"rows": 2}), strip=True)


class EditCommentForm(forms.Form):
    body = forms.CharField(label="Comment", max_length=BODY_MAX, widget=forms.Textarea(attrs={"rows": 4}), strip=True)
