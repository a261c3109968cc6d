"""What every command shares: the --graph option and one-line errors with documented exit codes."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

from kg.errors import KgError

F = TypeVar("F", bound=Callable[..., Any])

DEFAULT_GRAPH_DIR = Path("graph")

GraphOption = Annotated[
    Path,
    typer.Option("--graph", "-g", help="Folder of a built graph (kg.trig, store/).", show_default=True),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print stable, documented JSON instead of text.")]


def fail(err: KgError) -> None:
    """Print a KgError on one line to stderr and exit with its status."""
    print(f"error[{err.code}]: {err.message}", file=sys.stderr)
    raise typer.Exit(int(err.status))


def handle_errors(func: F) -> F:
    """Turn KgError (and a broken pipe) into a one-line message and an exit status, never a traceback."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except KgError as err:
            fail(err)
        except BrokenPipeError:
            raise typer.Exit(0) from None

    return wrapper  # type: ignore[return-value]
