"""Small hand-made graphs for the query-surface tests (lookup, path, neighbors, timeline), in the shape of
docs/graph-shape.md: a resolution graph with canonical labels, and one named graph per article holding
its facts, its document node and one evidence node per sentence."""

from __future__ import annotations

from pathlib import Path

from kg.prefixes import turtle_prefixes

PREFIXES = turtle_prefixes()
KGR = "https://w3id.org/kg-trade/id/"


def article(slug: str, body: str, sentences: dict[str, str]) -> str:
    """The named graph kgr:graph-<slug>: the document <slug>.txt, `body`, and evidence kgr:ev-<slug>-<key>
    for each sentence (refer to it in `body` as kgr:ev-<slug>-<key>)."""
    evidence = "\n".join(
        f'  kgr:ev-{slug}-{key} a kgo:Evidence, prov:Derivation ; prov:entity kgr:doc-{slug} ;\n'
        f'    kgo:sentenceText "{text}" ; kgo:rule "test" ; kgo:confidence 0.9 .'
        for key, text in sentences.items()
    )
    return (
        f"kgr:graph-{slug} {{\n"
        f'  kgr:doc-{slug} a schema:NewsArticle ; kgo:fileName "{slug}.txt" .\n'
        f"{body}\n{evidence}\n}}\n"
    )


def write_graph(folder: Path, resolution: str, *articles: str) -> Path:
    """folder/kg.trig from a resolution graph body and article graphs; returns the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    text = PREFIXES + "kgr:graph-resolution {\n" + resolution + "\n}\n" + "".join(articles)
    (folder / "kg.trig").write_text(text, encoding="utf-8")
    return folder


ALIASES = [
    "Minister Kim", "Trade Minister Kim", "Trade Minister Kim Min-jun", "Minister of Trade Kim Min-jun",
    "Kim Minjun", "Min-jun Kim", "Minister Min-jun Kim", "Trade Minister Min-jun Kim", "K. Min-jun",
    "Minister of Trade Min-jun Kim", "Kim, Min-jun", "Mr. Kim Min-jun",
]


def small_graph(folder: Path) -> Path:
    """Korea-US talks in three articles: a meeting two articles date May 20 and a third May 21, an undated
    meeting, an unrelated summit elsewhere, two tariffs that read alike (one dated), a request, two
    memberships (one naming no organization), and a person with no relations at all."""
    aliases = ", ".join(f'"{alias}"' for alias in ALIASES)
    resolution = f"""
  kgr:country-kr a schema:Country ; skos:prefLabel "South Korea" ; rdfs:label "South Korea" ; skos:altLabel "Korea" .
  kgr:country-us a schema:Country ; skos:prefLabel "United States" ; rdfs:label "United States" ; skos:altLabel "US" .
  kgr:country-jp a schema:Country ; skos:prefLabel "Japan" ; rdfs:label "Japan" .
  kgr:person-kim-min-jun skos:prefLabel "Kim Min-jun" ; rdfs:label "Kim Min-jun" ; skos:altLabel {aliases} .
  kgr:person-lee-ji-ho skos:prefLabel "Lee Ji-ho" ; rdfs:label "Lee Ji-ho" .
  kgr:person-john-carter skos:prefLabel "John Carter" ; rdfs:label "John Carter" .
  kgr:person-sato-ken skos:prefLabel "Sato Ken" ; rdfs:label "Sato Ken" .
  kgr:person-ana-silva skos:prefLabel "Ana Silva" ; rdfs:label "Ana Silva" .
  kgr:org-kr-motie skos:prefLabel "Ministry of Trade" ; rdfs:label "Ministry of Trade" .
  kgr:post-kr-trade-minister a org:Post ; skos:prefLabel "Minister of Trade" ; org:postIn kgr:org-kr-motie ;
    kgo:country kgr:country-kr .
  kgr:meeting-2025-05-20-aaaaaaaaaaaa skos:prefLabel "Round 2 talks (2025-05-20)" .
  kgr:meeting-undated-bbbbbbbbbbbb skos:prefLabel "Working-level meeting" .
  kgr:meeting-2025-06-01-cccccccccccc skos:prefLabel "Tokyo summit" .
