"""The project's namespaces. Project terms (KGO) fail on a typo, like rdflib's own namespaces.

Standard vocabularies come first: W3C ORG, schema.org (rdflib's SDO, https://schema.org/), SKOS,
PROV-O. KGO holds only what none of them has; every term is declared in ontology/kg.ttl with an
rdfs:label and rdfs:comment, and a test keeps the two in step.
"""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

from kg.prefixes import KGO_IRI, KGR_IRI

# Resources (people, posts, meetings, evidence...). Local names never contain "/".
KGR = Namespace(KGR_IRI)


class KGO(DefinedNamespace):
    """kg-trade ontology: terms with no standard equivalent."""

    _fail = True
    _NS = Namespace(KGO_IRI)

    # classes
    TradeMeeting: URIRef  # a meeting, talks, dialogue or consultation about trade (⊑ schema:Event)
    TradeMeasure: URIRef  # a measure one country applies to trade with others
    Tariff: URIRef  # a duty at a rate (⊑ TradeMeasure)
    CustomsUnion: URIRef  # countries with one external tariff, a party to tariffs (⊑ schema:Organization)
    PositionStatement: URIRef  # a position taken by an actor towards a counterpart
    Request: URIRef
    Offer: URIRef
    Demand: URIRef
    Agreement: URIRef
    Proposal: URIRef
    Evidence: URIRef  # a sentence of a document that supports a fact (⊑ prov:Derivation)
    MergeDecision: URIRef  # a resolution decision (⊑ prov:Activity)
    Figure: URIRef  # a reported quantity: trade surplus, investment pledge (⊑ schema:QuantitativeValue)

    # evidence
    sentenceText: URIRef
    sentenceOffset: URIRef
    startOffset: URIRef
    endOffset: URIRef
    rule: URIRef
    confidence: URIRef

    # documents
    fileName: URIRef
    contentHash: URIRef
    datePublishedSource: URIRef

    # organizations, countries, posts
    country: URIRef  # the country an organization or post belongs to
    orgKind: URIRef
    refId: URIRef  # id of a shipped reference institution
    post: URIRef  # membership -> the org:Post held
    tenure: URIRef  # current|former|acting|new|incoming

    # meetings
    eventType: URIRef
    meetingFormat: URIRef
    round: URIRef
    status: URIRef  # meetings and measures
    dateText: URIRef
    datePrecision: URIRef
    dateResolution: URIRef
    dateNote: URIRef
    requestedBy: URIRef
    outcome: URIRef

    # tariffs
    ratePercent: URIRef
    measureKind: URIRef
    coversProduct: URIRef
    imposedBy: URIRef
    appliesTo: URIRef
    appliesToAllPartners: URIRef
    effectiveFrom: URIRef
    validUntil: URIRef
    replaces: URIRef

    # statements
    actor: URIRef
    counterpart: URIRef
    content: URIRef
    statedOn: URIRef
    madeAt: URIRef

    # figures
    figureKind: URIRef
    figureSubject: URIRef
    referenceYear: URIRef

    # resolution
    mergeDecision: URIRef  # entity -> MergeDecision
    mergedLabel: URIRef
    mergeRule: URIRef
    mergeScore: URIRef
