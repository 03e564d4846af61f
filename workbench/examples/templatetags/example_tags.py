"""The worked examples beside the editor: {% closest_examples doc as ranked %} once, then
{% how_others_wrote ranked section %} in each section."""

from __future__ import annotations

from django import template

from workbench.examples.panels import closest, section_panel

register = template.Library()


@register.simple_tag
def closest_examples(document):
    """The worked examples from closest to furthest from the draft."""
    return closest(document if isinstance(document, dict) else {})


@register.inclusion_tag("examples/partials/how_others.html")
def how_others_wrote(ranked, section: str):
    """The collapsed "How others wrote this" panel of one section."""
    return section_panel(ranked or [], section)
