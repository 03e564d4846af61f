from django.urls import path

from workbench.review import views

app_name = "review"

urlpatterns = [
    path("canvases/<int:pk>/comments/", views.comment_list, name="comments"),
    path("canvases/<int:pk>/comments/new/", views.comment_add, name="comment_add"),
    path("comments/<int:comment_pk>/reply/", views.comment_reply, name="comment_reply"),
    path("comments/<int:comment_pk>/edit/", views.comment_edit, name="comment_edit"),
    path("comments/<int:comment_pk>/delete/", views.comment_delete, name="comment_delete"),
    path("comments/<int:comment_pk>/resolve/", views.thread_resolve, name="thread_resolve"),
    path("comments/<int:comment_pk>/reopen/", views.thread_reopen, name="thread_reopen"),
    path("canvases/<int:pk>/review/<str:action>/", views.transition, name="transition"),
    path("canvases/<int:pk>/timeline/", views.timeline, name="timeline"),
    path("canvases/<int:pk>/share/", views.share_links, name="share_links"),
    path("canvases/<int:pk>/share/<int:link_pk>/revoke/", views.share_link_revoke, name="share_link_revoke"),
    path("s/<str:token>/", views.shared, name="shared"),
    path("s/<str:token>/pdf/", views.shared_pdf, name="shared_pdf"),
    path("notifications/", views.notifications, name="notifications"),
    path("notifications/<int:notification_pk>/open/", views.notification_open, name="notification_open"),
    path("notifications/read/", views.notifications_read, name="notifications_read"),
    path("notifications/settings/", views.notification_settings, name="notification_settings"),
    path("teams/<slug:slug>/activity/", views.activity, name="activity"),
]
