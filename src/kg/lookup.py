"""Find an entity by name, fuzzily, and gather everything the graph says about it, with sources.

Matching is insensitive to case, accents, hyphens and word order ("Dukgeun Ahn" = "Ahn Duk-geun") and
tolerates misspellings (difflib ratio). Labels come from a cached index (`store/label-index.json`,
keyed to the store's source hash) so a lookup does not scan the store for labels on every call.
"""

from __future__ import annotations

import difflib
import json
import re
import unicodedata
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.errors import KgError
from kg.query import Term, select
from kg.store import HASH_NAME, STORE_NAME

if TYPE_CHECKING:
    import pyoxigraph

INDEX_NAME = "label-index.json"
EXACT = 1.0
ACCEPT = 0.86  # a best match below this is not taken as the answer: suggestions are shown instead
MARGIN = 0.04  # the best match must beat the next entity by this much to be taken alone
SUGGEST = 0.45

# Entity kinds a person looks up; evidence, documents and merge decisions are not.
_TYPES = {
    "http://schema.org/Person": "person",
    "https://schema.org/Person": "person",
    "http://www.w3.org/ns/org#Organization": "organization",
    "https://schema.org/Country": "country",
    "http://www.w3.org/ns/org#Post": "post",
    "https://w3id.org/kg-trade/ontology#TradeMeeting": "meeting",
    "https://w3id.org/kg-trade/ontology#Tariff": "tariff",
    "https://schema.org/Place": "place",
    "http://www.w3.org/2004/02/skos/core#Concept": "product",
}

_LABELS_QUERY = """
SELECT ?entity ?label ?type WHERE {
  ?entity skos:prefLabel|skos:altLabel|rdfs:label|schema:name ?label .
  OPTIONAL { ?entity a ?type . FILTER(?type IN (schema:Person, org:Organization, schema:Country, org:Post,
    kgo:TradeMeeting, schema:Place, skos:Concept)) }
}
"""


def normalize(text: str) -> str:
    """Name key: accents removed, lower case, hyphens/dots/apostrophes dropped, words sorted."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(char for char in decomposed if not unicodedata.combining(char)).lower()
    plain = re.sub(r"[-.'’‐‑–]", "", plain)
    words = re.findall(r"[a-z0-9]+|[^\sa-z0-9]", plain)
    words = [word for word in words if word.isalnum()] or words
    return " ".join(sorted(words))


@dataclass(frozen=True)
class Candidate:
    entity: str  # IRI
    label: str  # canonical label
    kind: str
    matched: str  # the label or alias that matched
    score: float


def _entry_rows(store: pyoxigraph.Store) -> list[list[str]]:
    by_entity: dict[str, dict[str, Any]] = {}
    for row in select(store, _LABELS_QUERY):
        entity, label = row["entity"], row["label"]
        if entity is None or label is None or entity.kind != "iri":
            continue
        entry = by_entity.setdefault(entity.value, {"labels": set(), "kind": ""})
        entry["labels"].add(label.value)
        kind_term = row.get("type")
        if kind_term is not None:
            kind = _TYPES.get(kind_term.value, "")
            # A node typed as both a country/post and a concept keeps the more specific kind.
            if kind and (not entry["kind"] or entry["kind"] == "product"):
                entry["kind"] = kind
    rows: list[list[str]] = []
    for iri in sorted(by_entity):
        entry = by_entity[iri]
        kind = entry["kind"] or "other"
        if kind == "other" and "/id/ev-" in iri:
            continue
        for label in sorted(entry["labels"]):
            rows.append([iri, kind, label, normalize(label)])
    return rows


def load_index(graph_dir: Path, store: pyoxigraph.Store) -> list[list[str]]:
    """[entity IRI, kind, label, key] rows, from the cache when it matches the store's source hash."""
    store_dir = graph_dir / STORE_NAME
    hash_file = store_dir / HASH_NAME
    source = hash_file.read_text(encoding="utf-8").strip() if hash_file.is_file() else ""
    cache = store_dir / INDEX_NAME
    if source and cache.is_file():
        try:
            data = json.loads(cache.read_text(encoding="utf-8"))
            if data.get("source") == source:
                rows: list[list[str]] = data["rows"]
                return rows
        except (OSError, ValueError, KeyError):
            pass
    rows = _entry_rows(store)
    if source:
        try:
            cache.write_text(
                json.dumps({"source": source, "rows": rows}, ensure_ascii=False), encoding="utf-8"
            )
        except OSError:
            pass  # a read-only graph folder still answers, just without the cache
    return rows


