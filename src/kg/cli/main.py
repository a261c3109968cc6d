"""The `kg` command line: a thin layer that parses arguments, calls the library and prints."""

from __future__ import annotations

import typer

app = typer.Typer(
    name="kg",
    help="Turn trade-negotiation articles into an RDF knowledge graph, and question it.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _register() -> None:
    # Each command lives in its own module with a register(app) function.
    import importlib

    for name in ("build_cmd", "query_cmds", "eval_cmd", "view_cmd"):
        importlib.import_module(f"kg.cli.{name}").register(app)


_register()

if __name__ == "__main__":
    app()
