"""The labelled corpus's figures, measured the same way by the test of their floors and by the benchmark.

The corpus (tests/checker/corpus/) holds whole canvases of real and washed missions, and statements of four
kinds per topic: the real one, a washed rewrite (activity wording, no target), the real one without its
deadline, and a decoy that promises dated outputs on the same topic.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from itertools import product
from pathlib import Path

from tests.checker.canvases import complete_canvas
from workbench.checker import check, read_statement
from workbench.checker.report import NOT_YET, READY, TAKING_SHAPE

CORPUS = Path(__file__).with_name("corpus")
LEVEL_RANK = {NOT_YET: 0, TAKING_SHAPE: 1, READY: 2}


@dataclass(frozen=True)
class Scored:
    name: str
    label: str
    hard: bool
    readiness: int
    level: str


@cache
def canvases() -> tuple[Scored, ...]:
    """Every canvas of the corpus with its label and the checker's verdict."""
    out = []
    for entry in json.loads((CORPUS / "index.json").read_text(encoding="utf-8")):
        report = check(json.loads((CORPUS / entry["file"]).read_text(encoding="utf-8")))
        out.append(Scored(entry["file"], entry["label"], bool(entry.get("hard")), report.readiness, report.level))
    return tuple(out)


@cache
def statements() -> tuple[dict, ...]:
    return tuple(json.loads((CORPUS / "statements.json").read_text(encoding="utf-8")))


@cache
def statement_score(text: str) -> int:
    """Readiness of the statement on a canvas that is otherwise complete and the same for every statement."""
    return check(complete_canvas(text)).readiness


@dataclass
class Figure:
    wins: int
    total: int
    misses: list[str] = field(default_factory=list)

    @property
    def share(self) -> float:
        return self.wins / self.total if self.total else 1.0

    def __str__(self) -> str:
        return f"{self.wins}/{self.total} ({self.share:.0%})"


def canvas_pairs() -> Figure:
    """Real canvas above washed canvas, over every (real, washed) pair."""
    real = [c for c in canvases() if c.label == "real"]
    washed = [c for c in canvases() if c.label == "washed"]
    figure = Figure(0, len(real) * len(washed))
    for a, b in product(real, washed):
        if a.readiness > b.readiness:
            figure.wins += 1
        else:
            figure.misses.append(f"{a.name} ({a.readiness}) <= {b.name} ({b.readiness})")
    return figure


def hard_level_gap() -> Figure:
    """Hard washed canvases at least one level below every real canvas."""
    real = [c for c in canvases() if c.label == "real"]
    hard = [c for c in canvases() if c.label == "washed" and c.hard]
    lowest_real = min(LEVEL_RANK[c.level] for c in real)
    figure = Figure(0, len(hard))
    for canvas in hard:
        if LEVEL_RANK[canvas.level] < lowest_real:
            figure.wins += 1
        else:
            figure.misses.append(f"{canvas.name} ({canvas.level})")
    return figure


def _by_topic() -> dict[str, dict[str, dict]]:
    topics: dict[str, dict[str, dict]] = {}
    for row in statements():
        topics.setdefault(row["topic"], {})[row["kind"]] = row
    return topics


def statement_pairs(other: str) -> Figure:
    """Real statement above the statement of kind `other` on the same topic."""
    topics = [kinds for kinds in _by_topic().values() if "real" in kinds and other in kinds]
    figure = Figure(0, len(topics))
    for kinds in topics:
        real, rival = kinds["real"]["statement"], kinds[other]["statement"]
        if statement_score(real) > statement_score(rival):
            figure.wins += 1
        else:
            figure.misses.append(f"{real!r} ({statement_score(real)}) <= {rival!r} ({statement_score(rival)})")
    return figure


def deadlines_found() -> Figure:
    """Real statements that have a deadline, with that deadline found (and its year, where one is given)."""
    rows = [row for row in statements() if row["kind"] == "real" and row.get("deadline")]
    figure = Figure(0, len(rows))
    for row in rows:
        reading = read_statement(row["statement"])
        years = {d.year for d in reading.deadlines} | {d.end_year for d in reading.deadlines}
        if reading.has_deadline and int(str(row["deadline"])[:4]) in years:
            figure.wins += 1
        else:
            figure.misses.append(row["statement"])
    return figure


def levels() -> dict[str, dict[str, int]]:
    """How many canvases of each label (hard washed apart) land in each level."""
    out: dict[str, dict[str, int]] = {}
    for canvas in canvases():
        group = "washed (hard)" if canvas.hard else canvas.label
        out.setdefault(group, {level: 0 for level in LEVEL_RANK})[canvas.level] += 1
    return out
