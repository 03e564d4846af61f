from django.db import models
from django.urls import reverse

from workbench.document.spec import CANVAS

TITLE_MAX = CANVAS.section("identity").field("title").max_length


class Example(models.Model):
    """A worked example: a canvas document loaded from one file in seeds/, shown in the gallery."""

    slug = models.SlugField(max_length=80, unique=True)
    title = models.CharField(max_length=TITLE_MAX)  # the document's title, kept for lists and search
    position = models.PositiveIntegerField(default=0)
    source_file = models.CharField(max_length=200)
    content_hash = models.CharField(max_length=64)
    document = models.JSONField()
    loaded_at = models.DateTimeField()

    class Meta:
        ordering = ["position", "title"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("examples:detail", kwargs={"slug": self.slug})
