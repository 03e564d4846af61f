"""Print the two corpus figures: real statements beating their washed rewrites, and deadlines found.

.venv/bin/python bench/checker_corpus.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.checker.test_corpus import corpus, deadlines_found, pair_wins  # noqa: E402


def main() -> None:
    rows = corpus()
    wins, losses = pair_wins(rows)
    found, total, misses = deadlines_found(rows)
    print(f"statements in corpus: {len(rows)}")
    print(f"real statement scores higher than its washed rewrite: {wins}/{len(rows)} pairs ({wins / len(rows):.0%})")
    if losses:
        print(f"  not higher: {', '.join(losses)}")
    print(f"deadline found: {found}/{total} real statements that have one ({found / total:.0%})")
    if misses:
        print(f"  missed: {', '.join(misses)}")


if __name__ == "__main__":
    main()
