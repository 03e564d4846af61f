from django import forms


class PreferenceForm(forms.Form):
    email = forms.BooleanField(label="Send me review notifications by e-mail", required=False)
