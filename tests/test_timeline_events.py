"""kg timeline lists dated events in order, filtered by participant, countries and dates."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from kg.errors import KgError
from kg.timeline import timeline

FIXTURE = Path(__file__).parent / "fixtures" / "query" / "kg.trig"
KGR = "https://w3id.org/kg-trade/id/"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Any:
    from kg.store import open_store

    graph_dir = tmp_path_factory.mktemp("graph")
    shutil.copy(FIXTURE, graph_dir / "kg.trig")
    return open_store(graph_dir)


def test_timeline_all_events_in_order(store: Any) -> None:
    events = timeline(store)
    assert [(e.date, e.kind) for e in events] == [
        ("2025-04-03", "tariff"),
        ("2025-04-24", "meeting"),
        ("2025-04-24", "statement"),
        ("2025-04-25", "meeting"),
        ("2025-07-08", "tariff-deadline"),
        ("2025-08-01", "tariff"),
    ]
    assert all(e.sources and all(s.sentence and s.doc for s in e.sources) for e in events)


def test_timeline_participant_filter(store: Any) -> None:
    events = timeline(store, participant=KGR + "person-choi-sang-mok")
    assert [(e.date, [s.doc for s in e.sources]) for e in events] == [
        ("2025-04-24", ["000_a.txt"]),
        ("2025-04-25", ["001_b.txt"]),
    ]


def test_timeline_countries_and_dates(store: Any) -> None:
    events = timeline(
        store,
        countries=[KGR + "country-kr", KGR + "country-us"],
        date_from="2025-04-25",
        date_to="2025-07-31",
    )
    assert [e.date for e in events] == ["2025-04-25", "2025-07-08"]
    assert timeline(store, countries=[KGR + "country-mx"]) == []


def test_timeline_bad_date_is_error(store: Any) -> None:
    with pytest.raises(KgError) as err:
        timeline(store, date_from="April")
    assert err.value.code == "E019"
