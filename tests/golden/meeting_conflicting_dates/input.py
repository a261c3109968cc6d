"""A meeting reported by two documents that give two different dates, with a statement made at it."""

from datetime import date

from kg.model import (
    CountryMention,
    DocExtraction,
    Document,
    Evidence,
    Figure,
    Meeting,
    Resolution,
    Statement,
)

DOC_A = "020_first.txt"
DOC_B = "021_second.txt"
TEXT_A = "The two sides held trade talks in Washington on July 3. Seoul asked for a lower tariff."
TEXT_B = "The trade talks took place at the Commerce Building in Washington on July 4."


def _evidence(doc_id: str, text: str, span: str, rule: str, confidence: float) -> Evidence:
    start = text.index(span)
    sentence_start = text.rfind(". ", 0, start)
    sentence_start = 0 if sentence_start < 0 else sentence_start + 2
    sentence_end = text.find(".", start) + 1
    return Evidence(
        doc_id, start, start + len(span), text[sentence_start:sentence_end], sentence_start, rule, confidence
    )


def resolution() -> Resolution:
    doc_a = Document(
        doc_id=DOC_A, text=TEXT_A, sha256="b" * 64, published=date(2025, 7, 5), published_source="text"
    )
    doc_b = Document(doc_id=DOC_B, text=TEXT_B, sha256="c" * 64)
    meeting_a = Meeting(
        "m1",
        "Korea-U.S. trade talks",
        event_type="talks",
        countries=["KR", "US"],
        start=date(2025, 7, 3),
        end=date(2025, 7, 3),
        date_text="on July 3",
        date_precision="day",
        date_resolution="explicit",
        location="Washington",
        topics=["tariffs"],
        round=2,
        evidence=[
            _evidence(DOC_A, TEXT_A, "held trade talks in Washington on July 3", "meeting.held_talks", 0.9)
        ],
    )
    request = Statement(
        "s1",
        "request",
        actor="KR",
        counterpart="US",
        content="a lower tariff",
        meeting="m1",
        stated_on=date(2025, 7, 3),
        evidence=[_evidence(DOC_A, TEXT_A, "Seoul asked for a lower tariff", "statement.asked_for", 0.8)],
    )
    surplus = Figure(
        "f1",
        "trade_surplus",
        55.6e9,
        "USD",
        subject="KR",
        year=2024,
        text="$55.6 billion",
        evidence=[_evidence(DOC_A, TEXT_A, "trade talks", "figure.money", 0.5)],
    )
    meeting_b = Meeting(
        "m1",
        "trade talks",
        event_type="talks",
        start=date(2025, 7, 4),
        date_text="on July 4",
        date_precision="day",
        date_resolution="explicit",
        location="Washington",
        venue="Commerce Building",
        status="held",
        evidence=[
            _evidence(
                DOC_B,
                TEXT_B,
                "took place at the Commerce Building in Washington on July 4",
                "meeting.took_place",
                0.85,
            )
        ],
    )
    return Resolution(
        extractions=[
            DocExtraction(doc=doc_b, meetings=[meeting_b]),
            DocExtraction(
                doc=doc_a,
                countries=[CountryMention("KR", ["Seoul"]), CountryMention("US", [])],
                meetings=[meeting_a],
                statements=[request],
                figures=[surplus],
            ),
        ],
        ids={
            (DOC_A, "m1"): "meeting-2025-07-03-0a1b2c3d4e5f",
            (DOC_B, "m1"): "meeting-2025-07-03-0a1b2c3d4e5f",
            (DOC_A, "s1"): "statement-111111111111",
            (DOC_A, "f1"): "figure-222222222222",
        },
        pref_labels={"meeting-2025-07-03-0a1b2c3d4e5f": "Korea-U.S. trade talks"},
    )
