"""Hand-built graphs of our shape (docs/graph-shape.md) for the view's tests and benchmark.

The people and events here are invented; they exist only to exercise the view.
"""

from __future__ import annotations

import hashlib

from rdflib import RDF, SKOS, XSD, Graph, Literal, URIRef
from rdflib.namespace import PROV, SDO, Namespace

from kg.rdf.namespace import KGO, KGR

ORG = Namespace("http://www.w3.org/ns/org#")


def _hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


class GraphBuilder:
    """Adds nodes with evidence the way the pipeline writes them."""

    def __init__(self) -> None:
        self.graph = Graph()

    def document(self, slug: str, headline: str, outlet: str, published: str, url: str) -> URIRef:
        doc = KGR[f"doc-{slug}"]
        g = self.graph
        g.add((doc, RDF.type, SDO.NewsArticle))
        g.add((doc, KGO.fileName, Literal(f"{slug}.txt")))
        g.add((doc, SDO.headline, Literal(headline)))
        g.add((doc, SDO.publisher, Literal(outlet)))
        g.add((doc, SDO.datePublished, Literal(published, datatype=XSD.date)))
        g.add((doc, SDO.url, URIRef(url)))
        return doc

    def evidence(self, fact: URIRef, doc: URIRef, sentence: str, rule: str = "test.rule") -> None:
        ev = KGR[f"ev-{_hash(str(fact) + sentence)}"]
        g = self.graph
        g.add((fact, PROV.wasDerivedFrom, doc))
        g.add((fact, PROV.qualifiedDerivation, ev))
        g.add((ev, RDF.type, KGO.Evidence))
        g.add((ev, RDF.type, PROV.Derivation))
        g.add((ev, PROV.entity, doc))
        g.add((ev, KGO.sentenceText, Literal(sentence)))
        g.add((ev, KGO.rule, Literal(rule)))
        g.add((ev, KGO.confidence, Literal("0.9", datatype=XSD.decimal)))
        g.add((doc, SDO.mentions, fact))

    def node(self, local: str, rdf_type: URIRef, label: str, aliases: tuple[str, ...] = ()) -> URIRef:
        node = KGR[local]
        self.graph.add((node, RDF.type, rdf_type))
        self.graph.add((node, SKOS.prefLabel, Literal(label)))
        for alias in aliases:
            self.graph.add((node, SKOS.altLabel, Literal(alias)))
        return node

    def holding(
        self, person: URIRef, post: URIRef, org: URIRef, job_title: str, doc: URIRef, sentence: str,
    ) -> None:
        g = self.graph
        membership = KGR[f"membership-{_hash(str(person) + str(post))}"]
        g.add((person, ORG.holds, post))
        g.add((post, ORG.postIn, org))
        g.add((membership, RDF.type, ORG.Membership))
        g.add((membership, ORG.member, person))
        g.add((membership, ORG.organization, org))
        g.add((membership, KGO.post, post))
        g.add((membership, SDO.jobTitle, Literal(job_title)))
        g.add((membership, KGO.tenure, Literal("current")))
        self.evidence(membership, doc, sentence, "post.title_before_name")

    def meeting(
        self, key: str, label: str, day: str, attendees: list[URIRef], doc: URIRef, sentence: str,
    ) -> URIRef:
        meeting = self.node(f"meeting-{day}-{_hash(key)}", KGO.TradeMeeting, label)
        self.graph.add((meeting, SDO.startDate, Literal(day, datatype=XSD.date)))
        for attendee in attendees:
            self.graph.add((meeting, SDO.attendee, attendee))
        self.evidence(meeting, doc, sentence, "meeting.verb_with")
        return meeting


