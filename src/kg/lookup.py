"""Find an entity by name, fuzzily, and gather everything the graph says about it, with sources.

Matching is insensitive to case, accents, hyphens and word order ("Dukgeun Ahn" = "Ahn Duk-geun") and
tolerates misspellings (difflib ratio). Labels come from a cached index (`store/label-index.pickle`,
keyed to the store's source hash) that also holds word and character-trigram postings: a misspelled
name is scored with difflib only against the few labels that share most of its trigrams (or all of its
words), not against every label in the graph.
"""

from __future__ import annotations

import bisect
import heapq
import re
import unicodedata
from array import array
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.errors import KgError
from kg.store import (
    COLUMN_SEP,
    ensure_store,
    int_array,
    join_column,
    open_store,
    read_cache,
    source_hash,
    split_column,
    write_cache,
)

if TYPE_CHECKING:
    import pyoxigraph

    from kg.query import Term

# kg.query (and pyoxigraph) load only where the store is queried: resolving a name from a cached index,
# all that `kg path` needs of this module, does not pay for them.

INDEX_NAME = "label-index.pickle"
INDEX_VERSION = 3
EXACT = 1.0
ACCEPT = 0.86  # a best match below this is not taken as the answer: suggestions are shown instead
MARGIN = 0.04  # the best match must beat the next entity by this much to be taken alone
SUGGEST = 0.45
# Labels scored with difflib per fuzzy lookup, by trigram overlap (Dice). A label that could reach
# ACCEPT shares most of its trigrams with the query, so it ranks far above this cut on any graph.
CANDIDATES = 300
MAX_CANDIDATES = 2000  # ties at the cut are kept up to this many rows

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
    "http://www.w3.org/ns/org#Membership": "membership",  # named "X as Post": not looked up, see below
}
_PREF, _RDFS_LABEL = "http://www.w3.org/2004/02/skos/core#prefLabel", "http://www.w3.org/2000/01/rdf-schema#label"

