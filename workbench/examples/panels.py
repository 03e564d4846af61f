"""What the worked examples wrote in one section of the canvas, for the editor's "How others wrote this" panel,
and which example is closest to the draft being written. The examples are read from their seed files (the
same files load_examples reads), once per process: the editor asks no query of the database for them."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from workbench.document.compare import field_text
from workbench.document.spec import CANVAS
from workbench.examples import services
from workbench.examples.similar import Match, rank


@cache
def _examples(directory: Path) -> dict[str, dict]:
    order = services._readme_order(directory)
    paths = {path.stem: path for path in directory.glob("*.json")}
    slugs = [slug for slug in order if slug in paths] + sorted(set(paths) - set(order))
    return {slug: services.read_seed(paths[slug]) for slug in slugs}


def worked_examples() -> dict[str, dict]:
    """The worked examples by slug, in the gallery's order, as their seed files hold them."""
    return _examples(services.seeds_dir().resolve())


def section_entries(document: dict, key: str) -> list[dict]:
    """The filled parts of one section of a document: {"label", "text", "sources"} with the citations behind each."""
    section = CANVAS.section(key)
    citations = document.get("citations") or {}
    entries = []
    if section.kind == "list":
        for position, item in enumerate(document.get(key) or []):
            path = f"{key}[{position}]"
            title = str(item.get(section.title_field) or "").strip()
            description = str(item.get("description") or "").strip()
            if not title and not description:
                continue
            sources = citations.get(path, []) + citations.get(f"{path}.{section.title_field}", [])
            entries.append({"label": title, "text": description, "sources": sources})
        return entries
    values = document.get(key) if section.kind == "group" else document
    values = values if isinstance(values, dict) else {}
    for field in section.fields:
        text = field_text(field, values.get(field.key))
        path = f"{key}.{field.key}" if section.kind == "group" else field.key
        if text:
            entries.append({"label": field.label, "text": text, "sources": citations.get(path, [])})
    return entries


def closest(document: dict) -> list[Match]:
    """The worked examples from closest to furthest from the draft, by the words of what it is about."""
    return rank(document, worked_examples())


def section_panel(ranked: list[Match], key: str) -> dict:
    """The panel of one section: the examples that fill it (closest first), those that leave it empty, and the
    suggestion (the closest example, when it shares any word with the draft)."""
    examples = worked_examples()
    suggestion = ranked[0] if ranked and ranked[0].score > 0 else None
    rows = [
        {
            "slug": match.key,
            "title": examples[match.key].get("title", match.key),
            "entries": section_entries(examples[match.key], key),
            "closest": suggestion is not None and match.key == suggestion.key,
        }
        for match in ranked
    ]
    return {
        "key": key,
        "title": CANVAS.titles.get(key, key),
        "filled": [row for row in rows if row["entries"]],
        "empty": [row["title"] for row in rows if not row["entries"]],
        "suggestion": suggestion,
        "suggestion_title": examples[suggestion.key].get("title", "") if suggestion else "",
        "count": len(rows),
    }
