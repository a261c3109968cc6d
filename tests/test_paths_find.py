"""kg path and kg neighbors walk entity-to-entity relations and print readable chains."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from kg.errors import KgError
from kg.paths import CACHE_NAME, find_paths, format_path, load_graph, neighbors
from kg.store import STORE_NAME, open_store

FIXTURE = Path(__file__).parent / "fixtures" / "query" / "kg.trig"
KGR = "https://w3id.org/kg-trade/id/"


@pytest.fixture(scope="module")
def graph(tmp_path_factory: pytest.TempPathFactory) -> Any:
    graph_dir = tmp_path_factory.mktemp("graph")
    shutil.copy(FIXTURE, graph_dir / "kg.trig")
    entity_graph = load_graph(graph_dir, open_store(graph_dir))
    assert (graph_dir / STORE_NAME / CACHE_NAME).is_file()
    return entity_graph


def test_paths_shortest_via_meeting(graph: Any) -> None:
    paths = find_paths(graph, KGR + "person-choi-sang-mok", KGR + "person-jamieson-greer", k=3)
    assert format_path(paths[0]) == (
        "Choi Sang-mok —attended→ Korea-U.S. 2+2 Trade Dialogue (2025-04-24) ←attended— Jamieson Greer"
    )
    assert len(paths) == 3
    assert [len(p) for p in paths] == sorted(len(p) for p in paths)


def test_paths_exclude_and_include(graph: Any) -> None:
    a, b = KGR + "person-choi-sang-mok", KGR + "person-jamieson-greer"
    without = find_paths(graph, a, b, k=5, exclude=["attendee"])
    assert all("attended" not in format_path(p) for p in without)
    only = find_paths(graph, a, b, k=5, include=["attendee"])
    assert all(step.verb == "attended" for p in only for step in p[1:])


def test_paths_membership_contracted(graph: Any) -> None:
    paths = find_paths(graph, KGR + "person-ahn-duk-geun", KGR + "org-kr-motie", k=1)
    assert format_path(paths[0]) == "Ahn Duk-geun —member of→ Ministry of Trade, Industry and Energy"


def test_paths_none_is_e013_with_component_sizes(graph: Any) -> None:
    with pytest.raises(KgError) as err:
        find_paths(graph, KGR + "person-choi-sang-mok", KGR + "person-maria-ortega")
    assert err.value.code == "E013"
    assert err.value.fields["size_b"] == 1 and int(str(err.value.fields["size_a"])) > 10


def test_paths_max_length_respected(graph: Any) -> None:
    with pytest.raises(KgError):
        find_paths(graph, KGR + "person-choi-sang-mok", KGR + "place-washington", max_length=1)
    assert find_paths(graph, KGR + "person-choi-sang-mok", KGR + "place-washington", max_length=2)


def test_paths_neighbors_by_depth(graph: Any) -> None:
    near = neighbors(graph, KGR + "person-choi-sang-mok", 1)
    assert {steps[-1].label for _, steps in near} == {
        "Korea-U.S. 2+2 Trade Dialogue (2025-04-24)",
        "Minister of Economy and Finance",
        "South Korea",
    }
    two = neighbors(graph, KGR + "person-choi-sang-mok", 2)
    assert {d for d, _ in two} == {1, 2}
    assert "Jamieson Greer" in {steps[-1].label for _, steps in two}


def test_paths_cached_graph_gives_same_answers(tmp_path: Path) -> None:
    shutil.copy(FIXTURE, tmp_path / "kg.trig")
    store = open_store(tmp_path)
    fresh = load_graph(tmp_path, store)
    cached = load_graph(tmp_path, store)  # read back from path-graph.pickle
    assert type(cached) is not type(fresh)
    a, b = KGR + "person-choi-sang-mok", KGR + "person-jamieson-greer"
    for options in ({}, {"exclude": ["nationality"]}, {"include": ["attendee"]}):
        assert [format_path(p) for p in find_paths(cached, a, b, k=3, **options)] == [  # type: ignore[arg-type]
            format_path(p) for p in find_paths(fresh, a, b, k=3, **options)  # type: ignore[arg-type]
        ]
    assert neighbors(cached, a, 2) == neighbors(fresh, a, 2)
