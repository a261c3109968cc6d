"""Dated events in order: meetings, tariff start and end dates, statements, each once with its sources.

An event is a (node, kind, date): a meeting that two articles date differently appears once per date,
each with the sources that give that date, so the disagreement stays visible. Each event carries its
places (named by the articles that date it), its parties (attendees, actors, counterparts, imposing
and target countries) and the sentences it was read from.

Every event of the graph is read with a few SPARQL queries and cached beside the store
(`store/timeline.pickle`, keyed to the store's source hash); filters then run in Python, so a filtered
timeline of a large graph costs little more than loading the cache.
"""

from __future__ import annotations

import bisect
import sys
from array import array
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.errors import KgError
from kg.paths import unnamed_label
from kg.store import ensure_store, int_array, open_store, read_cache, write_cache

if TYPE_CHECKING:
    import pyoxigraph

CACHE_NAME = "timeline.pickle"
CACHE_VERSION = 2

# The evidence sits in the same article graph as the dated fact (docs/graph-shape.md); matching it inside
# GRAPH ?g is also what keeps this query fast on a large graph (a join outside the UNION was not).
_SOURCE = "prov:qualifiedDerivation ?ev . ?ev kgo:sentenceText ?sentence ; prov:entity ?d . ?d kgo:fileName ?doc"
_EVENTS = f"""
SELECT DISTINCT ?event ?kind ?date ?g ?doc ?sentence WHERE {{
  {{ GRAPH ?g {{ ?event a kgo:TradeMeeting ; schema:startDate ?date ; {_SOURCE} }} BIND("meeting" AS ?kind) }}
  UNION {{ GRAPH ?g {{ ?event a kgo:Tariff ; kgo:effectiveFrom ?date ; {_SOURCE} }} BIND("tariff" AS ?kind) }}
  UNION {{ GRAPH ?g {{ ?event a kgo:Tariff ; kgo:validUntil ?date ; {_SOURCE} }} BIND("tariff-deadline" AS ?kind) }}
  UNION {{
    GRAPH ?g {{ ?event kgo:statedOn ?date ; a ?st ; {_SOURCE} }}
    FILTER(?st IN (kgo:PositionStatement, kgo:Request, kgo:Offer, kgo:Demand, kgo:Agreement, kgo:Proposal))
    BIND("statement" AS ?kind)
  }}
}}
"""
_PARTIES = """
SELECT DISTINCT ?event ?role ?party WHERE {
  { ?event schema:attendee ?party BIND("attendee" AS ?role) }
  UNION { ?event kgo:actor ?party BIND("actor" AS ?role) }
  UNION { ?event kgo:counterpart ?party BIND("counterpart" AS ?role) }
  UNION { ?event kgo:imposedBy ?party BIND("imposer" AS ?role) }
  UNION { ?event kgo:appliesTo ?party BIND("target" AS ?role) }
}
"""
_COUNTRIES = """
SELECT DISTINCT ?party ?country WHERE {
  { ?party schema:nationality|kgo:country ?country } UNION { ?party a schema:Country BIND(?party AS ?country) }
}
"""
_LABELS = """
SELECT ?node ?p ?label WHERE { VALUES ?p { skos:prefLabel rdfs:label } ?node ?p ?label }
"""
_KINDS = """
SELECT DISTINCT ?node ?type WHERE {
  ?node a ?type . FILTER(?type IN (schema:Person, org:Organization, schema:Country))
}
"""
_TARIFFS = "SELECT DISTINCT ?t ?p ?v WHERE { VALUES ?p { kgo:ratePercent kgo:measureKind } ?t ?p ?v }"
_CONTENT = "SELECT DISTINCT ?s ?content WHERE { ?s kgo:statedOn ?date ; kgo:content ?content }"
# Places of anything; only a meeting's are kept (joined on the meeting and the article graph in Python).
_PLACES = "SELECT DISTINCT ?event ?g ?place WHERE { GRAPH ?g { ?event schema:location ?loc } ?loc schema:name ?place }"
_KIND_OF = {
    "https://schema.org/Person": "person",
    "http://www.w3.org/ns/org#Organization": "organization",
    "https://schema.org/Country": "country",
}
_ROLES = ("attendee", "actor", "counterpart", "imposer", "target")
_ROLE_ORDER = {role: i for i, role in enumerate(_ROLES)}
_KIND_ORDER = {"person": 0, "organization": 1, "country": 2}


@dataclass
class Party:
    iri: str
    label: str
    kind: str  # person | organization | country | other
    role: str  # attendee | actor | counterpart | imposer | target


@dataclass
class Source:
    doc: str
    sentence: str


@dataclass
class Event:
    date: str
    kind: str  # meeting | tariff | tariff-deadline | statement
    label: str
    event: str  # IRI
    places: list[str] = field(default_factory=list)  # named by the articles that give this date
    parties: list[Party] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)


