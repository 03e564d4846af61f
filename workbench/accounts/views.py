from axes.utils import reset as axes_reset
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render

from workbench.accounts.forms import SignupForm
from workbench.teams.models import Invitation
from workbench.teams.services import accept_invitation


def signup(request, token):
    """Create an account through an invitation link; the new account joins the inviting team."""
    invitation = get_object_or_404(Invitation.objects.select_related("team"), token=token, accepted_at__isnull=True)
    if request.user.is_authenticated:
        return redirect(invitation)
    form = SignupForm(request.POST if request.method == "POST" else None, initial={"email": invitation.email})
    form.fields["email"].disabled = True  # the account is for the invited address, which accepts the invitation
    form.fields["email"].help_text = "The address this invitation was sent to."
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            user = form.save()
            accept_invitation(invitation=invitation, user=user)
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, f"Welcome to {invitation.team.name}. Your account is ready.")
        return redirect(invitation.team)
    return render(request, "registration/signup.html", {"form": form, "invitation": invitation})


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    """Setting a new password through the e-mailed link also lifts a sign-in lockout for that person: the
    lockout page sends people here, so the reset must let them back in."""

    def form_valid(self, form):
        response = super().form_valid(form)
        axes_reset(username=form.user.get_username())
        return response
