from django import forms

from workbench.teams.models import Role


class TeamForm(forms.Form):
    name = forms.CharField(
        max_length=120,
        label="Team name",
        help_text="For example the council or agency team that owns the missions, such as “Camden food team”.",
    )

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        if not any(ch.isalnum() for ch in name):
            raise forms.ValidationError("Give the team a name with at least one letter or digit.")
        return name


class InvitationForm(forms.Form):
    email = forms.EmailField(label="E-mail address", help_text="We send this person a link to join the team.")
    role = forms.ChoiceField(choices=Role.choices, initial=Role.EDITOR)

    def __init__(self, *args, team=None, **kwargs):
        self.team = team
        super().__init__(*args, **kwargs)

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        if self.team and self.team.memberships.filter(user__email__iexact=email).exists():
            raise forms.ValidationError("This person is already a member of the team.")
        return email


class RoleForm(forms.Form):
    role = forms.ChoiceField(choices=Role.choices)
