from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import PasswordResetForm, UserCreationForm
from django.template.loader import render_to_string

from workbench.mailing.services import send_mail_after_commit


class SignupForm(UserCreationForm):
    email = forms.EmailField(label="E-mail address", help_text="Used to reset your password and for notifications.")
    first_name = forms.CharField(max_length=150, required=False, label="First name")
    last_name = forms.CharField(max_length=150, required=False, label="Last name")

    class Meta(UserCreationForm.Meta):
        model = get_user_model()
        fields = ("username", "email", "first_name", "last_name")

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        if get_user_model().objects.filter(email__iexact=email).exists():
            raise forms.ValidationError("An account with this address exists already: sign in instead.")
        return email


class QueuedPasswordResetForm(PasswordResetForm):
    """Django's password reset, its e-mail sent by the task worker after the request (workbench/mailing): a slow
    or failing mail server never keeps the person waiting or shows them an error."""

    def send_mail(
        self, subject_template_name, email_template_name, context, from_email, to_email, html_email_template_name=None
    ):
        subject = "".join(render_to_string(subject_template_name, context).splitlines())
        send_mail_after_commit(subject, render_to_string(email_template_name, context), from_email, [to_email])
