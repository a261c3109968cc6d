"""From an RDF graph (docs/graph-shape.md) to the nodes, edges and side-panel facts a view draws.

Documents and evidence are not drawn: they become the `sources` of the nodes they support.
Everything is sorted so the same graph always gives the same view.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections import deque
from dataclasses import dataclass, field
from datetime import date

from rdflib import RDF, RDFS, SKOS, Dataset, Graph, Literal, URIRef
from rdflib.graph import ConjunctiveGraph
from rdflib.namespace import PROV, SDO, Namespace
from rdflib.term import Node

from kg.errors import KgError
from kg.rdf.namespace import KGO, KGR

ORG = Namespace("http://www.w3.org/ns/org#")

# Class key -> the rdf:types that make a node of that class; the first match in this order wins.
CLASS_TYPES: tuple[tuple[str, tuple[URIRef, ...]], ...] = (
    ("meeting", (KGO.TradeMeeting,)),
    ("tariff", (KGO.Tariff, KGO.TradeMeasure)),
    ("person", (SDO.Person,)),
    ("country", (SDO.Country,)),
    ("post", (ORG.Post,)),
    ("organization", (ORG.Organization, SDO.GovernmentOrganization, SDO.Organization)),
    ("place", (SDO.Place,)),
    ("product", ()),  # recognised by skos:inScheme kgr:products or being covered by a tariff
)
CLASSES: tuple[str, ...] = tuple(key for key, _ in CLASS_TYPES)

# Forms a user may type for a class on the command line.
_CLASS_ALIASES = {
    "people": "person", "persons": "person", "org": "organization", "orgs": "organization",
    "organisation": "organization", "organizations": "organization", "countries": "country",
    "posts": "post", "meetings": "meeting", "event": "meeting", "events": "meeting",
    "tariffs": "tariff", "measure": "tariff", "products": "product", "places": "place",
}

# Edges never drawn: links to documents/evidence (panel data) and labels.
_SKIPPED_PREDICATES = {
    RDF.type, SDO.mentions, PROV.wasDerivedFrom, PROV.qualifiedDerivation, KGO.mergeDecision,
}


@dataclass(frozen=True)
class Source:
    """One sentence supporting a node, with the article it comes from."""

    sentence: str
    headline: str
    outlet: str
    published: str
    url: str
    file_name: str
    rule: str

    def as_json(self) -> dict[str, str]:
        return {
            "sentence": self.sentence, "headline": self.headline, "outlet": self.outlet,
            "published": self.published, "url": self.url, "file": self.file_name, "rule": self.rule,
        }


@dataclass
class ViewNode:
    id: str
    cls: str
    label: str
    aliases: list[str] = field(default_factory=list)
    posts: list[str] = field(default_factory=list)
    dates: list[str] = field(default_factory=list)  # ISO dates of the node itself (meetings, tariffs)
    source_dates: list[str] = field(default_factory=list)  # publication dates of its articles
    sources: list[Source] = field(default_factory=list)
    facts: list[tuple[str, str]] = field(default_factory=list)  # (property, value) literals for the panel


@dataclass(frozen=True, order=True)
class ViewEdge:
    source: str
    relation: str
    target: str


@dataclass
class ViewData:
    nodes: dict[str, ViewNode]
    edges: list[ViewEdge]


def union_graph(graph: Graph) -> Graph:
    """All triples of a Graph, Dataset or ConjunctiveGraph as one plain Graph (named graphs merged)."""
    if isinstance(graph, Dataset | ConjunctiveGraph):
        merged = Graph()
        for subj, pred, obj, _ctx in graph.quads((None, None, None, None)):
            merged.add((subj, pred, obj))
        return merged
    return graph


def local_name(term: Node) -> str:
    text = str(term)
    for sep in ("#", "/"):
        if sep in text:
            text = text.rsplit(sep, 1)[1]
    return text


def _text(graph: Graph, subject: Node, *predicates: URIRef) -> str:
    for pred in predicates:
        values = sorted(str(v) for v in graph.objects(subject, pred) if isinstance(v, Literal))
        if values:
            return values[0]
    return ""


def _classify(graph: Graph, subject: URIRef, products: set[URIRef]) -> str | None:
    types = set(graph.objects(subject, RDF.type))
    for key, rdf_types in CLASS_TYPES:
        if any(t in types for t in rdf_types):
            return key
    if subject in products:
        return "product"
    return None


def _sources(graph: Graph, fact: Node) -> list[Source]:
    found: list[Source] = []
    for ev in graph.objects(fact, PROV.qualifiedDerivation):
        doc = next(iter(sorted(graph.objects(ev, PROV.entity), key=str)), None)
        url = ""
        if doc is not None:
            urls = sorted(str(u) for u in graph.objects(doc, SDO.url))
            url = urls[0] if urls else ""
        found.append(Source(
            sentence=_text(graph, ev, KGO.sentenceText),
            headline=_text(graph, doc, SDO.headline) if doc is not None else "",
            outlet=_text(graph, doc, SDO.publisher) if doc is not None else "",
            published=_text(graph, doc, SDO.datePublished) if doc is not None else "",
            url=url,
            file_name=_text(graph, doc, KGO.fileName) if doc is not None else "",
            rule=_text(graph, ev, KGO.rule),
        ))
    return found


def extract_view_data(graph: Graph) -> ViewData:
    """Nodes of the drawn classes, the relations between them, and their panel facts."""
    graph = union_graph(graph)
    products = {o for o in graph.objects(None, KGO.coversProduct) if isinstance(o, URIRef)}
    products |= {s for s in graph.subjects(SKOS.inScheme, KGR.products) if isinstance(s, URIRef)}
    nodes: dict[str, ViewNode] = {}
    typed = {s for s in graph.subjects(RDF.type, None) if isinstance(s, URIRef)}
    subjects = sorted(typed | products, key=str)
    for subject in subjects:
        cls = _classify(graph, subject, products)
        if cls is None:
            continue
        label = _text(graph, subject, SKOS.prefLabel, RDFS.label, SDO.name, SKOS.altLabel)
        label = label or local_name(subject)
        aliases = sorted({str(a) for a in graph.objects(subject, SKOS.altLabel)} - {label})
        dates = sorted({
            str(d) for pred in (SDO.startDate, SDO.endDate, KGO.effectiveFrom, KGO.validUntil)
            for d in graph.objects(subject, pred)
        })
        sources = _sources(graph, subject)
        posts: list[str] = []
        for membership in sorted(graph.subjects(ORG.member, subject), key=str):
            post = next(iter(sorted(graph.objects(membership, KGO.post), key=str)), None)
            post_label = _text(graph, post, SKOS.prefLabel) if post is not None else ""
            title = post_label or _text(graph, membership, SDO.jobTitle)
            tenure = _text(graph, membership, KGO.tenure)
            if title:
                posts.append(f"{title} ({tenure})" if tenure else title)
            sources.extend(_sources(graph, membership))
        facts = sorted({
            (local_name(pred), str(obj)) for pred, obj in graph.predicate_objects(subject)
            if isinstance(obj, Literal) and pred not in (SKOS.prefLabel, SKOS.altLabel, RDFS.label)
            and pred not in (KGO.contentHash,)
        })
        nodes[str(subject)] = ViewNode(
            id=str(subject), cls=cls, label=label, aliases=aliases, posts=sorted(set(posts)), dates=dates,
            source_dates=sorted({s.published for s in sources if s.published}),
            sources=sorted(set(sources), key=lambda s: (s.published, s.file_name, s.sentence, s.rule)),
            facts=facts,
        )
    edges: set[ViewEdge] = set()
    for subj, pred, obj in graph:
        if pred in _SKIPPED_PREDICATES or str(subj) not in nodes or str(obj) not in nodes or subj == obj:
            continue
        edges.add(ViewEdge(str(subj), local_name(pred), str(obj)))
    # A person's post links to its organization only through the membership node, which is not drawn.
    for membership in graph.subjects(RDF.type, ORG.Membership):
        org = next(iter(graph.objects(membership, ORG.organization)), None)
        for person in graph.objects(membership, ORG.member):
            if org is not None and str(person) in nodes and str(org) in nodes:
                edges.add(ViewEdge(str(person), "memberOf", str(org)))
    return ViewData(nodes=nodes, edges=sorted(edges))


def normalize_class(name: str) -> str:
    key = name.strip().lower()
    key = _CLASS_ALIASES.get(key, key)
    if key not in CLASSES:
        raise KgError("E019", path="--class", reason=f"unknown class '{name}'; known: {', '.join(CLASSES)}")
    return key


def _name_key(text: str) -> str:
    """Case-, accent-, hyphen- and word-order-insensitive form of a name."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    return " ".join(sorted(re.findall(r"[a-z0-9]+", folded)))


