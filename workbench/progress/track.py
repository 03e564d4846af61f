"""Whether a metric is on track: the straight path from baseline to target, the latest value against it, and the
chart that shows both. Pure Python with no Django import, so the PDF, the pages and the tests read the same rule.

A value recorded for a year sits at that year on the time line (2024 → 2024.0); a value recorded on a date sits
at its place within the year (1 July 2024 → 2024.5), so baselines and targets, which are years, share the line.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
from dataclasses import dataclass
from html import escape

from workbench.document.spec import CANVAS

# A value is recent when it is for this year or one of the RECENT_YEARS years before it.
RECENT_YEARS = 2
DEFAULT_TOLERANCE = 10  # per cent of the planned change (or of the baseline, for a metric that should hold steady)
TOLERANCE_MAX = 100

ON_TRACK, BEHIND, AHEAD, NO_RECENT_DATA, NO_PATH = "on_track", "behind", "ahead", "no_recent_data", "no_path"
WORDS = {
    ON_TRACK: "On track",
    BEHIND: "Behind",
    AHEAD: "Ahead",
    NO_RECENT_DATA: "No recent data",
    NO_PATH: "No baseline and target to judge by",
}
STATUS_ORDER = (BEHIND, NO_RECENT_DATA, ON_TRACK, AHEAD, NO_PATH)

# The canvas's own words for a metric's two ends (workbench/document/spec.py).
BASELINE = CANVAS.label("metrics.baseline")
TARGET = CANVAS.label("metrics.target")


def position(year: int, date: dt.date | None = None) -> float:
    """Where a value sits on the time line: its year, or its date as a fraction of the year."""
    if date is None:
        return float(year)
    start = dt.date(date.year, 1, 1)
    days = (dt.date(date.year + 1, 1, 1) - start).days
    return date.year + (date - start).days / days


@dataclass(frozen=True)
class Point:
    """One value at one place on the time line."""

    at: float
    value: float


@dataclass(frozen=True)
class Path:
    """The straight line from a metric's baseline to its target."""

    baseline: Point
    target: Point

    @classmethod
    def of(cls, metric: dict) -> Path | None:
        """The path of a metric of a canvas document, or None when its baseline or target lacks a value or a year."""
        baseline, target = metric.get("baseline") or {}, metric.get("target") or {}
        values = (baseline.get("value"), baseline.get("year"), target.get("value"), target.get("year"))
        if any(v is None or isinstance(v, bool) or not isinstance(v, int | float) for v in values):
            return None
        if target["year"] <= baseline["year"]:
            return None
        return cls(
            Point(float(baseline["year"]), float(baseline["value"])),
            Point(float(target["year"]), float(target["value"])),
        )

    def expected(self, at: float) -> float:
        """The value the straight path asks for at that place (the baseline before it, the target after it)."""
        if at <= self.baseline.at:
            return self.baseline.value
        if at >= self.target.at:
            return self.target.value
        share = (at - self.baseline.at) / (self.target.at - self.baseline.at)
        return self.baseline.value + share * (self.target.value - self.baseline.value)

    @property
    def direction(self) -> int:
        """+1 when the target is above the baseline, -1 below, 0 when the metric should hold steady."""
        change = self.target.value - self.baseline.value
        return (change > 0) - (change < 0)

    def band(self, tolerance: float) -> float:
        """How far from the path a value may be and still count as on track."""
        scale = abs(self.target.value - self.baseline.value) if self.direction else abs(self.baseline.value)
        return tolerance / 100 * scale


def _point(measurement) -> Point | None:
    value, year = (measurement or {}).get("value"), (measurement or {}).get("year")
    for v in (value, year):
        if v is None or isinstance(v, bool) or not isinstance(v, int | float):
            return None
    return Point(float(year), float(value))


def anchors(metric: dict) -> tuple[Point | None, Point | None]:
    """The baseline and the target of a metric each on its own, where it has a value and a year."""
    return _point(metric.get("baseline")), _point(metric.get("target"))


