"""The theory-of-change map: a canvas's root causes, opportunity areas, levers, metrics and mission as columns of
boxes joined by its links, drawn as SVG on the server (so it also prints). graph.py, layout.py, svg.py, text.py
and outline.py are pure Python with no Django import (like document/ and checker/); templatetags/ puts the map on
the pages ({% toc_map doc %}).

from workbench.tocmap import build_map, map_svg
tocmap = build_map(document)        # never raises; tocmap.crossings <= tocmap.document_crossings
map_svg(tocmap, href=page_href)     # SVG text, every user string escaped, no external reference
"""

from workbench.tocmap.graph import READINGS, Gap, Link, Node, TocMap, build_map
from workbench.tocmap.svg import editor_href, map_svg, page_href

__all__ = ["READINGS", "Gap", "Link", "Node", "TocMap", "build_map", "editor_href", "map_svg", "page_href"]
