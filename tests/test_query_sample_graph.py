"""The query commands on the real sample graph (graph/kg.trig, built by `kg build`), when it exists."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from kg.ask import ask
from kg.lookup import resolve
from kg.paths import find_paths, format_path, load_graph
from kg.store import open_store

SAMPLE = Path(__file__).parents[1] / "graph" / "kg.trig"
KGR = "https://w3id.org/kg-trade/id/"

pytestmark = pytest.mark.skipif(not SAMPLE.is_file(), reason="graph/kg.trig not built")


@pytest.fixture(scope="module")
def graph(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Any]:
    # a copy, so the test never rebuilds the store another process is reading
    graph_dir = tmp_path_factory.mktemp("sample")
    shutil.copy(SAMPLE, graph_dir / "kg.trig")
    return graph_dir, open_store(graph_dir)


def test_query_sample_tariffs_on_us_korea(graph: tuple[Path, Any]) -> None:
    result = ask(graph[1], "tariffs-on", {"imposer": "United States", "target": "South Korea"})
    kinds = {(row["rate"].value, row["kind"].value) for row in result.rows if row["rate"] and row["kind"]}
    assert ("25", "reciprocal") in kinds and ("25", "sectoral") in kinds
    assert all(row["sentence"] is not None for row in result.rows)


@pytest.mark.parametrize(
    ("name", "entity"),
    [
        ("Dukgeun Ahn", "person-ahn-duk-geun"),
        ("Scott Besant", "person-scott-bessent"),
        ("jamieson greer", "person-jamieson-greer"),
    ],
)
def test_query_sample_lookup(graph: tuple[Path, Any], name: str, entity: str) -> None:
    assert resolve(graph[0], graph[1], name).entity == KGR + entity


def test_query_sample_path_through_meeting(graph: tuple[Path, Any]) -> None:
    graph_dir, store = graph
    a = resolve(graph_dir, store, "Choi Sang-mok").entity
    b = resolve(graph_dir, store, "Jamieson Greer").entity
    best = format_path(find_paths(load_graph(graph_dir, store), a, b, k=1)[0])
    assert best.startswith("Choi Sang-mok —attended→ ") and best.endswith(" ←attended— Jamieson Greer")
