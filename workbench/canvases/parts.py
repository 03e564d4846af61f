"""Parts of a canvas file beside the canvas document: another app declares a part, the canvas app carries it.

A canvas file is a canvas document (schema mission-canvas/1) and may hold more top-level keys, one per part, such
as "measurements" (workbench/progress). Each part is checked and removed before the document is validated, and
restored onto the new canvas in the same transaction. The canvas app never imports the apps that fill the parts:
they register here when Django starts (AppConfig.ready), so imports keep pointing downwards.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Part:
    """One part of a canvas file: its key, how to write it for a canvas, check it and restore it onto a canvas."""

    key: str
    export: Callable[[object], object | None]  # (canvas) → the part's value, or None to leave it out
    check: Callable[[object, dict], list[str]]  # (value, the canvas document) → problems, each naming where
    restore: Callable[[object, object, object], None]  # (canvas, value, user)


_parts: dict[str, Part] = {}


def register(part: Part) -> None:
    """Carry this part in every canvas file from now on."""
    _parts[part.key] = part


def registered() -> list[Part]:
    return list(_parts.values())


def split(text: str | bytes) -> tuple[str | bytes, dict]:
    """The file's text without its parts, and the parts by key; the text unchanged when it holds none."""
    if not _parts:
        return text, {}
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        return text, {}  # the document's own parser says what is wrong
    if not isinstance(data, dict) or not any(key in data for key in _parts):
        return text, {}
    found = {key: data.pop(key) for key in list(data) if key in _parts}
    return json.dumps(data, ensure_ascii=False), found
