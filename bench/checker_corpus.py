"""The checker's judgement on the labelled corpus (tests/checker/corpus/): the figures the issue sets floors for.

.venv/bin/python bench/checker_corpus.py

Prints each figure with the canvases or statements that miss it, and how many canvases of each label land
in each level. tests/checker/test_corpus_floors.py asserts the floors on the same figures.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.checker import corpus_figures as figures  # noqa: E402


def show(title: str, figure, floor: str) -> None:
    print(f"{title}: {figure}   (floor {floor})")
    for miss in figure.misses[:10]:
        print(f"    miss: {miss}")
    if len(figure.misses) > 10:
        print(f"    … and {len(figure.misses) - 10} more")


def main() -> None:
    canvases = figures.canvases()
    print(
        f"canvases: {sum(c.label == 'real' for c in canvases)} real, {sum(c.label == 'washed' for c in canvases)} "
        f"washed ({sum(c.hard for c in canvases)} hard); statements: {len(figures.statements())}"
    )
    show("real canvas above washed canvas", figures.canvas_pairs(), ">= 95 %")
    show("hard washed canvas a level below every real one", figures.hard_level_gap(), "all")
    show("real statement above its washed rewrite", figures.statement_pairs("washed"), ">= 95 %")
    show("real statement above the dated-output decoy", figures.statement_pairs("dated_output"), ">= 90 %")
    show("real statement above its undated version", figures.statement_pairs("undated"), "none set")
    show("deadline found in real statements that have one", figures.deadlines_found(), "all")
    print("levels:")
    for group, counts in figures.levels().items():
        print(f"    {group:14} " + ", ".join(f"{level}: {n}" for level, n in counts.items()))
    print("readiness by canvas:")
    for canvas in sorted(canvases, key=lambda c: -c.readiness):
        tag = "washed, hard" if canvas.hard else canvas.label
        print(f"    {canvas.readiness:3}  {canvas.level:18} {tag:13} {canvas.name}")


if __name__ == "__main__":
    main()
