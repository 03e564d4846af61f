"""How fast the checker is: one large canvas, and the command-line core over 1,000 files.

    .venv/bin/python bench/bench_checker.py

Prints the median time to check the largest canvas in seeds/ (or a generated one when it is larger),
and documents per second for cli.run() over 1,000 generated canvases in a temporary directory, beside
a baseline measured in the same run: reading and parsing the same files as JSON alone.
"""

from __future__ import annotations

import io
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.checker.canvases import generated_canvas  # noqa: E402
from workbench.checker import check  # noqa: E402
from workbench.checker.cli import run  # noqa: E402
from workbench.checker.language import find_terms  # noqa: E402
from workbench.checker.outcomes import read, read_metric  # noqa: E402
from workbench.checker.statement import _read_statement  # noqa: E402
from workbench.document import parse  # noqa: E402

FORGET = (find_terms, read, read_metric, _read_statement)  # what the checker keeps per text between checks


def largest_canvas() -> tuple[str, dict]:
    candidates = []
    for path in sorted((ROOT / "seeds").glob("*.json")):
        try:
            candidates.append((path.name, json.loads(path.read_text(encoding="utf-8"))))
        except (OSError, ValueError):
            continue
    candidates.append(("generated canvas, 60 items per list", generated_canvas(1, items=60)))
    return max(candidates, key=lambda pair: len(json.dumps(pair[1])))


def median_ms(function, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        for kept in FORGET:  # time a canvas the checker has not seen, not a cache hit
            kept.cache_clear()
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    name, document = largest_canvas()
    check(document)  # warm the word lists and compiled patterns
    size_kb = len(json.dumps(document)) / 1024
    print(f"largest canvas: {name} ({size_kb:.0f} KB)")
    print(f"  check(): median {median_ms(lambda: check(document), 50):.2f} ms over 50 runs")
    for seed_path in sorted((ROOT / "seeds").glob("*.json")):
        seed = json.loads(seed_path.read_text(encoding="utf-8"))
        print(f"  {seed_path.name}: median {median_ms(lambda seed=seed: check(seed), 30):.2f} ms")

    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for index in range(1000):
            path = Path(folder) / f"canvas-{index:04d}.json"
            path.write_text(json.dumps(generated_canvas(index, items=8)), encoding="utf-8")
            paths.append(str(path))

        start = time.perf_counter()
        for path in paths:
            json.loads(Path(path).read_bytes())
        baseline = time.perf_counter() - start

        start = time.perf_counter()
        for path in paths:
            parse(Path(path).read_bytes())
        validation = time.perf_counter() - start

        find_terms.cache_clear()
        start = time.perf_counter()
        run(paths, "json", io.StringIO())
        elapsed = time.perf_counter() - start

    print("1,000 generated canvases (8 items per list):")
    print(f"  baseline, read + json.loads only: {len(paths) / baseline:,.0f} documents/s")
    print(f"  baseline, read + document.parse (JSON Schema validation): {len(paths) / validation:,.0f} documents/s")
    print(f"  cli.run(): read, validate, check, JSON out: {len(paths) / elapsed:,.0f} documents/s ({elapsed:.2f} s)")


if __name__ == "__main__":
    main()
