from django.contrib import admin

from workbench.review.models import Activity, Comment, Notification, NotificationPreference, ShareLink, StateChange


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    list_display = ["pk", "canvas", "section", "item_id", "author", "created_at", "resolved_at", "deleted_at"]
    list_filter = ["section"]
    raw_id_fields = ["canvas", "parent", "author", "resolved_by"]
    search_fields = ["body"]


@admin.register(StateChange)
class StateChangeAdmin(admin.ModelAdmin):
    list_display = ["canvas", "from_status", "to_status", "by", "at", "revision"]
    raw_id_fields = ["canvas", "by"]


@admin.register(ShareLink)
class ShareLinkAdmin(admin.ModelAdmin):
    list_display = ["canvas", "label", "created_by", "created_at", "revoked_at"]
    raw_id_fields = ["canvas", "created_by", "revoked_by"]
    exclude = ["token"]


@admin.register(Activity)
class ActivityAdmin(admin.ModelAdmin):
    list_display = ["team", "canvas", "actor", "verb", "at"]
    raw_id_fields = ["team", "canvas", "actor", "thread"]


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ["user", "kind", "text", "created_at", "read_at"]
    raw_id_fields = ["user", "canvas"]


admin.site.register(NotificationPreference)
