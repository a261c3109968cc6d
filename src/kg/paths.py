"""Paths and neighbourhoods between entities over an undirected view of entity-to-entity relations.

The graph is read from the store with one SPARQL query (relations plus the literals that name nodes),
cached next to the store as `path-graph.pickle` keyed to the store's source hash, and held in networkx.
Memberships are contracted into person —member of→ organization edges; evidence, document and label
triples are not relations.
"""

from __future__ import annotations

import pickle
from array import array
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.errors import KgError
from kg.query import select
from kg.store import HASH_NAME, PREFIXES, STORE_NAME

if TYPE_CHECKING:
    import networkx
    import pyoxigraph

CACHE_NAME = "path-graph.pickle"
_ORG, _SDO, _KGO = PREFIXES["org"], PREFIXES["schema"], PREFIXES["kgo"]
_SKOS, _RDFS = PREFIXES["skos"], PREFIXES["rdfs"]

# predicate -> (verb, True when the edge reads subject -> object, False when it reads object -> subject)
RELATIONS: dict[str, tuple[str, bool]] = {
    _ORG + "holds": ("holds", True),
    _ORG + "postIn": ("post in", True),
    _SDO + "attendee": ("attended", False),
    _KGO + "imposedBy": ("imposes", False),
    _KGO + "appliesTo": ("applies to", True),
    _KGO + "actor": ("stated", False),
    _KGO + "counterpart": ("addressed to", True),
    _SDO + "nationality": ("national of", True),
    _KGO + "country": ("of country", True),
    _KGO + "madeAt": ("made at", True),
    _KGO + "coversProduct": ("covers", True),
    _SDO + "location": ("held in", True),
    _SDO + "containedInPlace": ("in", True),
    _KGO + "replaces": ("replaces", True),
    _KGO + "figureSubject": ("about", True),
    _KGO + "requestedBy": ("requested by", True),
    _SDO + "organizer": ("organized", False),
}
# Membership parts, contracted into person -> organization edges.
_MEMBER, _ORGANIZATION = _ORG + "member", _ORG + "organization"
# Literals that name nodes that have no label of their own (meetings get their date added).
_NAMING = (
    _SKOS + "prefLabel",
    _RDFS + "label",
    _SDO + "name",
    _KGO + "ratePercent",
    _KGO + "measureKind",
    _KGO + "content",
    _SDO + "startDate",
)


def _edge_query() -> str:
    predicates = " ".join(f"<{p}>" for p in sorted([*RELATIONS, _MEMBER, _ORGANIZATION, *_NAMING]))
    return f"SELECT DISTINCT ?s ?p ?o WHERE {{ VALUES ?p {{ {predicates} }} ?s ?p ?o }}"


class _CompactAdjacency:
    """Read-only adjacency over integer arrays (compressed rows), cheap to unpickle from the cache."""

    def __init__(self, nodes: list[str], offsets: array[int], targets: array[int], edge_ids: array[int]) -> None:
        self.nodes, self.offsets, self.targets, self.edge_ids = nodes, offsets, targets, edge_ids
        self.index_of = {node: i for i, node in enumerate(nodes)}

    def get(self, node: str, default: Sequence[tuple[str, int]] = ()) -> Sequence[tuple[str, int]]:
        i = self.index_of.get(node)
        if i is None:
            return default
        nodes, targets, edge_ids = self.nodes, self.targets, self.edge_ids
        return [(nodes[targets[j]], edge_ids[j]) for j in range(self.offsets[i], self.offsets[i + 1])]

    @classmethod
    def from_lists(cls, adjacency: dict[str, list[tuple[str, int]]]) -> _CompactAdjacency:
        nodes = sorted(adjacency)
        index_of = {node: i for i, node in enumerate(nodes)}
        offsets, targets, edge_ids = array("i", [0]), array("i"), array("i")
        for node in nodes:
            for nxt, index in adjacency[node]:
                targets.append(index_of[nxt])
                edge_ids.append(index)
            offsets.append(len(targets))
        return cls(nodes, offsets, targets, edge_ids)


Adjacency = dict[str, list[tuple[str, int]]] | _CompactAdjacency


