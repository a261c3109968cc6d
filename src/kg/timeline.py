"""Dated events in order: meetings, tariff start and end dates, statements, each with its source sentence.

A meeting that two articles date differently appears once per date, each with its own source, so the
disagreement stays visible.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from kg.errors import KgError
from kg.query import select

if TYPE_CHECKING:
    import pyoxigraph

_EVENTS = """
SELECT DISTINCT ?event ?kind ?date ?label ?doc ?sentence WHERE {
  {
    GRAPH ?g { ?event a kgo:TradeMeeting ; schema:startDate ?date ; prov:qualifiedDerivation ?ev }
    OPTIONAL { ?event rdfs:label ?label }
    BIND("meeting" AS ?kind)
  } UNION {
    GRAPH ?g { ?event a kgo:Tariff ; kgo:effectiveFrom ?date ; prov:qualifiedDerivation ?ev }
    OPTIONAL { ?event kgo:ratePercent ?rate } OPTIONAL { ?event kgo:measureKind ?mk }
    BIND(CONCAT(COALESCE(CONCAT(STR(?rate), "% "), ""), COALESCE(CONCAT(?mk, " "), ""),
                "tariff takes effect") AS ?label)
    BIND("tariff" AS ?kind)
  } UNION {
    GRAPH ?g { ?event a kgo:Tariff ; kgo:validUntil ?date ; prov:qualifiedDerivation ?ev }
    OPTIONAL { ?event kgo:ratePercent ?rate } OPTIONAL { ?event kgo:measureKind ?mk }
    BIND(CONCAT(COALESCE(CONCAT(STR(?rate), "% "), ""), COALESCE(CONCAT(?mk, " "), ""),
                "tariff: end or deadline") AS ?label)
    BIND("tariff-deadline" AS ?kind)
  } UNION {
    GRAPH ?g { ?event a kgo:PositionStatement ; kgo:statedOn ?date ; prov:qualifiedDerivation ?ev }
    OPTIONAL { ?event kgo:content ?label }
    BIND("statement" AS ?kind)
  } UNION {
    GRAPH ?g { ?event kgo:statedOn ?date ; prov:qualifiedDerivation ?ev ; a ?st }
    FILTER(?st IN (kgo:Request, kgo:Offer, kgo:Demand, kgo:Agreement, kgo:Proposal))
    OPTIONAL { ?event kgo:content ?label }
    BIND("statement" AS ?kind)
  }
  ?ev kgo:sentenceText ?sentence ; prov:entity ?d . ?d kgo:fileName ?doc .
}
"""

_PARTIES = """
SELECT DISTINCT ?event ?party ?country WHERE {
  ?event schema:attendee|kgo:actor|kgo:counterpart|kgo:imposedBy|kgo:appliesTo ?party .
  OPTIONAL { ?party schema:nationality|kgo:country ?c0 }
  OPTIONAL { ?party a schema:Country . BIND(?party AS ?c1) }
  BIND(COALESCE(?c1, ?c0) AS ?country)
}
"""


@dataclass
class Event:
    date: str
    kind: str  # meeting | tariff | tariff-deadline | statement
    label: str
    event: str  # IRI
    doc: str
    sentence: str
    parties: list[str] = field(default_factory=list)  # IRIs of attendees / actors / countries


def _check_date(text: str | None, option: str) -> str | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text.strip()).isoformat()
    except ValueError:
        raise KgError("E019", path=option, reason=f"'{text}' is not a date (YYYY-MM-DD)") from None


def timeline(
    store: pyoxigraph.Store,
    *,
    participant: str | None = None,
    countries: list[str] | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
) -> list[Event]:
    """Events in date order. `participant` is an entity IRI; `countries` are country IRIs that must
    all take part (through an attendee, actor, imposer or target of that country)."""
    low, high = _check_date(date_from, "--from"), _check_date(date_to, "--to")
    parties: dict[str, set[str]] = {}
    party_countries: dict[str, set[str]] = {}
    for row in select(store, _PARTIES):
        if row["event"] is None or row["party"] is None:
            continue
        parties.setdefault(row["event"].value, set()).add(row["party"].value)
        if row["country"] is not None:
            party_countries.setdefault(row["event"].value, set()).add(row["country"].value)
    events: list[Event] = []
    for row in select(store, _EVENTS):
        event, kind, day, doc, sentence = (row[key] for key in ("event", "kind", "date", "doc", "sentence"))
        if event is None or kind is None or day is None or doc is None or sentence is None:
            continue
        iri, when = event.value, day.value
        if (low and when < low) or (high and when > high):
            continue
        if participant and participant not in parties.get(iri, set()):
            continue
        if countries and not set(countries) <= party_countries.get(iri, set()):
            continue
        label = row["label"].value if row["label"] is not None else iri.rsplit("/", 1)[-1]
        events.append(
            Event(when, kind.value, label, iri, doc.value, sentence.value, sorted(parties.get(iri, set())))
        )
    events.sort(key=lambda ev: (ev.date, ev.kind, ev.label, ev.event, ev.doc, ev.sentence))
    return events


def events_json(events: list[Event]) -> list[dict[str, Any]]:
    return [asdict(event) for event in events]
