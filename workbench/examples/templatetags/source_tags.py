"""{{ source|cite_source }} and {{ source|cite_source:at }}: a cited source as a person reads it.

Takes a checker Source (file, at), its dict form ({"file", "at"}), a citation dict ({"source", "at"}), or a plain
source name. A workshop document shows its title and the timestamp, linked to the recording at that moment.
"""

from __future__ import annotations

from django import template
from django.utils.html import format_html

from workbench.document.sources import cite

register = template.Library()


def _parts(source, at: str = "") -> tuple[str, str]:
    if isinstance(source, dict):
        return str(source.get("file") or source.get("source") or ""), str(source.get("at") or at or "")
    if hasattr(source, "file"):
        return str(source.file), str(getattr(source, "at", "") or at or "")
    return str(source or ""), str(at or "")


@register.filter
def cite_source(source, at: str = ""):
    """The source's title and moment, linked to the recording where the seed gives its video id."""
    citation = cite(*_parts(source, at))
    text = str(citation)
    if citation.url:
        return format_html(
            '<a href="{}" class="source-link" rel="noopener noreferrer"><cite>{}</cite>{}</a>',
            citation.url,
            citation.title,
            f", {citation.at}" if citation.at else "",
        )
    if citation.seed:
        return format_html("<cite>{}</cite>", text)
    return text


@register.filter
def source_title(source) -> str:
    """Only the title of a source (for lists that count citations per document)."""
    return cite(*_parts(source)).title
