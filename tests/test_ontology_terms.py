"""ontology/kg.ttl and shapes.ttl: in step with kg.rdf.namespace, well-formed, linked to standards."""

from __future__ import annotations

import pytest
from rdflib import OWL, RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import PROV, SDO, SH

from kg.rdf.namespace import KGO, KGO_IRI
from kg.resources import ontology_dir


def _ontology() -> Graph:
    return Graph().parse(ontology_dir() / "kg.ttl", format="turtle")


def _namespace_terms() -> set[str]:
    return {name for name in KGO.__annotations__ if not name.startswith("_")}


def _declared_terms(graph: Graph) -> set[str]:
    return {
        str(subject)[len(KGO_IRI) :]
        for subject in graph.subjects(RDF.type, None)
        if isinstance(subject, URIRef) and str(subject).startswith(KGO_IRI)
    }


def test_ontology_terms_namespace_and_ttl_in_step() -> None:
    graph = _ontology()
    assert _namespace_terms() == _declared_terms(graph)


@pytest.mark.parametrize("term", sorted(_namespace_terms()))
def test_ontology_terms_have_label_comment_and_kind(term: str) -> None:
    graph = _ontology()
    subject = URIRef(KGO_IRI + term)
    labels = list(graph.objects(subject, RDFS.label))
    comments = list(graph.objects(subject, RDFS.comment))
    assert labels and all(isinstance(label, Literal) and str(label) for label in labels)
    assert comments and all(len(str(comment)) > 10 for comment in comments)
    kinds = set(graph.objects(subject, RDF.type))
    assert kinds & {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty}
    # Classes start with a capital letter, properties with a lower-case one.
    assert (OWL.Class in kinds) == term[0].isupper()


@pytest.mark.parametrize(
    ("sub", "sup"),
    [
        (KGO.TradeMeeting, SDO.Event),
        (KGO.Evidence, PROV.Derivation),
        (KGO.MergeDecision, PROV.Activity),
        (KGO.Figure, SDO.QuantitativeValue),
        (KGO.Tariff, KGO.TradeMeasure),
        (KGO.Request, KGO.PositionStatement),
        (KGO.Agreement, KGO.PositionStatement),
    ],
)
def test_ontology_terms_subclass_links(sub: URIRef, sup: URIRef) -> None:
    assert (sub, RDFS.subClassOf, sup) in _ontology()


def test_ontology_terms_header_has_version() -> None:
    graph = _ontology()
    ontologies = list(graph.subjects(RDF.type, OWL.Ontology))
    assert len(ontologies) == 1
    assert graph.value(ontologies[0], OWL.versionInfo) is not None


def test_ontology_terms_shapes_use_only_declared_kgo_terms() -> None:
    shapes = Graph().parse(ontology_dir() / "shapes.ttl", format="turtle")
    used = {
        str(node)[len(KGO_IRI) :]
        for triple in shapes
        for node in triple
        if isinstance(node, URIRef) and str(node).startswith(KGO_IRI)
    }
    assert used and used <= _namespace_terms()
    targeted = set(shapes.objects(None, SH.targetClass))
    for cls in (
        KGO.TradeMeeting,
        KGO.Tariff,
        KGO.PositionStatement,
        KGO.Figure,
        KGO.Evidence,
        KGO.MergeDecision,
    ):
        assert cls in targeted
