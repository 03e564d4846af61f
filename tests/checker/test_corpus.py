"""Published mission statements against mission-washed rewrites of them, on otherwise equal canvases."""

from __future__ import annotations

import json
from pathlib import Path

from tests.checker.canvases import complete_canvas
from workbench.checker import check, read_statement

CORPUS = Path(__file__).with_name("data") / "mission_statements.json"


def corpus() -> list[dict]:
    return json.loads(CORPUS.read_text(encoding="utf-8"))


def pair_wins(rows) -> tuple[int, list[str]]:
    """How many real statements score higher than their washed rewrite, and the ids of those that do not."""
    wins, losses = 0, []
    for row in rows:
        real = check(complete_canvas(row["statement"])).readiness
        washed = check(complete_canvas(row["washed"])).readiness
        if real > washed:
            wins += 1
        else:
            losses.append(row["id"])
    return wins, losses


def deadlines_found(rows) -> tuple[int, int, list[str]]:
    """Deadlines read correctly (and the year, where the statement gives one) among those that have one."""
    found, misses = 0, []
    with_deadline = [row for row in rows if row["has_deadline"]]
    for row in with_deadline:
        reading = read_statement(row["statement"])
        years = {d.year for d in reading.deadlines} | {d.end_year for d in reading.deadlines}
        if reading.has_deadline and (row["deadline"] is None or int(row["deadline"]) in years):
            found += 1
        else:
            misses.append(row["id"])
    return found, len(with_deadline), misses


def test_corpus_is_well_formed():
    rows = corpus()
    assert len(rows) >= 30
    assert len({row["id"] for row in rows}) == len(rows)
    for row in rows:
        assert row["statement"] and row["washed"] and row["statement"] != row["washed"]
        assert "http" in row["source"]
        assert (row["deadline"] is None) or row["has_deadline"]
        washed = read_statement(row["washed"])
        assert not washed.has_deadline, row["id"]


def test_real_statements_beat_their_washed_rewrites():
    rows = corpus()
    wins, losses = pair_wins(rows)
    print(f"real statement scores higher in {wins}/{len(rows)} pairs ({wins / len(rows):.0%}); not: {losses}")
    assert wins / len(rows) >= 0.9


def test_deadline_found_in_every_real_statement_that_has_one():
    found, total, misses = deadlines_found(corpus())
    print(f"deadline found in {found}/{total} statements that have one; missed: {misses}")
    assert found == total


def test_washed_rewrites_are_not_yet_missions():
    levels = [check(complete_canvas(row["washed"])).level for row in corpus()]
    assert levels.count("not yet a mission") / len(levels) >= 0.9
