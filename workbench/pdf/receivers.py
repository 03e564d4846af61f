"""The PDF app listens to the canvases (workbench/canvases/signals.py) rather than being called by them."""

from django.dispatch import receiver

from workbench.canvases.signals import revision_recorded
from workbench.pdf.services import render_ahead_on_commit


@receiver(revision_recorded)
def render_the_new_revision_ahead(sender, canvas, **kwargs):
    """Every new current revision's one-pager is rendered by the worker before anyone asks for it."""
    render_ahead_on_commit(canvas)