def _check_date(text: str | None, option: str) -> str | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text.strip()).isoformat()
    except ValueError:
        raise KgError("E019", path=option, reason=f"'{text}' is not a date (YYYY-MM-DD)") from None


def _label(values: list[str], iri: str) -> str:
    return min(values) if values else iri.rsplit("/", 1)[-1]


def _table(store: pyoxigraph.Store) -> dict[str, Any]:
    """Every event of the graph with its places, parties and sources, as plain data (the cache)."""
    from kg.query import select

    def value(row: dict[str, Any], key: str) -> str | None:
        term = row.get(key)
        return None if term is None else term.value

    labels: dict[str, dict[str, list[str]]] = {}
    for row in select(store, _LABELS):
        node, pred, label = value(row, "node"), value(row, "p"), value(row, "label")
        if node and pred and label is not None:
            labels.setdefault(node, {}).setdefault(pred.rsplit("#", 1)[-1], []).append(label)

    def name(iri: str) -> str:
        # The canonical label: skos:prefLabel, else rdfs:label (an article's own name for the node).
        found = labels.get(iri, {})
        return _label(found.get("prefLabel") or found.get("label") or [], iri)

    tariffs: dict[str, dict[str, str]] = {}
    for row in select(store, _TARIFFS):
        t, pred, v = value(row, "t"), value(row, "p"), value(row, "v")
        if t and pred and v is not None:
            slot = tariffs.setdefault(t, {})
            key = pred.rsplit("#", 1)[-1]
            # Two rates or kinds for one tariff: keep the smallest, so output does not follow row order.
            slot[key] = min(slot.get(key, v), v)
    contents: dict[str, list[str]] = {}
    for row in select(store, _CONTENT):
        s, content = value(row, "s"), value(row, "content")
        if s and content is not None:
            contents.setdefault(s, []).append(content)
    places: dict[tuple[str, str], set[str]] = {}
    for row in select(store, _PLACES):
        event, graph, place = value(row, "event"), value(row, "g"), value(row, "place")
        if event and graph and place and place.strip():
            places.setdefault((event, graph), set()).add(place.strip())

    entries: dict[tuple[str, str, str], dict[str, Any]] = {}
    for row in select(store, _EVENTS):
        event, kind, day = value(row, "event"), value(row, "kind"), value(row, "date")
        graph, doc, sentence = value(row, "g"), value(row, "doc"), value(row, "sentence")
        if not (event and kind and day and graph and doc and sentence is not None):
            continue
        entry = entries.setdefault((event, kind, day), {"graphs": set(), "sources": set()})
        entry["graphs"].add(graph)
        entry["sources"].add((doc, sentence))

    kinds: dict[str, str] = {}
    for row in select(store, _KINDS):
        node, kind_iri = value(row, "node"), value(row, "type")
        if node and kind_iri:
            kind = _KIND_OF.get(kind_iri, "other")
            if node not in kinds or _KIND_ORDER[kind] < _KIND_ORDER.get(kinds[node], 9):
                kinds[node] = kind
    parties: dict[str, set[tuple[str, str]]] = {}
    for row in select(store, _PARTIES):
        event, role, party = value(row, "event"), value(row, "role"), value(row, "party")
        if event and role and party:
            parties.setdefault(event, set()).add((party, role))
    party_countries: dict[str, set[str]] = {}
    for row in select(store, _COUNTRIES):
        party, country = value(row, "party"), value(row, "country")
        if party and country:
            party_countries.setdefault(party, set()).add(country)

    rows: list[tuple[Any, ...]] = []
    for (event, kind, day), entry in entries.items():
        if kind == "meeting":
            label = name(event)
        elif kind.startswith("tariff"):
            rate, measure = tariffs.get(event, {}).get("ratePercent"), tariffs.get(event, {}).get("measureKind")
            what = " takes effect" if kind == "tariff" else ": end or deadline"
            label = f"{unnamed_label(rate, measure, None) or 'tariff'}{what}"  # as kg path names it
        else:
            label = _label(contents.get(event, []), event)
        where = sorted(set().union(*(places.get((event, g), set()) for g in entry["graphs"])))
        rows.append((day, kind, label, event, where, sorted(parties.get(event, ())), sorted(entry["sources"])))
    rows.sort(key=lambda ev: (ev[0], ev[1], ev[2], ev[3]))
    return _columns(rows, name, kinds, party_countries)


