"""kg query/ask/lookup/path/neighbors/timeline: output, exit statuses and one-line errors."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli.main import app

FIXTURE = Path(__file__).parent / "fixtures" / "query" / "kg.trig"


@pytest.fixture(scope="module")
def graph_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("graph")
    shutil.copy(FIXTURE, folder / "kg.trig")
    return folder


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize(
    ("args", "status", "code"),
    [
        (["query", "SELECT * WHERE { ?s ?p "], 5, "E009"),
        (["query", "INSERT DATA { <a:b> <a:c> <a:d> }"], 5, "E010"),
        (["query", "SELECT * WHERE { SERVICE <http://x.example/q> { ?s ?p ?o } }"], 5, "E010"),
        (["lookup", "Zyx Wvut"], 4, "E012"),
        (["lookup", "Jamal Grieves"], 4, "E012"),
        (["lookup", "minister"], 4, "E014"),
        (["path", "Choi Sang-mok", "Maria Ortega"], 4, "E013"),
        (["path", "Choi Sang-mok", "Nobody Atall"], 4, "E012"),
        (["ask", "no-such-query"], 4, "E017"),
        (["ask", "tariffs-on", "--param", "imposer=US"], 2, "E018"),
        (["timeline", "--from", "soon"], 3, "E019"),
    ],
)
def test_cli_query_errors_are_one_line(graph_dir: Path, args: list[str], status: int, code: str) -> None:
    exit_code, _, stderr = _run(*args, "--graph", str(graph_dir))
    assert exit_code == status
    assert stderr.startswith(f"error[{code}]:")
    assert stderr.count("\n") == 1
    assert "Traceback" not in stderr


def test_cli_query_no_graph_is_e007(tmp_path: Path) -> None:
    exit_code, _, stderr = _run("query", "ASK {}", "--graph", str(tmp_path))
    assert exit_code == 6 and stderr.startswith("error[E007]")


def test_cli_query_string_with_service_runs(graph_dir: Path) -> None:
    sparql = 'SELECT ?s WHERE { ?s skos:prefLabel ?l . FILTER(?l != "SERVICE") } LIMIT 1'
    exit_code, stdout, _ = _run("query", sparql, "--graph", str(graph_dir))
    assert exit_code == 0 and "1 row" in stdout


@pytest.mark.parametrize("fmt", ["table", "json", "csv", "tsv"])
def test_cli_query_formats(graph_dir: Path, fmt: str) -> None:
    sparql = "SELECT DISTINCT ?n WHERE { ?c a schema:Country ; skos:prefLabel ?n } ORDER BY ?n"
    exit_code, stdout, _ = _run("query", sparql, "--format", fmt, "--graph", str(graph_dir))
    assert exit_code == 0
    if fmt == "json":
        bindings = json.loads(stdout)["results"]["bindings"]
        assert [b["n"]["value"] for b in bindings] == ["Mexico", "South Korea", "United States"]
    else:
        assert stdout.splitlines()[:1] == ["n"] and "South Korea" in stdout


def test_cli_query_limit_note_and_file(graph_dir: Path, tmp_path: Path) -> None:
    query_file = tmp_path / "all.rq"
    query_file.write_text("SELECT ?s ?p ?o WHERE { ?s ?p ?o }\n", encoding="utf-8")
    exit_code, stdout, _ = _run("query", str(query_file), "--limit", "3", "--graph", str(graph_dir))
    assert exit_code == 0 and "(cut at 3 rows; use --limit)" in stdout


def test_cli_query_construct_turtle(graph_dir: Path) -> None:
    sparql = "CONSTRUCT { ?c schema:name ?n } WHERE { ?c a schema:Country ; skos:prefLabel ?n }"
    exit_code, stdout, _ = _run("query", sparql, "--format", "turtle", "--graph", str(graph_dir))
    assert exit_code == 0
    assert '<https://w3id.org/kg-trade/id/country-mx> <https://schema.org/name> "Mexico" .' in stdout


def test_cli_query_prefixes() -> None:
    exit_code, stdout, _ = _run("query", "--prefixes")
    assert exit_code == 0 and "PREFIX kgo: <https://w3id.org/kg-trade/ontology#>" in stdout


def test_cli_query_ask_tariffs_on(graph_dir: Path) -> None:
    exit_code, stdout, _ = _run(
        "ask", "tariffs-on", "--param", "imposer=United States", "--param", "target=South Korea",
        "--graph", str(graph_dir),
    )  # fmt: skip
    assert exit_code == 0
    assert "reciprocal" in stdout and "sectoral" in stdout
    assert "Washington suspended its 25 percent reciprocal tariff" in stdout


def test_cli_query_ask_list() -> None:
    exit_code, stdout, _ = _run("ask", "--list")
    assert exit_code == 0 and "tariffs-on:" in stdout and "--param imposer=<country>" in stdout


def test_cli_query_lookup_text_and_json(graph_dir: Path) -> None:
    exit_code, stdout, _ = _run("lookup", "Dukgeun Ahn", "--graph", str(graph_dir))
    assert exit_code == 0 and stdout.startswith("Ahn Duk-geun  (person")
    assert '"Industry Minister" → Minister of Trade, Industry and Energy' in stdout
    exit_code, stdout, _ = _run("lookup", "Scott Besant", "--json", "--graph", str(graph_dir))
    assert exit_code == 0 and json.loads(stdout)["id"] == "person-scott-bessent"


def test_cli_query_path_and_neighbors(graph_dir: Path) -> None:
    exit_code, stdout, _ = _run(
        "path", "Choi Sang-mok", "Jamieson Greer", "--k", "1", "--graph", str(graph_dir)
    )
    assert exit_code == 0
    assert stdout.strip() == (
        "Choi Sang-mok —attended→ Korea-U.S. 2+2 Trade Dialogue (2025-04-24) ←attended— Jamieson Greer"
    )
    exit_code, stdout, _ = _run("neighbors", "Choi Sang-mok", "--depth", "1", "--graph", str(graph_dir))
    assert exit_code == 0 and "—holds→ Minister of Economy and Finance" in stdout


def test_cli_query_timeline(graph_dir: Path) -> None:
    exit_code, stdout, _ = _run(
        "timeline", "--countries", "Korea,US", "--from", "2025-04-20", "--json", "--graph", str(graph_dir)
    )
    assert exit_code == 0
    dates = [event["date"] for event in json.loads(stdout)["events"]]
    assert dates == sorted(dates) and dates[0] == "2025-04-24"


def test_cli_query_timeout_is_e011_in_a_process(graph_dir: Path) -> None:
    import subprocess
    import sys

    heavy = "SELECT (COUNT(*) AS ?n) WHERE { ?a a ?t . ?d ?e ?f . ?g ?h ?i }"
    done = subprocess.run(
        [sys.executable, "-m", "kg.cli.main", "query", heavy, "--timeout", "0.02", "--graph", str(graph_dir)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 5
    assert done.stderr.startswith("error[E011]:") and done.stderr.count("\n") == 1


def test_cli_query_long_inline_query_is_no_file_name(graph_dir: Path) -> None:
    # longer than any file name the system allows: read as the query, never as a path
    padding = " ".join(f"?v{i}" for i in range(60))
    sparql = f"SELECT ?n {padding} WHERE {{ ?c a schema:Country ; skos:prefLabel ?n }} LIMIT 1"
    assert len(sparql) > 255 and "\n" not in sparql
    exit_code, stdout, stderr = _run("query", sparql, "--graph", str(graph_dir))
    assert exit_code == 0 and "1 row" in stdout and "Traceback" not in stderr
