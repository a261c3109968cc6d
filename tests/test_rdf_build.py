"""kg.rdf.build: ids, literals, named-graph placement and SHACL conformance of built graphs."""

from __future__ import annotations

import importlib.util
from datetime import date
from pathlib import Path
from types import ModuleType

import pytest
from rdflib import RDF, XSD, Dataset, Graph, Literal, URIRef
from rdflib.namespace import ORG, PROV, SDO, SKOS

from kg.model import DocExtraction, Document, Evidence, Meeting, Resolution, Tariff
from kg.rdf.build import build_dataset, decimal_literal, iri, slug
from kg.rdf.namespace import KGO, KGR
from kg.rdf.serialize import union_graph
from kg.rdf.validate import validate

GOLDEN = Path(__file__).parent / "golden"


def load_case(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"golden_{name}", GOLDEN / name / "input.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def build_case(name: str) -> Dataset:
    module = load_case(name)
    return build_dataset(module.resolution(), getattr(module, "PRODUCTS", None))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("000_f91083b060d69e82", "000-f91083b060d69e82"),
        ("Ahn Duk-geun", "ahn-duk-geun"),
        ("Président  Macron!", "president-macron"),
        ("--U.S./Korea--", "u-s-korea"),
    ],
)
def test_rdf_build_slug_normalises(text: str, expected: str) -> None:
    assert slug(text) == expected


def test_rdf_build_iri_refuses_slash() -> None:
    assert iri("person-a") == KGR["person-a"]
    with pytest.raises(ValueError):
        iri("person/a")


@pytest.mark.parametrize(
    ("value", "places", "lexical"),
    [
        (25.0, None, "25"),
        (2.5, None, "2.5"),
        (0.899, 2, "0.9"),
        (1.0, 2, "1"),
        (0.125, 2, "0.12"),
        (55.6e9, None, "55600000000"),
    ],
)
def test_rdf_build_decimal_lexical_form(value: float, places: int | None, lexical: str) -> None:
    literal = decimal_literal(value, places)
    assert str(literal) == lexical
    assert literal.datatype == XSD.decimal


def test_rdf_build_person_with_two_posts() -> None:
    merged = union_graph(build_case("person_two_posts"))
    person = KGR["person-kim-min-jun"]
    assert set(merged.objects(person, ORG.holds)) == {
        KGR["post-kr-trade-minister"],
        KGR["post-chair-export-council"],
    }
    memberships = set(merged.subjects(ORG.member, person))
    assert len(memberships) == 2
    assert {merged.value(m, KGO.post) for m in memberships} == set(merged.objects(person, ORG.holds))
    assert merged.value(KGR["post-kr-trade-minister"], ORG.postIn) == KGR["org-kr-motie"]
    assert merged.value(person, SKOS.prefLabel) == Literal("Kim Min-jun")
    assert (person, KGO.mergeDecision, None) in merged


def test_rdf_build_meeting_conflicting_dates_stay_in_their_document_graphs() -> None:
    ds = build_case("meeting_conflicting_dates")
    meeting = KGR["meeting-2025-07-03-0a1b2c3d4e5f"]
    graph_a = ds.graph(KGR["graph-020-first"])
    graph_b = ds.graph(KGR["graph-021-second"])
    assert set(graph_a.objects(meeting, SDO.startDate)) == {Literal("2025-07-03", datatype=XSD.date)}
    assert set(graph_b.objects(meeting, SDO.startDate)) == {Literal("2025-07-04", datatype=XSD.date)}
    assert len(set(union_graph(ds).objects(meeting, SDO.startDate))) == 2
    # Each document's evidence sits in that document's graph.
    for graph, doc in ((graph_a, KGR["doc-020-first"]), (graph_b, KGR["doc-021-second"])):
        evidence = set(graph.objects(meeting, PROV.qualifiedDerivation))
        assert evidence and all(graph.value(ev, PROV.entity) == doc for ev in evidence)
    # Labels and reference facts go to the resolution graph only.
    resolution = ds.graph(KGR["graph-resolution"])
    assert resolution.value(meeting, SKOS.prefLabel) == Literal("Korea-U.S. trade talks")
    assert (meeting, SKOS.prefLabel, None) not in graph_a
    venue = graph_b.value(meeting, SDO.location)
    assert venue == KGR["place-commerce-building"]
    assert graph_b.value(venue, SDO.containedInPlace) == KGR["place-washington"]
    assert (KGR["statement-111111111111"], RDF.type, KGO.Request) in graph_a


