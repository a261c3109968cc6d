"""`kg build`: articles in, graph files out."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from kg.cli.common import handle_errors


def register(app: typer.Typer) -> None:
    @app.command("build")
    @handle_errors
    def build_command(
        sources: Annotated[
            list[Path] | None,
            typer.Argument(help="Article files or folders (*.txt, *.md). Default: the sample corpus."),
        ] = None,
        out: Annotated[Path, typer.Option("--out", "-o", help="Folder for the graph files.")] = Path("graph"),
        model: Annotated[
            str | None,
            typer.Option("--model", help="Installed spaCy pipeline to use (e.g. en_core_web_md)."),
        ] = None,
        no_store: Annotated[bool, typer.Option("--no-store", help="Skip the on-disk query store.")] = False,
    ) -> None:
        """Build the knowledge graph from articles.

        Writes kg.ttl (merged graph), kg.trig (one named graph per article, with provenance),
        kg.html (interactive view) and store/ (query store) into --out.

        Example: kg build corpus/ --out graph/
        """
        from rich.console import Console
        from rich.progress import Progress
        from rich.table import Table

        from kg.pipeline import build
        from kg.resources import corpus_dir

        console = Console(stderr=True)
        paths = list(sources) if sources else [corpus_dir()]
        with Progress(console=console, transient=True) as bar:
            task = bar.add_task("extracting", total=None)

            def progress(what: str, done: int, total: int) -> None:
                bar.update(task, completed=done, total=total, description=f"extracting {what}")

            summary = build(paths, out, model=model, progress=progress, store=not no_store)

        out_console = Console()
        table = Table(title=f"{summary.documents} articles, {summary.triples} triples")
        table.add_column("class")
        table.add_column("entities", justify="right")
        for cls, count in summary.entities_per_class.items():
            table.add_row(cls, str(count))
        out_console.print(table)
        facts = Table(title="facts per article")
        columns = ["people", "organizations", "posts", "meetings", "tariffs", "statements", "figures"]
        facts.add_column("article")
        for col in columns:
            facts.add_column(col, justify="right")
        for doc_id, counts in summary.facts_per_document.items():
            facts.add_row(doc_id, *(str(counts[c]) for c in columns))
        out_console.print(facts)
        for path in summary.files:
            out_console.print(f"wrote {path}")