def find_node(data: ViewData, name: str) -> str:
    """The id of the node whose label or alias is `name`; KgError E012 (with suggestions) or E014."""
    wanted = _name_key(name)
    matches = sorted(
        node.id for node in data.nodes.values()
        if wanted and any(_name_key(form) == wanted for form in [node.label, *node.aliases])
    )
    if len(matches) == 1:
        return matches[0]
    if len(matches) > 1:
        labels = ", ".join(f"{data.nodes[m].label} ({local_name(URIRef(m))})" for m in matches)
        raise KgError("E014", name=name, candidates=labels)
    forms = sorted({form for node in data.nodes.values() for form in [node.label, *node.aliases]})
    close = difflib.get_close_matches(name, forms, n=5, cutoff=0.5)
    close += [f for f in forms if wanted and wanted in _name_key(f) and f not in close][: 5 - len(close)]
    suggestions = f"; did you mean: {', '.join(close)}?" if close else ""
    raise KgError("E012", name=name, suggestions=suggestions)


def neighbourhood(data: ViewData, start: str, depth: int) -> set[str]:
    """Ids within `depth` hops of `start`, edges taken in both directions."""
    adjacent: dict[str, list[str]] = {}
    for edge in data.edges:
        adjacent.setdefault(edge.source, []).append(edge.target)
        adjacent.setdefault(edge.target, []).append(edge.source)
    seen = {start}
    queue: deque[tuple[str, int]] = deque([(start, 0)])
    while queue:
        node, dist = queue.popleft()
        if dist >= depth:
            continue
        for other in sorted(adjacent.get(node, [])):
            if other not in seen:
                seen.add(other)
                queue.append((other, dist + 1))
    return seen


