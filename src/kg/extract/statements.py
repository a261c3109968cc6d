"""Positions taken (requests, offers, demands, agreements, proposals) and figures (money, troops)."""

from __future__ import annotations

import re
from datetime import date

from kg.extract.sentences import SentenceSpan
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
# "as agreed on during a meeting on Friday": a reference to an agreement, not its content
_NO_CONTENT = re.compile(r"^(during|at|in|on|with|by|after|before|last|earlier|previously)\b", re.I)


_TWO_SIDES = re.compile(r"\b(two sides|both sides|both countries|the two countries)\b", re.I)


def _subject(sentence: SentenceSpan, verb_at: int, mentions: list[Mention]) -> tuple[list[str], str] | None:
    """The grammatical subject of the statement verb: the entities it names (the head's first, then
    a coordinated one: "Korea and the U.S."; a possessor or a title's country is not one), and its text.

    Climbs from a purpose or complement clause to the verb that has a subject ("Trump met with
    Akazawa ... to press for X": Trump). None without a parse or a subject.
    """
    if sentence.tokens is None:
        return None
    verb = next((t for t in sentence.tokens if t.idx == sentence.start + verb_at), None)
    for _ in range(4):
        if verb is None:
            return None
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            subject = subjects[0]
            begin, end = subject.left_edge.idx, subject.right_edge.idx + len(subject.right_edge.text)
            heads = [subject, *(c for c in subject.children if c.dep_ == "conj")]
            refs: list[str] = []
            for head in heads:
                ref = next((m.ref for m in mentions if m.ref and m.kind in ("person", "organization", "country")
                            and m.start <= head.idx < m.end), None)
                if ref and ref not in refs:
                    refs.append(ref)
            return refs, sentence.tokens.doc.text[begin:end]
        if verb.dep_ not in ("xcomp", "advcl", "conj", "acl", "pcomp", "prep", "aux"):
            return None
        verb = verb.head
    return None


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
    """Statements in one sentence; the actor is the verb's subject, else the nearest entity before it."""
    found: list[Statement] = []
    for kind, pattern in _KINDS:
        for match in pattern.finditer(sentence.text):
            content = match.group("content").strip()
            if kind == "agreement" and _AGREE_TO_HOLD.match(content) and meeting is None:
                continue
            if _NO_CONTENT.match(content):
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
            subject = _subject(sentence, match.start(), mentions)
            counterpart: str | None = None
            if subject is not None and len(subject[0]) >= 2:
                # "Korea and the U.S. reached an agreement": the first is the actor, the other its counterpart
                actor, counterpart = subject[0][0], subject[0][1]
            elif subject is not None and subject[0]:
                actor = subject[0][0]
            elif (subject is None or _TWO_SIDES.search(subject[1])) and two_sides and _TWO_SIDES.search(
                sentence.text[: match.start()]
            ):
                actor = "+".join(two_sides[:2])
            elif before:
                actor = before[-1].ref or ""
            else:
                continue
            if counterpart is None:
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
