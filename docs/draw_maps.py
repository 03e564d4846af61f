"""Draw the theory-of-change map of each worked example to docs/map-<example>.png (Chromium, no download).

.venv/bin/python docs/draw_maps.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from workbench.tocmap import build_map, map_svg  # noqa: E402

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-dev-shm-usage"]


def main() -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1200, "height": 800})
        for seed in sorted((ROOT / "seeds").glob("*.json")):
            tocmap = build_map(json.loads(seed.read_text(encoding="utf-8")))
            page.set_content(f"<!doctype html><body style='margin:0;background:#fff'>{map_svg(tocmap)}</body>")
            out = ROOT / "docs" / f"map-{seed.stem}.png"
            page.locator("svg").screenshot(path=str(out))
            print(
                f"{out.relative_to(ROOT)}: {len(tocmap.boxes)} boxes, {len(tocmap.links)} links, "
                f"{tocmap.crossings} crossings (document order: {tocmap.document_crossings})"
            )
        browser.close()


if __name__ == "__main__":
    main()
