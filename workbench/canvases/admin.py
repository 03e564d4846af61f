from django.contrib import admin

from workbench.canvases.models import Canvas, Revision


@admin.register(Canvas)
class CanvasAdmin(admin.ModelAdmin):
    list_display = ["title", "team", "status", "updated_at", "deleted_at"]
    list_filter = ["status"]
    search_fields = ["title", "statement"]
    list_select_related = ["team"]
    raw_id_fields = ["current_revision", "created_by", "updated_by", "deleted_by"]


@admin.register(Revision)
class RevisionAdmin(admin.ModelAdmin):
    list_display = ["canvas", "number", "author", "created_at", "summary"]
    raw_id_fields = ["canvas", "author"]