def _in_range(values: list[str], date_from: date | None, date_to: date | None) -> bool:
    for value in values:
        try:
            day = date.fromisoformat(value[:10])
        except ValueError:
            continue
        if (date_from is None or day >= date_from) and (date_to is None or day <= date_to):
            return True
    return False


def filter_by_date(data: ViewData, date_from: date | None, date_to: date | None) -> set[str]:
    """Dated nodes (own dates, else their articles' dates) in range, plus undated neighbours of those."""
    kept: set[str] = set()
    undated: set[str] = set()
    for node in data.nodes.values():
        dated = node.dates or node.source_dates
        if not dated:
            undated.add(node.id)
        elif _in_range(node.dates or node.source_dates, date_from, date_to):
            kept.add(node.id)
    in_range = set(kept)  # only dated nodes pull in neighbours: no chains of undated nodes
    for edge in data.edges:
        if edge.source in in_range and edge.target in undated:
            kept.add(edge.target)
        elif edge.target in in_range and edge.source in undated:
            kept.add(edge.source)
    return kept


def restrict(data: ViewData, keep: set[str]) -> ViewData:
    nodes = {k: v for k, v in data.nodes.items() if k in keep}
    edges = [e for e in data.edges if e.source in nodes and e.target in nodes]
    return ViewData(nodes=nodes, edges=edges)
