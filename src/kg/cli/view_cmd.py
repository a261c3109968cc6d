"""`kg view`: write an interactive, offline HTML view of the graph (or of a CONSTRUCT result)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from kg.cli.common import DEFAULT_GRAPH_DIR, GraphOption, handle_errors
from kg.errors import KgError


def _parse_date(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise KgError("E019", path=option, reason=f"'{value}' is not a date (YYYY-MM-DD)") from None


@handle_errors
def view(
    graph: GraphOption = DEFAULT_GRAPH_DIR,
    focus: Annotated[str | None, typer.Option("--focus", help="Centre on this name or alias.")] = None,
    depth: Annotated[int, typer.Option("--depth", min=0, help="Hops around --focus.")] = 2,
    classes: Annotated[list[str] | None, typer.Option(
        "--class", help="Keep only this class (person, organization, country, post, meeting, tariff, "
        "product, place); repeatable.")] = None,
    date_from: Annotated[str | None, typer.Option("--from", help="Earliest date, YYYY-MM-DD.")] = None,
    date_to: Annotated[str | None, typer.Option("--to", help="Latest date, YYYY-MM-DD.")] = None,
    query: Annotated[Path | None, typer.Option(
        "--query", help="Show the result of this SPARQL CONSTRUCT.")] = None,
    size: Annotated[str, typer.Option("--size", help="Node size by 'degree' or 'sources'.")] = "degree",
    max_nodes: Annotated[int, typer.Option("--max-nodes", min=1, help="Node cap.")] = 2000,
    out: Annotated[Path | None, typer.Option(
        "--out", "-o", help="HTML file (default <graph>/view.html).")] = None,
) -> None:
    """Write an interactive HTML view that opens offline.

    Example: kg view --focus "Ahn Duk-geun" --depth 2 --out ahn.html
    """
    from kg.view import construct_view, load_graph, render_view

    if size not in ("degree", "sources"):
        raise KgError("E019", path="--size", reason=f"'{size}' is not one of: degree, sources")
    start, end = _parse_date(date_from, "--from"), _parse_date(date_to, "--to")
    rdf = construct_view(graph, query) if query is not None else load_graph(graph)
    target = out if out is not None else graph / "view.html"
    summary = render_view(
        rdf, target, focus=focus, depth=depth, classes=classes, date_from=start, date_to=end,
        max_nodes=max_nodes, title=f"kg: {focus}" if focus else "kg",
        size_by="sources" if size == "sources" else "degree",
    )
    typer.echo(f"wrote {summary.path} ({summary.nodes} nodes, {summary.edges} edges)")
    if summary.cut:
        typer.echo(summary.message)


def register(app: typer.Typer) -> None:
    app.command("view")(view)