"""
    a = article(
        "000-a",
        """  kgr:person-kim-min-jun a schema:Person ; schema:nationality kgr:country-kr ;
    org:holds kgr:post-kr-trade-minister ; prov:qualifiedDerivation kgr:ev-000-a-s1 .
  kgr:person-john-carter a schema:Person ; schema:nationality kgr:country-us ;
    prov:qualifiedDerivation kgr:ev-000-a-s2 .
  kgr:org-kr-motie a org:Organization ; kgo:country kgr:country-kr ; prov:qualifiedDerivation kgr:ev-000-a-s1 .
  kgr:membership-a1 a org:Membership ; org:member kgr:person-kim-min-jun ; org:organization kgr:org-kr-motie ;
    kgo:post kgr:post-kr-trade-minister ; schema:jobTitle "Trade Minister" ; kgo:tenure "current" ;
    prov:qualifiedDerivation kgr:ev-000-a-s1 .
  kgr:membership-a2 a org:Membership ; org:member kgr:person-kim-min-jun ; kgo:post kgr:post-kr-trade-minister ;
    schema:jobTitle "Minister" ; kgo:tenure "current" ; prov:qualifiedDerivation kgr:ev-000-a-s1 .
  kgr:meeting-2025-05-20-aaaaaaaaaaaa a kgo:TradeMeeting ; rdfs:label "Round 2 talks (2025-05-20)" ;
    schema:attendee kgr:person-kim-min-jun, kgr:person-john-carter, kgr:country-kr, kgr:country-us ;
    schema:startDate "2025-05-20"^^xsd:date ; schema:location kgr:place-seoul ;
    prov:qualifiedDerivation kgr:ev-000-a-s2, kgr:ev-000-a-s3 .
  kgr:place-seoul a schema:Place ; schema:name "Seoul" .
  kgr:tariff-t1 a kgo:Tariff ; kgo:ratePercent 25.0 ; kgo:measureKind "reciprocal" ; kgo:imposedBy kgr:country-us ;
    kgo:appliesTo kgr:country-kr ; kgo:effectiveFrom "2025-04-09"^^xsd:date ; prov:qualifiedDerivation kgr:ev-000-a-s4 .
  kgr:statement-st1 a kgo:Request ; kgo:actor kgr:person-kim-min-jun ; kgo:counterpart kgr:person-john-carter ;
    kgo:content "a lower tariff on cars" ; kgo:statedOn "2025-05-20"^^xsd:date ;
    prov:qualifiedDerivation kgr:ev-000-a-s3 .""",
        {
            "s1": "Trade Minister Kim Min-jun led the delegation.",
            "s2": "Kim met John Carter in Seoul on May 20.",
            "s3": "Kim asked Carter for a lower tariff on cars.",
            "s4": "A 25 percent reciprocal tariff took effect on April 9.",
        },
    )
    b = article(
        "001-b",
        """  kgr:person-kim-min-jun a schema:Person ; schema:nationality kgr:country-kr ;
    prov:qualifiedDerivation kgr:ev-001-b-s1 .
  kgr:person-lee-ji-ho a schema:Person ; schema:nationality kgr:country-kr ; prov:qualifiedDerivation kgr:ev-001-b-s2 .
  kgr:membership-b1 a org:Membership ; org:member kgr:person-kim-min-jun ; org:organization kgr:org-kr-motie ;
    kgo:post kgr:post-kr-trade-minister ; schema:jobTitle "Trade Minister" ; kgo:tenure "current" ;
    prov:qualifiedDerivation kgr:ev-001-b-s1 .
  kgr:meeting-2025-05-20-aaaaaaaaaaaa a kgo:TradeMeeting ;
    schema:attendee kgr:person-kim-min-jun, kgr:person-lee-ji-ho ;
    schema:startDate "2025-05-20"^^xsd:date ; prov:qualifiedDerivation kgr:ev-001-b-s2 .
  kgr:meeting-undated-bbbbbbbbbbbb a kgo:TradeMeeting ; schema:attendee kgr:person-kim-min-jun ;
    prov:qualifiedDerivation kgr:ev-001-b-s3 .""",
        {
            "s1": "Trade Minister Kim said the talks went well.",
            "s2": "The second round opened on Tuesday.",
            "s3": "Kim later joined a working-level meeting.",
        },
    )
    c = article(
        "002-c",
        """  kgr:meeting-2025-05-20-aaaaaaaaaaaa a kgo:TradeMeeting ; schema:attendee kgr:person-kim-min-jun ;
    schema:startDate "2025-05-21"^^xsd:date ; schema:location kgr:place-washington ;
    prov:qualifiedDerivation kgr:ev-002-c-s1 .
  kgr:place-washington a schema:Place ; schema:name "Washington" .
  kgr:meeting-2025-06-01-cccccccccccc a kgo:TradeMeeting ; rdfs:label "Tokyo summit" ;
    schema:attendee kgr:person-sato-ken, kgr:country-jp, kgr:country-us ; schema:startDate "2025-06-01"^^xsd:date ;
    schema:location kgr:place-tokyo ; prov:qualifiedDerivation kgr:ev-002-c-s2 .
  kgr:place-tokyo a schema:Place ; schema:name "Tokyo" .
  kgr:person-sato-ken a schema:Person ; schema:nationality kgr:country-jp ; prov:qualifiedDerivation kgr:ev-002-c-s2 .
  kgr:person-ana-silva a schema:Person ; prov:qualifiedDerivation kgr:ev-002-c-s3 .
  kgr:tariff-t2 a kgo:Tariff ; kgo:ratePercent 25.0 ; kgo:measureKind "reciprocal" ; kgo:imposedBy kgr:country-us ;
    kgo:appliesTo kgr:country-kr ; prov:qualifiedDerivation kgr:ev-002-c-s4 .""",
        {
            "s1": "The talks began on May 21 in Washington.",
            "s2": "Sato Ken hosted a summit in Tokyo on June 1.",
            "s3": "Ana Silva, an analyst, was not surprised.",
            "s4": "Washington kept another 25 percent reciprocal tariff on Korean steel.",
        },
    )
    return write_graph(folder, resolution, a, b, c)
