"""Byte-identical Turtle and TriG files for a dataset.

rdflib's serializers order subjects but not always objects, and pick prefixes themselves; this
writer sorts every triple and uses one fixed prefix table, so the same graph gives the same bytes.
It covers the subset the builder produces: IRIs and literals, no blank nodes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from rdflib import RDF, BNode, Dataset, Graph, Literal, URIRef
from rdflib.namespace import NamespaceManager
from rdflib.term import Node

from kg.prefixes import PREFIXES as ALL_PREFIXES
from kg.prefixes import turtle_prefixes

# the graph files declare every project prefix but dcterms, which they do not use
PREFIXES: dict[str, str] = {name: iri for name, iri in ALL_PREFIXES.items() if name != "dcterms"}

# A local name written as prefix:local only when it is plainly safe in Turtle; else <full IRI>.
_SAFE_LOCAL = re.compile(r"^[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_-])?$")

_IRI_FORBIDDEN = re.compile(r'[\x00-\x20<>"{}|^`\\]')

# Longest namespace first, so kgr (…/id/) never shadows a longer one sharing its start.
_BY_LENGTH = sorted(PREFIXES.items(), key=lambda item: (-len(item[1]), item[0]))


def _namespace_manager() -> NamespaceManager:
    manager = NamespaceManager(Graph(), bind_namespaces="none")
    for prefix, namespace in sorted(PREFIXES.items()):
        manager.bind(prefix, namespace, override=True, replace=True)
    return manager


_MANAGER = _namespace_manager()


def _iri_text(node: URIRef) -> str:
    text = str(node)
    for prefix, namespace in _BY_LENGTH:
        if text.startswith(namespace):
            local = text[len(namespace):]
            if _SAFE_LOCAL.match(local):
                return f"{prefix}:{local}"
    # Characters Turtle forbids inside <...> are written as \\uXXXX escapes (UCHAR).
    escaped = _IRI_FORBIDDEN.sub(lambda match: f"\\u{ord(match.group()):04X}", text)
    return f"<{escaped}>"


def term_text(node: Node) -> str:
    """The Turtle form of an IRI or literal."""
    if isinstance(node, BNode):
        raise ValueError("blank nodes are not written: every node needs an IRI")
    if isinstance(node, URIRef):
        return _iri_text(node)
    if isinstance(node, Literal):
        if node.datatype is not None:
            lexical = Literal(str(node)).n3()
            return f"{lexical}^^{_iri_text(URIRef(node.datatype))}"
        return node.n3(_MANAGER)
    raise ValueError(f"cannot write {node!r}")


def _predicate_key(predicate: Node) -> tuple[int, str]:
    # rdf:type first, as is usual in Turtle; the rest alphabetically by written form.
    return (0 if predicate == RDF.type else 1, term_text(predicate))


def _subject_blocks(triples: Iterable[tuple[Node, Node, Node]], indent: str) -> list[str]:
    by_subject: dict[str, dict[tuple[int, str], set[str]]] = {}
    for subject, predicate, obj in triples:
        predicates = by_subject.setdefault(term_text(subject), {})
        predicates.setdefault(_predicate_key(predicate), set()).add(term_text(obj))
    blocks: list[str] = []
    for subject_text in sorted(by_subject):
        predicates = by_subject[subject_text]
        lines: list[str] = []
        for key in sorted(predicates):
            predicate_text = "a" if key[0] == 0 else key[1]
            objects = sorted(predicates[key])
            lines.append(f"{indent}    {predicate_text} " + f" ,\n{indent}        ".join(objects))
        blocks.append(f"{indent}{subject_text}\n" + " ;\n".join(lines) + " .\n")
    return blocks


def _header() -> str:
    return turtle_prefixes(PREFIXES)


def turtle_text(graph: Graph) -> str:
    """Sorted Turtle for `graph`."""
    return _header() + "\n" + "\n".join(_subject_blocks(graph, ""))


def trig_text(ds: Dataset) -> str:
    """Sorted TriG for the named graphs of `ds` (the empty default graph is left out)."""
    parts = [_header()]
    named = [g for g in ds.graphs() if len(g) and isinstance(g.identifier, URIRef)]
    for graph in sorted(named, key=lambda item: term_text(item.identifier)):
        body = "\n".join(_subject_blocks(graph, "    "))
        parts.append(f"\n{term_text(graph.identifier)} {{\n{body}}}\n")
    return "".join(parts)


def union_graph(ds: Dataset) -> Graph:
    """Every triple of every graph of `ds`, once."""
    union = Graph()
    for graph in ds.graphs():
        for triple in graph:
            union.add(triple)
    return union


def write_graph_files(ds: Dataset, out_dir: Path) -> list[Path]:
    """Write kg.trig (named graphs) and kg.ttl (their union) into `out_dir`; return both paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    trig_path = out_dir / "kg.trig"
    ttl_path = out_dir / "kg.ttl"
    trig_path.write_bytes(trig_text(ds).encode("utf-8"))
    ttl_path.write_bytes(turtle_text(union_graph(ds)).encode("utf-8"))
    return [trig_path, ttl_path]
