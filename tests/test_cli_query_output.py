"""What kg lookup, path, neighbors and timeline print: each thing once, no raw ids, no repeated dates,
lines that fit a terminal (only source sentences run long), and one-line errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli.main import app
from query_trig import small_graph

WIDTH = 100  # what the commands fit to when stdout is not a terminal


@pytest.fixture(scope="module")
def graph_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return small_graph(tmp_path_factory.mktemp("small"))


def _run(graph_dir: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, [*args, "--graph", str(graph_dir)])
    return result.exit_code, result.stdout, result.stderr


def _fits(text: str) -> None:
    for line in text.splitlines():
        if not line.lstrip().startswith("["):  # "[doc] sentence" lines are left whole
            assert len(line) <= WIDTH, line


def test_cli_timeline_prints_each_event_once_with_sources_beneath(graph_dir: Path) -> None:
    code, out, _ = _run(graph_dir, "timeline")
    assert code == 0
    lines = out.splitlines()
    headers = [line for line in lines if not line.startswith(" ")]
    assert headers == [
        "2025-04-09  tariff          25% reciprocal tariff takes effect",
        "2025-05-20  meeting         Round 2 talks, in Seoul",  # the label's own date is not repeated
        "2025-05-20  statement       a lower tariff on cars",
        "2025-05-21  meeting         Round 2 talks (2025-05-20), in Washington",
        "2025-06-01  meeting         Tokyo summit, in Tokyo",
    ]
    start = lines.index("2025-05-20  meeting         Round 2 talks, in Seoul")
    assert lines[start + 1 : start + 5] == [
        "            with John Carter; Kim Min-jun; Lee Ji-ho; South Korea; United States",
        "            [000-a.txt] Kim asked Carter for a lower tariff on cars.",
        "            [000-a.txt] Kim met John Carter in Seoul on May 20.",
        "            [001-b.txt] The second round opened on Tuesday.",
    ]
    assert "            United States on South Korea" in lines
    assert "            by Kim Min-jun to John Carter" in lines
    _fits(out)


def test_cli_timeline_filters_and_json(graph_dir: Path) -> None:
    code, out, _ = _run(graph_dir, "timeline", "--participant", "Lee Ji-ho", "--json")
    assert code == 0
    events = json.loads(out)["events"]
    assert [(e["date"], len(e["sources"])) for e in events] == [("2025-05-20", 3), ("2025-05-21", 1)]
    code, out, _ = _run(graph_dir, "timeline", "--countries", "Korea,US", "--from", "2025-05-01", "--to", "2025-05-20")
    assert code == 0
    assert [line[:21] for line in out.splitlines() if not line.startswith(" ")] == [
        "2025-05-20  meeting  ", "2025-05-20  statement",
    ]  # fmt: skip
    code, out, _ = _run(graph_dir, "timeline", "--participant", "Ana Silva")
    assert code == 0 and out == "no dated events match\n"
    code, _, err = _run(graph_dir, "timeline", "--countries", "Kim Min-jun")
    assert code == 3 and err.startswith("error[E019]: --countries: 'Kim Min-jun' is a person, not a country")


def test_cli_lookup_groups_posts_and_keeps_meeting_places_apart(graph_dir: Path) -> None:
    code, out, _ = _run(graph_dir, "lookup", "Kim Min-jun")
    assert code == 0
    lines = out.splitlines()
    post = '    "Trade Minister" → Minister of Trade [current] in Ministry of Trade'
    assert lines.count(post) == 1
    assert lines[lines.index(post) + 1 : lines.index(post) + 3] == [
        "      [000-a.txt] Trade Minister Kim Min-jun led the delegation.",
        "      [001-b.txt] Trade Minister Kim said the talks went well.",
    ]
    assert "    2025-05-20  Round 2 talks, in Seoul" in lines
    assert "    2025-05-21  Round 2 talks (2025-05-20), in Washington" in lines
    assert "    undated  Working-level meeting" in lines  # no place: not every place of the graph
    assert "    —member of→ Ministry of Trade  (000-a.txt, 001-b.txt)" in lines
    assert "    —stated→ statement: a lower tariff on cars  (000-a.txt)" in lines
    assert "membership-" not in out and "statement-st1" not in out
    aliases = [line for line in lines if line.startswith("  also written: ") or line.startswith(" " * 16)]
    assert len(aliases) >= 2 and "Mr. Kim Min-jun" in " ".join(aliases)  # wrapped, none dropped
    _fits(out)


def test_cli_lookup_json_keeps_one_post_per_sentence(graph_dir: Path) -> None:
    code, out, _ = _run(graph_dir, "lookup", "Kim Minjun", "--json")
    assert code == 0
    report = json.loads(out)
    trade = [p for p in report["posts"] if p["title"] == "Trade Minister"]
    assert [p["source"]["doc"] for p in trade] == ["000-a.txt", "001-b.txt"]
    undated = next(m for m in report["meetings"] if m["date"] is None)
    assert undated["places"] == []
    assert {(r["predicate"], r["other_label"]) for r in report["relations"]} >= {("org:memberOf", "Ministry of Trade")}


def test_cli_neighbors_date_once_and_alike_nodes_counted(graph_dir: Path) -> None:
    code, out, _ = _run(graph_dir, "neighbors", "Kim Min-jun")
    assert code == 0
    assert "  1  Kim Min-jun —attended→ Round 2 talks (2025-05-20)\n" in out
    assert "(2025-05-20) (2025-05-20)" not in out
    code, out, _ = _run(graph_dir, "neighbors", "South Korea")
    assert code == 0
    assert "  1  South Korea ←applies to— 25% reciprocal tariff  (×2)" in out.splitlines()
    code, out, _ = _run(graph_dir, "neighbors", "Kim Min-jun", "--depth", "1", "--json")
    assert len(json.loads(out)["neighbors"]) == 6


def test_cli_path_reads_as_relations_and_honours_options(graph_dir: Path) -> None:
    code, out, _ = _run(graph_dir, "path", "Kim Min-jun", "Sato Ken", "--k", "2")
    assert code == 0
    assert out.splitlines() == [
        "Kim Min-jun —attended→ Round 2 talks (2025-05-20) ←attended— United States —attended→ "
        "Tokyo summit (2025-06-01) ←attended— Sato Ken",
        "Kim Min-jun —attended→ Round 2 talks (2025-05-20) ←attended— John Carter —national of→ United States "
        "—attended→ Tokyo summit (2025-06-01) ←attended— Sato Ken",
    ]
    code, out, _ = _run(graph_dir, "path", "Kim Min-jun", "John Carter", "--include", "attendee")
    assert code == 0 and all("—attended→" in line or "←attended—" in line for line in out.splitlines())
    code, out, _ = _run(graph_dir, "path", "Kim Min-jun", "John Carter", "--exclude", "attended")
    assert code == 0 and "attended" not in out


@pytest.mark.parametrize(
    ("args", "status", "start"),
    [
        (["Kim Min-jun", "Sato Ken", "--max-length", "2"], 4,
         "error[E020]: no path between 'Kim Min-jun' and 'Sato Ken' within --max-length 2: the shortest has 4"),
        (["Kim Min-jun", "Ana Silva"], 4, "error[E013]: no path between 'Kim Min-jun' (18 nodes in its component) "
         "and 'Ana Silva' (1 nodes"),
        (["Kim Min-jun", "Sato Kenn Jr"], 4, "error[E012]: no entity named 'Sato Kenn Jr'; closest: Sato Ken"),
        (["Kim Min-jun", "Sato Ken", "--include", "atendee"], 3, "error[E019]: --include: unknown relation 'atendee'"),
        (["Kim Min-jun", "Sato Ken", "--k", "0"], 3, "error[E019]: --k: must be at least 1"),
    ],
)  # fmt: skip
def test_cli_path_errors(graph_dir: Path, args: list[str], status: int, start: str) -> None:
    code, out, err = _run(graph_dir, "path", *args)
    assert (code, out) == (status, "")
    assert err.startswith(start) and err.count("\n") == 1


def test_cli_lookup_names_a_place_by_its_name_not_its_id(graph_dir: Path) -> None:
    code, out, _ = _run(graph_dir, "lookup", "Round 2 talks")
    assert code == 0
    assert "Seoul" in out.split("relations:", 1)[1] and "place-seoul" not in out
