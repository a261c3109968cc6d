"""Every named query in queries/ answers the fixture graph as expected."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from kg.ask import ask, list_queries
from kg.query import QueryResult
from kg.store import open_store

FIXTURE = Path(__file__).parent / "fixtures" / "query" / "kg.trig"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Any:
    graph_dir = tmp_path_factory.mktemp("graph")
    shutil.copy(FIXTURE, graph_dir / "kg.trig")
    return open_store(graph_dir)


def _col(result: QueryResult, name: str) -> list[str]:
    return [row[name].compact() if row.get(name) is not None else "" for row in result.rows]  # type: ignore[union-attr]


def test_ask_every_query_has_description_and_test() -> None:
    names = [query.name for query in list_queries()]
    assert len(names) >= 16
    for query in list_queries():
        assert query.description, query.name
    tested = {
        name.removeprefix("test_ask_").replace("_", "-") for name in globals() if name.startswith("test_ask_")
    }
    assert set(names) <= tested, sorted(set(names) - tested)


def test_ask_tariffs_on(store: Any) -> None:
    result = ask(store, "tariffs-on", {"imposer": "United States", "target": "south korea"})
    found = {(r["rate"].value, r["kind"].value, r["status"].value) for r in result.rows}  # type: ignore[union-attr]
    assert ("25", "reciprocal", "suspended") in found
    assert ("25", "sectoral", "in force") in found
    assert all(r["sentence"] is not None for r in result.rows)
    assert "25 percent reciprocal tariff" in " ".join(_col(result, "sentence"))
    # the ISO code names the same country
    assert len(ask(store, "tariffs-on", {"imposer": "US", "target": "KR"}).rows) == len(result.rows)


def test_ask_holders_of_post(store: Any) -> None:
    result = ask(store, "holders-of-post", {"post": "Trade Representative"})
    assert set(_col(result, "name")) == {"Jamieson Greer"}


def test_ask_posts_of_person(store: Any) -> None:
    result = ask(store, "posts-of-person", {"person": "dukgeun ahn"})
    assert _col(result, "title") == ["Industry Minister", "Trade Minister"]
    assert set(_col(result, "postLabel")) == {"Minister of Trade, Industry and Energy"}


def test_ask_meetings_between(store: Any) -> None:
    result = ask(store, "meetings-between", {"a": "Korea", "b": "United States"})
    assert sorted(zip(_col(result, "start"), _col(result, "doc"), strict=True)) == [
        ("2025-04-24", "000_a.txt"),
        ("2025-04-25", "001_b.txt"),
    ]
    assert set(_col(result, "place")) == {"Washington"}
    assert ask(store, "meetings-between", {"a": "Mexico", "b": "United States"}).rows == []


def test_ask_counterparts(store: Any) -> None:
    result = ask(store, "counterparts", {"person": "Choi Sang-mok"})
    assert set(_col(result, "name")) == {"Jamieson Greer", "Scott Bessent"}  # not fellow Korean Ahn


def test_ask_timeline_between(store: Any) -> None:
    everything = ask(store, "timeline-between", {"a": "South Korea", "b": "United States"})
    assert _col(everything, "start") == ["2025-04-24", "2025-04-25"]
    one_day = ask(store, "timeline-between", {"a": "KR", "b": "US", "from": "2025-04-25", "to": "2025-04-30"})
    assert _col(one_day, "start") == ["2025-04-25"]


def test_ask_products_covered(store: Any) -> None:
    result = ask(store, "products-covered", {"imposer": "United States"})
    assert _col(result, "productLabel") == ["automobiles"]
    assert _col(result, "tariffs") == ["2"]


def test_ask_rate_history(store: Any) -> None:
    result = ask(store, "rate-history", {"product": "Automobiles"})
    assert list(zip(_col(result, "when"), _col(result, "rate"), strict=True)) == [
        ("2025-04-03", "25"),
        ("2025-08-01", "15"),
    ]


def test_ask_ministries_in_meetings(store: Any) -> None:
    result = ask(store, "ministries-in-meetings", {})
    assert _col(result, "orgLabel") == ["Ministry of Trade, Industry and Energy"]


def test_ask_meetings_on_topic(store: Any) -> None:
    assert _col(ask(store, "meetings-on-topic", {"topic": "Tariff"}), "label") == [
        "Korea-U.S. 2+2 Trade Dialogue"
    ]
    assert ask(store, "meetings-on-topic", {"topic": "semiconductors"}).rows == []


def test_ask_sources_of(store: Any) -> None:
    result = ask(store, "sources-of", {"entity": "Jamieson Greer"})
    assert set(_col(result, "doc")) == {"000_a.txt", "001_b.txt"}
    assert "kgr:membership-a00000000001" not in _col(result, "fact")  # Ahn's post, not Greer's


def test_ask_single_source_facts(store: Any) -> None:
    facts = set(_col(ask(store, "single-source-facts", {}), "fact"))
    assert "kgr:tariff-aaaaaaaaaaa1" in facts
    assert "kgr:person-ahn-duk-geun" not in facts  # two articles support Ahn


def test_ask_low_confidence(store: Any) -> None:
    assert _col(ask(store, "low-confidence", {}), "confidence") == ["0.55", "0.6"]
    assert _col(ask(store, "low-confidence", {"below": "0.58"}), "fact") == ["kgr:person-maria-ortega"]


def test_ask_conflicts(store: Any) -> None:
    result = ask(store, "conflicts", {})
    assert [(r["field"].value, r["value1"].value, r["value2"].value) for r in result.rows] == [  # type: ignore[union-attr]
        ("startDate", "2025-04-24", "2025-04-25")
    ]


def test_ask_new_since(store: Any) -> None:
    result = ask(store, "new-since", {"since": "2025-05-01"})
    assert set(_col(result, "doc")) == {"001_b.txt"}
    assert "kgr:tariff-bbbbbbbbbbb1" in _col(result, "fact")
    assert ask(store, "new-since", {"since": "2025-12-31"}).rows == []


def test_ask_resolve_name(store: Any) -> None:
    assert _col(ask(store, "resolve-name", {"name": "ustr"}), "entity") == ["kgr:org-us-ustr"]
    assert _col(ask(store, "resolve-name", {"name": "Scott Besant"}), "entity") == [
        "kgr:person-scott-bessent"
    ]
