"""{% toc_map doc %}: the theory-of-change map of a canvas document, with the same map as a nested list.

where="page" links each box to the one-pager's anchors; where="editor" to the editor's fields. oob=True renders it
as an htmx out-of-band fragment (the live checker's answer swaps it in place).
"""

from __future__ import annotations

from django import template
from django.utils.safestring import mark_safe

from workbench.document.spec import CANVAS
from workbench.tocmap import build_map, editor_href, map_svg, page_href
from workbench.tocmap.outline import outline_html

register = template.Library()

HREFS = {"page": page_href, "editor": editor_href}


@register.inclusion_tag("tocmap/partials/map.html")
def toc_map(document, where: str = "page", oob: bool = False):
    """The map section: SVG drawn from the document, the list beside it, and the crossing figures."""
    href = HREFS.get(where, page_href)
    tocmap = build_map(document)
    return {
        # Every string from the document is escaped where the SVG is drawn (tocmap/svg.py).
        "svg": mark_safe(map_svg(tocmap, href=href, id_prefix=f"tocmap-{where}")),
        # The same map as a nested list; escaped where it is built (tocmap/outline.py).
        "outline": mark_safe(outline_html(tocmap, href=href)),
        "tocmap": tocmap,
        "where": where,
        "oob": oob,
    }


@register.simple_tag
def map_after(spec=None) -> str:
    """The list section the editor shows the map after: the last one holding links (the metrics)."""
    holders = [section.key for section, _ in (spec or CANVAS).link_fields()]
    return holders[-1] if holders else ""
