from django.contrib import admin

from workbench.progress.models import ActionMark, Measurement, MeasurementChange, ProgressSettings, SharedName


@admin.register(Measurement)
class MeasurementAdmin(admin.ModelAdmin):
    list_display = ("canvas", "metric", "year", "date", "value", "entered_by", "entered_at", "deleted_at")
    list_filter = ("deleted_at",)
    list_select_related = ("canvas", "entered_by")
    search_fields = ("canvas__title", "metric", "source")
    raw_id_fields = ("canvas", "entered_by", "deleted_by")


@admin.register(MeasurementChange)
class MeasurementChangeAdmin(admin.ModelAdmin):
    # The history is a record: staff read it, nobody edits it.
    list_display = ("canvas", "measurement", "action", "by", "at")
    list_select_related = ("canvas", "by")
    readonly_fields = ("measurement", "canvas", "action", "before", "after", "by", "at")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


admin.site.register(ProgressSettings, raw_id_fields=("canvas", "updated_by"))
admin.site.register(ActionMark, raw_id_fields=("canvas", "by"))
admin.site.register(SharedName, raw_id_fields=("team", "by"))
