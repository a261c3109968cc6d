"""Interactive, offline, injection-proof HTML views of the knowledge graph (`kg view`)."""

from kg.view.query import construct_view, load_graph
from kg.view.render import ViewSummary, build_page, embed_json, render_view, select_view

__all__ = [
    "ViewSummary", "build_page", "construct_view", "embed_json", "load_graph", "render_view", "select_view",
]
