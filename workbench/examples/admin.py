from django.contrib import admin

from workbench.examples.models import Example


@admin.register(Example)
class ExampleAdmin(admin.ModelAdmin):
    list_display = ["title", "slug", "position", "source_file", "loaded_at"]
    readonly_fields = ["slug", "source_file", "content_hash", "loaded_at"]
