from django import forms

from workbench.workflow.services import COMMENT_MAX


class DecisionForm(forms.Form):
    comment = forms.CharField(
        label="Comment", required=False, max_length=COMMENT_MAX, widget=forms.Textarea(attrs={"rows": 4}), strip=True
    )

    def __init__(self, *args, required=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["comment"].required = required
        if required:
            self.fields["comment"].label = "What should change"
            self.fields["comment"].error_messages["required"] = (
                "Say what should change: requesting changes needs a comment."
            )
