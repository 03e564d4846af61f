from django.contrib import admin

from workbench.comments.models import Comment


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    list_display = ["pk", "canvas", "section", "item_id", "author", "created_at", "resolved_at", "deleted_at"]
    list_filter = ["section"]
    raw_id_fields = ["canvas", "parent", "author", "resolved_by"]
    search_fields = ["body"]
