from django.contrib import admin

from workbench.sharing.models import ShareLink


@admin.register(ShareLink)
class ShareLinkAdmin(admin.ModelAdmin):
    list_display = ["canvas", "label", "created_by", "created_at", "revoked_at"]
    raw_id_fields = ["canvas", "created_by", "revoked_by"]
    exclude = ["token"]
