from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from workbench.accounts import views as account_views

urlpatterns = [
    path("", include("workbench.teams.urls")),
    path("", include("workbench.canvases.urls")),
    path("", include("workbench.pdf.urls")),
    path("", include("workbench.review.urls")),
    path("", include("workbench.mailing.urls")),
    path("examples/", include("workbench.examples.urls")),
    path("accounts/login/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("accounts/signup/<str:token>/", account_views.signup, name="signup"),
    path(
        "accounts/reset/<uidb64>/<token>/",
        account_views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path("accounts/", include("django.contrib.auth.urls")),
    path("admin/", admin.site.urls),
]
