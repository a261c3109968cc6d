"""Time to a stable first frame of `kg view` pages (synthetic graphs of our shape) in headless Chromium.

Run: .venv/bin/python benchmarks/bench_view.py [200 2000 5000]
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from kg.view import render_view
from kg.view.synthetic import synthetic_graph

ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def main(sizes: list[int]) -> None:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        print("| nodes | edges | physics | python render (s) | page load to stable frame (s) |")
        print("|---:|---:|---|---:|---:|")
        for size in sizes:
            out = Path(tmp) / f"v{size}.html"
            started = time.perf_counter()
            summary = render_view(synthetic_graph(size), out, max_nodes=size + 100)
            rendered = time.perf_counter() - started
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            page.goto(out.as_uri())
            page.wait_for_function("window.kgView && window.kgView.stable !== null", timeout=600_000)
            stable = page.evaluate("window.kgView.stable") / 1000  # ms since navigation start
            row = (summary.nodes, summary.edges, summary.physics, f"{rendered:.2f}", f"{stable:.2f}")
            print("| " + " | ".join(str(cell) for cell in row) + " |")
            page.close()
        browser.close()


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [200, 2000, 5000])