@dataclass(frozen=True)
class Verdict:
    """A metric's status, in a word and in a sentence that shows the sums."""

    status: str
    reason: str
    expected: float | None = None

    @property
    def word(self) -> str:
        return WORDS[self.status]


def is_recent(year: int, today: dt.date) -> bool:
    """A value for this year or one of the RECENT_YEARS years before it."""
    return year >= today.year - RECENT_YEARS


def judge(
    path: Path | None, latest: Point | None, latest_year: int | None, *, tolerance: float, today: dt.date
) -> Verdict:
    """The status of a metric from its path and its latest value (see RULE for the words of the rule)."""
    if path is None:
        return Verdict(NO_PATH, "The metric needs a baseline and a target, each with a value and a year, to be judged.")
    if latest is None or latest_year is None:
        return Verdict(NO_RECENT_DATA, "No value has been recorded yet.")
    if not is_recent(latest_year, today):
        return Verdict(
            NO_RECENT_DATA,
            f"The latest value is for {latest_year}; a value for {today.year - RECENT_YEARS} or later is needed.",
        )
    expected = path.expected(latest.at)
    band = path.band(tolerance)
    gap = latest.value - expected
    # Values and the path are decimals written by people: allow for the last digit of binary arithmetic.
    slack = band + 1e-9 * max(1.0, abs(expected), abs(band))
    sums = f"latest {fmt(latest.value)}, path {fmt(expected)}, tolerance ±{fmt(band)}"
    if path.direction == 0:
        if abs(gap) <= slack:
            return Verdict(ON_TRACK, f"Holding steady within the tolerance ({sums}).", expected)
        return Verdict(BEHIND, f"Moved away from the level it should hold ({sums}).", expected)
    progress = gap * path.direction
    if progress > slack:
        return Verdict(AHEAD, f"Further along than the straight path ({sums}).", expected)
    if progress < -slack:
        return Verdict(BEHIND, f"Short of the straight path by more than the tolerance ({sums}).", expected)
    return Verdict(ON_TRACK, f"Within the tolerance of the straight path ({sums}).", expected)


def rule_text(tolerance: float, today: dt.date) -> str:
    """The rule in words, as every progress page and report states it."""
    return (
        "A metric is judged by its latest value against the straight line from its baseline to its target, read at "
        f"the date of that value. Within {fmt(tolerance)} % of the planned change (or of the baseline, for a metric "
        "that should hold steady) it is on track; beyond it in the target's direction it is ahead, the other way "
        f"behind. A metric with no value for {today.year - RECENT_YEARS} or later has no recent data."
    )


def fmt(value: float) -> str:
    """A number as people write it: 1,250; 12.5; -3; 9,370 (four significant digits at most after the point)."""
    if value is None:
        return ""
    if float(value).is_integer() and abs(value) < 1e15:
        return f"{int(value):,}"
    # Four significant digits, and never fewer than the whole part: 9,370.49 → 9,370; 57.5; 0.0123.
    decimals = max(0, 3 - math.floor(math.log10(abs(value))))
    text = f"{value:,.{decimals}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def exact(value: float) -> str:
    """A value as recorded, every digit kept, with thousands separated: 12,345.678; 30."""
    text = f"{value:,}"
    return text[:-2] if text.endswith(".0") else text


def typed(value: float) -> str:
    """A value as a person would type it back into the form: every digit, no separators (12345.678; 30)."""
    text = repr(float(value))
    return text[:-2] if text.endswith(".0") else text


# ---------------------------------------------------------------------------------------------- the chart

WIDTH, HEIGHT = 480, 220
LEFT, RIGHT, TOP, BOTTOM = 56, 16, 16, 34


