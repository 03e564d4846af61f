from django.contrib import admin

from workbench.notifications.models import Activity, Notification, NotificationPreference


@admin.register(Activity)
class ActivityAdmin(admin.ModelAdmin):
    list_display = ["team", "canvas", "actor", "verb", "at"]
    raw_id_fields = ["team", "canvas", "actor", "thread"]


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ["user", "kind", "text", "created_at", "read_at"]
    raw_id_fields = ["user", "canvas"]


admin.site.register(NotificationPreference)
