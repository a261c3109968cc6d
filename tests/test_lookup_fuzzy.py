"""kg lookup finds entities despite case, accents, hyphens, word order and misspellings."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from kg.errors import KgError
from kg.lookup import INDEX_NAME, lookup, normalize, rank, resolve
from kg.store import STORE_NAME, open_store

FIXTURE = Path(__file__).parent / "fixtures" / "query" / "kg.trig"
KGR = "https://w3id.org/kg-trade/id/"


@pytest.fixture(scope="module")
def graph(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Any]:
    graph_dir = tmp_path_factory.mktemp("graph")
    shutil.copy(FIXTURE, graph_dir / "kg.trig")
    return graph_dir, open_store(graph_dir)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Ahn Duk-geun", "ahn dukgeun"),
        ("Dukgeun AHN", "ahn dukgeun"),
        ("Sébastien Lécornu", "lecornu sebastien"),
    ],
)
def test_lookup_normalize(text: str, key: str) -> None:
    assert normalize(text) == key


@pytest.mark.parametrize(
    ("name", "entity"),
    [
        ("Dukgeun Ahn", "person-ahn-duk-geun"),
        ("ahn duk geun", "person-ahn-duk-geun"),
        ("Scott Besant", "person-scott-bessent"),
        ("Jamison Greer", "person-jamieson-greer"),
        ("2+2", "meeting-2025-04-24-111111111111"),
        ("ustr", "org-us-ustr"),
        ("Republic of Korea", "country-kr"),
    ],
)
def test_lookup_resolves(graph: tuple[Path, Any], name: str, entity: str) -> None:
    graph_dir, store = graph
    assert resolve(graph_dir, store, name).entity == KGR + entity


def test_lookup_unknown_is_e012_with_suggestions(graph: tuple[Path, Any]) -> None:
    with pytest.raises(KgError) as err:
        resolve(*graph, "Jamal Grieves")
    assert err.value.code == "E012"
    assert "closest" in err.value.message and "Jamieson Greer" in err.value.message


def test_lookup_ambiguous_is_e014(graph: tuple[Path, Any]) -> None:
    with pytest.raises(KgError) as err:
        resolve(*graph, "Minister")
    assert err.value.code == "E014"
    assert "Minister of Economy and Finance" in err.value.message


def test_lookup_rank_orders_best_first() -> None:
    rows = [
        [KGR + "a", "person", "Ahn Duk-geun", normalize("Ahn Duk-geun")],
        [KGR + "b", "person", "Ahn Do-geol", normalize("Ahn Do-geol")],
    ]
    ranked = rank("Dukgeun Ahn", rows)
    assert [c.entity for c in ranked][:1] == [KGR + "a"] and ranked[0].score == 1.0


def test_lookup_report_has_posts_meetings_merges_sources(graph: tuple[Path, Any]) -> None:
    report = lookup(*graph, "Dukgeun Ahn")
    assert report.label == "Ahn Duk-geun" and report.kind == "person"
    assert "Minister Ahn" in report.aliases
    assert report.merges[0]["rule"] == "name.order_insensitive" and report.merges[0]["score"] == 0.95
    assert {p["title"] for p in report.posts} == {"Industry Minister", "Trade Minister"}
    assert all(p["source"]["sentence"] for p in report.posts)
    assert sorted(m["date"] for m in report.meetings) == ["2025-04-24", "2025-04-25"]
    assert "Jamieson Greer" in report.meetings[0]["counterparts"]
    assert report.statements[0]["kind"] == "kgo:Request"
    directions = {(r.direction, r.predicate) for r in report.relations}
    assert ("in", "schema:attendee") in directions and ("out", "org:holds") in directions


def test_lookup_country_report_lists_tariffs(graph: tuple[Path, Any]) -> None:
    report = lookup(*graph, "South Korea")
    roles = {(t["rate_percent"], t["kind"], t["role"]) for t in report.tariffs}
    assert (25.0, "reciprocal", "applies to") in roles


def test_lookup_json_stable_and_cached(graph: tuple[Path, Any]) -> None:
    graph_dir, store = graph
    first = lookup(graph_dir, store, "Scott Besant").to_json()
    assert (graph_dir / STORE_NAME / INDEX_NAME).is_file()
    assert lookup(graph_dir, store, "Scott Besant").to_json() == first
    assert list(first) == [
        "iri", "id", "kind", "label", "matched", "score", "types", "aliases", "merges", "posts", "meetings",
        "tariffs", "statements", "relations",
    ]  # fmt: skip


def test_lookup_repeated_words_must_all_appear() -> None:
    rows = [
        [KGR + "m1", "meeting", "KR-US 2+2 consultation", normalize("KR-US 2+2 consultation")],
        [KGR + "m2", "meeting", "KR-US round 2 working-level talks", normalize("KR-US round 2 working-level talks")],
    ]
    ranked = rank("2+2", rows)
    assert ranked[0].entity == KGR + "m1"
    assert all(c.score < 0.86 for c in ranked[1:])
