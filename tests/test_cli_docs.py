"""Every command has help text with an example, and is documented in the README."""

from __future__ import annotations

from pathlib import Path

import pytest
import typer.main
from typer.testing import CliRunner

from kg.cli.main import app

README = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
COMMANDS = sorted(typer.main.get_command(app).commands)  # type: ignore[attr-defined]


def test_cli_has_the_core_commands() -> None:
    for name in ("build", "query", "lookup", "path", "view", "eval"):
        assert name in COMMANDS


@pytest.mark.parametrize("name", COMMANDS)
def test_cli_command_help_has_example(name: str) -> None:
    result = CliRunner().invoke(app, [name, "--help"])
    assert result.exit_code == 0
    assert "Example" in result.output, f"kg {name} --help has no example"


@pytest.mark.parametrize("name", COMMANDS)
def test_cli_command_documented_in_readme(name: str) -> None:
    assert f"kg {name}" in README, f"kg {name} is not documented in README.md"