def _columns(
    rows: list[tuple[Any, ...]],
    name: Callable[[str], str],
    kinds: dict[str, str],
    party_countries: dict[str, set[str]],
) -> dict[str, Any]:
    """The cache: parties, countries and documents numbered once, and per-event lists as offsets into
    flat integer arrays, so it unpickles in milliseconds and a filter touches only the events it keeps."""
    numbers: dict[str, dict[str, int]] = {"party": {}, "country": {}, "doc": {}}

    def number(table: str, text: str) -> int:
        return numbers[table].setdefault(text, len(numbers[table]))

    party_at, party_items = array("i", [0]), array("i")
    source_at, source_docs, sentences = array("i", [0]), array("i"), []
    for _day, _kind, _label, _event, _places, event_parties, sources in rows:
        for party, role in event_parties:
            party_items.append(number("party", party) * len(_ROLES) + _ROLE_ORDER[role])
        party_at.append(len(party_items))
        for doc, sentence in sources:
            source_docs.append(number("doc", doc))
            sentences.append(sentence)
        source_at.append(len(source_docs))
    parties = list(numbers["party"])
    country_at, country_items = array("i", [0]), array("i")
    for party in parties:
        country_items.extend(number("country", c) for c in sorted(party_countries.get(party, ())))
        country_at.append(len(country_items))
    return {
        "dates": [r[0] for r in rows], "kinds": [sys.intern(r[1]) for r in rows], "labels": [r[2] for r in rows],
        "iris": [r[3] for r in rows], "places": [r[4] for r in rows],
        "party_at": party_at.tobytes(), "party_items": party_items.tobytes(),
        "source_at": source_at.tobytes(), "source_docs": source_docs.tobytes(), "sentences": sentences,
        "docs": list(numbers["doc"]), "parties": parties,
        "party_labels": [name(p) for p in parties], "party_kinds": [kinds.get(p, "other") for p in parties],
        "countries": list(numbers["country"]), "country_at": country_at.tobytes(),
        "country_items": country_items.tobytes(),
    }  # fmt: skip


def _load_table(store: pyoxigraph.Store | None, graph_dir: Path | None) -> dict[str, Any]:
    if graph_dir is None:
        if store is None:
            raise ValueError("timeline needs a store or a graph folder")
        return _table(store)
    if store is None:
        ensure_store(graph_dir)
    cached = read_cache(graph_dir, CACHE_NAME, CACHE_VERSION)
    if cached is not None:
        return cached
    table = _table(store if store is not None else open_store(graph_dir))
    write_cache(graph_dir, CACHE_NAME, CACHE_VERSION, table)
    return table


def timeline(
    store: pyoxigraph.Store | None,
    *,
    graph_dir: Path | None = None,
    participant: str | None = None,
    countries: list[str] | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
) -> list[Event]:
    """Events in date order (then kind, label, IRI). `participant` is an entity IRI that must be a party;
    `countries` are country IRIs that must all take part (as a party, or as the nationality or country
    of one). With `graph_dir` the events come from its cache (the store is opened only to build it)."""
    low, high = _check_date(date_from, "--from"), _check_date(date_to, "--to")
    t = _load_table(store, graph_dir)
    dates: list[str] = t["dates"]
    party_at, party_items = int_array(t["party_at"]), int_array(t["party_items"])
    roles = len(_ROLES)
    # Events are sorted by date: the date range is a slice.
    first = bisect.bisect_left(dates, low) if low else 0
    last = bisect.bisect_right(dates, high) if high else len(dates)
    chosen: Iterable[int] = range(first, last)
    if participant:
        number = {iri: i for i, iri in enumerate(t["parties"])}.get(participant)
        if number is None:
            return []
        chosen = [
            i for i in chosen if any(x // roles == number for x in party_items[party_at[i] : party_at[i + 1]])
        ]
    if countries:
        country_number = {iri: i for i, iri in enumerate(t["countries"])}
        wanted = {country_number.get(c, -1) for c in countries}
        if -1 in wanted:
            return []
        country_at, country_items = int_array(t["country_at"]), int_array(t["country_items"])

        def takes_part(i: int) -> set[int]:
            found: set[int] = set()
            for x in party_items[party_at[i] : party_at[i + 1]]:
                p = x // roles
                found.update(country_items[country_at[p] : country_at[p + 1]])
            return found

        chosen = [i for i in chosen if wanted <= takes_part(i)]
    source_at, source_docs = int_array(t["source_at"]), int_array(t["source_docs"])
    events: list[Event] = []
    for i in chosen:
        members = []
        for x in party_items[party_at[i] : party_at[i + 1]]:
            p, role = divmod(x, roles)
            members.append(Party(t["parties"][p], t["party_labels"][p], t["party_kinds"][p], _ROLES[role]))
        members.sort(key=lambda m: (_ROLE_ORDER.get(m.role, 9), _KIND_ORDER.get(m.kind, 9), m.label, m.iri))
        sources = [
            Source(t["docs"][source_docs[j]], t["sentences"][j]) for j in range(source_at[i], source_at[i + 1])
        ]
        places = list(t["places"][i])
        events.append(Event(dates[i], t["kinds"][i], t["labels"][i], t["iris"][i], places, members, sources))
    return events


def events_json(events: list[Event]) -> list[dict[str, Any]]:
    return [asdict(event) for event in events]