_LABELS_QUERY = """
SELECT DISTINCT ?entity ?p ?label ?type WHERE {
  VALUES ?p { skos:prefLabel skos:altLabel rdfs:label schema:name }
  ?entity ?p ?label .
  OPTIONAL { ?entity a ?type . FILTER(?type IN (schema:Person, org:Organization, schema:Country, org:Post,
    kgo:TradeMeeting, schema:Place, skos:Concept, org:Membership)) }
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


def trigrams(key: str) -> set[str]:
    """Character trigrams of each word padded with spaces ("ahn" -> " ah", "ahn", "hn "), so word order
    does not matter and a one-letter word still has one."""
    return {f" {word} "[i : i + 3] for word in key.split() for i in range(len(word))}


@dataclass(frozen=True)
class Candidate:
    entity: str  # IRI
    label: str  # canonical label
    kind: str
    matched: str  # the label or alias that matched
    score: float


def _postings(tokens_per_row: list[set[str]]) -> tuple[list[str], array[int], array[int]]:
    """Sorted distinct tokens, and for token i the rows rows[offsets[i]:offsets[i + 1]] (ascending)."""
    by_token: dict[str, list[int]] = {}
    for row, tokens in enumerate(tokens_per_row):
        for token in tokens:
            by_token.setdefault(token, []).append(row)
    ordered = sorted(by_token)
    offsets, rows = array("i", [0]), array("i")
    for token in ordered:
        rows.extend(by_token[token])
        offsets.append(len(rows))
    return ordered, offsets, rows


class LabelIndex:
    """Every label of every entity, with its name key, and word and trigram postings over the keys.

    Rows are sorted by entity IRI, then label. Columns are plain lists and integer arrays so the cache
    loads in milliseconds; token lookups bisect sorted token lists instead of building dicts at load.
    """

    def __init__(self, data: dict[str, Any]) -> None:
        self.entities: list[str] = split_column(data["entities"])
        self.kinds: list[str] = split_column(data["kinds"])
        self.names: list[str] = split_column(data["names"])  # canonical label per entity, "" when none
        self.labels: list[str] = split_column(data["labels"])
        self.keys: list[str] = split_column(data["keys"])
        self.row_entity = int_array(data["row_entity"])
        self.row_grams = int_array(data["row_grams"])  # distinct trigrams per row, for the Dice score
        self._words = (split_column(data["words"]), int_array(data["word_offsets"]), int_array(data["word_rows"]))
        self._grams = (split_column(data["grams"]), int_array(data["gram_offsets"]), int_array(data["gram_rows"]))

    @classmethod
    def build(cls, rows: list[list[str]], names: dict[str, str] | None = None) -> LabelIndex:
        """From [entity IRI, kind, label, key] rows (any order) and canonical labels by IRI."""
        rows = sorted(
            ([iri, kind, label.replace(COLUMN_SEP, " "), key] for iri, kind, label, key in rows),
            key=lambda row: (row[0], row[2]),
        )
        entities: list[str] = []
        kinds: list[str] = []
        row_entity = array("i")
        for iri, kind, _label, _key in rows:
            if not entities or entities[-1] != iri:
                entities.append(iri)
                kinds.append(kind)
            row_entity.append(len(entities) - 1)
        keys = [row[3] for row in rows]
        grams = [trigrams(key) for key in keys]
        words, word_offsets, word_rows = _postings([set(key.split()) for key in keys])
        gram_list, gram_offsets, gram_rows = _postings(grams)
        return cls({
            "entities": join_column(entities), "kinds": join_column(kinds),
            "names": join_column([(names or {}).get(iri, "") for iri in entities]),
            "labels": join_column([row[2] for row in rows]), "keys": join_column(keys),
            "row_entity": row_entity.tobytes(), "row_grams": array("i", map(len, grams)).tobytes(),
            "words": join_column(words), "word_offsets": word_offsets.tobytes(), "word_rows": word_rows.tobytes(),
            "grams": join_column(gram_list), "gram_offsets": gram_offsets.tobytes(), "gram_rows": gram_rows.tobytes(),
        })  # fmt: skip

    def payload(self) -> dict[str, Any]:
        words, word_offsets, word_rows = self._words
        grams, gram_offsets, gram_rows = self._grams
        return {
            "entities": join_column(self.entities), "kinds": join_column(self.kinds), "names": join_column(self.names),
            "labels": join_column(self.labels), "keys": join_column(self.keys),
            "row_entity": self.row_entity.tobytes(), "row_grams": self.row_grams.tobytes(),
            "words": join_column(words), "word_offsets": word_offsets.tobytes(), "word_rows": word_rows.tobytes(),
            "grams": join_column(grams), "gram_offsets": gram_offsets.tobytes(), "gram_rows": gram_rows.tobytes(),
        }  # fmt: skip

    def __len__(self) -> int:
        return len(self.keys)

    def row(self, i: int) -> tuple[str, str, str, str]:
        """(entity IRI, kind, label, key) of row i."""
        entity = self.row_entity[i]
        return self.entities[entity], self.kinds[entity], self.labels[i], self.keys[i]

    def name(self, i: int) -> str:
        """The canonical label of row i's entity, else the row's own label."""
        return self.names[self.row_entity[i]] or self.labels[i]

    def word_rows(self, word: str) -> array[int]:
        return _lookup(self._words, word)

    def gram_rows(self, gram: str) -> array[int]:
        return _lookup(self._grams, gram)

    def exact(self, query_key: str) -> list[int]:
        """Rows whose key is the query's key, ascending."""
        words = set(query_key.split())
        if not words:
            return []
        rarest = min((self.word_rows(word) for word in words), key=len)
        keys = self.keys
        return [row for row in rarest if keys[row] == query_key]

    def candidates(self, query_key: str, limit: int | None = None) -> list[int]:
        """Rows worth scoring for a query key, ascending: every row holding all of the query's words
        (the word rule of rank), and the `limit` rows sharing the most trigrams with it (Dice)."""
        words = set(query_key.split())
        found: set[int] = set()
        postings = sorted((self.word_rows(word) for word in words), key=len)
        if postings and len(postings[0]):
            common = set(postings[0])
            for rows in postings[1:]:
                common.intersection_update(rows)
                if not common:
                    break
            found |= common
        grams = trigrams(query_key)
        counts: Counter[int] = Counter()
        for gram in grams:
            counts.update(self.gram_rows(gram))
        size, row_grams = len(grams), self.row_grams
        limit = CANDIDATES if limit is None else limit
        dice = [(2 * count / (size + row_grams[row]), row) for row, count in counts.items()]
        if len(dice) > limit:
            # Every row tied with the last one taken comes along (short names tie often), up to a cap;
            # past the cap the lower rows win, so the set never depends on dict order.
            cut = heapq.nlargest(limit, dice)[-1][0]
            chosen = [row for score, row in dice if score >= cut]
            if len(chosen) > MAX_CANDIDATES:
                chosen = [row for _, row in heapq.nsmallest(MAX_CANDIDATES, ((-s, r) for s, r in dice))]
            found.update(chosen)
        else:
            found.update(row for _, row in dice)
        return sorted(found)