def test_rdf_build_tariff_replaces_older_one() -> None:
    merged = union_graph(build_case("tariff_replaces"))
    new, old = KGR["tariff-bbbbbbbbbbbb"], KGR["tariff-aaaaaaaaaaaa"]
    assert merged.value(new, KGO.replaces) == old
    assert merged.value(new, KGO.ratePercent) == Literal("15", datatype=XSD.decimal)
    assert merged.value(old, KGO.status) == Literal("previous")
    product = KGR["product-automobiles"]
    assert merged.value(product, SKOS.notation) == Literal("87")
    assert (product, RDF.type, SKOS.Concept) in merged


@pytest.mark.parametrize("case", ["person_two_posts", "meeting_conflicting_dates", "tariff_replaces"])
def test_rdf_build_cases_conform_to_shapes(case: str) -> None:
    conforms, report = validate(union_graph(build_case(case)))
    assert conforms, report


def _tariff_resolution(
    status: str = "announced", confidence: float = 0.9, with_evidence: bool = True
) -> Resolution:
    text = "The U.S. imposed a 25% tariff on steel."
    doc = Document(doc_id="040_bad.txt", text=text, sha256="e" * 64)
    evidence = [Evidence(doc.doc_id, 19, 22, text, 0, "tariff.rate", confidence)] if with_evidence else []
    tariff = Tariff("t1", 25.0, imposed_by="US", status=status, evidence=evidence)
    return Resolution(
        extractions=[DocExtraction(doc=doc, tariffs=[tariff])], ids={(doc.doc_id, "t1"): "tariff-x"}
    )


@pytest.mark.parametrize(
    ("broken", "expected_in_report"),
    [
        ({"with_evidence": False}, "qualifiedDerivation"),
        ({"confidence": 1.7}, "confidence"),
        ({"status": "rumoured"}, "status"),
    ],
)
def test_rdf_build_broken_node_does_not_conform(broken: dict[str, object], expected_in_report: str) -> None:
    assert validate(union_graph(build_dataset(_tariff_resolution())))[0]
    conforms, report = validate(union_graph(build_dataset(_tariff_resolution(**broken))))  # type: ignore[arg-type]
    assert not conforms
    assert expected_in_report in report


def test_rdf_build_evidence_without_document_type_does_not_conform() -> None:
    merged = union_graph(build_dataset(_tariff_resolution()))
    merged.remove((KGR["doc-040-bad"], RDF.type, SDO.NewsArticle))
    assert not validate(merged)[0]


def test_rdf_build_unknown_local_id_gets_stable_hashed_id() -> None:
    doc = Document(doc_id="050_x.txt", text="Talks.", sha256="f" * 64)
    meeting = Meeting("m9", "talks", evidence=[Evidence(doc.doc_id, 0, 5, "Talks.", 0, "meeting.word", 0.6)])
    res = Resolution(extractions=[DocExtraction(doc=doc, meetings=[meeting])])
    first = union_graph(build_dataset(res))
    second = union_graph(build_dataset(res))
    meetings = set(first.subjects(RDF.type, KGO.TradeMeeting))
    assert meetings == set(second.subjects(RDF.type, KGO.TradeMeeting))
    assert all(str(m).startswith(str(KGR) + "meeting-") for m in meetings)


def test_rdf_build_does_not_change_the_resolution() -> None:
    res = load_case("tariff_replaces").resolution()
    before = (dict(res.ids), dict(res.pref_labels), dict(res.alt_labels))
    build_dataset(res)
    assert (dict(res.ids), dict(res.pref_labels), dict(res.alt_labels)) == before


def test_rdf_build_document_node() -> None:
    merged: Graph = union_graph(build_case("person_two_posts"))
    doc = KGR["doc-010-person"]
    assert merged.value(doc, SDO.datePublished) == Literal(date(2025, 7, 1).isoformat(), datatype=XSD.date)
    assert merged.value(doc, SDO.url) == URIRef("https://example.org/a")
    assert merged.value(doc, KGO.fileName) == Literal("010_person.txt")


def test_rdf_build_statement_subclass_is_validated_through_ontology() -> None:
    merged = union_graph(build_case("meeting_conflicting_dates"))
    statement = KGR["statement-111111111111"]
    assert validate(merged)[0]
    merged.remove((statement, KGO.actor, None))
    conforms, report = validate(merged)
    assert not conforms
    assert "statement-111111111111" in report
