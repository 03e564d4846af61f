"""The ten criteria drawn as a radar chart in SVG: no script, no external references, no style attributes.

Presentation attributes (fill, stroke …) instead of inline styles keep it valid under a strict
Content-Security-Policy, and WeasyPrint draws it the same way in the PDF.
"""

from __future__ import annotations

import hashlib
import math
from html import escape

from workbench.checker.base import CRITERIA


def _scores(report_or_criteria) -> dict[str, int]:
    criteria = getattr(report_or_criteria, "criteria", report_or_criteria)
    criteria = criteria if isinstance(criteria, dict) else {}
    out = {}
    for key in CRITERIA:
        value = criteria.get(key)
        if isinstance(value, dict):
            value = value.get("score")
        if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
            value = 0
        out[key] = int(max(0, min(100, round(value))))
    return out


def _point(cx: float, cy: float, radius: float, index: int, count: int) -> tuple[float, float]:
    angle = -math.pi / 2 + 2 * math.pi * index / count
    return cx + radius * math.cos(angle), cy + radius * math.sin(angle)


def _fmt(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def radar_svg(
    report_or_criteria, size: int = 320, *, title: str = "Mission checker scores", id_prefix: str = ""
) -> str:
    """An accessible SVG radar chart of the ten criterion scores (a Report, or its criteria mapping).

    `size` is the chart's height; the drawing is wider than high so that the labels fit beside it.
    """
    scores = _scores(report_or_criteria)
    size = int(size) if isinstance(size, int | float) and not isinstance(size, bool) and 120 <= size <= 4000 else 320
    if not id_prefix:
        # Deterministic ids: the same chart renders to the same text (and caches well in the PDF).
        digest = hashlib.sha1(repr((sorted(scores.items()), title, size)).encode()).hexdigest()[:8]
        id_prefix = f"radar-{digest}"
    prefix = escape("".join(ch for ch in id_prefix if ch.isalnum() or ch in "-_") or "radar", quote=True)
    labels = list(CRITERIA.items())
    count = len(labels)
    margin = size * 0.12
    side = size * 0.45  # room for the labels left and right of the chart
    cx = cy = size / 2
    radius = size / 2 - margin
    font = max(8, round(size / 30))

    desc = "; ".join(f"{label}: {scores[key]} out of 100" for key, label in labels)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{_fmt(-side)} 0 {_fmt(size + 2 * side)} {size}" '
        f'width="{_fmt(size + 2 * side)}" height="{size}" '
        f'role="img" aria-labelledby="{prefix}-title {prefix}-desc" class="checker-radar">',
        f'<title id="{prefix}-title">{escape(title)}</title>',
        f'<desc id="{prefix}-desc">{escape(desc)}</desc>',
    ]
    for ring in (25, 50, 75, 100):
        points = " ".join(
            f"{_fmt(x)},{_fmt(y)}" for x, y in (_point(cx, cy, radius * ring / 100, i, count) for i in range(count))
        )
        parts.append(f'<polygon points="{points}" fill="none" stroke="#b1b4b6" stroke-width="1"/>')
    for index in range(count):
        x, y = _point(cx, cy, radius, index, count)
        parts.append(
            f'<line x1="{_fmt(cx)}" y1="{_fmt(cy)}" x2="{_fmt(x)}" y2="{_fmt(y)}" stroke="#b1b4b6" stroke-width="1"/>'
        )
    shape = " ".join(
        f"{_fmt(x)},{_fmt(y)}"
        for x, y in (_point(cx, cy, radius * max(scores[key], 2) / 100, i, count) for i, (key, _) in enumerate(labels))
    )
    parts.append(f'<polygon points="{shape}" fill="#1d70b8" fill-opacity="0.25" stroke="#1d70b8" stroke-width="2"/>')
    for index, (key, label) in enumerate(labels):
        x, y = _point(cx, cy, radius * max(scores[key], 2) / 100, index, count)
        parts.append(f'<circle cx="{_fmt(x)}" cy="{_fmt(y)}" r="{_fmt(size / 110 + 1)}" fill="#1d70b8"/>')
        lx, ly = _point(cx, cy, radius + font * 0.9, index, count)
        anchor = "middle" if abs(lx - cx) < 1 else ("start" if lx > cx else "end")
        parts.append(
            f'<text x="{_fmt(lx)}" y="{_fmt(ly)}" text-anchor="{anchor}" dominant-baseline="middle" '
            f'font-family="Arial, Helvetica, sans-serif" font-size="{font}" fill="#0b0c0c">'
            f"{escape(label)} {scores[key]}</text>"
        )
    parts.append("</svg>")
    return "\n".join(parts)
