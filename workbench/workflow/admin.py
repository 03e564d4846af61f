from django.contrib import admin

from workbench.workflow.models import StateChange


@admin.register(StateChange)
class StateChangeAdmin(admin.ModelAdmin):
    list_display = ["canvas", "from_status", "to_status", "by", "at", "revision"]
    raw_id_fields = ["canvas", "by"]
