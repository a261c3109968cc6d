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


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from query_trig import small_graph

    return small_graph(tmp_path_factory.mktemp("small"))


def test_paths_meeting_label_says_its_date_once(small: Path) -> None:
    graph = load_graph(small)
    assert graph.label(KGR + "meeting-2025-05-20-aaaaaaaaaaaa") == "Round 2 talks (2025-05-20)"
    assert graph.label(KGR + "meeting-2025-06-01-cccccccccccc") == "Tokyo summit (2025-06-01)"  # date added once


def test_paths_entity_without_relations_is_named(small: Path) -> None:
    graph = load_graph(small)
    with pytest.raises(KgError) as err:
        find_paths(graph, KGR + "person-kim-min-jun", KGR + "person-ana-silva")
    assert err.value.code == "E013"
    assert (err.value.fields["b"], err.value.fields["size_b"]) == ("Ana Silva", 1)
    assert neighbors(graph, KGR + "person-ana-silva", 2) == []


def test_paths_longer_than_max_length_is_e020(small: Path) -> None:
    with pytest.raises(KgError) as err:
        find_paths(load_graph(small), KGR + "person-kim-min-jun", KGR + "person-sato-ken", max_length=3)
    assert err.value.code == "E020" and err.value.fields["shortest"] == 4 and err.value.status == 4


@pytest.mark.parametrize(
    ("options", "option"),
    [({"k": 0}, "--k"), ({"max_length": 0}, "--max-length"), ({"include": ["atendee"]}, "--include"),
     ({"exclude": ["nationalty"]}, "--exclude")],
)  # fmt: skip
def test_paths_options_are_checked(small: Path, options: dict[str, Any], option: str) -> None:
    with pytest.raises(KgError) as err:
        find_paths(load_graph(small), KGR + "person-kim-min-jun", KGR + "person-sato-ken", **options)
    assert err.value.code == "E019" and err.value.fields["path"] == option


def test_paths_verbs_and_names_are_both_accepted(small: Path) -> None:
    graph = load_graph(small)
    a, b = KGR + "person-kim-min-jun", KGR + "person-john-carter"
    assert find_paths(graph, a, b, include=["attended"]) == find_paths(graph, a, b, include=["ATTENDEE"])
    assert find_paths(graph, a, b, exclude=["organizer"])  # known relation, absent from this graph


def test_paths_cache_is_read_without_opening_the_store(small: Path) -> None:
    load_graph(small)  # writes the cache
    cached = load_graph(small)
    assert cached.edges and cached.labels[KGR + "person-ana-silva"] == "Ana Silva"
    assert cached.nx().has_edge(KGR + "person-kim-min-jun", KGR + "country-kr")


def test_paths_relation_phrase_reads_from_the_entity() -> None:
    from kg.paths import relation_phrase

    assert relation_phrase("schema:attendee", outgoing=False) == ("attended", True)  # entity —attended→ meeting
    assert relation_phrase("schema:nationality", outgoing=False) == ("national of", False)  # ←national of— person
    assert relation_phrase("org:memberOf", outgoing=True) == ("member of", True)
    assert relation_phrase("kgo:mergeDecision", outgoing=True) is None