@dataclass
class EntityGraph:
    """Nodes (IRI -> label) and relation edges (subject, verb, object, predicate local name).

    Paths use an adjacency list (kept in the cache as integer arrays); `nx()` gives the same view as a
    networkx graph for library users.
    """

    labels: dict[str, str] = field(default_factory=dict)
    edges: list[tuple[str, str, str, str]] = field(default_factory=list)
    _nx: Any = None
    _adjacency: dict[tuple[tuple[str, ...], tuple[str, ...]], Adjacency] = field(default_factory=dict)

    def nx(self) -> networkx.Graph:
        if self._nx is None:
            import networkx

            graph = networkx.Graph()
            for subject, verb, obj, rel in self.edges:
                if subject != obj and not graph.has_edge(subject, obj):
                    graph.add_edge(subject, obj, verb=verb, source=subject, rel=rel)
            self._nx = graph
        return self._nx

    def adjacency(self, include: list[str], exclude: list[str]) -> Adjacency:
        """node -> [(neighbour, edge index)], one edge per pair (the first in sorted order)."""
        key = (tuple(sorted(include)), tuple(sorted(exclude)))
        if key not in self._adjacency:
            adjacency: dict[str, list[tuple[str, int]]] = {}
            seen: set[tuple[str, str]] = set()
            for index, (subject, verb, obj, rel) in enumerate(self.edges):
                if subject == obj or not _allowed(rel, verb, include, exclude):
                    continue
                pair = (subject, obj) if subject < obj else (obj, subject)
                if pair in seen:
                    continue
                seen.add(pair)
                adjacency.setdefault(subject, []).append((obj, index))
                adjacency.setdefault(obj, []).append((subject, index))
            self._adjacency[key] = adjacency
        return self._adjacency[key]

    def edge(self, index: int) -> tuple[str, str]:
        """(subject, verb) of one edge."""
        subject, verb, _obj, _rel = self.edges[index]
        return subject, verb

    def label(self, iri: str) -> str:
        return self.labels.get(iri) or iri.rsplit("/", 1)[-1]


class _CachedGraph(EntityGraph):
    """An EntityGraph read from the cache: edges as integer arrays, materialised only when needed."""

    def __init__(self, data: dict[str, Any]) -> None:
        super().__init__(data["labels"], [])
        self._data = data
        self._adjacency[((), ())] = _CompactAdjacency(data["nodes"], data["offsets"], data["targets"], data["ids"])

    def edge(self, index: int) -> tuple[str, str]:
        data = self._data
        return data["nodes"][data["src"][index]], data["verbs"][data["verb"][index]]

    def adjacency(self, include: list[str], exclude: list[str]) -> Adjacency:
        if (include or exclude) and not self.edges:
            d = self._data
            nodes, verbs, rels = d["nodes"], d["verbs"], d["rels"]
            columns = zip(d["src"], d["verb"], d["obj"], d["rel"], strict=True)
            self.edges = [(nodes[s], verbs[v], nodes[o], rels[r]) for s, v, o, r in columns]
        return super().adjacency(include, exclude)


def _compact_payload(graph: EntityGraph, source: str) -> dict[str, Any]:
    adjacency = graph.adjacency([], [])
    compact = adjacency if isinstance(adjacency, _CompactAdjacency) else _CompactAdjacency.from_lists(adjacency)
    index_of = dict(compact.index_of)
    nodes = list(compact.nodes)
    for subject, _verb, obj, _rel in graph.edges:  # self-loops and nodes only in edges
        for node in (subject, obj):
            if node not in index_of:
                index_of[node] = len(nodes)
                nodes.append(node)
    verbs = sorted({edge[1] for edge in graph.edges})
    rels = sorted({edge[3] for edge in graph.edges})
    verb_of, rel_of = {v: i for i, v in enumerate(verbs)}, {r: i for i, r in enumerate(rels)}
    return {
        "source": source, "labels": graph.labels, "nodes": nodes, "verbs": verbs, "rels": rels,
        "offsets": compact.offsets, "targets": compact.targets, "ids": compact.edge_ids,
        "src": array("i", (index_of[e[0]] for e in graph.edges)),
        "obj": array("i", (index_of[e[2]] for e in graph.edges)),
        "verb": array("i", (verb_of[e[1]] for e in graph.edges)),
        "rel": array("i", (rel_of[e[3]] for e in graph.edges)),
    }  # fmt: skip


