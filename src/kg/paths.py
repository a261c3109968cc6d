"""Paths and neighbourhoods between entities over an undirected view of entity-to-entity relations.

The graph is read from the store with one SPARQL query (relations plus the literals that name nodes)
and cached next to the store as `path-graph.pickle`, keyed to the store's source hash: node IRIs and
labels as two joined strings, edges and the adjacency as integer arrays, so loading it takes a few
milliseconds and searches walk node numbers, not strings. Memberships are contracted into
person —member of→ organization edges; evidence, document and label triples are not relations.
`EntityGraph.nx()` gives the same view as a networkx graph for analysis.
"""

from __future__ import annotations

import bisect
from array import array
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.errors import KgError
from kg.store import PREFIXES, ensure_store, int_array, join_column, open_store, read_cache, split_column, write_cache

if TYPE_CHECKING:
    import networkx
    import pyoxigraph

CACHE_NAME = "path-graph.pickle"
CACHE_VERSION = 4
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


def relation_phrase(predicate: str, outgoing: bool) -> tuple[str, bool] | None:
    """How a triple reads from the entity's side, as in paths: ("attended", True) for
    entity ←schema:attendee— meeting, i.e. entity —attended→ meeting. `predicate` is a full IRI or a
    prefixed name; `outgoing` is True when the entity is the subject. None for other predicates."""
    if ":" in predicate and "/" not in predicate:
        prefix, local = predicate.split(":", 1)
        predicate = PREFIXES.get(prefix, prefix + ":") + local
    if predicate == _ORG + "memberOf":
        return ("member of", outgoing)
    if predicate not in RELATIONS:
        return None
    verb, forward = RELATIONS[predicate]
    return verb, forward == outgoing


def unnamed_label(rate: str | None, measure: str | None, content: str | None) -> str | None:
    """The name of a node without a label of its own, in paths and in kg lookup's relations: a tariff
    "25% reciprocal tariff" (its rate and measure kind), a statement "statement: " and the first 60
    characters of its content; None for any other node."""
    if rate is not None or measure is not None:
        try:
            percent = f"{float(rate):g}%" if rate is not None else ""
        except ValueError:
            percent = ""
        return " ".join(part for part in (percent, measure or "", "tariff") if part)
    if content is not None:
        return "statement: " + content[:60]
    return None


def _edge_query() -> str:
    predicates = " ".join(f"<{p}>" for p in sorted([*RELATIONS, _MEMBER, _ORGANIZATION, *_NAMING]))
    return f"SELECT DISTINCT ?s ?p ?o WHERE {{ VALUES ?p {{ {predicates} }} ?s ?p ?o }}"


class _Csr:
    """Undirected adjacency over node numbers: node i's neighbours are targets[offsets[i]:offsets[i + 1]],
    each reached through the edge of the same position in edge_ids."""

    def __init__(self, offsets: array[int], targets: array[int], edge_ids: array[int]) -> None:
        self.offsets, self.targets, self.edge_ids = offsets, targets, edge_ids

    def around(self, node: int) -> Iterable[tuple[int, int]]:
        """(neighbour, edge index) pairs of a node, in edge order."""
        lo, hi = self.offsets[node], self.offsets[node + 1]
        return zip(self.targets[lo:hi], self.edge_ids[lo:hi], strict=True)


