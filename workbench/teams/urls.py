from django.urls import path

from workbench.teams import views

app_name = "teams"

urlpatterns = [
    path("", views.home, name="home"),
    path("teams/new/", views.team_create, name="create"),
    path("teams/<slug:slug>/members/", views.members, name="members"),
    path("teams/<slug:slug>/members/<int:membership_id>/role/", views.member_role, name="member_role"),
    path("teams/<slug:slug>/members/<int:membership_id>/remove/", views.member_remove, name="member_remove"),
    path(
        "teams/<slug:slug>/invitations/<int:invitation_id>/revoke/", views.invitation_revoke, name="invitation_revoke"
    ),
    path("invitations/<str:token>/", views.invitation, name="invitation"),
    path("teams/<slug:slug>/mail/", views.outbox, name="outbox"),
    path("teams/<slug:slug>/mail/<int:pk>/send-again/", views.mail_send_again, name="mail_send_again"),
]