def _build(store: pyoxigraph.Store) -> EntityGraph:
    literals: dict[str, dict[str, list[str]]] = {}
    edges: set[tuple[str, str, str, str]] = set()
    members: dict[str, set[str]] = {}
    member_orgs: dict[str, set[str]] = {}
    for row in select(store, _edge_query()):
        s, p, o = row["s"], row["p"], row["o"]
        if s is None or p is None or o is None:
            continue
        if p.value in _NAMING:
            literals.setdefault(s.value, {}).setdefault(p.value, []).append(o.value)
        elif o.kind != "iri":
            continue
        elif p.value == _MEMBER:
            members.setdefault(s.value, set()).add(o.value)
        elif p.value == _ORGANIZATION:
            member_orgs.setdefault(s.value, set()).add(o.value)
        else:
            verb, forward = RELATIONS[p.value]
            rel = p.value.rsplit("#", 1)[-1].rsplit("/", 1)[-1]
            edges.add((s.value, verb, o.value, rel) if forward else (o.value, verb, s.value, rel))
    for membership in sorted(members):
        for person in sorted(members[membership]):
            for organization in sorted(member_orgs.get(membership, ())):
                edges.add((person, "member of", organization, "member"))
    labels: dict[str, str] = {}
    for iri, values in literals.items():
        named = (
            sorted(values.get(_SKOS + "prefLabel", []))
            or sorted(values.get(_RDFS + "label", []))
            or sorted(values.get(_SDO + "name", []))
        )
        if named:
            label = named[0]
            dates = sorted(values.get(_SDO + "startDate", []))
            if dates:
                label += f" ({dates[0]})"
        elif _KGO + "ratePercent" in values or _KGO + "measureKind" in values:
            rate = sorted(values.get(_KGO + "ratePercent", []))
            kind = sorted(values.get(_KGO + "measureKind", []))
            label = " ".join([*(f"{float(r):g}%" for r in rate[:1]), *kind[:1], "tariff"])
        elif _KGO + "content" in values:
            label = "statement: " + sorted(values[_KGO + "content"])[0][:60]
        else:
            continue
        labels[iri] = label
    return EntityGraph(labels, sorted(edges))


def load_graph(graph_dir: Path, store: pyoxigraph.Store) -> EntityGraph:
    """The entity graph, from the cache when it was built from the same kg.trig."""
    hash_file = graph_dir / STORE_NAME / HASH_NAME
    source = hash_file.read_text(encoding="utf-8").strip() if hash_file.is_file() else ""
    cache = graph_dir / STORE_NAME / CACHE_NAME
    if source and cache.is_file():
        try:
            data = pickle.loads(cache.read_bytes())
            if data.get("source") == source:
                return _CachedGraph(data)
        except (OSError, ValueError, KeyError, pickle.UnpicklingError, EOFError):
            pass
    graph = _build(store)
    if source:
        try:
            payload = _compact_payload(graph, source)
            # A private cache written and read only by this module (not user input), so pickle is safe.
            cache.write_bytes(pickle.dumps(payload, protocol=pickle.HIGHEST_PROTOCOL))
        except OSError:
            pass
    return graph


@dataclass(frozen=True)
class Step:
    node: str
    label: str
    verb: str | None = None  # the relation from the previous node to this one
    forward: bool = True  # True: previous —verb→ this; False: previous ←verb— this


def _allowed(rel: str, verb: str, include: list[str], exclude: list[str]) -> bool:
    names = {rel.lower(), verb.lower()}
    if include and not names & {name.lower() for name in include}:
        return False
    return not names & {name.lower() for name in exclude}


def _distances(
    adjacency: Adjacency, start: str, cutoff: int | None, stop_at: str | None = None
) -> dict[str, int]:
    """Breadth-first distances from start up to cutoff; with stop_at, only up to that node's level."""
    dist = {start: 0}
    queue: deque[str] = deque([start])
    while queue:
        node = queue.popleft()
        if cutoff is not None and dist[node] >= cutoff:
            continue
        if stop_at is not None and stop_at in dist and dist[node] >= dist[stop_at]:
            continue
        for nxt, _ in adjacency.get(node, ()):
            if nxt not in dist:
                dist[nxt] = dist[node] + 1
                queue.append(nxt)
    return dist


def _steps(graph: EntityGraph, nodes: list[str], edge_ids: list[int]) -> list[Step]:
    steps = [Step(nodes[0], graph.label(nodes[0]))]
    for prev, node, index in zip(nodes, nodes[1:], edge_ids, strict=False):
        subject, verb = graph.edge(index)
        steps.append(Step(node, graph.label(node), verb, subject == prev))
    return steps


MAX_ENUMERATED = 20000  # paths enumerated per length bound before choosing the k best


