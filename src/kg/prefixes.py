"""The project's prefix table, one place for all: `kg query` predeclares it, the serializer writes it.

Plain strings, so the query path needs no rdflib import.
"""

from __future__ import annotations

KGO_IRI = "https://w3id.org/kg-trade/ontology#"
KGR_IRI = "https://w3id.org/kg-trade/id/"

PREFIXES: dict[str, str] = {
    "kgo": KGO_IRI,
    "kgr": KGR_IRI,
    "org": "http://www.w3.org/ns/org#",
    "schema": "https://schema.org/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "prov": "http://www.w3.org/ns/prov#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "dcterms": "http://purl.org/dc/terms/",
}


def turtle_prefixes(table: dict[str, str] | None = None) -> str:
    """`@prefix` lines for `table` (default: all of them), sorted by name, each ending in a newline."""
    return "".join(f"@prefix {name}: <{iri}> .\n" for name, iri in sorted((table or PREFIXES).items()))