class EntityGraph:
    """Nodes (IRI -> label) and relation edges (subject, verb, object, predicate local name).

    Edges are kept sorted; the searches use integer columns of them (subject and object node numbers,
    verb and relation numbers) and an adjacency over node numbers built once per include/exclude
    choice (the unfiltered one is in the cache). `nx()` gives the same view as a networkx graph.
    """

    def __init__(
        self, labels: dict[str, str] | None = None, edges: list[tuple[str, str, str, str]] | None = None
    ) -> None:
        self._labels: dict[str, str] | None = labels or {}
        self._edges = sorted(edges or [])
        self._nx: Any = None
        self._csr: dict[tuple[tuple[str, ...], tuple[str, ...]], _Csr] = {}
        # Labelled nodes without relations are nodes too: "no path" can then name them and size them.
        nodes = sorted({e[0] for e in self._edges} | {e[2] for e in self._edges} | set(self.labels))
        self.nodes: list[str] = nodes
        self.verbs: list[str] = sorted({e[1] for e in self._edges})
        self.rels: list[str] = sorted({e[3] for e in self._edges})
        number = {node: i for i, node in enumerate(nodes)}
        verb_of = {v: i for i, v in enumerate(self.verbs)}
        rel_of = {r: i for i, r in enumerate(self.rels)}
        self.src = array("i", (number[e[0]] for e in self._edges))
        self.obj = array("i", (number[e[2]] for e in self._edges))
        self.verb = array("i", (verb_of[e[1]] for e in self._edges))
        self.rel = array("i", (rel_of[e[3]] for e in self._edges))
        self._label_list: list[str] | None = None

    @property
    def labels(self) -> dict[str, str]:
        """Node IRI -> label, for the nodes that have one."""
        return self._labels or {}

    @property
    def edges(self) -> list[tuple[str, str, str, str]]:
        return self._edges

    def nx(self) -> networkx.Graph:
        if self._nx is None:
            import networkx

            graph = networkx.Graph()
            for subject, verb, obj, rel in self.edges:
                if subject != obj and not graph.has_edge(subject, obj):
                    graph.add_edge(subject, obj, verb=verb, source=subject, rel=rel)
            self._nx = graph
        return self._nx

    def index(self, iri: str) -> int | None:
        """The node number of an IRI (nodes are sorted), None when it has no relation."""
        i = bisect.bisect_left(self.nodes, iri)
        return i if i < len(self.nodes) and self.nodes[i] == iri else None

    def label(self, iri: str) -> str:
        i = self.index(iri)
        return self.node_label(i) if i is not None else iri.rsplit("/", 1)[-1]

    def node_label(self, i: int) -> str:
        return self._list()[i] or self.nodes[i].rsplit("/", 1)[-1]

    def _list(self) -> list[str]:
        """Each node's label in node order, "" for a node without one."""
        if self._label_list is None:
            self._label_list = [self.labels.get(node, "") for node in self.nodes]
        return self._label_list

    def edge(self, index: int) -> tuple[str, str]:
        """(subject, verb) of one edge."""
        return self.nodes[self.src[index]], self.verbs[self.verb[index]]

    def relation_names(self) -> list[str]:
        """Every name --include/--exclude accept: predicate local names and verbs."""
        return sorted({*self.rels, *self.verbs})

    def csr(self, include: list[str], exclude: list[str]) -> _Csr:
        """The adjacency for these filters: one edge per node pair, the first in sorted edge order."""
        key = (tuple(sorted(include)), tuple(sorted(exclude)))
        if key not in self._csr:
            allowed = {
                (v, r)
                for v, verb in enumerate(self.verbs)
                for r, rel in enumerate(self.rels)
                if _allowed(rel, verb, include, exclude)
            }
            self._csr[key] = _build_csr(len(self.nodes), self.src, self.obj, self.verb, self.rel, allowed)
        return self._csr[key]


def _build_csr(
    n: int, src: array[int], obj: array[int], verb: array[int], rel: array[int], allowed: set[tuple[int, int]]
) -> _Csr:
    lists: list[list[int]] = [[] for _ in range(n)]  # alternating neighbour, edge index
    seen: set[int] = set()
    for index, (s, o, v, r) in enumerate(zip(src, obj, verb, rel, strict=True)):
        if s == o or (v, r) not in allowed:
            continue
        pair = s * n + o if s < o else o * n + s
        if pair in seen:
            continue
        seen.add(pair)
        lists[s] += (o, index)
        lists[o] += (s, index)
    offsets, targets, edge_ids = array("i", [0]), array("i"), array("i")
    for flat in lists:
        targets.extend(flat[0::2])
        edge_ids.extend(flat[1::2])
        offsets.append(len(targets))
    return _Csr(offsets, targets, edge_ids)


class _CachedGraph(EntityGraph):
    """An EntityGraph read from the cache: integer columns as they were stored; labels and edge tuples
    are made only when asked for."""

    def __init__(self, data: dict[str, Any]) -> None:
        self._nx = None
        self._csr = {}
        self.nodes = split_column(data["nodes"])
        self._labels_text: str | None = data["labels"]
        self._label_list = None
        self._labels: dict[str, str] | None = None
        self.verbs, self.rels = data["verbs"], data["rels"]
        self.src, self.obj = int_array(data["src"]), int_array(data["obj"])
        self.verb, self.rel = int_array(data["verb"]), int_array(data["rel"])
        self._edge_list: list[tuple[str, str, str, str]] | None = None
        self._csr[((), ())] = _Csr(int_array(data["offsets"]), int_array(data["targets"]), int_array(data["ids"]))

    @property
    def labels(self) -> dict[str, str]:
        if self._labels is None:
            self._labels = {node: label for node, label in zip(self.nodes, self._list(), strict=True) if label}
        return self._labels

    def _list(self) -> list[str]:
        if self._label_list is None:
            self._label_list = split_column(self._labels_text)
        return self._label_list

    @property
    def edges(self) -> list[tuple[str, str, str, str]]:
        if self._edge_list is None:
            nodes, verbs, rels = self.nodes, self.verbs, self.rels
            columns = zip(self.src, self.verb, self.obj, self.rel, strict=True)
            self._edge_list = [(nodes[s], verbs[v], nodes[o], rels[r]) for s, v, o, r in columns]
        return self._edge_list