def _enumerate(
    graph: EntityGraph,
    adjacency: Adjacency,
    to_b: dict[str, int],
    a: str,
    b: str,
    bound: int,
    max_length: int,
) -> list[tuple[int, list[str], list[str], list[int]]]:
    """Simple paths a..b of at most `bound` edges: (length, labels, nodes, edge indexes)."""
    found: list[tuple[int, list[str], list[str], list[int]]] = []
    nodes: list[str] = [a]
    edge_ids: list[int] = []
    on_path = {a}

    def walk(node: str) -> None:
        if len(found) >= MAX_ENUMERATED:
            return
        if node == b:
            found.append((len(edge_ids), [graph.label(n) for n in nodes], list(nodes), list(edge_ids)))
            return
        for nxt, index in adjacency.get(node, ()):
            if nxt in on_path or len(edge_ids) + 1 + to_b.get(nxt, max_length + 1) > bound:
                continue
            nodes.append(nxt)
            edge_ids.append(index)
            on_path.add(nxt)
            walk(nxt)
            on_path.discard(nxt)
            nodes.pop()
            edge_ids.pop()

    walk(a)
    return found


def find_paths(
    graph: EntityGraph,
    a: str,
    b: str,
    *,
    k: int = 3,
    max_length: int = 6,
    include: list[str] | None = None,
    exclude: list[str] | None = None,
) -> list[list[Step]]:
    """Up to k shortest simple paths from a to b with at most max_length edges; E013 when none.

    Distances to b (breadth-first) prune a depth-first walk from a to the paths that can still reach b
    within the bound; paths are ordered by length, then by their labels, so output is deterministic.
    """
    adjacency = graph.adjacency(include or [], exclude or [])
    if a == b:
        return [[Step(a, graph.label(a))]]
    # Distances to b are needed only up to (bound - 1): grow the search as the bound grows.
    to_b = _distances(adjacency, b, max_length, stop_at=a)
    if a not in to_b:
        size_a = len(_distances(adjacency, a, None))
        size_b = len(_distances(adjacency, b, None))
        raise KgError("E013", a=graph.label(a), size_a=size_a, b=graph.label(b), size_b=size_b)
    found: list[tuple[int, list[str], list[str], list[int]]] = []
    reach = to_b[a]
    for bound in range(to_b[a], max_length + 1):
        if bound - 1 > reach:
            to_b, reach = _distances(adjacency, b, bound - 1), bound - 1
        found = _enumerate(graph, adjacency, to_b, a, b, bound, max_length)
        if len(found) >= k:
            break
    found.sort(key=lambda item: (item[0], item[1], item[2]))
    return [_steps(graph, path_nodes, ids) for _, _, path_nodes, ids in found[:k]]


def neighbors(
    graph: EntityGraph,
    start: str,
    depth: int = 1,
    include: list[str] | None = None,
    exclude: list[str] | None = None,
) -> list[tuple[int, list[Step]]]:
    """Every node within `depth` edges, as (distance, path from start), nearest first then by label."""
    adjacency = graph.adjacency(include or [], exclude or [])
    parent: dict[str, tuple[str, int] | None] = {start: None}
    queue: deque[tuple[str, int]] = deque([(start, 0)])
    while queue:
        node, dist = queue.popleft()
        if dist >= depth:
            continue
        for nxt, index in sorted(adjacency.get(node, ()), key=lambda item: (graph.label(item[0]), item[0])):
            if nxt not in parent:
                parent[nxt] = (node, index)
                queue.append((nxt, dist + 1))
    found: list[tuple[int, list[Step]]] = []
    for node in parent:
        if node == start:
            continue
        chain, ids = [node], []
        while (up := parent[chain[-1]]) is not None:
            chain.append(up[0])
            ids.append(up[1])
        chain.reverse()
        ids.reverse()
        found.append((len(chain) - 1, _steps(graph, chain, ids)))
    found.sort(key=lambda item: (item[0], item[1][-1].label, item[1][-1].node))
    return found


def format_path(steps: list[Step]) -> str:
    """'A —attended→ Meeting (2025-04-24) ←attended— B'."""
    parts = [steps[0].label]
    for step in steps[1:]:
        parts.append(f"—{step.verb}→" if step.forward else f"←{step.verb}—")
        parts.append(step.label)
    return " ".join(parts)


def path_json(steps: list[Step]) -> list[dict[str, Any]]:
    return [{"node": s.node, "label": s.label, "verb": s.verb, "forward": s.forward} for s in steps]