def sample_graph(name_a: str = "Kim Do-hyun", name_b: str = "Alex Parker",
                 sentence_extra: str = "", url: str = "https://news.example.org/a1") -> Graph:
    """A small graph like the sample articles' (two countries, two ministers, a meeting, a tariff)."""
    b = GraphBuilder()
    doc = b.document("001-sample", "Seoul and Washington resume tariff talks", "Example News",
                     "2025-07-25", url)
    doc2 = b.document("002-sample", "Tariff deal reached", "Other Wire", "2025-08-01",
                      "https://wire.example.com/b2")
    kr = b.node("country-kr", SDO.Country, "South Korea", ("Korea", "Seoul"))
    us = b.node("country-us", SDO.Country, "United States", ("US", "Washington"))
    b.graph.add((kr, SDO.identifier, Literal("KR")))
    b.graph.add((us, SDO.identifier, Literal("US")))
    ministry = b.node("org-kr-ministry", ORG.Organization, "Ministry of Trade, Industry and Energy",
                      ("MOTIE",))
    b.graph.add((ministry, RDF.type, SDO.GovernmentOrganization))
    b.graph.add((ministry, KGO.country, kr))
    office = b.node("org-us-ustr", ORG.Organization, "Office of the United States Trade Representative",
                    ("USTR",))
    b.graph.add((office, RDF.type, SDO.GovernmentOrganization))
    b.graph.add((office, KGO.country, us))
    person_a = b.node("person-a", SDO.Person, name_a, (f"Minister {name_a.split()[0]}",))
    person_b = b.node("person-b", SDO.Person, name_b, (f"Mr. {name_b.split()[-1]}",))
    first_sentence = f"Trade Minister {name_a} met {name_b} in Washington.{sentence_extra}"
    b.evidence(person_a, doc, first_sentence, "person.title_before_name")
    b.evidence(person_b, doc, first_sentence, "person.title_before_name")
    b.evidence(person_a, doc2, f"{name_a} said the deal was fair.", "person.name_shape")
    post_a = b.node("post-kr-trade-minister", ORG.Post, "Trade Minister")
    post_b = b.node("post-us-trade-representative", ORG.Post, "Trade Representative")
    b.holding(person_a, post_a, ministry, "Trade Minister", doc, first_sentence)
    b.holding(person_b, post_b, office, "U.S. Trade Representative", doc, first_sentence)
    b.meeting("talks-1", "Korea–US tariff talks", "2025-07-24", [person_a, person_b, kr, us], doc,
              first_sentence)
    b.meeting("talks-2", "Tariff deal talks", "2025-07-31", [person_a, person_b], doc2,
              f"{name_a} and {name_b} reached a deal on July 31.")
    tariff = b.node(f"tariff-{_hash('t1')}", KGO.Tariff, "25% tariff on autos")
    product = b.node("product-87", SKOS.Concept, "Vehicles")
    b.graph.add((product, SKOS.inScheme, KGR.products))
    b.graph.add((tariff, KGO.ratePercent, Literal("25", datatype=XSD.decimal)))
    b.graph.add((tariff, KGO.imposedBy, us))
    b.graph.add((tariff, KGO.appliesTo, kr))
    b.graph.add((tariff, KGO.coversProduct, product))
    b.graph.add((tariff, KGO.effectiveFrom, Literal("2025-08-01", datatype=XSD.date)))
    b.evidence(tariff, doc2, "The 25% tariff on autos takes effect on August 1.", "tariff.rate_on_product")
    return b.graph


def synthetic_graph(n_nodes: int) -> Graph:
    """A graph of about `n_nodes` drawn nodes: people holding posts, attending meetings, deterministic."""
    b = GraphBuilder()
    countries = [b.node(f"country-c{i}", SDO.Country, f"Country {i}") for i in range(10)]
    docs = [b.document(f"doc-{i}", f"Article {i}", "Synthetic Wire",
                       f"2025-{1 + i % 12:02d}-{1 + i % 28:02d}",
                       f"https://example.org/{i}") for i in range(50)]
    remaining = max(n_nodes - len(countries), 0)
    # Per "cluster": 1 organization, 1 post, 4 people, 1 meeting = 7 nodes.
    clusters = max(remaining // 7, 1)
    for c in range(clusters):
        doc = docs[c % len(docs)]
        country = countries[c % len(countries)]
        org = b.node(f"org-o{c}", ORG.Organization, f"Agency {c}")
        b.graph.add((org, KGO.country, country))
        post = b.node(f"post-p{c}", ORG.Post, f"Director {c}")
        people = []
        for p in range(4):
            person = b.node(f"person-{c}-{p}", SDO.Person, f"Person {c}-{p}")
            b.evidence(person, doc, f"Person {c}-{p} spoke about tariffs.")
            people.append(person)
        b.holding(people[0], post, org, f"Director {c}", doc, f"Director {c} Person {c}-0 said.")
        partner = countries[(c * 7 + 3) % len(countries)]
        day = f"2025-{1 + c % 12:02d}-{1 + c % 28:02d}"
        b.meeting(f"m{c}", f"Talks {c}", day, [*people, country, partner], doc, f"Talks {c} were held.")
    return b.graph
