"""Resolved extractions -> an RDF dataset, exactly as docs/graph-shape.md describes.

One named graph per document (what that document says, with its evidence) and one resolution graph
(canonical labels, reference facts, the merge log and the product concepts).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable, Mapping
from datetime import date
from decimal import Decimal
from pathlib import PurePath
from typing import Any

from rdflib import RDF, RDFS, XSD, Dataset, Graph, Literal, URIRef
from rdflib.namespace import ORG, PROV, SDO, SKOS

from kg.model import DocExtraction, Evidence, Meeting, Resolution, Tariff
from kg.rdf.namespace import KGO, KGR
from kg.reference import customs_unions

RESOLUTION_GRAPH = "graph-resolution"
PRODUCT_SCHEME = "products"

# Organization kinds that are a state body: typed schema:GovernmentOrganization as well.
GOVERNMENT_KINDS = ("agency", "government", "legislature", "ministry")

STATEMENT_CLASSES: dict[str, URIRef] = {
    "agreement": KGO.Agreement,
    "demand": KGO.Demand,
    "offer": KGO.Offer,
    "proposal": KGO.Proposal,
    "request": KGO.Request,
}


def slug(text: str) -> str:
    """Accents removed, lower case, runs of non-alphanumerics -> "-", no leading/trailing "-"."""
    decomposed = unicodedata.normalize("NFKD", text)
    ascii_only = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return re.sub(r"[^a-z0-9]+", "-", ascii_only.lower()).strip("-")


def iri(local_name: str) -> URIRef:
    """The resource IRI for `local_name`; "/" is refused (SPARQL prefixed names cannot hold it)."""
    if not local_name or "/" in local_name:
        raise ValueError(f"invalid resource local name: {local_name!r}")
    return KGR[local_name]


def short_hash(*parts: object) -> str:
    """First 12 hex digits of sha1 over the parts joined by a unit separator."""
    key = "\x1f".join(str(part) for part in parts)
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


def doc_slug(doc_id: str) -> str:
    return slug(PurePath(doc_id).stem)


def doc_iri(doc_id: str) -> URIRef:
    return iri(f"doc-{doc_slug(doc_id)}")


def graph_iri(doc_id: str) -> URIRef:
    return iri(f"graph-{doc_slug(doc_id)}")


def evidence_iri(ev: Evidence) -> URIRef:
    return iri(f"ev-{short_hash(ev.doc_id, ev.start, ev.end, ev.rule)}")


def membership_iri(person_gid: str, post_id: str) -> URIRef:
    return iri(f"membership-{short_hash(person_gid + post_id)}")


def post_id(post_key: str) -> str:
    return f"post-{slug(post_key)}"


def place_iri(name: str) -> URIRef:
    return iri(f"place-{slug(name) or short_hash(name)}")


def product_iri(key: str) -> URIRef:
    return iri(f"product-{slug(key)}")


def decimal_literal(value: float, places: int | None = None) -> Literal:
    """xsd:decimal with a deterministic lexical form: 25.0 -> "25", 0.8999 (2 places) -> "0.9"."""
    number = Decimal(repr(round(value, places) if places is not None else value))
    if places is not None:
        number = number.quantize(Decimal(1).scaleb(-places))
    lexical = format(number.normalize(), "f")
    if lexical in ("-0", ""):
        lexical = "0"
    return Literal(lexical, datatype=XSD.decimal)


def date_literal(value: date) -> Literal:
    return Literal(value.isoformat(), datatype=XSD.date)


def int_literal(value: int) -> Literal:
    return Literal(str(value), datatype=XSD.integer)


# Reference data (kg.reference) is written by another engineer; every lookup is guarded so the
# graph still builds, with ISO codes as labels, when it is missing or incomplete.
def _reference() -> Any | None:
    try:
        import kg.reference as reference
    except ImportError:
        return None
    return reference


def _country_label(iso: str) -> str:
    reference = _reference()
    if reference is not None and hasattr(reference, "country_by_iso"):
        try:
            info = reference.country_by_iso(iso)
        except Exception:  # noqa: BLE001 - reference data is optional here
            info = None
        name = getattr(info, "name", None)
        if isinstance(name, str) and name:
            return name
    return iso


def _reference_items(function_name: str) -> dict[str, Any]:
    reference = _reference()
    function = getattr(reference, function_name, None) if reference is not None else None
    if function is None:
        return {}
    try:
        items = list(function())
    except Exception:  # noqa: BLE001
        return {}
    return {item.ref_id: item for item in items if isinstance(getattr(item, "ref_id", None), str)}


class _Builder:
    def __init__(self, res: Resolution, products: Mapping[str, tuple[str, str | None]]) -> None:
        self.res = res
        self.products = products
        self.ds = Dataset()
        self.resolution = self.ds.graph(iri(RESOLUTION_GRAPH))
        self.institutions = _reference_items("institutions")
        self.post_defs = _reference_items("posts")
        self.countries: set[str] = set()  # ISO codes referred to anywhere
        self.org_refs: set[str] = set()  # reference institution ids referred to anywhere
        self.post_labels: dict[str, list[str]] = {}  # post id -> labels given by holdings
        self.product_keys: set[str] = set()
        self.fallback_labels: dict[str, str] = {}  # global id -> label, when resolution has none
        self.memberships: dict[URIRef, tuple[str, str]] = {}  # membership -> (person gid, post id)

    # ids ---------------------------------------------------------------------------------------

    def gid(self, doc_id: str, ref: str, kind: str) -> str:
        """Global id from the Resolution; an id it does not know gets a stable hashed one."""
        try:
            gid = self.res.gid(doc_id, ref)
        except KeyError:
            gid = f"{kind}-{short_hash(doc_id, ref)}"
        if gid.startswith("country-"):
            self.countries.add(gid[len("country-"):].upper())
        return gid

    def ref_node(self, doc_id: str, ref: str) -> URIRef:
        return iri(self.gid(doc_id, ref, "entity"))

    def country_node(self, iso: str) -> URIRef:
        """The country's node; the country is described in the resolution graph at the end."""
        self.countries.add(iso.upper())
        return iri(f"country-{iso.lower()}")

    # per document ------------------------------------------------------------------------------

    def add_document(self, ex: DocExtraction) -> None:
        doc = ex.doc
        graph = self.ds.graph(graph_iri(doc.doc_id))
        node = doc_iri(doc.doc_id)
        graph.add((node, RDF.type, SDO.NewsArticle))
        graph.add((node, KGO.fileName, Literal(doc.doc_id)))
        graph.add((node, KGO.contentHash, Literal(doc.sha256)))
        if doc.title:
            graph.add((node, SDO.headline, Literal(doc.title)))
        if doc.outlet:
            graph.add((node, SDO.publisher, Literal(doc.outlet)))
        if doc.published is not None:
            graph.add((node, SDO.datePublished, date_literal(doc.published)))
        if doc.published_source:
            graph.add((node, KGO.datePublishedSource, Literal(doc.published_source)))
        if doc.url and not re.search(r"[\s<>\"{}|\\^`]", doc.url):
            graph.add((node, SDO.url, URIRef(doc.url)))

        mentioned: set[URIRef] = set()
        for country in ex.countries:
            mentioned.add(self.ref_node(doc.doc_id, country.iso))
        for person in ex.persons:
            mentioned.add(self.add_person(graph, ex, person))
        for organization in ex.organizations:
            mentioned.add(self.add_organization(graph, ex, organization))
        for holding in ex.holdings:
            self.add_holding(graph, ex, holding)
        for meeting in ex.meetings:
            mentioned.add(self.add_meeting(graph, ex, meeting))
        for tariff in ex.tariffs:
            mentioned.add(self.add_tariff(graph, ex, tariff))
        for statement in ex.statements:
            subject = iri(self.gid(doc.doc_id, statement.local_id, "statement"))
            cls = STATEMENT_CLASSES.get(statement.kind, KGO.PositionStatement)
            graph.add((subject, RDF.type, cls))
            graph.add((subject, KGO.actor, self.ref_node(doc.doc_id, statement.actor)))
            if statement.counterpart:
                graph.add((subject, KGO.counterpart, self.ref_node(doc.doc_id, statement.counterpart)))
            graph.add((subject, KGO.content, Literal(statement.content)))
            if statement.stated_on is not None:
                graph.add((subject, KGO.statedOn, date_literal(statement.stated_on)))
            if statement.meeting:
                graph.add((subject, KGO.madeAt, self.ref_node(doc.doc_id, statement.meeting)))
            self.add_evidence(graph, subject, statement.evidence)
        for figure in ex.figures:
            subject = iri(self.gid(doc.doc_id, figure.local_id, "figure"))
            graph.add((subject, RDF.type, KGO.Figure))
            graph.add((subject, KGO.figureKind, Literal(figure.kind)))
            graph.add((subject, SDO.value, decimal_literal(figure.value)))
            graph.add((subject, SDO.unitText, Literal(figure.unit)))
            if figure.subject:
                graph.add((subject, KGO.figureSubject, self.ref_node(doc.doc_id, figure.subject)))
            if figure.year is not None:
                graph.add((subject, KGO.referenceYear, int_literal(figure.year)))
            if figure.text:
                graph.add((subject, SDO.description, Literal(figure.text)))
            self.add_evidence(graph, subject, figure.evidence)
        for entity in mentioned:
            graph.add((node, SDO.mentions, entity))

    def add_evidence(self, graph: Graph, subject: URIRef, evidence: Iterable[Evidence]) -> None:
        for ev in evidence:
            node = evidence_iri(ev)
            source = doc_iri(ev.doc_id)
            graph.add((subject, PROV.wasDerivedFrom, source))
            graph.add((subject, PROV.qualifiedDerivation, node))
            graph.add((node, RDF.type, KGO.Evidence))
            graph.add((node, RDF.type, PROV.Derivation))
            graph.add((node, PROV.entity, source))
            graph.add((node, KGO.sentenceText, Literal(ev.sentence)))
            graph.add((node, KGO.sentenceOffset, int_literal(ev.sentence_start)))
            graph.add((node, KGO.startOffset, int_literal(ev.start)))
            graph.add((node, KGO.endOffset, int_literal(ev.end)))
            graph.add((node, KGO.rule, Literal(ev.rule)))
            graph.add((node, KGO.confidence, decimal_literal(ev.confidence, 2)))

    def add_person(self, graph: Graph, ex: DocExtraction, person: Any) -> URIRef:
        gid = self.gid(ex.doc.doc_id, person.local_id, "person")
        subject = iri(gid)
        graph.add((subject, RDF.type, SDO.Person))
        for form in sorted({person.name, *person.aliases}):
            if form:
                graph.add((subject, SKOS.altLabel, Literal(form)))
        if person.country:
            graph.add((subject, SDO.nationality, self.ref_node(ex.doc.doc_id, person.country)))
        self.add_evidence(graph, subject, person.evidence)
        self.note_label(gid, person.name)
        return subject

    def add_organization(self, graph: Graph, ex: DocExtraction, organization: Any) -> URIRef:
        gid = self.gid(ex.doc.doc_id, organization.local_id, "org")
        subject = iri(gid)
        graph.add((subject, RDF.type, ORG.Organization))
        government = organization.kind in GOVERNMENT_KINDS
        graph.add((subject, RDF.type, SDO.GovernmentOrganization if government else SDO.Organization))
        graph.add((subject, KGO.orgKind, Literal(organization.kind)))
        if organization.country:
            graph.add((subject, KGO.country, self.ref_node(ex.doc.doc_id, organization.country)))
        if organization.ref_id:
            graph.add((subject, KGO.refId, Literal(organization.ref_id)))
        for form in sorted({organization.name, *organization.aliases}):
            if form:
                graph.add((subject, SKOS.altLabel, Literal(form)))
        self.add_evidence(graph, subject, organization.evidence)
        self.note_label(gid, organization.name)
        return subject

    def add_holding(self, graph: Graph, ex: DocExtraction, holding: Any) -> None:
        doc_id = ex.doc.doc_id
        person_gid = self.gid(doc_id, holding.person, "person")
        person = iri(person_gid)
        pid = post_id(holding.post_key)
        post = iri(pid)
        self.post_labels.setdefault(pid, []).append(holding.post_label or holding.title)
        graph.add((post, RDF.type, ORG.Post))
        organization: URIRef | None = None
        if holding.organization:
            organization = self.ref_node(doc_id, holding.organization)
        elif holding.org_ref:
            organization = iri(f"org-{slug(holding.org_ref)}")
            self.org_refs.add(holding.org_ref)
        if organization is not None:
            graph.add((post, ORG.postIn, organization))
        if holding.country:
            graph.add((post, KGO.country, self.ref_node(doc_id, holding.country)))
        graph.add((person, ORG.holds, post))
        membership = membership_iri(person_gid, pid)
        self.memberships[membership] = (person_gid, pid)
        graph.add((membership, RDF.type, ORG.Membership))
        graph.add((membership, ORG.member, person))
        if organization is not None:
            graph.add((membership, ORG.organization, organization))
        graph.add((membership, KGO.post, post))
        graph.add((membership, SDO.jobTitle, Literal(holding.title)))
        graph.add((membership, KGO.tenure, Literal(holding.tenure)))
        self.add_evidence(graph, membership, holding.evidence)

    def add_meeting(self, graph: Graph, ex: DocExtraction, meeting: Meeting) -> URIRef:
        doc_id = ex.doc.doc_id
        gid = self.gid(doc_id, meeting.local_id, "meeting")
        subject = iri(gid)
        graph.add((subject, RDF.type, KGO.TradeMeeting))
        graph.add((subject, SKOS.altLabel, Literal(meeting.label)))  # the canonical label is in the resolution graph
        for ref in [*meeting.participants, *meeting.countries]:
            graph.add((subject, SDO.attendee, self.ref_node(doc_id, ref)))
        if meeting.start is not None:
            graph.add((subject, SDO.startDate, date_literal(meeting.start)))
        if meeting.end is not None:
            graph.add((subject, SDO.endDate, date_literal(meeting.end)))
        optional_texts = (
            (KGO.dateText, meeting.date_text),
            (KGO.datePrecision, meeting.date_precision),
            (KGO.dateNote, meeting.date_note),
            (KGO.meetingFormat, meeting.format),
        )
        for predicate, text in optional_texts:
            if text:
                graph.add((subject, predicate, Literal(text)))
        graph.add((subject, KGO.dateResolution, Literal(meeting.date_resolution)))
        graph.add((subject, KGO.status, Literal(meeting.status)))
        graph.add((subject, KGO.eventType, Literal(meeting.event_type)))
        city = self.add_place(graph, meeting.location) if meeting.location else None
        if meeting.venue:
            venue = self.add_place(graph, meeting.venue)
            if city is not None:
                graph.add((venue, SDO.containedInPlace, city))
            graph.add((subject, SDO.location, venue))
        elif city is not None:
            graph.add((subject, SDO.location, city))
        if meeting.round is not None:
            graph.add((subject, KGO.round, int_literal(meeting.round)))
        for topic in meeting.topics:
            graph.add((subject, SDO.keywords, Literal(topic)))
        for ref in meeting.requested_by:
            graph.add((subject, KGO.requestedBy, self.ref_node(doc_id, ref)))
        for ref in meeting.hosts:
            graph.add((subject, SDO.organizer, self.ref_node(doc_id, ref)))
        for outcome in meeting.outcomes:
            graph.add((subject, KGO.outcome, Literal(outcome)))
        self.add_evidence(graph, subject, meeting.evidence)
        return subject

    def add_place(self, graph: Graph, written: str) -> URIRef:
        """The place node for a written place: its canonical name, the spelling as an altLabel, and
        the country whose capital it is."""
        place = self.res.places.get(written)
        if place is None:
            subject = place_iri(written)
            graph.add((subject, RDF.type, SDO.Place))
            graph.add((subject, SDO.name, Literal(written)))
            return subject
        subject = iri(place.gid)
        graph.add((subject, RDF.type, SDO.Place))
        graph.add((subject, SDO.name, Literal(place.label)))
        if written != place.label:
            graph.add((subject, SKOS.altLabel, Literal(written)))
        if place.country is not None:
            graph.add((subject, SDO.containedInPlace, self.country_node(place.country)))
        return subject

    def add_tariff(self, graph: Graph, ex: DocExtraction, tariff: Tariff) -> URIRef:
        doc_id = ex.doc.doc_id
        subject = iri(self.gid(doc_id, tariff.local_id, "tariff"))
        graph.add((subject, RDF.type, KGO.Tariff))
        if tariff.rate_percent is not None:
            graph.add((subject, KGO.ratePercent, decimal_literal(tariff.rate_percent)))
        graph.add((subject, KGO.measureKind, Literal(tariff.kind)))
        for key in tariff.products:
            self.product_keys.add(key)
            graph.add((subject, KGO.coversProduct, product_iri(key)))
        if tariff.imposed_by:
            graph.add((subject, KGO.imposedBy, self.party_node(doc_id, tariff.imposed_by)))
        if tariff.applies_to:
            graph.add((subject, KGO.appliesTo, self.party_node(doc_id, tariff.applies_to)))
        if tariff.all_partners:
            graph.add((subject, KGO.appliesToAllPartners, Literal(True)))
        if tariff.status is not None:
            graph.add((subject, KGO.status, Literal(tariff.status)))
        if tariff.effective_from is not None:
            graph.add((subject, KGO.effectiveFrom, date_literal(tariff.effective_from)))
        if tariff.until is not None:
            graph.add((subject, KGO.validUntil, date_literal(tariff.until)))
        if tariff.replaces:
            graph.add((subject, KGO.replaces, self.ref_node(doc_id, tariff.replaces)))
        self.add_evidence(graph, subject, tariff.evidence)
        return subject

    def party_node(self, doc_id: str, code: str) -> URIRef:
        """A tariff's party: a country, or a customs union (`kgr:bloc-mercosur`, a kgo:CustomsUnion and
        schema:Organization with its name in the resolution graph) for the codes
        the shipped reference data defines (kg.reference.customs_unions)."""
        union = customs_unions().get(code)
        if union is None:
            return self.ref_node(doc_id, code)
        node = iri(f"bloc-{slug(union.code)}")
        graph = self.resolution
        if (node, RDF.type, KGO.CustomsUnion) not in graph:
            # a schema:Organization, not an org:Organization: that class is for the organizations articles
            # name, each with its evidence or a reference id
            for kind in (KGO.CustomsUnion, SDO.Organization):
                graph.add((node, RDF.type, kind))
            graph.add((node, SDO.identifier, Literal(union.code)))
            graph.add((node, SKOS.prefLabel, Literal(union.name)))
            graph.add((node, RDFS.label, Literal(union.name)))
            for form in sorted(set(union.written) - {union.name}):
                graph.add((node, SKOS.altLabel, Literal(form)))
        return node

    def note_label(self, gid: str, written: str) -> None:
        """Fallback label for an entity the Resolution gave none: its longest written form."""
        if not written or gid in self.res.pref_labels:
            return
        current = self.fallback_labels.get(gid)
        if current is None or (-len(written), written) < (-len(current), current):
            self.fallback_labels[gid] = written

    # resolution graph --------------------------------------------------------------------------

    def add_resolution(self) -> None:
        graph = self.resolution
        labels = {**self.fallback_labels, **self.res.pref_labels}
        for gid in sorted(set(labels) | set(self.res.alt_labels)):
            subject = iri(gid)
            label = labels.get(gid)
            if label:
                graph.add((subject, SKOS.prefLabel, Literal(label)))
                graph.add((subject, RDFS.label, Literal(label)))
            for alias in sorted(self.res.alt_labels.get(gid, set())):
                graph.add((subject, SKOS.altLabel, Literal(alias)))
        for ref_id in sorted(self.org_refs):
            self.add_reference_institution(ref_id)
        post_names: dict[str, str] = {}
        for pid in sorted(self.post_labels):
            subject = iri(pid)
            key = pid[len("post-"):]
            post_def = self.post_defs.get(key)
            label = getattr(post_def, "label", None) if post_def is not None else None
            if not isinstance(label, str) or not label:
                # The label most holdings gave; ties broken alphabetically.
                given = self.post_labels[pid]
                label = min(sorted(set(given)), key=lambda text: -given.count(text))
            graph.add((subject, RDF.type, ORG.Post))
            graph.add((subject, SKOS.prefLabel, Literal(label)))
            graph.add((subject, RDFS.label, Literal(label)))
            post_names[pid] = label
            institution = getattr(post_def, "institution", None) if post_def is not None else None
            if isinstance(institution, str) and institution:
                graph.add((subject, ORG.postIn, iri(f"org-{slug(institution)}")))
                self.add_reference_institution(institution)
        # A membership reads as who holds what: "Chang Sung-gil as Director-General for Trade Policy".
        for membership, (person_gid, pid) in sorted(self.memberships.items()):
            person_label = labels.get(person_gid)
            if person_label and pid in post_names:
                graph.add((membership, RDFS.label, Literal(f"{person_label} as {post_names[pid]}")))
        # Last: reference institutions above may have named more countries.
        for iso in sorted(self.countries):
            subject = iri(f"country-{iso.lower()}")
            label = _country_label(iso)
            graph.add((subject, RDF.type, SDO.Country))
            graph.add((subject, SDO.identifier, Literal(iso)))
            if (subject, SKOS.prefLabel, None) not in graph:
                graph.add((subject, SKOS.prefLabel, Literal(label)))
                graph.add((subject, RDFS.label, Literal(label)))
        if self.product_keys:
            scheme = iri(PRODUCT_SCHEME)
            graph.add((scheme, RDF.type, SKOS.ConceptScheme))
            graph.add((scheme, SKOS.prefLabel, Literal("Traded products")))
            for key in sorted(self.product_keys):
                subject = product_iri(key)
                label, chapter = self.products.get(key, (key, None))
                graph.add((subject, RDF.type, SKOS.Concept))
                graph.add((subject, SKOS.prefLabel, Literal(label)))
                graph.add((subject, SKOS.inScheme, scheme))
                if chapter:
                    graph.add((subject, SKOS.notation, Literal(chapter)))
        for record in self.res.merges:
            doc_ids = sorted(record.doc_ids)
            merge_key = short_hash(record.into, record.label, record.rule, record.score, *doc_ids)
            node = iri(f"merge-{merge_key}")
            graph.add((iri(record.into), KGO.mergeDecision, node))
            graph.add((node, RDF.type, KGO.MergeDecision))
            graph.add((node, RDF.type, PROV.Activity))
            graph.add((node, KGO.mergedLabel, Literal(record.label)))
            graph.add((node, KGO.mergeRule, Literal(record.rule)))
            graph.add((node, KGO.mergeScore, decimal_literal(record.score, 2)))
            for doc_id in sorted(record.doc_ids):
                graph.add((node, PROV.used, doc_iri(doc_id)))

    def add_reference_institution(self, ref_id: str) -> None:
        graph = self.resolution
        subject = iri(f"org-{slug(ref_id)}")
        institution = self.institutions.get(ref_id)
        graph.add((subject, KGO.refId, Literal(ref_id)))
        graph.add((subject, RDF.type, ORG.Organization))
        if institution is None:
            graph.add((subject, RDF.type, SDO.Organization))
            return
        kind = getattr(institution, "kind", "other") or "other"
        government = kind in GOVERNMENT_KINDS
        graph.add((subject, RDF.type, SDO.GovernmentOrganization if government else SDO.Organization))
        graph.add((subject, KGO.orgKind, Literal(kind)))
        name = getattr(institution, "name", None)
        if isinstance(name, str) and name and (subject, SKOS.prefLabel, None) not in graph:
            graph.add((subject, SKOS.prefLabel, Literal(name)))
            graph.add((subject, RDFS.label, Literal(name)))
        country = getattr(institution, "country", None)
        if isinstance(country, str) and len(country) == 2:
            graph.add((subject, KGO.country, self.country_node(country)))


def build_dataset(res: Resolution, products: Mapping[str, tuple[str, str | None]] | None = None) -> Dataset:
    """The dataset for `res`: a named graph per document plus kgr:graph-resolution."""
    builder = _Builder(res, products or {})
    for ex in sorted(res.extractions, key=lambda item: item.doc.doc_id):
        builder.add_document(ex)
    builder.add_resolution()
    return builder.ds
