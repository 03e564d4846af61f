"""The one-pager: a canvas document and a few facts about it, laid out as a print page by WeasyPrint."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import threading
from pathlib import Path

from django.conf import settings
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from workbench.document.compare import budget_text, field_text, format_number
from workbench.document.model import normalize
from workbench.document.spec import CANVAS, MISSION, MISSION_SHORT, in_sentence
from workbench.document.validation import document_size
from workbench.pdf.engine import Renderer, RenderOutput
from workbench.tocmap import build_map, map_svg
from workbench.tocmap.svg import PRINT_COLUMN_GAP

LAYOUTS = {"a4": "A4 landscape", "a3": "A3 landscape"}
DEFAULT_LAYOUT = "a4"
STYLESHEET = "one-pager.css"
# Layouts tried in turn while the content runs past the first page (classes on <html>, styled in
# one-pager.css): the roomy one, smaller type in five columns, then a narrow face. If it still
# does not fit, the last one continues on more pages with the "continued" marks of
# CONTINUED_STYLESHEET. Nothing is ever cut off.
FITS = ("fit-roomy", "fit-compact", "fit-compact fit-narrow")
CONTINUED_STYLESHEET = "one-pager-continued.css"
# Larger than this as compact JSON (three times the largest worked example), a canvas cannot fit one page.
ONE_PAGE_MAX_BYTES = 64 * 1024

# Labels, choices and their signs come from the canvas spec; a layer is indented by the place of its level.
DIRECTION_MARKS = {choice.value: choice.mark for choice in CANVAS.choices["metric_direction"]}
LAYER_DEPTH = {choice.value: depth for depth, choice in enumerate(CANVAS.choices["layer_level"])}

# One render process per worker process, used by one render at a time (a thread of the immediate backend waits).
_renderer_lock = threading.Lock()
_renderer: Renderer | None = None


def asset_dir() -> Path:
    """The directory of the print assets, the only place the renderer may read from."""
    return Path(getattr(settings, "PDF_ASSET_DIR", settings.BASE_DIR / "static" / "pdf")).resolve()


def renderer() -> Renderer:
    """The render process of this worker (started on first use, restarted after a render past a limit)."""
    global _renderer
    if _renderer is None or _renderer.memory_mb != settings.PDF_RENDER_MEMORY_MB:
        if _renderer is not None:
            _renderer.close()
        _renderer = Renderer(memory_mb=settings.PDF_RENDER_MEMORY_MB)
    return _renderer


def _label(choice: str, value: str) -> str:
    return CANVAS.choice_label(choice, value)


def _rows(doc: dict, section: str) -> list[dict]:
    """The filled fields of a section that is not a list, with their labels for tight spaces."""
    values = doc.get(section) or {}
    return [
        {"label": field.short, "text": text}
        for field in CANVAS.section(section).fields
        if (text := field_text(field, values.get(field.key)))
    ]


def _refs(items: list[dict], prefix: str) -> dict[str, str]:
    return {item["id"]: f"{prefix}{position}" for position, item in enumerate(items, start=1) if item.get("id")}


def _measurement(value: dict) -> dict:
    amount = value.get("value")
    return {"value": "" if amount is None else format_number(amount), "year": value.get("year") or ""}


def _date(value) -> dt.date | None:
    if isinstance(value, dt.datetime):
        if settings.USE_TZ and value.tzinfo is not None:
            from django.utils import timezone

            value = timezone.localtime(value)
        return value.date()
    return value


def one_pager_context(document: dict, *, meta: dict, layout: str = DEFAULT_LAYOUT) -> dict:
    """Everything the template shows, worked out from the document: labels, numbering, groupings."""
    if layout not in LAYOUTS:
        raise ValueError(f"unknown layout {layout!r}; choose one of {', '.join(LAYOUTS)}")
    doc = normalize(document)
    cause_refs = _refs(doc["root_causes"], "R")
    area_refs = _refs(doc["opportunity_areas"], "A")
    lever_refs = _refs(doc["levers"], "L")

    layers = [
        {
            "level": _label("layer_level", layer["level"]),
            "depth": LAYER_DEPTH.get(layer["level"], 1),
            "title": layer["title"],
            "description": layer["description"],
        }
        for layer in doc["layers"]
    ]
    root_causes = [
        {
            "ref": cause_refs.get(item["id"], ""),
            "title": item["title"],
            "description": item["description"],
            "figure": item["evidence"].get("figure", ""),
            "source": item["evidence"].get("source", ""),
        }
        for item in doc["root_causes"]
    ]
    sector_order = [key for key, _ in CANVAS.choice_pairs("sector")]
    by_sector: dict[str, list[dict]] = {}
    for actor in doc["stakeholders"]:
        sector = actor["sector"] if actor["sector"] in sector_order else ""
        by_sector.setdefault(sector, []).append(actor)
    actor_groups = [
        {"sector": _label("sector", sector) or "Sector not given", "actors": by_sector[sector]}
        for sector in [*sector_order, ""]
        if sector in by_sector
    ]
    areas = [
        {
            "ref": area_refs.get(item["id"], ""),
            "title": item["title"],
            "description": item["description"],
            "addresses": [cause_refs.get(ref, ref) for ref in item["root_causes"]],
            "initiatives": [text for text in item["initiatives"] if text],
        }
        for item in doc["opportunity_areas"]
    ]
    levers = [
        {
            "ref": lever_refs.get(item["id"], ""),
            "title": item["title"],
            "description": item["description"],
            "facts": [
                fact
                for fact in (
                    _label("lever_type", item["type"]),
                    _label("lever_side", item["side"]),
                    _label("lever_status", item["status"]),
                )
                if fact
            ],
            "owner": item["owner"],
            "serves": [area_refs.get(ref, ref) for ref in item["opportunity_areas"]],
        }
        for item in doc["levers"]
    ]
    metrics = [
        {
            "name": item["name"],
            "unit": item["unit"],
            "kind": CANVAS.choice_label("metric_kind", item["kind"], short=True),
            "direction": DIRECTION_MARKS.get(item["direction"], ""),
            "direction_label": _label("metric_direction", item["direction"]),
            "baseline": _measurement(item["baseline"] or {}),
            "target": _measurement(item["target"] or {}),
            "source": item["source"],
            "measures": [
                in_sentence(MISSION_SHORT) if ref == MISSION else area_refs.get(ref, ref) for ref in item["measures"]
            ],
        }
        for item in doc["metrics"]
    ]
    story = _rows(doc, "story")
    governance = _rows(doc, "governance")
    sources: dict[str, dict] = {}
    notes: list[str] = []
    for citations in doc["citations"].values():
        for citation in citations:
            entry = sources.setdefault(citation["source"], {"source": citation["source"], "count": 0, "outside": False})
            entry["count"] += 1
            entry["outside"] = entry["outside"] or bool(citation.get("outside"))
            note = citation.get("note", "")
            if note and note not in notes:
                notes.append(note)

    radar_svg = meta.get("radar_svg")
    return {
        "layout": layout,
        "page_name": f"one-pager-{layout}",
        "stylesheet_url": (asset_dir() / STYLESHEET).as_uri(),
        "titles": CANVAS.titles,
        "doc": doc,
        "budget": budget_text(doc["budget"]),
        "layers": layers,
        "story": story,
        "root_causes": root_causes,
        "actor_groups": actor_groups,
        "areas": areas,
        "levers": levers,
        "metrics": metrics,
        "governance": governance,
        "sources": sorted(sources.values(), key=lambda entry: (entry["outside"], entry["source"])),
        "source_notes": notes,
        "team": meta.get("team") or "",
        "revision": meta.get("revision"),
        "revision_date": _date(meta.get("revision_date")),
        "created": _date(meta.get("revision_date")) or dt.date.today(),
        "level": meta.get("level") or "",
        "readiness": meta.get("readiness"),
        # Rules the team switched off: the verdict above counts them as half met, and the page says so.
        "switched_off": [
            {"rule": entry["rule"], "reason": " ".join(str(entry.get("reason", "")).split())}
            for entry in meta.get("switched_off") or []
        ],
        # The radar is drawn by the checker from numbers, never from user text: safe to embed.
        "radar_svg": mark_safe(radar_svg) if radar_svg else "",
        # The theory-of-change map: every string from the document is escaped where it is drawn (tocmap/svg.py).
        # A3 has room for the map on the one-pager's page; A4 (and an A3 canvas too full for it) gives it a page
        # of its own after the one-pager.
        "map_on_page": layout == "a3",
        "toc_map_svg": mark_safe(
            map_svg(build_map(doc), href=None, id_prefix=f"tocmap-{layout}", column_gap=PRINT_COLUMN_GAP)
        ),
    }


def one_pager_html(document: dict, *, meta: dict, layout: str = DEFAULT_LAYOUT, fit: str = FITS[0]) -> str:
    """The print HTML of the one-pager (autoescaped Django template)."""
    return render_to_string("pdf/one_pager.html", {**one_pager_context(document, meta=meta, layout=layout), "fit": fit})


def render_variants(variants: list[str], **options) -> RenderOutput:
    """Lay out the first of `variants` (HTML, ever tighter) that fits one page, in this worker's render process,
    within the time and memory limits, with the locked-down fetcher: the one-pager, its map page and the progress
    report all print this way."""
    assets = asset_dir()
    with _renderer_lock:
        return renderer().render(
            variants,
            timeout=settings.PDF_RENDER_TIMEOUT,
            base_url=assets.as_uri() + "/",
            asset_dir=str(assets),
            static_url=settings.STATIC_URL.rstrip("/") + "/pdf/",
            continued_stylesheet=(assets / CONTINUED_STYLESHEET).as_uri(),
            **options,
        )


def render_one_pager_output(
    document: dict, *, meta: dict, layout: str = DEFAULT_LAYOUT, start_fit: int = 0
) -> RenderOutput:
    """Render the one-pager and report pages, time, the fit printed and every URL the renderer asked for.

    `start_fit` skips the roomier layouts (FITS[:start_fit]): the render task passes the fit the canvas's last
    revision needed when the canvas has not shrunk since, as a roomier one cannot fit more text."""
    context = one_pager_context(document, meta=meta, layout=layout)
    # A canvas this large never fits one page: lay out only the last layout, continued (each try of a tighter
    # layout costs a whole layout, and the largest canvas the limits allow must print within the timeout).
    continued_only = document_size(document) > ONE_PAGE_MAX_BYTES
    start_fit = len(FITS) - 1 if continued_only else min(max(start_fit, 0), len(FITS) - 1)
    fits = FITS[start_fit:]
    variants = [render_to_string("pdf/one_pager.html", {**context, "fit": fit}) for fit in fits]
    # No layout known to fit yet: probe the roomier ones ("one page?" with unbalanced columns, a fraction of the
    # cost when the answer is no). Not with the map on the page: part of the page then sits outside the columns,
    # and the probe can say no to a layout that fits. A remembered layout (start_fit) needs no probe.
    output = render_variants(
        variants, continued_only=continued_only, probe=start_fit == 0 and not context["map_on_page"]
    )
    if context["map_on_page"] and output.pages > 1 and not continued_only:
        # The canvas fills the A3 page without the map: print it on its page, and the map on a page of its own.
        context["map_on_page"] = False
        variants = [render_to_string("pdf/one_pager.html", {**context, "fit": fit}) for fit in fits]
        output = render_variants(variants, probe=start_fit == 0)
    output.variant += start_fit  # an index into FITS
    return output if context["map_on_page"] else render_map_page(document, meta=meta, output=output, layout=layout)


def render_map_page(document: dict, *, meta: dict, output: RenderOutput, layout: str = DEFAULT_LAYOUT) -> RenderOutput:
    """The one-pager followed by the theory-of-change map on a page of its own, marked as such (the A3 layout
    has room for the map on its one page unless the canvas fills it). The map page is laid out on its own, so that
    the one-pager still settles on the roomiest layout that fits one page, then appended to the one-pager's PDF."""
    from pypdf import PdfReader, PdfWriter

    context = {**one_pager_context(document, meta=meta, layout=DEFAULT_LAYOUT), "printed_layout": layout}
    page = render_variants([render_to_string("pdf/toc_map_page.html", context)])
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(output.pdf)))
    for extra in PdfReader(io.BytesIO(page.pdf)).pages:
        writer.add_page(extra)
    pdf = io.BytesIO()
    writer.write(pdf)
    return dataclasses.replace(
        output,
        pdf=pdf.getvalue(),
        pages=output.pages + page.pages,
        requested_urls=output.requested_urls + page.requested_urls,
        refused_urls=output.refused_urls + page.refused_urls,
        seconds=output.seconds + page.seconds,
    )


def render_one_pager(document: dict, *, meta: dict, layout: str = DEFAULT_LAYOUT) -> bytes:
    """The PDF one-pager of a canvas document.

    meta: {"team": str, "revision": int, "revision_date": datetime | date | None,
           "level": str, "readiness": int | None, "radar_svg": str | None,
           "switched_off": [{"rule": str, "reason": str}, ...]}
    """
    return render_one_pager_output(document, meta=meta, layout=layout).pdf