def rank(name: str, rows: list[list[str]], limit: int = 10) -> list[Candidate]:
    """Entities ranked by their best-matching label, best first (ties by label, then IRI).

    Exact key matches win outright; otherwise every label is scored with difflib, using its cheap
    upper bounds to skip labels that cannot reach SUGGEST.
    """
    query_key = normalize(name)
    if not query_key:
        return []
    exact = [row for row in rows if row[3] == query_key]
    best: dict[str, Candidate] = {}
    if exact:
        for iri, kind, label, _key in exact:
            best.setdefault(iri, Candidate(iri, label, kind, label, EXACT))
    else:
        query_words = set(query_key.split())
        query_counts = Counter(query_key.split())
        squeezed_query = query_key.replace(" ", "")
        # difflib caches facts about the second sequence: set the query once, vary the first.
        matcher = difflib.SequenceMatcher(None)
        matcher.set_seq2(query_key)
        squeezed = difflib.SequenceMatcher(None)
        squeezed.set_seq2(squeezed_query)
        for iri, kind, label, key in rows:
            matcher.set_seq1(key)
            score = 0.0
            if matcher.real_quick_ratio() >= SUGGEST and matcher.quick_ratio() >= SUGGEST:
                score = matcher.ratio()
            words = key.split()
            if (
                query_words
                and len(query_words) <= len(words)
                and query_words <= set(words)
                and not query_counts - Counter(words)  # "2+2" needs two 2s, not "round 2"
            ):
                # Every word of the query is in the label ("2+2" in "Korea-U.S. 2+2 Trade Dialogue").
                score = max(score, 0.88 + 0.1 * len(query_words) / len(words))
            if score < SUGGEST and " " in key:
                squeezed.set_seq1(key.replace(" ", ""))
                if squeezed.real_quick_ratio() >= SUGGEST and squeezed.quick_ratio() >= SUGGEST:
                    score = squeezed.ratio() * 0.98
            score = round(score, 4)
            if score < SUGGEST:
                continue
            current = best.get(iri)
            if current is None or score > current.score:
                best[iri] = Candidate(iri, label, kind, label, score)
    ranked = sorted(best.values(), key=lambda cand: (-cand.score, cand.matched, cand.entity))
    return ranked[:limit]


def canonical_labels(store: pyoxigraph.Store, iris: list[str]) -> dict[str, str]:
    if not iris:
        return {}
    values = " ".join(f"<{iri}>" for iri in sorted(set(iris)))
    rows = select(
        store,
        f"SELECT ?e ?l WHERE {{ VALUES ?e {{ {values} }} ?e skos:prefLabel|rdfs:label ?l }} ORDER BY ?e ?l",
    )
    out: dict[str, str] = {}
    for row in rows:
        if row["e"] is not None and row["l"] is not None:
            out.setdefault(row["e"].value, row["l"].value)
    return out


def resolve(graph_dir: Path, store: pyoxigraph.Store, name: str) -> Candidate:
    """The one entity `name` refers to; E012 with suggestions when unknown, E014 when ambiguous."""
    ranked = rank(name, load_index(graph_dir, store))
    if ranked:
        names = canonical_labels(store, [cand.entity for cand in ranked])
        ranked = [
            Candidate(c.entity, names.get(c.entity, c.label), c.kind, c.matched, c.score) for c in ranked
        ]
    if not ranked or ranked[0].score < ACCEPT:
        hint = ""
        if ranked:
            hint = "; closest: " + ", ".join(f"{cand.label} ({cand.kind})" for cand in ranked[:5])
        raise KgError("E012", name=name, suggestions=hint)
    top = ranked[0]
    rivals = [cand for cand in ranked[1:] if cand.score >= top.score - MARGIN and cand.score >= ACCEPT]
    if rivals:
        listed = ", ".join(
            f"{cand.label} ({cand.kind}, {_short(cand.entity)})" for cand in [top, *rivals][:6]
        )
        raise KgError("E014", name=name, candidates=listed)
    return top


# The evidence of ?ev: its sentence and the file name of its document.
_SOURCE = "?ev kgo:sentenceText ?sentence ; prov:entity ?d . ?d kgo:fileName ?doc"


