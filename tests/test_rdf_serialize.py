"""kg.rdf.serialize: byte-identical, sorted, parseable Turtle and TriG."""

from __future__ import annotations

import dataclasses
import importlib.util
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from rdflib import RDF, BNode, Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import SKOS

from kg.model import Resolution
from kg.rdf.build import build_dataset
from kg.rdf.namespace import KGR
from kg.rdf.serialize import PREFIXES, trig_text, turtle_text, union_graph, write_graph_files

GOLDEN = Path(__file__).parent / "golden"


def load_case(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"golden_{name}", GOLDEN / name / "input.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _reversed(res: Resolution) -> Resolution:
    """The same content with every list and mapping in the opposite order."""
    extractions = []
    for ex in reversed(res.extractions):
        fields: dict[str, Any] = {}
        for field in dataclasses.fields(ex):
            value = getattr(ex, field.name)
            fields[field.name] = list(reversed(value)) if isinstance(value, list) else value
        extractions.append(dataclasses.replace(ex, **fields))
    return Resolution(
        extractions=extractions,
        ids=dict(reversed(list(res.ids.items()))),
        pref_labels=dict(reversed(list(res.pref_labels.items()))),
        alt_labels={
            key: set(sorted(value, reverse=True)) for key, value in reversed(list(res.alt_labels.items()))
        },
        merges=list(reversed(res.merges)),
    )


@pytest.mark.parametrize("case", ["person_two_posts", "meeting_conflicting_dates", "tariff_replaces"])
def test_rdf_serialize_byte_identical_for_any_input_order(case: str, tmp_path: Path) -> None:
    module = load_case(case)
    products = getattr(module, "PRODUCTS", None)
    first = write_graph_files(build_dataset(module.resolution(), products), tmp_path / "a")
    second = write_graph_files(build_dataset(_reversed(module.resolution()), products), tmp_path / "b")
    assert [path.name for path in first] == ["kg.trig", "kg.ttl"]
    for one, two in zip(first, second, strict=True):
        assert one.read_bytes() == two.read_bytes()
        assert b"\r\n" not in one.read_bytes()


@pytest.mark.parametrize("case", ["person_two_posts", "meeting_conflicting_dates", "tariff_replaces"])
def test_rdf_serialize_round_trips(case: str, tmp_path: Path) -> None:
    module = load_case(case)
    ds = build_dataset(module.resolution(), getattr(module, "PRODUCTS", None))
    trig_path, ttl_path = write_graph_files(ds, tmp_path)
    assert isomorphic(Graph().parse(ttl_path, format="turtle"), union_graph(ds))
    parsed = Dataset()
    parsed.parse(trig_path, format="trig")
    names = {g.identifier for g in ds.graphs() if len(g)}
    assert {g.identifier for g in parsed.graphs() if len(g)} == names
    for name in names:
        assert isomorphic(parsed.graph(name), ds.graph(name)), name


@pytest.mark.parametrize(
    "literal",
    [
        Literal('He said "no" \\ then\nleft'),
        Literal("Séoul – 서울"),
        Literal("tab\there"),
        Literal("hello", lang="en"),
        Literal("true", datatype=URIRef("http://www.w3.org/2001/XMLSchema#boolean")),
    ],
)
def test_rdf_serialize_escapes_literals(literal: Literal) -> None:
    graph = Graph()
    graph.add((KGR["x"], SKOS.altLabel, literal))
    graph.add((URIRef("https://example.org/a b>c/"), RDF.type, KGR["odd."]))
    # Plain set comparison: rdflib's isomorphic() itself refuses the odd IRI.
    assert set(Graph().parse(data=turtle_text(graph), format="turtle")) == set(graph)


def test_rdf_serialize_fixed_prefixes_and_no_blank_nodes() -> None:
    assert sorted(PREFIXES) == sorted(
        ["kgo", "kgr", "org", "schema", "skos", "prov", "rdfs", "rdf", "xsd", "owl"]
    )
    text = trig_text(build_dataset(load_case("tariff_replaces").resolution()))
    assert [line for line in text.splitlines() if line.startswith("@prefix")] == [
        f"@prefix {prefix}: <{PREFIXES[prefix]}> ." for prefix in sorted(PREFIXES)
    ]
    graph = Graph()
    graph.add((BNode(), RDF.type, SKOS.Concept))
    with pytest.raises(ValueError):
        turtle_text(graph)
