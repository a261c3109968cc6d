"""The view in a real browser: renders offline, panel, search, and no script injection."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from kg.view import render_view
from kg.view.synthetic import sample_graph

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"

PAYLOADS = [
    "<img src=x onerror=window.__pwned=1>",
    "</script><script>window.__pwned=1</script>",
    "<svg onload=alert(1)>",
]


def _click_node(watched: Any, node_id: str) -> None:
    point = watched.page.evaluate(
        """(id) => { const n = window.kgView.network; const p = n.getPositions([id])[id];
        const d = n.canvasToDOM(p);
        const r = document.querySelector('#kg-network canvas').getBoundingClientRect();
        return {x: r.left + d.x, y: r.top + d.y}; }""",
        node_id,
    )
    watched.page.mouse.click(point["x"], point["y"])


def test_view_browser_sample_renders_offline_with_panel_and_search(tmp_path: Path, watched: Any) -> None:
    out = tmp_path / "kg.html"
    summary = render_view(sample_graph(), out, title="Sample trade talks")
    watched.open(out)
    page = watched.page
    assert page.locator("#kg-network canvas").count() == 1
    assert page.evaluate("window.kgView.data.nodes.length") == summary.nodes
    assert page.evaluate("window.kgView.network.body.data.nodes.length") == summary.nodes
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "kg-view.png"))
    _click_node(watched, "https://w3id.org/kg-trade/id/person-a")
    panel = page.locator("#kg-panel")
    panel.wait_for(state="visible")
    assert "Kim Do-hyun" in panel.inner_text()
    assert "met Alex Parker in Washington" in panel.inner_text()
    link = panel.locator("a").first
    assert link.get_attribute("href") == "https://news.example.org/a1"
    assert link.get_attribute("rel") == "noopener noreferrer"
    page.fill("#kg-search", "ustr")
    page.press("#kg-search", "Enter")
    assert page.evaluate("window.kgView.focused") == "https://w3id.org/kg-trade/id/org-us-ustr"
    assert page.evaluate("window.kgView.network.getSelectedNodes()") == [
        "https://w3id.org/kg-trade/id/org-us-ustr"]
    assert "Office of the United States Trade Representative" in panel.inner_text()
    assert watched.console_errors == []
    assert watched.requests == [out.resolve().as_uri()]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_view_browser_markup_never_executes(tmp_path: Path, watched: Any, payload: str) -> None:
    out = tmp_path / "kg.html"
    graph = sample_graph(name_a=f"Kim {payload}", name_b="Alex Parker", sentence_extra=f" {payload}",
                         url="javascript:window.__pwned=1")
    render_view(graph, out, title=f"Title {payload}")
    watched.open(out)
    page = watched.page
    assert page.title() == f"Title {payload}"
    assert page.locator("#kg-title").inner_text() == f"Title {payload}"
    _click_node(watched, "https://w3id.org/kg-trade/id/person-a")
    panel = page.locator("#kg-panel")
    panel.wait_for(state="visible")
    assert f"Kim {payload}" in panel.inner_text()
    assert payload in panel.locator("blockquote").first.inner_text()
    # The javascript: URL is never made a link; the headline shows as text.
    assert panel.locator("a[href^='javascript']").count() == 0
    page.hover("#kg-panel h2")
    assert page.evaluate("window.__pwned") is None
    assert watched.dialogs == []
    assert page.locator("#kg-panel img, #kg-panel svg, #kg-panel script").count() == 0
    assert watched.requests == [out.resolve().as_uri()]
