"""SHACL validation of a graph against ontology/shapes.ttl, with ontology/kg.ttl for subclasses."""

from __future__ import annotations

from functools import lru_cache

from rdflib import Graph

from kg.errors import KgError
from kg.resources import ontology_dir


@lru_cache(maxsize=1)
def _load(name: str) -> Graph:
    path = ontology_dir() / name
    if not path.is_file():
        raise KgError("E001", path=path)
    graph = Graph()
    try:
        graph.parse(path, format="turtle")
    except Exception as exc:  # noqa: BLE001 - any parser failure is reported on one line
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise KgError("E008", path=path, reason=reason) from None
    return graph


def shapes_graph() -> Graph:
    return _load("shapes.ttl")


def ontology_graph() -> Graph:
    return _load("kg.ttl")


def validate(graph: Graph) -> tuple[bool, str]:
    """Validate `graph` (normally the merged kg.ttl); return (conforms, readable report).

    The ontology is mixed in (no inference beyond that) so that sh:targetClass kgo:PositionStatement
    reaches kgo:Request nodes through the rdfs:subClassOf triples it declares.
    """
    from pyshacl import validate as shacl_validate

    conforms, _results, report = shacl_validate(
        graph,
        shacl_graph=shapes_graph(),
        ont_graph=ontology_graph(),
        inference="none",
        abort_on_first=False,
        allow_warnings=False,
        advanced=False,
    )
    return bool(conforms), str(report)