def _payload(graph: EntityGraph) -> dict[str, Any]:
    csr = graph.csr([], [])
    return {
        "nodes": join_column(graph.nodes),
        "labels": join_column([graph.labels.get(node, "") for node in graph.nodes]),
        "verbs": graph.verbs, "rels": graph.rels,
        "src": graph.src.tobytes(), "obj": graph.obj.tobytes(),
        "verb": graph.verb.tobytes(), "rel": graph.rel.tobytes(),
        "offsets": csr.offsets.tobytes(), "targets": csr.targets.tobytes(), "ids": csr.edge_ids.tobytes(),
    }  # fmt: skip


def _build(store: pyoxigraph.Store) -> EntityGraph:
    from kg.query import select  # only when the cache is built: kg path from the cache never loads it

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
            # Extracted meeting labels often end with their date already: do not say it twice.
            if dates and dates[0] not in label:
                label += f" ({dates[0]})"
        else:
            rate, kind, content = (values.get(_KGO + key) for key in ("ratePercent", "measureKind", "content"))
            unnamed = unnamed_label(_smallest(rate), _smallest(kind), _smallest(content))
            if unnamed is None:
                continue
            label = unnamed
        labels[iri] = label
    return EntityGraph(labels, sorted(edges))


def _smallest(values: list[str] | None) -> str | None:
    return min(values) if values else None


def load_graph(graph_dir: Path, store: pyoxigraph.Store | None = None) -> EntityGraph:
    """The entity graph, from the cache when it was built from the same kg.trig; otherwise built with
    one SPARQL query and cached. The store is opened only when the graph has to be built."""
    if store is None:
        ensure_store(graph_dir)
    data = read_cache(graph_dir, CACHE_NAME, CACHE_VERSION)
    if data is not None:
        return _CachedGraph(data)
    graph = _build(store if store is not None else open_store(graph_dir))
    write_cache(graph_dir, CACHE_NAME, CACHE_VERSION, _payload(graph))
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


def check_options(
    graph: EntityGraph,
    *,
    k: int = 1,
    max_length: int = 1,
    depth: int = 1,
    include: list[str] | None = None,
    exclude: list[str] | None = None,
) -> None:
    """E019 for counts below 1 and for relation names the graph does not have (a typo in --include
    would otherwise read as "no path")."""
    for option, value in (("--k", k), ("--max-length", max_length), ("--depth", depth)):
        if value < 1:
            raise KgError("E019", path=option, reason=f"must be at least 1, not {value}")
    known = {name.lower() for name in [*graph.relation_names(), *RELATION_NAMES, *_VERBS]}
    for option, names in (("--include", include or []), ("--exclude", exclude or [])):
        for name in names:
            if name.lower() not in known:
                listed = ", ".join(RELATION_NAMES)
                raise KgError("E019", path=option, reason=f"unknown relation '{name}'; known: {listed}")


# Predicate local names (listed in the E019 hint) and verbs: what --include/--exclude accept.
RELATION_NAMES = sorted({p.rsplit("#", 1)[-1].rsplit("/", 1)[-1] for p in RELATIONS} | {"member"})
_VERBS = sorted({verb for verb, _ in RELATIONS.values()} | {"member of"})


def _distances(csr: _Csr, start: int, cutoff: int | None, stop_at: int | None = None) -> dict[int, int]:
    """Breadth-first distances from start up to cutoff; with stop_at, only up to that node's level."""
    dist = {start: 0}
    queue: deque[int] = deque([start])
    offsets, targets = csr.offsets, csr.targets
    while queue:
        node = queue.popleft()
        here = dist[node]
        if cutoff is not None and here >= cutoff:
            continue
        if stop_at is not None and stop_at in dist and here >= dist[stop_at]:
            continue
        for nxt in targets[offsets[node] : offsets[node + 1]]:
            if nxt not in dist:
                dist[nxt] = here + 1
                queue.append(nxt)
    return dist


