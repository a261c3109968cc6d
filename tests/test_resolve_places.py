"""One place however it is written (kg.resolve.places) and its node in the graph."""

from __future__ import annotations

from rdflib import Literal
from rdflib.namespace import SDO, SKOS

from kg.model import DocExtraction, Document, Meeting, Resolution
from kg.rdf.build import build_dataset
from kg.rdf.namespace import KGR
from kg.resolve import resolve
from kg.resolve.places import place_key, resolve_places


def _extraction(doc_id: str, location: str | None, venue: str | None = None) -> DocExtraction:
    ex = DocExtraction(doc=Document(doc_id, "text", "0"))
    ex.meetings.append(Meeting("m1", "talks", location=location, venue=venue))
    return ex


def test_resolve_places_capital_spellings_are_one_place() -> None:
    extractions = [_extraction(f"{i}.txt", written) for i, written in
                   enumerate(["Washington", "Washington, D.C.", "Washington DC"])]
    res = Resolution(extractions=extractions)
    resolve_places(extractions, res)
    places = {res.places[w] for w in ("Washington", "Washington, D.C.", "Washington DC")}
    assert len(places) == 1
    (place,) = places
    assert (place.gid, place.label, place.country) == ("place-washington", "Washington", "US")


def test_resolve_places_other_places_by_spelling_only() -> None:
    extractions = [_extraction("a.txt", "Geneva", "the White House"), _extraction("b.txt", "Genf", "White House")]
    res = Resolution(extractions=extractions)
    resolve_places(extractions, res)
    assert res.places["the White House"] == res.places["White House"]
    assert res.places["Geneva"] != res.places["Genf"]
    assert res.places["Geneva"].country is None


def test_resolve_places_key_ignores_case_dots_and_article() -> None:
    assert place_key("The White House") == place_key("white house")
    assert place_key("Washington, D.C.") == place_key("washington dc")


def test_resolve_places_graph_has_one_node_with_spellings_as_alt_labels() -> None:
    extractions = [_extraction("a.txt", "Washington, D.C."), _extraction("b.txt", "Washington DC")]
    dataset = build_dataset(resolve(extractions), {})
    union = {t for g in dataset.graphs() for t in g}
    place = KGR["place-washington"]
    assert {o for s, p, o in union if s == place and p == SDO.name} == {Literal("Washington")}
    assert {o for s, p, o in union if s == place and p == SKOS.altLabel} == {
        Literal("Washington, D.C."), Literal("Washington DC")}
    assert (place, SDO.containedInPlace, KGR["country-us"]) in union
