"""`kg eval`: score a built graph against gold files and print precision, recall and F1."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.table import Table

from kg.cli.common import DEFAULT_GRAPH_DIR, GraphOption, JsonOption, handle_errors

if TYPE_CHECKING:  # kg.evaluate (and rdflib) load only when kg eval runs: every kg command starts faster
    from kg.evaluate import EvalReport, Score

HELP = """Score a built graph against gold files (see shared/gold/FORMAT.md).

Prints P, R, F1 and tp/fp/fn per category in total and per article, then the misses and false \
positives by name, and whether entities named in several articles were unified into one node.

Example: kg eval --graph graph tests/gold/*.json --min-recall 0.9 --min-precision 0.85
"""


# Short column headers so the per-article table fits 80 columns.
_SHORT = {"organizations": "orgs", "positions": "posts", "meetings": "meets", "meeting_dates": "dates",
          "meeting_places": "places"}


def _fmt(score: Score) -> list[str]:
    return [f"{score.precision:.3f}", f"{score.recall:.3f}", f"{score.f1:.3f}",
            f"{score.tp}/{score.fp}/{score.fn}"]


def print_report(report: EvalReport, console: Console) -> None:
    """Tables for people: totals, per article, misses and false positives, resolution."""
    from kg.evaluate import CATEGORIES

    total = Table(title="Total")
    for column in ("category", "P", "R", "F1", "tp/fp/fn"):
        total.add_column(column, justify="left" if column == "category" else "right")
    for category in CATEGORIES:
        total.add_row(category, *_fmt(report.categories[category]))
    console.print(total)

    per_article = Table(title="Per article (F1; tp/fp/fn)")
    per_article.add_column("article")
    for category in CATEGORIES:
        per_article.add_column(_SHORT.get(category, category), justify="right")
    for art in report.articles:
        name = art.article.rsplit(".", 1)[0] if art.found_in_graph else f"{art.article} (not in graph)"
        per_article.add_row(name, *(f"{art.categories[c].f1:.2f} {art.categories[c].tp}/"
                                    f"{art.categories[c].fp}/{art.categories[c].fn}" for c in CATEGORIES))
    console.print(per_article)

    for art in report.articles:
        lines = [f"  missed {c}: " + "; ".join(sorted(art.misses[c])) for c in CATEGORIES if art.misses[c]]
        lines += [f"  false {c}: " + "; ".join(sorted(art.false_positives[c]))
                  for c in CATEGORIES if art.false_positives[c]]
        if lines:
            console.print(f"[bold]{art.article}[/bold]", highlight=False)
            for line in lines:
                console.print(line, markup=False, highlight=False)

    res = report.resolution
    console.print("[bold]Resolution across articles[/bold]")
    console.print(f"  unified ({len(res.unified)}): " + "; ".join(sorted(res.unified)), markup=False)
    for name, kind, nodes in sorted(res.split):
        console.print(f"  split {kind} {name}: " + ", ".join(nodes), markup=False, highlight=False)
    if res.unresolved:
        console.print("  found in fewer than 2 of its articles: " + "; ".join(sorted(res.unresolved)),
                      markup=False)
    for node, kind, names in sorted(res.false_merges):
        console.print(f"  false merge {kind} {node}: " + " + ".join(names), markup=False, highlight=False)


def shortfalls(report: EvalReport, min_recall: float | None, min_precision: float | None) -> list[str]:
    """Categories whose total falls below a threshold, as one line each."""
    from kg.evaluate import CATEGORIES

    lines = []
    for category in CATEGORIES:
        score = report.categories[category]
        if min_recall is not None and score.recall < min_recall:
            lines.append(f"{category}: recall {score.recall:.3f} < {min_recall}")
        if min_precision is not None and score.precision < min_precision:
            lines.append(f"{category}: precision {score.precision:.3f} < {min_precision}")
    return lines


def register(app: typer.Typer) -> None:
    @app.command("eval", help=HELP)
    @handle_errors
    def eval_command(
        gold: Annotated[list[Path], typer.Argument(help="Gold JSON files, or folders of them.")],
        graph: GraphOption = DEFAULT_GRAPH_DIR,
        as_json: JsonOption = False,
        min_recall: Annotated[float | None, typer.Option(
            "--min-recall", help="Exit 1 when a category's total recall is below this.")] = None,
        min_precision: Annotated[float | None, typer.Option(
            "--min-precision", help="Exit 1 when a category's total precision is below this.")] = None,
    ) -> None:
        from kg.evaluate import evaluate, load_gold

        report = evaluate(graph, load_gold(gold))
        if as_json:
            typer.echo(json.dumps(report.to_json(), indent=2, ensure_ascii=False))
        else:
            print_report(report, Console())
        failed = shortfalls(report, min_recall, min_precision)
        if failed:
            for line in failed:
                typer.echo(f"below threshold: {line}", err=True)
            raise typer.Exit(1)
