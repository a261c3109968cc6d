"""The data that flows between pipeline stages.

documents -> mentions and per-document facts (extract) -> resolved ids (resolve) -> RDF (rdf).

Per-document records use *local ids* ("p1", "o2", "m1"), unique within one document. Countries are
referred to by ISO 3166-1 alpha-2 code ("KR", "US"); reference institutions by their reference id
("kr-motie"). Resolution maps every (doc_id, local_id) to a global id, which becomes the IRI's local
name. Nothing here knows about RDF.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

# Confidence is the extractor's estimate that the fact is stated by the sentence as recorded:
# 0.9+ a precise pattern with every slot filled from the sentence; 0.7-0.9 a pattern that used
# context (an earlier sentence, the publication date); 0.5-0.7 a loose cue (statistical NER alone,
# a tense guess). It is not a calibrated probability.


@dataclass(frozen=True, order=True)
class Evidence:
    """Where a fact comes from: one sentence of one document."""

    doc_id: str  # the source file name, e.g. "000_f91083b060d69e82.txt"
    start: int  # character offsets of the supporting span in Document.text
    end: int
    sentence: str  # the whole sentence, as in Document.text
    sentence_start: int  # offset of the sentence in Document.text
    rule: str  # the rule or component that produced the fact, e.g. "post.title_before_name"
    confidence: float


@dataclass
class Document:
    doc_id: str  # source file name
    text: str  # text after page furniture was removed; all offsets refer to it
    sha256: str  # of the raw file bytes
    title: str | None = None
    outlet: str | None = None
    published: date | None = None
    published_source: str | None = None  # "index" | "text" | "inferred" | None
    url: str | None = None
    removed_lines: list[str] = field(default_factory=list)  # furniture removed by ingest


@dataclass
class Person:
    local_id: str
    name: str  # the fullest name written in the document, without title
    aliases: list[str] = field(default_factory=list)  # every form written, e.g. "Minister Ahn"
    country: str | None = None  # ISO alpha-2
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class Organization:
    local_id: str
    name: str  # as written (fullest form)
    aliases: list[str] = field(default_factory=list)
    kind: str = "other"  # ministry|agency|government|legislature|company|media|association|international|other
    country: str | None = None  # ISO alpha-2
    ref_id: str | None = None  # id in the shipped reference data, when it is a known institution
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class CountryMention:
    iso: str  # ISO alpha-2, e.g. "KR"
    written: list[str] = field(default_factory=list)  # "Seoul", "South Korean", "Korea"
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class PostHolding:
    """A person holds a post, according to one document."""

    person: str  # Person.local_id
    title: str  # the title as written: "Industry Minister"
    post_key: str  # normalised post: reference post id ("kr-motie-minister") or a slug of the title
    post_label: str  # normalised post label: "Minister of Trade, Industry and Energy"
    organization: str | None = None  # Organization.local_id in this document, or None
    org_ref: str | None = None  # reference institution id implied by the title, or None
    country: str | None = None  # ISO alpha-2
    tenure: str = "current"  # current|former|acting|new|incoming
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class Meeting:
    local_id: str
    label: str  # a readable name: "Korea-U.S. 2+2 Trade Dialogue"
    event_type: str = "meeting"  # meeting|talks|dialogue|consultation|summit|interview|...
    participants: list[str] = field(default_factory=list)  # Person/Organization local ids
    countries: list[str] = field(default_factory=list)  # ISO alpha-2 of participating countries
    start: date | None = None
    end: date | None = None  # equal to start for one day; None when unknown
    date_text: str | None = None  # the words as written: "on Tuesday"
    date_precision: str | None = None  # day|range|week|month|year
    date_resolution: str = "unknown"  # explicit|resolved|inferred|unknown
    date_note: str | None = None  # why a date is unresolved, or how it was resolved
    location: str | None = None  # city or region as written: "Washington, D.C."
    venue: str | None = None  # "International Convention Center"
    format: str | None = None  # "2+2", "ministerial", "working-level", "technical"
    round: int | None = None  # 2 for "second round"
    topics: list[str] = field(default_factory=list)
    status: str = "held"  # planned|held|ongoing|postponed|cancelled
    requested_by: list[str] = field(default_factory=list)  # local ids or ISO codes
    hosts: list[str] = field(default_factory=list)
    outcomes: list[str] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    label_composed: bool = False  # the label was made up by kg ("KR-US talks (2025-05-20)"), not written


@dataclass
class Tariff:
    local_id: str
    rate_percent: float | None
    kind: str = "other"  # reciprocal|sectoral|universal|retaliatory|other
    products: list[str] = field(default_factory=list)  # normalised product keys: "automobiles"
    # ISO alpha-2, the pseudo-code EU, or a customs union's code ("MERCOSUR", kg.reference.customs_unions)
    imposed_by: str | None = None
    applies_to: str | None = None  # the same kinds of code; None when unknown or all partners
    all_partners: bool = False
    # announced|in force|suspended|threatened|proposed|agreed|previous; None when the text states none
    status: str | None = None
    effective_from: date | None = None
    until: date | None = None  # end of a pause or a deadline
    replaces: str | None = None  # local id of the measure this one changes ("lowered from 25 to 15")
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class Statement:
    """A position taken: a request, offer, demand or agreement."""

    local_id: str
    kind: str  # request|offer|demand|agreement|proposal
    actor: str  # Person/Organization local id or ISO code
    counterpart: str | None = None
    content: str = ""  # what was requested/offered/agreed, as written
    stated_on: date | None = None
    meeting: str | None = None  # Meeting.local_id, when made at a meeting
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class Figure:
    local_id: str
    kind: str  # trade_surplus|investment|purchase|troops|other
    value: float
    unit: str  # "USD", "percent", "persons", ...
    subject: str | None = None  # local id or ISO code the figure is about
    year: int | None = None
    text: str = ""  # as written: "$56.6 billion"
    evidence: list[Evidence] = field(default_factory=list)


@dataclass(frozen=True)
class Mention:
    """A span of text that names or refers to an entity, after within-document resolution."""

    start: int
    end: int
    text: str
    kind: str  # person|organization|country|title|place|date|money|percent
    ref: str | None  # Person/Organization local id, ISO code for a country, None if unresolved
    rule: str


@dataclass
class DocExtraction:
    """Everything extracted from one document, with local ids."""

    doc: Document
    mentions: list[Mention] = field(default_factory=list)
    persons: list[Person] = field(default_factory=list)
    organizations: list[Organization] = field(default_factory=list)
    countries: list[CountryMention] = field(default_factory=list)
    holdings: list[PostHolding] = field(default_factory=list)
    meetings: list[Meeting] = field(default_factory=list)
    tariffs: list[Tariff] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)


@dataclass(frozen=True)
class MergeRecord:
    """One resolution decision, kept so a user can see and undo it."""

    into: str  # global id of the surviving entity
    label: str  # the label that was merged in
    rule: str  # e.g. "name.order_insensitive", "name.misspelling+same_post"
    score: float
    doc_ids: tuple[str, ...]


@dataclass(frozen=True)
class ResolvedPlace:
    """One place however it is written: "Washington", "Washington DC", "Washington, D.C."."""

    gid: str  # "place-washington"
    label: str  # the canonical name
    country: str | None = None  # ISO code of the country whose capital it is


@dataclass
class Resolution:
    """Maps every local id to a global id, with canonical labels and the merge log."""

    extractions: list[DocExtraction]
    ids: dict[tuple[str, str], str] = field(default_factory=dict)  # (doc_id, local_id) -> global id
    pref_labels: dict[str, str] = field(default_factory=dict)  # global id -> canonical label
    alt_labels: dict[str, set[str]] = field(default_factory=dict)  # global id -> aliases
    merges: list[MergeRecord] = field(default_factory=list)
    places: dict[str, ResolvedPlace] = field(default_factory=dict)  # written place -> resolved place

    def gid(self, doc_id: str, ref: str) -> str:
        """The global id for a local id or an ISO country code used in `doc_id`."""
        if (doc_id, ref) in self.ids:
            return self.ids[(doc_id, ref)]
        if len(ref) == 2 and ref.isupper():
            return f"country-{ref.lower()}"
        raise KeyError(f"{doc_id}: unknown reference {ref!r}")
