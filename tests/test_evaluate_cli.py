"""`kg eval` on the command line: tables, --json, thresholds and one-line errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli.main import app

FIXTURES = Path(__file__).parent / "fixtures" / "eval"
runner = CliRunner()


def test_evaluate_cli_prints_tables_and_resolution() -> None:
    result = runner.invoke(app, ["eval", "--graph", str(FIXTURES / "merged"), str(FIXTURES / "gold")])
    assert result.exit_code == 0, result.output
    assert "people" in result.output and "tariffs" in result.output
    assert "split person Jamieson Greer" in result.output
    assert "false merge person" in result.output


def test_evaluate_cli_json_is_stable_and_parsable() -> None:
    args = ["eval", "--graph", str(FIXTURES / "perfect"), str(FIXTURES / "gold"), "--json"]
    first, second = runner.invoke(app, args), runner.invoke(app, args)
    assert first.exit_code == 0, first.output
    assert first.stdout == second.stdout
    data = json.loads(first.stdout)
    assert data["categories"]["people"]["f1"] == 1.0


@pytest.mark.parametrize(("gold_dir", "code"), [("gold", 0), ("gold_wrong", 1)])
def test_evaluate_cli_thresholds_set_exit_status(gold_dir: str, code: int) -> None:
    result = runner.invoke(app, ["eval", "--graph", str(FIXTURES / "perfect"), str(FIXTURES / gold_dir),
                                 "--min-recall", "0.9", "--min-precision", "0.85"])
    assert result.exit_code == code, result.output


def test_evaluate_cli_missing_graph_is_one_line_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["eval", "--graph", str(tmp_path), str(FIXTURES / "gold")])
    assert result.exit_code == 6
    assert "error[E007]" in result.output
    assert "Traceback" not in result.output


def test_evaluate_cli_bad_gold_is_one_line_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")
    result = runner.invoke(app, ["eval", "--graph", str(FIXTURES / "perfect"), str(bad)])
    assert result.exit_code == 3
    assert "error[E016]" in result.output