def _group_meetings(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One entry per meeting and reported date, with its places, counterparts and every source.

    An article that gives no date joins the meeting's dated entry (the date comes from another
    article); two articles giving two dates make two entries: the conflict stays visible.
    """
    dated: dict[str, set[str]] = {}
    for r in rows:
        if _v(r["start"]):
            dated.setdefault(_v(r["m"]) or "", set()).add(_v(r["start"]) or "")
    entries: dict[tuple[str, str], dict[str, Any]] = {}
    for r in rows:
        meeting = _v(r["m"]) or ""
        start = _v(r["start"]) or (min(dated[meeting]) if meeting in dated else "")
        entry = entries.setdefault((meeting, start), {
            "meeting": meeting, "label": _v(r["label"]), "date": start or None,
            "places": [], "counterparts": [], "sources": [],
        })
        place = (_v(r["place"]) or "").strip()
        if place and place not in entry["places"]:
            entry["places"].append(place)
        for other in sorted(set((_v(r["others"]) or "").split("|")) - {""}):
            if other not in entry["counterparts"]:
                entry["counterparts"].append(other)
        source = {"doc": _v(r["doc"]), "sentence": _v(r["sentence"])}
        if source not in entry["sources"]:
            entry["sources"].append(source)
    result = []
    for entry in entries.values():
        entry["places"].sort()
        entry["counterparts"].sort()
        entry["sources"].sort(key=lambda src: (src["doc"] or "", src["sentence"] or ""))
        result.append(entry)
    return sorted(result, key=lambda m: (m["date"] or "9999", m["label"] or "", m["meeting"]))


def _short(iri: str) -> str:
    return iri.rsplit("/", 1)[-1]


@dataclass
class Source:
    doc: str
    sentence: str
    rule: str | None = None
    confidence: float | None = None


@dataclass
class Relation:
    direction: str  # "out" (entity -> other) or "in" (other -> entity)
    predicate: str  # prefixed name, e.g. "schema:attendee"
    other: str  # IRI of the other node
    other_label: str | None
    other_kind: str | None
    docs: list[str] = field(default_factory=list)


@dataclass
class EntityReport:
    """Everything `kg lookup` shows; `asdict` of it is the documented --json output."""

    iri: str
    id: str
    kind: str
    label: str
    matched: str
    score: float
    types: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    merges: list[dict[str, Any]] = field(default_factory=list)
    posts: list[dict[str, Any]] = field(default_factory=list)
    meetings: list[dict[str, Any]] = field(default_factory=list)
    tariffs: list[dict[str, Any]] = field(default_factory=list)
    statements: list[dict[str, Any]] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def _v(term: Term | None) -> str | None:
    return None if term is None else term.value


def _num(term: Term | None) -> float | None:
    if term is None:
        return None
    try:
        return float(term.value)
    except ValueError:
        return None


_SKIP_PREDICATES = (
    "http://www.w3.org/ns/prov#qualifiedDerivation",
    "http://www.w3.org/ns/prov#wasDerivedFrom",
    "https://schema.org/mentions",
    "https://w3id.org/kg-trade/ontology#mergeDecision",
    "http://www.w3.org/ns/prov#used",
    "http://www.w3.org/ns/prov#entity",
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#type",
)


def describe(store: pyoxigraph.Store, cand: Candidate) -> EntityReport:
    """Gather labels, merges, posts, meetings, tariffs, statements and relations of one entity."""
    from kg.query import compact_iri

    e = f"<{cand.entity}>"
    report = EntityReport(cand.entity, _short(cand.entity), cand.kind, cand.label, cand.matched, cand.score)
    report.types = sorted(
        {compact_iri(r["t"].value) for r in select(store, f"SELECT ?t WHERE {{ {e} a ?t }}") if r["t"]}
    )
    report.aliases = sorted(
        {
            r["l"].value
            for r in select(store, f"SELECT ?l WHERE {{ {e} skos:altLabel|rdfs:label|schema:name ?l }}")
            if r["l"] and r["l"].value != cand.label
        }
    )
    for r in select(
        store,
        f"""SELECT ?m ?label ?rule ?score (GROUP_CONCAT(DISTINCT ?doc; separator=" ") AS ?docs) WHERE {{
        {e} kgo:mergeDecision ?m . OPTIONAL {{ ?m kgo:mergedLabel ?label }}
        OPTIONAL {{ ?m kgo:mergeRule ?rule }}
        OPTIONAL {{ ?m kgo:mergeScore ?score }} OPTIONAL {{ ?m prov:used ?d . ?d kgo:fileName ?doc }} }}
        GROUP BY ?m ?label ?rule ?score ORDER BY ?label ?m""",
    ):
        docs = sorted((_v(r["docs"]) or "").split())
        report.merges.append(
            {"label": _v(r["label"]), "rule": _v(r["rule"]), "score": _num(r["score"]), "docs": docs}
        )
    for r in select(
        store,
        f"""SELECT DISTINCT ?title ?post ?postLabel ?orgLabel ?tenure ?doc ?sentence WHERE {{
        ?ms org:member {e} .
        # a title with the sentences of the same article that write it, not every title x sentence
        GRAPH ?g {{ ?ms schema:jobTitle ?title ; prov:qualifiedDerivation ?ev }}
        OPTIONAL {{ ?ms kgo:post ?post . OPTIONAL {{ ?post skos:prefLabel ?postLabel }} }}
        OPTIONAL {{ ?ms org:organization ?o . ?o skos:prefLabel ?orgLabel }}
        OPTIONAL {{ ?ms kgo:tenure ?tenure }}
        {_SOURCE}
        FILTER(CONTAINS(LCASE(?sentence), LCASE(?title))) }}
        ORDER BY ?postLabel ?doc ?title ?sentence""",
    ):
        report.posts.append(
            {
                "title": _v(r["title"]),
                "post": _v(r["postLabel"]),
                "post_iri": _v(r["post"]),
                "organization": _v(r["orgLabel"]),
                "tenure": _v(r["tenure"]),
                "source": {"doc": _v(r["doc"]), "sentence": _v(r["sentence"])},
            }
        )
    # Meetings first, then their details bound with VALUES, which keeps the join small on large graphs.
    if cand.kind == "meeting":
        meeting_iris = [cand.entity]
    else:
        found = select(store, f"SELECT DISTINCT ?m WHERE {{ ?m schema:attendee {e} }}")
        meeting_iris = sorted({r["m"].value for r in found if r["m"] is not None})
    meeting_values = " ".join(f"<{iri}>" for iri in meeting_iris)
    rows = select(
        store,
        f"""SELECT ?m ?label ?start ?place ?doc ?sentence
        (GROUP_CONCAT(DISTINCT ?other; separator="|") AS ?others) WHERE {{
        VALUES ?m {{ {meeting_values} }}
        GRAPH ?g {{ ?m prov:qualifiedDerivation ?ev }}
        OPTIONAL {{ GRAPH ?g {{ ?m schema:startDate ?start }} }}
        OPTIONAL {{ GRAPH ?g {{ ?m schema:location ?loc }} }}
        ?ev kgo:sentenceText ?sentence ; prov:entity ?d . ?d kgo:fileName ?doc
        OPTIONAL {{ ?m skos:prefLabel ?label }}
        OPTIONAL {{ ?loc schema:name ?place }}
        OPTIONAL {{ ?m schema:attendee ?o . FILTER(?o != {e}) ?o skos:prefLabel ?other }} }}
        GROUP BY ?m ?label ?start ?place ?doc ?sentence ORDER BY ?start ?label ?doc""",
    )
    report.meetings = _group_meetings(rows)
    for r in select(
        store,
        f"""SELECT DISTINCT ?t ?role ?rate ?kind ?status ?imposer ?target ?doc ?sentence WHERE {{
        {{ ?t kgo:imposedBy {e} . BIND("imposed by" AS ?role) }}
        UNION {{ ?t kgo:appliesTo {e} . BIND("applies to" AS ?role) }}
        UNION {{ ?t kgo:coversProduct {e} . BIND("covers" AS ?role) }}
        UNION {{ BIND({e} AS ?t) ?t a kgo:Tariff . BIND("self" AS ?role) }}
        OPTIONAL {{ ?t kgo:ratePercent ?rate }} OPTIONAL {{ ?t kgo:measureKind ?kind }}
        OPTIONAL {{ ?t kgo:status ?status }}
        OPTIONAL {{ ?t kgo:imposedBy ?ci . ?ci skos:prefLabel ?imposer }}
        OPTIONAL {{ ?t kgo:appliesTo ?ct . ?ct skos:prefLabel ?target }}
        ?t prov:qualifiedDerivation ?ev . {_SOURCE} }}
        ORDER BY ?t ?doc ?sentence""",
    ):
        report.tariffs.append(
            {
                "tariff": _v(r["t"]),
                "role": _v(r["role"]),
                "rate_percent": _num(r["rate"]),
                "kind": _v(r["kind"]),
                "status": _v(r["status"]),
                "imposed_by": _v(r["imposer"]),
                "applies_to": _v(r["target"]),
                "source": {"doc": _v(r["doc"]), "sentence": _v(r["sentence"])},
            }
        )
    for r in select(
        store,
        f"""SELECT DISTINCT ?s ?type ?role ?content ?otherLabel ?doc ?sentence WHERE {{
        {{ ?s kgo:actor {e} . BIND("actor" AS ?role) OPTIONAL {{ ?s kgo:counterpart ?o }} }}
        UNION {{ ?s kgo:counterpart {e} . BIND("counterpart" AS ?role) OPTIONAL {{ ?s kgo:actor ?o }} }}
        ?s a ?type . FILTER(?type != prov:Derivation)
        OPTIONAL {{ ?s kgo:content ?content }} OPTIONAL {{ ?o skos:prefLabel ?otherLabel }}
        ?s prov:qualifiedDerivation ?ev . {_SOURCE} }}
        ORDER BY ?s ?doc""",
    ):
        report.statements.append(
            {
                "statement": _v(r["s"]),
                "kind": compact_iri(r["type"].value) if r["type"] else None,
                "role": _v(r["role"]),
                "content": _v(r["content"]),
                "other": _v(r["otherLabel"]),
                "source": {"doc": _v(r["doc"]), "sentence": _v(r["sentence"])},
            }
        )
    report.relations = relations(store, cand.entity)
    return report


def relations(store: pyoxigraph.Store, iri: str) -> list[Relation]:
    """Links to other resources in both directions, with the articles that state them."""
    from kg.query import compact_iri

    e = f"<{iri}>"
    skip = ", ".join(f"<{p}>" for p in _SKIP_PREDICATES)
    rows = select(
        store,
        f"""SELECT DISTINCT ?dir ?p ?o ?label ?kind ?g WHERE {{
        {{ GRAPH ?g {{ {e} ?p ?o }} BIND("out" AS ?dir) }}
        UNION {{ GRAPH ?g {{ ?o ?p {e} }} BIND("in" AS ?dir) }}
        FILTER(isIRI(?o) && ?p NOT IN ({skip}))
        OPTIONAL {{ ?o skos:prefLabel ?label }}
        OPTIONAL {{ ?o a ?kind . FILTER(?kind != org:Organization) }}
    }}""",
    )
    doc_names = doc_file_names(store, sorted({r["g"].value for r in rows if r["g"] is not None}))
    seen: dict[tuple[str, str, str], Relation] = {}
    for r in rows:
        if r["p"] is None or r["o"] is None or r["dir"] is None:
            continue
        key = (r["dir"].value, r["p"].value, r["o"].value)
        docs = [doc_names[r["g"].value]] if r["g"] is not None and r["g"].value in doc_names else []
        relation = seen.get(key)
        if relation is None:
            relation = seen[key] = Relation(key[0], compact_iri(key[1]), key[2], None, None, [])
        relation.docs = sorted(set(relation.docs) | set(docs))
        label, kind = _v(r["label"]), compact_iri(r["kind"].value) if r["kind"] else None
        # Several labels or types: keep the smallest, so the output does not depend on row order.
        if label is not None and (relation.other_label is None or label < relation.other_label):
            relation.other_label = label
        if kind is not None and (relation.other_kind is None or kind < relation.other_kind):
            relation.other_kind = kind
    return [seen[key] for key in sorted(seen)]


def doc_file_names(store: pyoxigraph.Store, graph_iris: list[str]) -> dict[str, str]:
    """Named graph IRI (kgr:graph-<slug>) -> the file name of its document (kgr:doc-<slug>)."""
    marker = "/id/graph-"
    docs = {g: g.replace(marker, "/id/doc-", 1) for g in graph_iris if marker in g}
    if not docs:
        return {}
    values = " ".join(f"<{iri}>" for iri in sorted(set(docs.values())))
    rows = select(store, f"SELECT ?d ?f WHERE {{ VALUES ?d {{ {values} }} ?d kgo:fileName ?f }}")
    names = {r["d"].value: r["f"].value for r in rows if r["d"] is not None and r["f"] is not None}
    return {g: names[d] for g, d in docs.items() if d in names}


def lookup(graph_dir: Path, store: pyoxigraph.Store, name: str) -> EntityReport:
    """Resolve `name` and describe the entity."""
    return describe(store, resolve(graph_dir, store, name))