def _lookup(postings: tuple[list[str], array[int], array[int]], token: str) -> array[int]:
    tokens, offsets, rows = postings
    i = bisect.bisect_left(tokens, token)
    if i == len(tokens) or tokens[i] != token:
        return array("i")
    return rows[offsets[i] : offsets[i + 1]]


def _entry_rows(store: pyoxigraph.Store) -> tuple[list[list[str]], dict[str, str]]:
    """[entity IRI, kind, label, key] rows, and each entity's canonical label (its smallest prefLabel or
    rdfs:label, as canonical_labels gives)."""
    from kg.query import select

    by_entity: dict[str, dict[str, Any]] = {}
    for row in select(store, _LABELS_QUERY):
        entity, predicate, label = row["entity"], row["p"], row["label"]
        if entity is None or label is None or predicate is None or entity.kind != "iri":
            continue
        entry = by_entity.setdefault(entity.value, {"labels": set(), "names": set(), "kind": ""})
        entry["labels"].add(label.value)
        if predicate.value in (_PREF, _RDFS_LABEL):
            entry["names"].add(label.value)
        kind_term = row.get("type")
        if kind_term is not None:
            kind = _TYPES.get(kind_term.value, "")
            # A node typed as both a country/post and a concept keeps the more specific kind.
            if kind and (not entry["kind"] or entry["kind"] == "product"):
                entry["kind"] = kind
    rows: list[list[str]] = []
    names: dict[str, str] = {}
    for iri in sorted(by_entity):
        entry = by_entity[iri]
        kind = entry["kind"] or "other"
        # Evidence and memberships are not what a person looks up; a membership's label ("Ahn Duk-geun as
        # Minister of ...") would otherwise rival the person for "Ahn".
        if (kind == "other" and "/id/ev-" in iri) or kind == "membership":
            continue
        if entry["names"]:
            names[iri] = min(entry["names"])
        for label in sorted(entry["labels"]):
            rows.append([iri, kind, label, normalize(label)])
    return rows, names


_LOADED: dict[tuple[str, str], LabelIndex] = {}  # per process: kg path resolves two names


def load_index(graph_dir: Path, store: pyoxigraph.Store | None = None) -> LabelIndex:
    """The label index, from the cache when it matches the store's source hash; built (one SPARQL label
    scan) and cached otherwise. The store is opened only when the index has to be built."""
    if store is None:
        ensure_store(graph_dir)
    memo_key = (str(graph_dir.resolve()), source_hash(graph_dir))
    if memo_key in _LOADED:
        return _LOADED[memo_key]
    data = read_cache(graph_dir, INDEX_NAME, INDEX_VERSION)
    if data is not None:
        index = LabelIndex(data)
    else:
        rows, names = _entry_rows(store if store is not None else open_store(graph_dir))
        index = LabelIndex.build(rows, names)
        write_cache(graph_dir, INDEX_NAME, INDEX_VERSION, index.payload())
    _LOADED[memo_key] = index
    return index


class _Scorer:
    """The fuzzy score of rank(): difflib ratio of the keys, the every-word rule, the squeezed ratio."""

    def __init__(self, query_key: str) -> None:
        import difflib

        self.query_words = set(query_key.split())
        self.query_counts = Counter(query_key.split())
        # difflib caches facts about the second sequence: set the query once, vary the first.
        self.matcher = difflib.SequenceMatcher(None)
        self.matcher.set_seq2(query_key)
        self.squeezed = difflib.SequenceMatcher(None)
        self.squeezed.set_seq2(query_key.replace(" ", ""))

    def score(self, key: str) -> float:
        matcher, squeezed = self.matcher, self.squeezed
        matcher.set_seq1(key)
        score = 0.0
        if matcher.real_quick_ratio() >= SUGGEST and matcher.quick_ratio() >= SUGGEST:
            score = matcher.ratio()
        words = key.split()
        query_words = self.query_words
        if (
            query_words
            and len(query_words) <= len(words)
            and query_words <= set(words)
            and not self.query_counts - Counter(words)  # "2+2" needs two 2s, not "round 2"
        ):
            # Every word of the query is in the label ("2+2" in "Korea-U.S. 2+2 Trade Dialogue").
            score = max(score, 0.88 + 0.1 * len(query_words) / len(words))
        if score < SUGGEST and " " in key:
            squeezed.set_seq1(key.replace(" ", ""))
            if squeezed.real_quick_ratio() >= SUGGEST and squeezed.quick_ratio() >= SUGGEST:
                score = squeezed.ratio() * 0.98
        return round(score, 4)


