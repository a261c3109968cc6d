"""kg timeline gives each event once, with its places, parties and every source, from a cache that
follows kg.trig."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from kg.store import STORE_NAME, open_store
from kg.timeline import CACHE_NAME, events_json, timeline
from query_trig import KGR, small_graph

MEETING = KGR + "meeting-2025-05-20-aaaaaaaaaaaa"


@pytest.fixture(scope="module")
def graph_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return small_graph(tmp_path_factory.mktemp("small"))


def test_timeline_meeting_once_per_date_with_all_its_sources(graph_dir: Path) -> None:
    events = [e for e in timeline(None, graph_dir=graph_dir) if e.event == MEETING]
    assert [e.date for e in events] == ["2025-05-20", "2025-05-21"]  # the third article's date stays apart
    may20, may21 = events
    assert [(s.doc, s.sentence) for s in may20.sources] == [
        ("000-a.txt", "Kim asked Carter for a lower tariff on cars."),
        ("000-a.txt", "Kim met John Carter in Seoul on May 20."),
        ("001-b.txt", "The second round opened on Tuesday."),
    ]
    assert [s.doc for s in may21.sources] == ["002-c.txt"]


def test_timeline_places_come_from_the_articles_that_give_the_date(graph_dir: Path) -> None:
    by_date = {e.date: e for e in timeline(None, graph_dir=graph_dir) if e.kind == "meeting"}
    assert by_date["2025-05-20"].places == ["Seoul"]
    assert by_date["2025-05-21"].places == ["Washington"]
    assert by_date["2025-06-01"].places == ["Tokyo"]


def test_timeline_parties_have_labels_kinds_and_roles(graph_dir: Path) -> None:
    events = timeline(None, graph_dir=graph_dir)
    meeting = next(e for e in events if e.event == MEETING)
    assert [(p.label, p.kind) for p in meeting.parties] == [
        ("John Carter", "person"), ("Kim Min-jun", "person"), ("Lee Ji-ho", "person"),
        ("South Korea", "country"), ("United States", "country"),
    ]  # fmt: skip
    tariff = next(e for e in events if e.kind == "tariff")
    assert tariff.label == "25% reciprocal tariff takes effect"
    assert [(p.role, p.label) for p in tariff.parties] == [("imposer", "United States"), ("target", "South Korea")]
    request = next(e for e in events if e.kind == "statement")
    assert [(p.role, p.label) for p in request.parties] == [("actor", "Kim Min-jun"), ("counterpart", "John Carter")]


def test_timeline_filters(graph_dir: Path) -> None:
    lee = timeline(None, graph_dir=graph_dir, participant=KGR + "person-lee-ji-ho")
    assert [(e.date, e.kind) for e in lee] == [("2025-05-20", "meeting"), ("2025-05-21", "meeting")]
    kr_us = timeline(None, graph_dir=graph_dir, countries=[KGR + "country-kr", KGR + "country-us"])
    assert [e.date for e in kr_us] == ["2025-04-09", "2025-05-20", "2025-05-20", "2025-05-21"]  # not Tokyo
    window = timeline(
        None, graph_dir=graph_dir, countries=[KGR + "country-us"], date_from="2025-05-21", date_to="2025-06-01"
    )
    assert [(e.date, e.kind) for e in window] == [("2025-05-21", "meeting"), ("2025-06-01", "meeting")]
    assert timeline(None, graph_dir=graph_dir, participant=KGR + "person-ana-silva") == []
    assert timeline(None, graph_dir=graph_dir, countries=[KGR + "country-mx"]) == []


def test_timeline_json_is_one_object_per_event_with_sources(graph_dir: Path) -> None:
    data = events_json(timeline(None, graph_dir=graph_dir))
    assert len(data) == len({(e["event"], e["kind"], e["date"]) for e in data}) == 5
    first = data[1]
    assert list(first) == ["date", "kind", "label", "event", "places", "parties", "sources"]
    assert first["sources"][0] == {"doc": "000-a.txt", "sentence": "Kim asked Carter for a lower tariff on cars."}
    assert first["parties"][0] == {
        "iri": KGR + "person-john-carter", "label": "John Carter", "kind": "person", "role": "attendee",
    }  # fmt: skip


def test_timeline_cache_matches_the_store_and_follows_kg_trig(tmp_path: Path) -> None:
    graph_dir = small_graph(tmp_path / "g")
    direct = timeline(open_store(graph_dir))  # no cache: straight from the store
    assert timeline(None, graph_dir=graph_dir) == direct
    assert (graph_dir / STORE_NAME / CACHE_NAME).is_file()
    assert timeline(None, graph_dir=graph_dir) == direct  # read back from the cache
    trig = graph_dir / "kg.trig"
    trig.write_text(trig.read_text(encoding="utf-8").replace('"2025-06-01"^^xsd:date', '"2025-06-02"^^xsd:date'))
    assert [e.date for e in timeline(None, graph_dir=graph_dir)][-1] == "2025-06-02"


def test_timeline_store_copy_without_cache(tmp_path: Any, graph_dir: Path) -> None:
    shutil.copy(graph_dir / "kg.trig", tmp_path / "kg.trig")
    assert [e.date for e in timeline(None, graph_dir=tmp_path)] == [
        "2025-04-09", "2025-05-20", "2025-05-20", "2025-05-21", "2025-06-01",
    ]  # fmt: skip
