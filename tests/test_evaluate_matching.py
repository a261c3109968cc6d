"""The scorer's one-to-one meeting matching, product normalisation and gold validation messages,
on small TriG graphs and gold files written by hand."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.errors import KgError
from kg.evaluate import _max_weight_matching, evaluate, load_gold, product_match_keys

_PREFIXES = """@prefix kgo: <https://w3id.org/kg-trade/ontology#> .
@prefix kgr: <https://w3id.org/kg-trade/id/> .
@prefix schema: <https://schema.org/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
"""
_PEOPLE = {"rossi": "Maria Rossi", "okafor": "Chidi Okafor", "tanaka": "Ken Tanaka"}


def _graph(tmp_path: Path, meetings: list[tuple[str, list[str], str | None]], body: str = "") -> Path:
    """A graph of article x.txt: the three people, and meetings (key, attendee keys, date)."""
    lines = [_PREFIXES, "kgr:graph-x {", '    kgr:doc-x a schema:NewsArticle ; kgo:fileName "x.txt" .']
    for key, name in _PEOPLE.items():
        lines.append(f'    kgr:person-{key} a schema:Person ; skos:altLabel "{name}" ; prov:wasDerivedFrom kgr:doc-x .')
    for key, attendees, when in meetings:
        dated = f' ; schema:startDate "{when}"^^xsd:date' if when else ""
        people = ", ".join(f"kgr:person-{a}" for a in attendees)
        lines.append(f'    kgr:meeting-{key} a kgo:TradeMeeting ; rdfs:label "{key}" ; schema:attendee {people}'
                     f"{dated} ; prov:wasDerivedFrom kgr:doc-x .")
    lines += [body, "}"]
    out = tmp_path / "graph"
    out.mkdir()
    (out / "kg.trig").write_text("\n".join(lines), encoding="utf-8")
    return out


def _gold(tmp_path: Path, **records: object) -> Path:
    data = {"article": "x.txt", "people": [{"name": n, "aliases": []} for n in _PEOPLE.values()]}
    data.update(records)
    path = tmp_path / "x.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def _meeting(name: str, people: list[str], when: str | None = None, minor: bool = False) -> dict[str, object]:
    return {"name": name, "participants": [_PEOPLE[p] for p in people], "date": when,
            "date_confidence": "explicit" if when else "unknown", "minor": minor}


@pytest.mark.parametrize("reverse", [False, True])
def test_evaluate_matching_one_graph_meeting_finds_one_gold_meeting(tmp_path: Path, reverse: bool) -> None:
    # Rossi and Okafor met twice; the graph has only the March meeting: the June one is missed,
    # whichever order the gold lists them in, and the date decides which one was found.
    gold = [_meeting("March talks", ["rossi", "okafor"], "2025-03-04"),
            _meeting("June talks", ["rossi", "okafor"], "2025-06-10")]
    graph = _graph(tmp_path, [("m1", ["rossi", "okafor"], "2025-03-04")])
    report = evaluate(graph, load_gold([_gold(tmp_path, meetings=gold[::-1] if reverse else gold)]))
    meetings = report.categories["meetings"]
    assert (meetings.tp, meetings.fn, meetings.fp) == (1, 1, 0)
    assert report.articles[0].misses["meetings"] == ["June talks"]
    assert report.categories["meeting_dates"].tp == 1


def test_evaluate_matching_duplicate_graph_meeting_is_a_false_positive(tmp_path: Path) -> None:
    graph = _graph(tmp_path, [("m1", ["rossi", "okafor"], None), ("m2", ["rossi", "okafor"], None)])
    report = evaluate(graph, load_gold([_gold(tmp_path, meetings=[_meeting("talks", ["rossi", "okafor"])])]))
    meetings = report.categories["meetings"]
    assert (meetings.tp, meetings.matched, meetings.fp) == (1, 1, 1)


def test_evaluate_matching_is_maximum_not_greedy(tmp_path: Path) -> None:
    # m1 fits the Rossi-Okafor talks best (same date), but it is the only meeting that can stand for
    # the Rossi-Tanaka talks; the largest matching pairs the talks with m2 and m1 with Tanaka's.
    graph = _graph(tmp_path, [("m1", ["rossi", "okafor", "tanaka"], "2025-03-04"),
                              ("m2", ["rossi", "okafor"], None)])
    gold = [_meeting("Rossi-Okafor talks", ["rossi", "okafor"], "2025-03-04"),
            _meeting("Rossi-Tanaka talks", ["rossi", "tanaka"])]
    report = evaluate(graph, load_gold([_gold(tmp_path, meetings=gold)]))
    meetings = report.categories["meetings"]
    assert (meetings.tp, meetings.fn, meetings.fp) == (2, 0, 0)


def test_evaluate_matching_minor_gold_meeting_takes_its_graph_meeting(tmp_path: Path) -> None:
    # The graph found only the February meeting (a minor, passing mention): it is not a false positive,
    # and it does not make the main (phone call) meeting found.
    graph = _graph(tmp_path, [("m1", ["rossi", "okafor"], "2025-02-14")])
    gold = [_meeting("phone call", ["rossi", "okafor"], "2025-06-10"),
            _meeting("February meeting", ["rossi", "okafor"], "2025-02-14", minor=True)]
    report = evaluate(graph, load_gold([_gold(tmp_path, meetings=gold)]))
    meetings = report.categories["meetings"]
    assert (meetings.tp, meetings.fn, meetings.fp, meetings.matched) == (0, 1, 0, 1)


@pytest.mark.parametrize(
    ("weights", "pairs"),
    [
        ([], {}),
        ([[0, 0], [0, 0]], {}),
        ([[5, 4], [5, 0]], {0: 1, 1: 0}),  # the largest matching, though 5 + 0 would start greedier
        ([[1, 9, 0], [0, 8, 7]], {0: 1, 1: 2}),
        ([[3], [4], [2]], {1: 0}),
    ],
)
def test_evaluate_matching_hungarian(weights: list[list[int]], pairs: dict[int, int]) -> None:
    assert _max_weight_matching(weights) == pairs


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("cars", "automobiles", True),
        ("Autos", "automobile", True),
        ("aluminium", "aluminum", True),
        ("tyres", "tires", True),
        ("car parts", "auto parts", True),
        ("cars", "auto parts", False),
        ("steel", "aluminium", False),
    ],
)
def test_evaluate_matching_product_names_normalised(a: str, b: str, same: bool) -> None:
    assert bool(product_match_keys(a) & product_match_keys(b)) is same


@pytest.mark.parametrize("written", [["cars"], ["aluminium"], ["Autos", "rice"]])
def test_evaluate_matching_tariff_products_normalised(tmp_path: Path, written: list[str]) -> None:
    body = """    kgr:tariff-t1 a kgo:Tariff ; kgo:ratePercent 25.0 ; kgo:imposedBy kgr:country-ca ;
        kgo:coversProduct kgr:product-automobiles, kgr:product-aluminum ; prov:wasDerivedFrom kgr:doc-x .
    kgr:country-ca a schema:Country ; schema:identifier "CA" ; skos:prefLabel "Canada" .
    kgr:product-automobiles a skos:Concept ; skos:prefLabel "Automobiles" .
    kgr:product-aluminum a skos:Concept ; skos:prefLabel "Aluminum" ."""
    graph = _graph(tmp_path, [], body)
    tariff = {"rate_percent": 25, "imposed_by": "Canada", "applies_to_country": None, "products": written}
    report = evaluate(graph, load_gold([_gold(tmp_path, tariffs=[tariff])]))
    assert report.categories["tariffs"].tp == 1


@pytest.mark.parametrize(
    ("records", "message"),
    [
        ({"meetings": [{"name": "a"}, {"name": "b", "date": "2025-02"}]},
         "meetings[1].date: invalid ISO date '2025-02'"),
        ({"meetings": [{"name": "a", "date": "2025-02-01/March"}]},
         "meetings[0].date: invalid ISO date '2025-02-01/March'"),
        ({"meetings": [{"name": "a", "date_confidence": "sure"}]},
         "meetings[0].date_confidence: expected one of explicit, resolved, inferred, unknown, got 'sure'"),
        ({"tariffs": [{"rate_percent": 10}, {"rate_percent": "ten"}]},
         "tariffs[1].rate_percent: must be a number, got 'ten'"),
        ({"people": [{"name": "Maria Rossi"}, {"aliases": []}]}, "people[1].name: must be a non-empty string"),
        ({"organizations": [{"name": "X", "aliases": "X Ltd"}]},
         "organizations[0].aliases: must be a list of strings"),
    ],
)
def test_evaluate_matching_gold_errors_name_record_and_field(
    tmp_path: Path, records: dict[str, object], message: str
) -> None:
    data = {"article": "x.txt", **records}
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(KgError) as err:
        load_gold([path])
    assert err.value.code == "E016"
    assert message in err.value.message
    assert str(path) in err.value.message