def _component_size(csr: _Csr, node: int | None) -> int:
    """Nodes connected to `node`, itself included; 1 for an IRI that is no node of the graph."""
    return 1 if node is None else len(_distances(csr, node, None))


def _steps(graph: EntityGraph, nodes: list[int], edge_ids: list[int]) -> list[Step]:
    steps = [Step(graph.nodes[nodes[0]], graph.node_label(nodes[0]))]
    for prev, node, index in zip(nodes, nodes[1:], edge_ids, strict=False):
        subject, verb = graph.edge(index)
        steps.append(Step(graph.nodes[node], graph.node_label(node), verb, subject == graph.nodes[prev]))
    return steps


MAX_ENUMERATED = 20000  # paths enumerated per length bound before choosing the k best


def _enumerate(
    graph: EntityGraph, csr: _Csr, to_b: dict[int, int], a: int, b: int, bound: int, max_length: int
) -> list[tuple[int, list[str], list[int], list[int]]]:
    """Simple paths a..b of at most `bound` edges: (length, labels, nodes, edge indexes)."""
    found: list[tuple[int, list[str], list[int], list[int]]] = []
    nodes: list[int] = [a]
    edge_ids: list[int] = []
    on_path = {a}
    far = max_length + 1

    def walk(node: int) -> None:
        if len(found) >= MAX_ENUMERATED:
            return
        if node == b:
            found.append((len(edge_ids), [graph.node_label(n) for n in nodes], list(nodes), list(edge_ids)))
            return
        budget = bound - len(edge_ids) - 1  # edges left after the next one
        for nxt, index in csr.around(node):
            if nxt in on_path or to_b.get(nxt, far) > budget:
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
    """Up to k shortest simple paths from a to b with at most max_length edges.

    E013 (with both components' sizes) when a and b are not connected, E020 when they are but only by
    longer paths. Distances to b (breadth-first) prune a depth-first walk from a to the paths that can
    still reach b within the bound; paths are ordered by length, then by their labels, so output is
    deterministic.
    """
    check_options(graph, k=k, max_length=max_length, include=include, exclude=exclude)
    if a == b:
        return [[Step(a, graph.label(a))]]
    csr = graph.csr(include or [], exclude or [])
    ia, ib = graph.index(a), graph.index(b)
    if ia is None or ib is None:
        raise KgError(
            "E013", a=graph.label(a), size_a=_component_size(csr, ia), b=graph.label(b),
            size_b=_component_size(csr, ib),
        )  # fmt: skip
    # Distances to b are needed only up to (bound - 1): grow the search as the bound grows.
    to_b = _distances(csr, ib, max_length, stop_at=ia)
    if ia not in to_b:
        whole = _distances(csr, ib, None)
        if ia in whole:
            raise KgError("E020", a=graph.label(a), b=graph.label(b), max_length=max_length, shortest=whole[ia])
        raise KgError(
            "E013", a=graph.label(a), size_a=_component_size(csr, ia), b=graph.label(b), size_b=len(whole)
        )
    found: list[tuple[int, list[str], list[int], list[int]]] = []
    reach = to_b[ia]
    for bound in range(to_b[ia], max_length + 1):
        if bound - 1 > reach:
            to_b, reach = _distances(csr, ib, bound - 1), bound - 1
        found = _enumerate(graph, csr, to_b, ia, ib, bound, max_length)
        if len(found) >= k:
            break
    found.sort(key=lambda item: (item[0], item[1], [graph.nodes[n] for n in item[2]]))
    return [_steps(graph, path_nodes, ids) for _, _, path_nodes, ids in found[:k]]


def neighbors(
    graph: EntityGraph,
    start: str,
    depth: int = 1,
    include: list[str] | None = None,
    exclude: list[str] | None = None,
) -> list[tuple[int, list[Step]]]:
    """Every node within `depth` edges, as (distance, path from start), nearest first then by label."""
    check_options(graph, depth=depth, include=include, exclude=exclude)
    csr = graph.csr(include or [], exclude or [])
    first = graph.index(start)
    if first is None:
        return []
    nodes = graph.nodes
    parent: dict[int, tuple[int, int] | None] = {first: None}
    queue: deque[tuple[int, int]] = deque([(first, 0)])
    while queue:
        node, dist = queue.popleft()
        if dist >= depth:
            continue
        around = sorted(csr.around(node), key=lambda item: (graph.node_label(item[0]), nodes[item[0]]))
        for nxt, index in around:
            if nxt not in parent:
                parent[nxt] = (node, index)
                queue.append((nxt, dist + 1))
    found: list[tuple[int, list[Step]]] = []
    for node in parent:
        if node == first:
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
