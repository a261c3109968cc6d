"""One person holding two posts in one document, one of them at a reference institution."""

from datetime import date

from kg.model import (
    DocExtraction,
    Document,
    Evidence,
    MergeRecord,
    Organization,
    Person,
    PostHolding,
    Resolution,
)

DOC = "010_person.txt"
TEXT = "Trade Minister Kim Min-jun, who also chairs the Export Council, arrived on Monday."
SENTENCE = TEXT


def _evidence(span: str, rule: str, confidence: float) -> Evidence:
    start = TEXT.index(span)
    return Evidence(DOC, start, start + len(span), SENTENCE, 0, rule, confidence)


def resolution() -> Resolution:
    doc = Document(
        doc_id=DOC,
        text=TEXT,
        sha256="a" * 64,
        title="Minister arrives",
        outlet="Example Daily",
        published=date(2025, 7, 1),
        published_source="index",
        url="https://example.org/a",
    )
    person = Person(
        "p1",
        "Kim Min-jun",
        aliases=["Minister Kim"],
        country="KR",
        evidence=[_evidence("Kim Min-jun", "person.ner", 0.9)],
    )
    council = Organization(
        "o1",
        "Export Council",
        kind="association",
        country="KR",
        evidence=[_evidence("Export Council", "org.capitalised_phrase", 0.6)],
    )
    minister = PostHolding(
        "p1",
        "Trade Minister",
        "kr-trade-minister",
        "Minister of Trade",
        org_ref="kr-motie",
        country="KR",
        evidence=[_evidence("Trade Minister Kim Min-jun", "post.title_before_name", 0.95)],
    )
    chair = PostHolding(
        "p1",
        "chairs",
        "chair-export-council",
        "Chair",
        organization="o1",
        country="KR",
        evidence=[_evidence("chairs the Export Council", "post.verb_chairs", 0.7)],
    )
    extraction = DocExtraction(doc=doc, persons=[person], organizations=[council], holdings=[minister, chair])
    return Resolution(
        extractions=[extraction],
        ids={(DOC, "p1"): "person-kim-min-jun", (DOC, "o1"): "org-export-council"},
        pref_labels={"person-kim-min-jun": "Kim Min-jun"},
        alt_labels={"person-kim-min-jun": {"Minister Kim", "Kim Minjun"}},
        merges=[MergeRecord("person-kim-min-jun", "Kim Minjun", "name.hyphen_insensitive", 0.92, (DOC,))],
    )
