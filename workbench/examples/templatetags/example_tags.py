"""The worked examples beside the editor: {% closest_examples doc as ranked %} once, then
{% how_others_wrote ranked section %} in each section."""

from __future__ import annotations

from functools import lru_cache

from django import template
from django.dispatch import receiver
from django.template.loader import render_to_string
from django.utils.autoreload import file_changed

from workbench.examples.panels import closest, section_panel
from workbench.examples.similar import Match

register = template.Library()


@register.simple_tag
def closest_examples(document):
    """The worked examples from closest to furthest from the draft."""
    return closest(document if isinstance(document, dict) else {})


@register.simple_tag
def how_others_wrote(ranked, section: str):
    """The collapsed "How others wrote this" panel of one section."""
    return _panel(section, tuple(ranked or ()))


@lru_cache(maxsize=512)
def _panel(section: str, ranked: tuple[Match, ...]) -> str:
    """A panel shows only the worked examples (read once per process) in the order of `ranked`: every draft whose
    examples rank alike gets the same panel, so it is rendered once per process, not on every view of the editor."""
    return render_to_string("examples/partials/how_others.html", section_panel(list(ranked), section))


@receiver(file_changed, dispatch_uid="how_others_panels_file_changed")
def _forget_panels(sender, file_path, **kwargs):
    """The development server keeps running when a template changes: the panels are rendered afresh."""
    _panel.cache_clear()
