from django.urls import path

from workbench.comments import views

app_name = "comments"

urlpatterns = [
    path("canvases/<int:pk>/comments/", views.comment_list, name="list"),
    path("canvases/<int:pk>/comments/new/", views.comment_add, name="add"),
    path("comments/<int:comment_pk>/reply/", views.comment_reply, name="reply"),
    path("comments/<int:comment_pk>/edit/", views.comment_edit, name="edit"),
    path("comments/<int:comment_pk>/delete/", views.comment_delete, name="delete"),
    path("comments/<int:comment_pk>/resolve/", views.thread_resolve, name="resolve"),
    path("comments/<int:comment_pk>/reopen/", views.thread_reopen, name="reopen"),
]