def _ticks(low: float, high: float) -> list[float]:
    span = high - low
    if span <= 0:
        return [low]
    step = 10 ** math.floor(math.log10(span / 4))
    for factor in (1, 2, 2.5, 5, 10):
        if span / (step * factor) <= 5:
            step *= factor
            break
    first = math.ceil(low / step) * step
    return [first + i * step for i in range(int((high - first) / step + 1e-9) + 1)]


def chart_svg(
    *,
    name: str,
    unit: str,
    path: Path | None,
    points: list[Point],
    tolerance: float,
    id_prefix: str = "",
    width: int = WIDTH,
    height: int = HEIGHT,
    anchors: tuple[Point | None, Point | None] = (None, None),
) -> str:
    """An accessible SVG chart of a metric: baseline, target, the straight path with its tolerance, the values.

    Without a path, `anchors` are the baseline and the target that have a value and a year on their own: drawn as
    marks, with no line between them. No script, no style attribute, no external reference; every text escaped.
    Empty when there is nothing to draw.
    """
    lone_baseline, lone_target = (None, None) if path else anchors
    if path is None and not points and lone_baseline is None and lone_target is None:
        return ""
    marks = [p for p in (lone_baseline, lone_target) if p is not None]
    xs = [p.at for p in points + marks] + ([path.baseline.at, path.target.at] if path else [])
    ys = [p.value for p in points + marks] + ([path.baseline.value, path.target.value] if path else [])
    band = path.band(tolerance) if path else 0.0
    if path:
        ys += [
            path.baseline.value - band,
            path.baseline.value + band,
            path.target.value - band,
            path.target.value + band,
        ]
    x0, x1 = math.floor(min(xs)), math.ceil(max(xs))
    if x1 - x0 < 1:
        x0, x1 = x0 - 1, x1 + 1
    y0, y1 = min(ys), max(ys)
    if y1 - y0 <= 0:
        pad = abs(y0) * 0.1 or 1.0
        y0, y1 = y0 - pad, y1 + pad
    pad = (y1 - y0) * 0.08
    y0, y1 = y0 - pad, y1 + pad
    plot_w, plot_h = width - LEFT - RIGHT, height - TOP - BOTTOM

    def sx(at: float) -> float:
        return LEFT + (at - x0) / (x1 - x0) * plot_w

    def sy(value: float) -> float:
        return TOP + (y1 - value) / (y1 - y0) * plot_h

    def xy(at: float, value: float) -> str:
        return f"{sx(at):.1f},{sy(value):.1f}"

    if not id_prefix:
        digest = hashlib.sha1(repr((name, unit, path, points, tolerance)).encode()).hexdigest()[:8]
        id_prefix = f"chart-{digest}"
    prefix = escape("".join(ch for ch in id_prefix if ch.isalnum() or ch in "-_") or "chart", quote=True)
    unit_text = f" ({unit})" if unit else ""
    title = f"{name}{unit_text}"
    parts = []
    if path:
        parts.append(
            f"baseline {fmt(path.baseline.value)} in {int(path.baseline.at)}, target {fmt(path.target.value)} in "
            f"{int(path.target.at)}"
        )
    if lone_baseline:
        parts.append(f"baseline {fmt(lone_baseline.value)} in {int(lone_baseline.at)}")
    if lone_target:
        parts.append(
            f"target {fmt(lone_target.value)} in {int(lone_target.at)}, with no dated baseline to draw a path from"
        )
    if points:
        listed = "; ".join(f"{_when(p.at)}: {fmt(p.value)}" for p in points[-12:])
        more = f" (the last 12 of {len(points)})" if len(points) > 12 else ""
        parts.append(f"recorded values{more}: {listed}")
    else:
        parts.append("no values recorded yet")
    desc = "Chart of " + title + ": " + "; ".join(parts) + "."
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="progress-chart" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" aria-labelledby="{prefix}-title {prefix}-desc">',
        f'<title id="{prefix}-title">{escape(title)}</title>',
        f'<desc id="{prefix}-desc">{escape(desc)}</desc>',
    ]
    # Grid and axes.
    for tick in _ticks(y0, y1):
        y = sy(tick)
        out.append(
            f'<line x1="{LEFT}" y1="{y:.1f}" x2="{width - RIGHT}" y2="{y:.1f}" stroke="#dee2e6" stroke-width="1"/>'
        )
        out.append(
            f'<text x="{LEFT - 6}" y="{y + 4:.1f}" text-anchor="end" font-size="12" fill="#495057">{escape(fmt(tick))}</text>'
        )
    years = list(range(x0, x1 + 1))
    step = max(1, math.ceil(len(years) / 8))
    for year in years[::step]:
        x = sx(year)
        out.append(f'<line x1="{x:.1f}" y1="{TOP + plot_h}" x2="{x:.1f}" y2="{TOP + plot_h + 4}" stroke="#495057"/>')
        out.append(
            f'<text x="{x:.1f}" y="{TOP + plot_h + 18}" text-anchor="middle" font-size="12" fill="#495057">{year}</text>'
        )
    out.append(
        f'<line x1="{LEFT}" y1="{TOP + plot_h}" x2="{width - RIGHT}" y2="{TOP + plot_h}" stroke="#495057" stroke-width="1"/>'
    )
    if path:
        b, t = path.baseline, path.target
        if band > 0:
            polygon = " ".join(
                [xy(b.at, b.value + band), xy(t.at, t.value + band), xy(t.at, t.value - band), xy(b.at, b.value - band)]
            )
            out.append(
                f'<polygon points="{polygon}" fill="#cfe2ff" fill-opacity="0.6" stroke="none">'
                f"<title>{escape(f'Tolerance: ±{fmt(band)} around the straight path')}</title></polygon>"
            )
        out.append(
            f'<line x1="{sx(b.at):.1f}" y1="{sy(b.value):.1f}" x2="{sx(t.at):.1f}" y2="{sy(t.value):.1f}" '
            f'stroke="#0a58ca" stroke-width="2" stroke-dasharray="6 4">'
            f"<title>Straight path from baseline to target</title></line>"
        )
    b, t = (path.baseline, path.target) if path else (lone_baseline, lone_target)
    if b is not None:
        out.append(
            f'<rect x="{sx(b.at) - 5:.1f}" y="{sy(b.value) - 5:.1f}" width="10" height="10" fill="#6c757d">'
            f"<title>{escape(f'{BASELINE}: {fmt(b.value)} in {int(b.at)}')}</title></rect>"
        )
    if t is not None:
        tx, ty = sx(t.at), sy(t.value)
        out.append(
            f'<polygon points="{tx:.1f},{ty - 7:.1f} {tx + 7:.1f},{ty:.1f} {tx:.1f},{ty + 7:.1f} {tx - 7:.1f},{ty:.1f}" '
            f'fill="#198754"><title>{escape(f"{TARGET}: {fmt(t.value)} in {int(t.at)}")}</title></polygon>'
        )
    if points:
        if len(points) > 1:
            line = " ".join(xy(p.at, p.value) for p in points)
            out.append(f'<polyline points="{line}" fill="none" stroke="#212529" stroke-width="2"/>')
        for p in points:
            out.append(
                f'<circle cx="{sx(p.at):.1f}" cy="{sy(p.value):.1f}" r="4.5" fill="#212529" stroke="#fff" stroke-width="1">'
                f"<title>{escape(f'{_when(p.at)}: {fmt(p.value)}')}</title></circle>"
            )
    out.append("</svg>")
    return "".join(out)


def _when(at: float) -> str:
    year = int(math.floor(at))
    if at == year:
        return str(year)
    start = dt.date(year, 1, 1)
    days = (dt.date(year + 1, 1, 1) - start).days
    return (start + dt.timedelta(days=round((at - year) * days))).isoformat()
