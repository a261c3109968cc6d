"""A customs union is a party to tariffs like a country: found by name, carried by "It", kept out of
guesses, and written to the graph as a kgo:CustomsUnion."""

from __future__ import annotations

from datetime import date

import pytest
from rdflib import RDF, Graph, Literal
from rdflib.namespace import SDO, SKOS

from handmade import extraction_from_names
from kg.extract.events import extract_events
from kg.extract.tariffs import CUSTOMS_UNIONS, customs_unions_in
from kg.model import DocExtraction, Resolution
from kg.rdf.build import build_dataset
from kg.rdf.namespace import KGO, KGR

NAMES = {
    "Chilean": ("country", "CL"),
    "Japanese": ("country", "JP"),
    "Japan": ("country", "JP"),
    "Tokyo": ("country", "JP"),
    "Norwegian": ("country", "NO"),
    "Oslo": ("country", "NO"),
}


def _extract(text: str) -> DocExtraction:
    ex = extraction_from_names(text, date(2025, 10, 1), {w: v for w, v in NAMES.items() if w in text})
    extract_events(ex, None)  # type: ignore[arg-type]
    return ex


@pytest.mark.parametrize(
    ("written", "code"),
    [("the Eurasian Economic Union", "EAEU"), ("SACU members", "SACU"), ("Mercosul", "MERCOSUR")],
)
def test_extract_tariffs_customs_unions_found_by_name(written: str, code: str) -> None:
    assert [c for _, _, c in customs_unions_in(written)] == [code]
    assert code in CUSTOMS_UNIONS


def test_extract_tariffs_customs_unions_acronym_only_in_capitals() -> None:
    assert customs_unions_in("sacu gcc") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the subject, and "It" in the next sentence
        (
            "The Eurasian Economic Union charges 15% on Japanese cars. It levies 10% on Japanese whisky.\n",
            [(15.0, "EAEU", "JP"), (10.0, "EAEU", "JP")],
        ),
        # a possessive imposer, a union as the target
        ("SACU's 20% duty on Chilean wine stays.\nOslo levies 6% on SACU beef.\n",
         [(20.0, "SACU", "CL"), (6.0, "NO", "SACU")]),
    ],
)
def test_extract_tariffs_customs_unions_as_parties(text: str, expected: list[tuple[float, str, str]]) -> None:
    assert [(t.rate_percent, t.imposed_by, t.applies_to) for t in _extract(text).tariffs] == expected


def test_extract_tariffs_customs_unions_pair_in_the_headline() -> None:
    text = "Japan-Mercosur deal nears\n\n- tariffs on Japanese cars to fall from 35% to 10%\n"
    assert {(t.imposed_by, t.applies_to) for t in _extract(text).tariffs} == {("MERCOSUR", "JP")}


def test_extract_tariffs_customs_unions_in_the_graph() -> None:
    ex = _extract("The Eurasian Economic Union charges 15% on Japanese cars.\n")
    ids = {(ex.doc.doc_id, t.local_id): f"tariff-{i}" for i, t in enumerate(ex.tariffs)}
    ids[(ex.doc.doc_id, "JP")] = "country-jp"
    dataset = build_dataset(Resolution(extractions=[ex], ids=ids))
    graph = Graph()
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        graph.add((s, p, o))
    node = KGR["bloc-eaeu"]
    assert (None, KGO.imposedBy, node) in graph
    assert (node, RDF.type, KGO.CustomsUnion) in graph and (node, RDF.type, SDO.Organization) in graph
    assert (node, SKOS.prefLabel, Literal("Eurasian Economic Union")) in graph
    assert (node, SDO.identifier, Literal("EAEU")) in graph