def rank(
    name: str, index: LabelIndex | list[list[str]], limit: int = 10, *, exhaustive: bool = False
) -> list[Candidate]:
    """Entities ranked by their best-matching label, best first (ties by label, then IRI).

    Exact key matches win outright; otherwise the candidate rows of the index (shared words and
    trigrams) are scored with difflib. `exhaustive` scores every row instead: the reference the
    candidate step is tested against.
    """
    if not isinstance(index, LabelIndex):
        index = LabelIndex.build(index)
    query_key = normalize(name)
    if not query_key:
        return []
    best: dict[str, Candidate] = {}
    exact = index.exact(query_key)
    if exact:
        plain = name.strip().casefold()
        for i in exact:
            iri, kind, label, _key = index.row(i)
            current = best.get(iri)
            # Among an entity's equal keys, show the label as typed, else the canonical one.
            if current is None or (current.matched.casefold() != plain and label.casefold() == plain):
                best[iri] = Candidate(iri, index.name(i), kind, label, EXACT)
    else:
        scorer = _Scorer(query_key)
        for i in range(len(index)) if exhaustive else index.candidates(query_key):
            iri, kind, label, key = index.row(i)
            score = scorer.score(key)
            if score < SUGGEST:
                continue
            current = best.get(iri)
            canonical = index.name(i)
            # Equal scores (aliases with one key, "Fe-an Jo" and "Jo Fe-an"): show the canonical label.
            if current is None or score > current.score or (score == current.score and label == canonical):
                best[iri] = Candidate(iri, canonical, kind, label, score)
    ranked = sorted(best.values(), key=lambda cand: (-cand.score, cand.matched, cand.entity))
    return ranked[:limit]


def canonical_labels(store: pyoxigraph.Store, iris: list[str]) -> dict[str, str]:
    from kg.query import select

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


def resolve(graph_dir: Path, store: pyoxigraph.Store | None, name: str) -> Candidate:
    """The one entity `name` refers to; E012 with suggestions when unknown, E014 when ambiguous.

    Served from the label index alone: with a cached index the store is not opened (store may be None).
    """
    ranked = rank(name, load_index(graph_dir, store))
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


def _group_meetings(rows: list[dict[str, Any]], labels: dict[str, str]) -> list[dict[str, Any]]:
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
            "meeting": meeting, "label": labels.get(meeting), "date": start or None,
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

    def post_groups(self) -> list[dict[str, Any]]:
        """Posts with the same written title, post, organization and tenure as one entry with all their
        sources (`posts` keeps one entry per title and sentence, as documented for --json)."""
        return group_sources(self.posts)

    def merge_groups(self) -> list[dict[str, Any]]:
        """Merge decisions with the same merged label, rule and score as one entry, articles united."""
        groups: dict[tuple[Any, ...], dict[str, Any]] = {}
        for merge in self.merges:
            group = groups.setdefault((merge["label"], merge["rule"], merge["score"]), {**merge, "docs": []})
            group["docs"] = sorted(set(group["docs"]) | set(merge["docs"]))
            group["count"] = group.get("count", 0) + 1
        return list(groups.values())


