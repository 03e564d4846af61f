"""The one-pager: a canvas document and a few facts about it, laid out as a print page by WeasyPrint."""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path

from django.conf import settings
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from workbench.document.compare import format_number
from workbench.document.model import CHOICES, GOVERNANCE_FIELDS, SECTION_TITLES, normalize
from workbench.pdf.engine import RenderOutput, RenderPool

LAYOUTS = {"a4": "A4 landscape", "a3": "A3 landscape"}
DEFAULT_LAYOUT = "a4"
STYLESHEET = "one-pager.css"
# Layouts tried in turn while the content runs past the first page (classes on <html>, styled in
# one-pager.css): the roomy one, smaller type in five columns, then a narrow face. If it still
# does not fit, the last one continues on more pages with the "continued" marks of
# CONTINUED_STYLESHEET. Nothing is ever cut off.
FITS = ("fit-roomy", "fit-compact", "fit-compact fit-narrow")
CONTINUED_STYLESHEET = "one-pager-continued.css"

STORY_LABELS = {"why_now": "Why now", "who_is_affected": "Who is affected", "what_will_change": "What will change"}
GOVERNANCE_LABELS = {
    "monitoring": "Monitoring",
    "working_together": "Working together",
    "learning_together": "Learning together",
    "ict_and_data": "ICT and data",
    "financing": "Financing",
    "conflicts_of_interest": "Conflicts of interest",
    "evaluation": "Early evaluation",
}
METRIC_KIND_SHORT = {"mission_outcome": "Mission outcome", "intermediate_outcome": "Intermediate", "output": "Output"}
DIRECTION_MARKS = {"increase": "↑", "decrease": "↓", "maintain": "="}
LAYER_DEPTH = {"vision": 0, "mission": 1, "sub_mission": 2, "project": 3}
_LABELS = {name: dict(pairs) for name, pairs in CHOICES.items()}

_pool_lock = threading.Lock()
_pool: RenderPool | None = None


def asset_dir() -> Path:
    """The directory of the print assets, the only place the renderer may read from."""
    return Path(getattr(settings, "PDF_ASSET_DIR", settings.BASE_DIR / "static" / "pdf")).resolve()


def render_pool() -> RenderPool:
    """The process pool every render of this process goes through (started on first use)."""
    global _pool
    with _pool_lock:
        if _pool is None:
            _pool = RenderPool(workers=getattr(settings, "PDF_RENDER_WORKERS", 2))
        return _pool


def _label(choice: str, value: str) -> str:
    return _LABELS[choice].get(value, "") if value else ""


def _refs(items: list[dict], prefix: str) -> dict[str, str]:
    return {item["id"]: f"{prefix}{position}" for position, item in enumerate(items, start=1) if item.get("id")}


def _measurement(value: dict) -> dict:
    amount = value.get("value")
    return {"value": "" if amount is None else format_number(amount), "year": value.get("year") or ""}


def _budget(budget: dict) -> str:
    amount = budget.get("amount")
    parts = [
        " ".join(filter(None, [budget.get("currency", ""), format_number(amount) if amount is not None else ""])),
        budget.get("period", ""),
    ]
    return ", ".join(part for part in parts if part)


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
    sector_order = [key for key, _ in CHOICES["sector"]]
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
            "kind": METRIC_KIND_SHORT.get(item["kind"], ""),
            "direction": DIRECTION_MARKS.get(item["direction"], ""),
            "direction_label": _label("metric_direction", item["direction"]),
            "baseline": _measurement(item["baseline"] or {}),
            "target": _measurement(item["target"] or {}),
            "source": item["source"],
            "measures": ["the mission" if ref == "mission" else area_refs.get(ref, ref) for ref in item["measures"]],
        }
        for item in doc["metrics"]
    ]
    story = [
        {"label": STORY_LABELS[key], "text": doc["story"].get(key, "")} for key in STORY_LABELS if doc["story"].get(key)
    ]
    governance = [
        {"label": GOVERNANCE_LABELS[key], "text": doc["governance"].get(key, "")}
        for key in GOVERNANCE_FIELDS
        if doc["governance"].get(key)
    ]
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
        "titles": SECTION_TITLES,
        "doc": doc,
        "budget": _budget(doc["budget"] or {}),
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
    }


def one_pager_html(document: dict, *, meta: dict, layout: str = DEFAULT_LAYOUT, fit: str = FITS[0]) -> str:
    """The print HTML of the one-pager (autoescaped Django template)."""
    return render_to_string("pdf/one_pager.html", {**one_pager_context(document, meta=meta, layout=layout), "fit": fit})


def render_one_pager_output(document: dict, *, meta: dict, layout: str = DEFAULT_LAYOUT) -> RenderOutput:
    """Render the one-pager and report pages, time and every URL the renderer asked for."""
    context = one_pager_context(document, meta=meta, layout=layout)
    variants = [render_to_string("pdf/one_pager.html", {**context, "fit": fit}) for fit in FITS]
    assets = asset_dir()
    return render_pool().render(
        variants,
        timeout=getattr(settings, "PDF_RENDER_TIMEOUT", 30),
        base_url=assets.as_uri() + "/",
        asset_dir=str(assets),
        static_url=settings.STATIC_URL.rstrip("/") + "/pdf/",
        continued_stylesheet=(assets / CONTINUED_STYLESHEET).as_uri(),
    )


def render_one_pager(document: dict, *, meta: dict, layout: str = DEFAULT_LAYOUT) -> bytes:
    """The PDF one-pager of a canvas document.

    meta: {"team": str, "revision": int, "revision_date": datetime | date | None,
           "level": str, "readiness": int | None, "radar_svg": str | None,
           "switched_off": [{"rule": str, "reason": str}, ...]}
    """
    return render_one_pager_output(document, meta=meta, layout=layout).pdf
