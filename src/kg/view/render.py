"""Write a self-contained, offline, script-injection-proof HTML view of a graph.

The page is our own template, not pyvis's: pyvis's pages fetch bootstrap from a CDN and switch to an
innerHTML popup when a title contains "href". We reuse the vis-network build that pyvis ships, inline.
Data goes in a `<script type="application/json">` block and the page builds every text with
textContent, so names and sentences carrying markup show literally.
"""

from __future__ import annotations

import html
import json
import math
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Literal

import networkx as nx
from rdflib import Graph

from kg.view.data import (
    CLASSES,
    ViewData,
    extract_view_data,
    filter_by_date,
    find_node,
    neighbourhood,
    normalize_class,
    restrict,
)
from kg.view.template import PAGE

# Above this many nodes the browser's physics takes seconds to settle: positions come from Python.
PHYSICS_MAX_NODES = 300
LAYOUT_SEED = 7
SPRING_MAX_NODES = 500  # networkx's spring layout needs scipy from 500 nodes on
# Bounded stabilisation keeps the first frame of a small graph under a second.
STABILIZATION_ITERATIONS = 120

CLASS_STYLE: dict[str, tuple[str, str]] = {  # class -> (colour, vis shape)
    "person": ("#4e79a7", "dot"),
    "organization": ("#f28e2b", "square"),
    "country": ("#59a14f", "diamond"),
    "post": ("#b07aa1", "triangle"),
    "meeting": ("#e15759", "star"),
    "tariff": ("#edc948", "triangleDown"),
    "product": ("#76b7b2", "hexagon"),
    "place": ("#9c755f", "dot"),
}
CLASS_NAMES = {
    "person": "Person", "organization": "Organization", "country": "Country", "post": "Post",
    "meeting": "Meeting", "tariff": "Tariff", "product": "Product", "place": "Place",
}

SizeBy = Literal["degree", "sources"]


@dataclass(frozen=True)
class ViewSummary:
    """What a view shows: counts, whether the node cap cut it, and how to narrow it."""

    path: Path
    nodes: int
    edges: int
    total_nodes: int  # nodes that matched the filters before the cap
    cut: bool
    message: str
    physics: bool


@lru_cache(maxsize=1)
def vis_network_js() -> str:
    """The vis-network build shipped inside the pyvis package (no network needed)."""
    lib = resources.files("pyvis") / "templates" / "lib" / "vis-9.1.2" / "vis-network.min.js"
    return lib.read_text(encoding="utf-8")