def group_sources(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Entries equal but for their "source" as one entry with a "sources" list, in first-seen order."""
    groups: dict[str, dict[str, Any]] = {}
    for item in items:
        rest = {k: v for k, v in item.items() if k != "source"}
        group = groups.setdefault(repr(sorted(rest.items())), {**rest, "sources": []})
        if item.get("source") is not None and item["source"] not in group["sources"]:
            group["sources"].append(item["source"])
    return list(groups.values())


def _v(term: Term | None) -> str | None:
    return None if term is None else term.value


def _num(term: Term | None) -> float | None:
    if term is None:
        return None
    try:
        return float(term.value)
    except ValueError:
        return None


_MEMBER, _MEMBER_OF = "http://www.w3.org/ns/org#member", "http://www.w3.org/ns/org#memberOf"
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
    from kg.query import compact_iri, select

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
    # Each article's date and places for the meeting, from that article's graph only; a place's name is
    # looked up inside the same OPTIONAL, so an article naming no place matches no place at all.
    rows = select(
        store,
        f"""SELECT ?m ?start ?place ?doc ?sentence
        (GROUP_CONCAT(DISTINCT ?other; separator="|") AS ?others) WHERE {{
        VALUES ?m {{ {meeting_values} }}
        GRAPH ?g {{ ?m prov:qualifiedDerivation ?ev }}
        OPTIONAL {{ GRAPH ?g {{ ?m schema:startDate ?start }} }}
        OPTIONAL {{ GRAPH ?g {{ ?m schema:location ?loc }} ?loc schema:name ?place }}
        ?ev kgo:sentenceText ?sentence ; prov:entity ?d . ?d kgo:fileName ?doc
        OPTIONAL {{ ?m schema:attendee ?o . FILTER(?o != {e}) ?o skos:prefLabel ?other }} }}
        GROUP BY ?m ?start ?place ?doc ?sentence ORDER BY ?start ?doc""",
    ) if meeting_iris else []
    report.meetings = _group_meetings(rows, canonical_labels(store, meeting_iris))
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
    """Links to other resources in both directions, with the articles that state them.

    A membership (person ←org:member— membership —org:organization→ organization) is a node without a
    name: it is shown as the person —org:memberOf→ organization it stands for, or left out when it
    names no organization (its post is listed under posts).
    """
    from kg.query import Term, compact_iri, select

    e = f"<{iri}>"
    skip = ", ".join(f"<{p}>" for p in _SKIP_PREDICATES)
    rows = select(
        store,
        f"""SELECT DISTINCT ?dir ?p ?o ?label ?content ?rate ?measure ?kind ?g WHERE {{
        {{ GRAPH ?g {{ {e} ?p ?o }} BIND("out" AS ?dir) }}
        UNION {{ GRAPH ?g {{ ?o ?p {e} }} BIND("in" AS ?dir) }}
        FILTER(isIRI(?o) && ?p NOT IN ({skip}))
        OPTIONAL {{ ?o skos:prefLabel ?pref }} OPTIONAL {{ ?o rdfs:label ?plain }}
        OPTIONAL {{ ?o schema:name ?named }}
        OPTIONAL {{ ?o kgo:content ?content }} OPTIONAL {{ ?o kgo:ratePercent ?rate }}
        OPTIONAL {{ ?o kgo:measureKind ?measure }}
        # a place is named by schema:name ("Washington"), not by its id
        BIND(COALESCE(?pref, ?plain, ?named) AS ?label)
        OPTIONAL {{ ?o a ?kind . FILTER(?kind != org:Organization) }}
    }}""",
    )
    rows = [{**r, "label": r["label"] or _described(r)} for r in rows]
    memberships = sorted(
        {r["o"].value for r in rows if r["dir"] and r["dir"].value == "in" and r["p"] and r["o"]
         and r["p"].value == _MEMBER}
    )  # fmt: skip
    if memberships:
        values = " ".join(f"<{m}>" for m in memberships)
        rows = [r for r in rows if not (r["o"] and r["o"].value in memberships)]
        rows += [
            {"dir": Term("literal", "out"), "p": Term("iri", _MEMBER_OF), **r}
            for r in select(
                store,
                f"""SELECT DISTINCT ?o ?label ?kind ?g WHERE {{
                VALUES ?ms {{ {values} }} GRAPH ?g {{ ?ms org:organization ?o }}
                OPTIONAL {{ ?o skos:prefLabel ?pref }} OPTIONAL {{ ?o rdfs:label ?plain }}
                BIND(COALESCE(?pref, ?plain) AS ?label)
                OPTIONAL {{ ?o a ?kind . FILTER(?kind != org:Organization) }} }}""",
            )
        ]
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


def _described(row: dict[str, Any]) -> Term | None:
    """A name for a node without a label, as kg path gives it: "25% reciprocal tariff", "statement: …"."""
    from kg.paths import unnamed_label
    from kg.query import Term

    name = unnamed_label(_v(row.get("rate")), _v(row.get("measure")), _v(row.get("content")))
    return None if name is None else Term("literal", name)


def doc_file_names(store: pyoxigraph.Store, graph_iris: list[str]) -> dict[str, str]:
    """Named graph IRI (kgr:graph-<slug>) -> the file name of its document (kgr:doc-<slug>)."""
    from kg.query import select

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
