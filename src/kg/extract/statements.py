"""Positions taken (requests, offers, demands, agreements, proposals) and figures (money, troops)."""

from __future__ import annotations

import re
from datetime import date

from kg.extract.tariffs import SentenceSpan
from kg.model import Figure, Mention, Statement

# up to the end of the sentence or clause; the dots of "U.S." or "D.C." do not end it
_CLAUSE = r"(?:[^.;]|\.(?=\S)|(?<=\b[A-Z])\.)+"

_KINDS = [
    ("request", re.compile(r"\b(?:requested|asked|urged|called on)\b\s+(?P<content>"+_CLAUSE+")", re.I)),
    (
        "demand",
        re.compile(
            r"\b(?:demand(?:ed|s)?|insist(?:ed|s)? on|press(?:ed)? for)\b\s+(?P<content>"+_CLAUSE+")", re.I
        ),
    ),
    (
        "agreement",
        re.compile(
            r"\b(?:agreed (?:to|on)|reached (?:a|an)\s+[\w\s]*?agreement on)\s+(?P<content>"+_CLAUSE+")", re.I
        ),
    ),
    ("proposal", re.compile(r"\b(?:proposed|suggested)\s+(?P<content>"+_CLAUSE+")", re.I)),
    (
        "offer",
        re.compile(
            r"\b(?:offer(?:ed|s)?|willing to (?:discuss|consider)|pledged?)\s+(?P<content>"+_CLAUSE+")", re.I
        ),
    ),
]
_AGREE_TO_HOLD = re.compile(r"^(hold|meet)\b", re.I)
_MONEY = re.compile(
    r"(?P<cur>\$|US\$|USD\s?|₩|KRW\s?|€|EUR\s?)\s?(?P<num>\d[\d,]*(?:\.\d+)?)\s*(?P<scale>trillion|billion|million|bn|tn|m)?\b",
    re.I,
)
_TROOPS = re.compile(
    r"\b(?P<num>\d{1,3}(?:,\d{3})+|\d+)\s+(?:[\w.]+\s+)?(?:troops|soldiers|service members)\b", re.I
)
_SCALE = {"trillion": 1e12, "tn": 1e12, "billion": 1e9, "bn": 1e9, "million": 1e6, "m": 1e6}
_CURRENCY = {"$": "USD", "us$": "USD", "usd": "USD", "₩": "KRW", "krw": "KRW", "€": "EUR", "eur": "EUR"}


def extract_statements(
    sentence: SentenceSpan,
    mentions: list[Mention],
    doc_id: str,
    stated_on: date | None,
    meeting: str | None,
    two_sides: list[str],
    next_id: int,
) -> list[Statement]:
    """Statements in one sentence; the actor is the nearest entity before the verb."""
    found: list[Statement] = []
    for kind, pattern in _KINDS:
        for match in pattern.finditer(sentence.text):
            content = match.group("content").strip()
            if kind == "agreement" and _AGREE_TO_HOLD.match(content) and meeting is None:
                continue
            before = [
                m
                for m in mentions
                if m.ref
                and m.end - sentence.start <= match.start()
                and m.kind in ("person", "organization", "country")
            ]
            after = [
                m
                for m in mentions
                if m.ref
                and m.start - sentence.start >= match.start()
                and m.kind in ("person", "organization", "country")
            ]
            if before:
                actor = before[-1].ref or ""
            elif (
                re.search(r"\b(two sides|both sides|both countries)\b", sentence.text[: match.start()], re.I)
                and two_sides
            ):
                actor = "+".join(two_sides[:2])
            else:
                continue
            counterpart = next((m.ref for m in after if m.ref != actor), None)
            if kind == "agreement" and "+" in actor:
                actor, counterpart = two_sides[0], two_sides[1] if len(two_sides) > 1 else None
            found.append(
                Statement(
                    local_id=f"s{next_id + len(found)}",
                    kind=kind,
                    actor=actor,
                    counterpart=counterpart,
                    content=content,
                    stated_on=stated_on,
                    meeting=meeting,
                    evidence=[
                        sentence.evidence(
                            doc_id, match.start(), match.end(), f"statement.{kind}_verb", 0.85 if before else 0.7
                        )
                    ],
                )
            )
    return found


def extract_figures(
    sentence: SentenceSpan, mentions: list[Mention], doc_id: str, published: date | None, next_id: int
) -> list[Figure]:
    """Money amounts and troop numbers in one sentence."""
    found: list[Figure] = []
    text = sentence.text
    subject = next((m.ref for m in mentions if m.kind == "country" and m.ref), None)
    for match in _MONEY.finditer(text):
        value = float(match.group("num").replace(",", "")) * _SCALE.get(
            (match.group("scale") or "").lower(), 1.0
        )
        window = text[max(0, match.start() - 80) : match.end() + 80].lower()
        kind = (
            "trade_surplus"
            if "surplus" in window
            else "investment"
            if "invest" in window
            else "purchase"
            if re.search(r"purchas|buy|import", window)
            else "other"
        )
        year = None
        year_match = re.search(r"\b(last|this) year\b|\bin (20\d\d)\b", text[match.end() : match.end() + 60])
        if year_match and published is not None and year_match.group(1):
            year = published.year - (1 if year_match.group(1) == "last" else 0)
        elif year_match and year_match.group(2):
            year = int(year_match.group(2))
        found.append(
            Figure(
                f"f{next_id + len(found)}",
                kind,
                value,
                _CURRENCY[match.group("cur").strip().lower()],
                subject,
                year,
                match.group(0).strip(),
                [
                    sentence.evidence(doc_id, match.start(), match.end(), "figure.money", 0.9)
                ],
            )
        )
    for match in _TROOPS.finditer(text):
        found.append(
            Figure(
                f"f{next_id + len(found)}",
                "troops",
                float(match.group("num").replace(",", "")),
                "persons",
                subject,
                None,
                match.group(0),
                [
                    sentence.evidence(doc_id, match.start(), match.end(), "figure.troops", 0.85)
                ],
            )
        )
    return found
