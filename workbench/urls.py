from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from workbench.accounts import views as account_views
from workbench.accounts.forms import QueuedPasswordResetForm

urlpatterns = [
    path("", include("workbench.teams.urls")),
    path("", include("workbench.canvases.urls")),
    path("", include("workbench.pdf.urls")),
    path("", include("workbench.comments.urls")),
    path("", include("workbench.workflow.urls")),
    path("", include("workbench.sharing.urls")),
    path("", include("workbench.notifications.urls")),
    path("", include("workbench.progress.urls")),
    path("examples/", include("workbench.examples.urls")),
    path("accounts/login/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("accounts/signup/<str:token>/", account_views.signup, name="signup"),
    path(
        "accounts/password_reset/",
        auth_views.PasswordResetView.as_view(form_class=QueuedPasswordResetForm),
        name="password_reset",
    ),
    path(
        "accounts/reset/<uidb64>/<token>/",
        account_views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path("accounts/", include("django.contrib.auth.urls")),
    path("admin/", admin.site.urls),
]