def embed_json(value: object) -> str:
    """JSON that cannot close its <script> element or break a JS parser: <, >, &, U+2028/9 escaped."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for char, escaped in (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e"),
                          ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, escaped)
    return text


def _radial_layout(graph: nx.Graph) -> dict[str, tuple[float, float]]:
    """Rings by BFS distance from the best-connected node, children near their parent's angle.

    Linear time: networkx's spring layout needs scipy above 500 nodes, and scipy is not a dependency.
    """
    root = min(graph.nodes, key=lambda n: (-graph.degree(n), n))
    angle: dict[str, float] = {root: 0.0}
    rings: list[list[str]] = [[root]]
    seen = {root}
    while True:
        ring: list[tuple[float, str]] = []
        for parent in rings[-1]:
            for child in sorted(graph.neighbors(parent)):
                if child not in seen:
                    seen.add(child)
                    ring.append((angle[parent], child))
        if not ring:
            break
        ring.sort()
        rings.append([child for _, child in ring])
        for i, (_, child) in enumerate(ring):
            angle[child] = 2 * math.pi * i / len(ring)
    positions: dict[str, tuple[float, float]] = {root: (0.0, 0.0)}
    spacing = 36.0  # pixels between neighbours on a ring
    previous_radius = 0.0
    for level, ring_nodes in enumerate(rings[1:], start=1):
        radius = max(previous_radius + 150.0, spacing * len(ring_nodes) / (2 * math.pi), 150.0 * level)
        previous_radius = radius
        for node in ring_nodes:
            positions[node] = (radius * math.cos(angle[node]), radius * math.sin(angle[node]))
    return positions


def _layout(data: ViewData) -> dict[str, tuple[int, int]]:
    """Seeded spring layout, components packed side by side; integers so the HTML is stable."""
    graph: nx.Graph = nx.Graph()
    graph.add_nodes_from(sorted(data.nodes))
    graph.add_edges_from((e.source, e.target) for e in data.edges)
    positions: dict[str, tuple[int, int]] = {}
    components = sorted((sorted(c) for c in nx.connected_components(graph)), key=lambda c: (-len(c), c[0]))
    scale_unit = 60.0  # pixels per sqrt(node)
    row_x, row_y, row_height = 0.0, 0.0, 0.0
    row_width = scale_unit * math.sqrt(len(data.nodes)) * 6 + 400
    for component in components:
        # a fresh graph in sorted order: a subgraph view of a small component iterates a set
        sub: nx.Graph = nx.Graph()
        sub.add_nodes_from(component)
        sub.add_edges_from(sorted(tuple(sorted(e)) for e in graph.subgraph(component).edges))
        radius = scale_unit * math.sqrt(len(component)) + 40
        if len(component) == 1:
            local = {component[0]: (0.0, 0.0)}
        elif len(component) < SPRING_MAX_NODES:
            raw = nx.spring_layout(sub, seed=LAYOUT_SEED, iterations=50)
            local = {n: (float(p[0]) * radius, float(p[1]) * radius) for n, p in raw.items()}
        else:
            local = _radial_layout(sub)
            radius = max((math.hypot(x, y) for x, y in local.values()), default=0.0) + 40
        if row_x + 2 * radius > row_width and row_x > 0:
            row_x, row_y, row_height = 0.0, row_y + row_height, 0.0
        for node in component:
            x, y = local[node]
            positions[node] = (round(row_x + radius + x), round(row_y + radius + y))
        row_x += 2 * radius + 40
        row_height = max(row_height, 2 * radius + 40)
    return positions


def _cap(data: ViewData, max_nodes: int) -> ViewData:
    """Keep the `max_nodes` best-connected nodes (ties by id) when the view is too big."""
    degree: dict[str, int] = dict.fromkeys(data.nodes, 0)
    for edge in data.edges:
        degree[edge.source] += 1
        degree[edge.target] += 1
    ranked = sorted(data.nodes, key=lambda n: (-degree[n], n))
    return restrict(data, set(ranked[:max_nodes]))


def select_view(
    graph: Graph, *, focus: str | None = None, depth: int = 2, classes: list[str] | None = None,
    date_from: date | None = None, date_to: date | None = None,
) -> ViewData:
    """The nodes and edges a view shows, after the focus, class and date filters (no cap)."""
    data = extract_view_data(graph)
    if classes:
        wanted = {normalize_class(c) for c in classes}
        data = restrict(data, {n.id for n in data.nodes.values() if n.cls in wanted})
    if date_from is not None or date_to is not None:
        data = restrict(data, filter_by_date(data, date_from, date_to))
    if focus:
        start = find_node(data, focus)
        data = restrict(data, neighbourhood(data, start, max(depth, 0)))
    return data


def render_view(
    graph: Graph, out: Path, *, focus: str | None = None, depth: int = 2, classes: list[str] | None = None,
    date_from: date | None = None, date_to: date | None = None, max_nodes: int = 2000, title: str = "kg",
    size_by: SizeBy = "degree",
) -> ViewSummary:
    """Write an offline interactive view of `graph` to `out` and say what it shows."""
    data = select_view(graph, focus=focus, depth=depth, classes=classes, date_from=date_from, date_to=date_to)
    total = len(data.nodes)
    cut = total > max_nodes
    if cut:
        data = _cap(data, max_nodes)
        message = (f"Showing the {len(data.nodes)} best-connected of {total} nodes. Narrow the view with "
                   "--focus NAME --depth N, --class C, or --from DATE --to DATE (or raise --max-nodes).")
    else:
        message = f"Showing all {total} nodes."
    physics = len(data.nodes) <= PHYSICS_MAX_NODES
    page = build_page(data, title=title, message=message, physics=physics, size_by=size_by)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(page, encoding="utf-8", newline="\n")
    return ViewSummary(path=out, nodes=len(data.nodes), edges=len(data.edges), total_nodes=total, cut=cut,
                       message=message, physics=physics)


def _payload(
    data: ViewData, *, title: str, message: str, physics: bool, size_by: SizeBy,
) -> dict[str, object]:
    degree: dict[str, int] = dict.fromkeys(data.nodes, 0)
    for edge in data.edges:
        degree[edge.source] += 1
        degree[edge.target] += 1
    positions = _layout(data)
    big = len(data.nodes) > PHYSICS_MAX_NODES
    nodes = []
    for node_id in sorted(data.nodes):
        node = data.nodes[node_id]
        articles = {s.file_name or s.headline for s in node.sources}
        weight = degree[node_id] if size_by == "degree" else len(articles)
        label = node.label
        if node.cls == "meeting" and node.dates:
            label = f"{label}\n{node.dates[0]}"
        x, y = positions[node_id]
        nodes.append({
            "id": node_id, "cls": node.cls, "label": label, "name": node.label, "aliases": node.aliases,
            "posts": node.posts, "dates": node.dates, "facts": [list(f) for f in node.facts],
            "sources": [s.as_json() for s in node.sources], "size": round(8 + 4 * math.sqrt(weight), 1),
            "x": x, "y": y, "degree": degree[node_id],
        })
    edges = [{"from": e.source, "to": e.target, "label": e.relation} for e in data.edges]
    return {
        "title": title, "message": message, "physics": physics, "edgeLabels": not big, "sizeBy": size_by,
        "stabilizationIterations": STABILIZATION_ITERATIONS,
        "classes": [{"key": k, "name": CLASS_NAMES[k], "color": CLASS_STYLE[k][0], "shape": CLASS_STYLE[k][1]}
                    for k in CLASSES],
        "nodes": nodes, "edges": edges,
    }


def build_page(data: ViewData, *, title: str, message: str, physics: bool, size_by: SizeBy = "degree") -> str:
    payload = _payload(data, title=title, message=message, physics=physics, size_by=size_by)
    parts = {"TITLE": html.escape(title), "DATA": embed_json(payload), "VIS": vis_network_js()}
    # One pass over the template only: a marker inside the data or the library is never expanded.
    return re.sub(r"@@(TITLE|DATA|VIS)@@", lambda m: parts[m.group(1)], PAGE)
