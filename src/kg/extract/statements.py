"""Positions taken (requests, offers, demands, agreements, proposals) and figures (money, troops)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from kg.extract.clauses import token_at
from kg.extract.dates import find_dates
from kg.extract.sentences import SentenceSpan
from kg.model import Figure, Mention, Statement

if TYPE_CHECKING:
    from spacy.tokens import Token

# abbreviations whose dot ends no sentence
_ABBREVIATIONS = ("Mr", "Mrs", "Ms", "Dr", "St", "Gov", "Sen", "Rep", "Gen", "No", "Jr", "Co", "Inc", "Ltd", "Corp",
                  "Prof")
# up to the end of the sentence or clause; the dots of "U.S.", "D.C." and of titles ("Mr.", "Gov.")
# do not end it (a lookbehind has a fixed width: one per abbreviation)
_CLAUSE = (
    r"(?:[^.;]|\.(?=\S)|(?<=\b[A-Z])\." + "".join(rf"|(?<=\b{a})\." for a in _ABBREVIATIONS) + ")+"
)
# "never agreed", "did not ask", "denied offering": no position taken
_NEGATED = re.compile(
    r"\b(?:not|never|n't|no longer|den(?:y|ies|ied)|reject(?:s|ed)?|refus(?:es|ed))\s+(?:\w+\s+)?$", re.I
)

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
# "the proposed agreement", "a newly suggested text": a participle used as an adjective, no proposal
_ATTRIBUTIVE = re.compile(
    r"\b(?:the|a|an|this|that|these|those|its|their|his|her|our|your|any|every|each|such|no)\s+"
    r"(?:\w+ly\s+)?$",
    re.I,
)
# what joins a date to what was agreed: "agreed on Sunday to a framework deal", "agreed on 12 May that"
_AFTER_DATE = re.compile(r"^[\s,]*(?:(?:to|that|on)\b\s*)?", re.I)
# "as agreed on during a meeting on Friday": a reference to an agreement, not its content
_NO_CONTENT = re.compile(r"^(during|at|in|on|with|by|after|before|last|earlier|previously)\b", re.I)


_TWO_SIDES = re.compile(r"\b(two sides|both sides|both countries|the two countries)\b", re.I)


@dataclass(frozen=True)
class _Subject:
    """The grammatical subject of a statement verb, as far as entities go."""

    heads: list[str]  # entities named by the head and its conjuncts: "Korea and the U.S."
    inside: list[str]  # entities named anywhere in it: "Japan's negotiators", "Indian officials"
    text: str
    pronoun: bool  # "he", "they", "which": the entity is in an earlier clause


_ENTITY_KINDS = ("person", "organization", "country")
# "BRUSSELS - The EU agreed ...": the parser may take the dateline for the subject
_DATELINE_HEAD = re.compile(r"^[A-Z][A-Z.'’\- ]+(?:,\s*[A-Z][\w.'’ ]+)?\s*(?:\([^)]*\)\s*)?[-–—]")


def _token_at(sentence: SentenceSpan, at: int) -> Token | None:
    """The parsed token that starts at `at` (an offset within the sentence); None without a parse."""
    if sentence.tokens is None:
        return None
    token = token_at(sentence.tokens, sentence.start + at)
    return token if token is not None and token.idx == sentence.start + at else None


def _subject_token(verb: Token | None) -> Token | None:
    """The subject of `verb`, climbing from a purpose or complement clause to the verb that has one
    ("Trump met with Akazawa ... to press for X": Trump); a passive's agent is the subject ("was
    requested by Japan")."""
    for _ in range(4):
        if verb is None:
            return None
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            agents = [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
            return agents[0] if subjects[0].dep_ == "nsubjpass" and agents else subjects[0]
        if verb.dep_ not in ("xcomp", "advcl", "conj", "acl", "pcomp", "prep", "aux"):
            return None
        verb = verb.head
    return None


def _subject(sentence: SentenceSpan, verb_at: int, mentions: list[Mention]) -> _Subject | None:
    """The grammatical subject of the statement verb at `verb_at` (see _subject_token). None without
    a parse or a subject, or when the subject is the dateline."""
    subject = _subject_token(_token_at(sentence, verb_at))
    if subject is None:
        return None
    begin, end = subject.left_edge.idx, subject.right_edge.idx + len(subject.right_edge.text)
    dateline = _DATELINE_HEAD.match(sentence.text)
    if dateline and end - sentence.start <= dateline.end():
        return None
    entities = [m for m in mentions if m.ref and m.kind in _ENTITY_KINDS]
    heads = [subject, *(c for c in subject.children if c.dep_ == "conj")]
    at_heads = (next((m.ref for m in entities if m.start <= head.idx < m.end), None) for head in heads)
    refs = list(dict.fromkeys(ref for ref in at_heads if ref))
    inside = list(dict.fromkeys(m.ref for m in entities if m.ref and begin <= m.start and m.end <= end))
    return _Subject(refs, inside, subject.doc.text[begin:end], subject.pos_ == "PRON")


def _coordinated(sentence: SentenceSpan, first: Mention, second: Mention, verb_at: int) -> bool:
    """Whether "<first> and <second> <verb>" is written: two entities joined as one subject."""
    between = sentence.text[first.end - sentence.start : second.start - sentence.start]
    gap = sentence.text[second.end - sentence.start : verb_at]
    return first.ref != second.ref and bool(re.fullmatch(r"\s*(?:and|&)\s*(?:the\s+)?", between, re.I)) and (
        not gap.strip()
    )


def _is_attributive(sentence: SentenceSpan, at: int) -> bool:
    """Whether the participle at `at` modifies a noun ("the proposed agreement") instead of being
    the statement's verb: the parse says so (amod), or a determiner stands before it."""
    if _ATTRIBUTIVE.search(sentence.text[max(0, at - 40) : at]):
        return True
    token = _token_at(sentence, at)
    return token is not None and token.dep_ in ("amod", "compound")


def _strip_leading_date(content: str) -> str:
    """The content without a date that opens it: "agreed on Sunday to a framework deal" agreed to
    "a framework deal"; the date is when, not what."""
    refs = find_dates(content, None)
    if not refs or refs[0].start != 0:
        return content
    rest = content[refs[0].end :]
    joint = _AFTER_DATE.match(rest)
    return (rest[joint.end() :] if joint else rest).strip()


# Currency marks, longest first: "US$", "S$" (Singapore), "C$", "A$", "HK$", "NZ$" before a bare "$";
# ISO codes; "¥" is the yen unless written "CN¥" or "RMB".
_CURRENCY = {
    "us$": "USD", "usd": "USD", "$": "USD", "s$": "SGD", "sgd": "SGD", "c$": "CAD", "ca$": "CAD",
    "cad": "CAD", "a$": "AUD", "au$": "AUD", "aud": "AUD", "hk$": "HKD", "hkd": "HKD", "nz$": "NZD",
    "nzd": "NZD", "nt$": "TWD", "r$": "BRL", "₩": "KRW", "krw": "KRW", "€": "EUR", "eur": "EUR",
    "£": "GBP", "gbp": "GBP", "cn¥": "CNY", "rmb": "CNY", "cny": "CNY", "¥": "JPY", "jpy": "JPY",
    "₹": "INR", "inr": "INR", "rs.": "INR", "rs": "INR", "chf": "CHF", "mxn": "MXN", "mex$": "MXN",
}
_MARKS = sorted((c for c in _CURRENCY if not c.isalpha()), key=len, reverse=True)
_CODES = sorted((c for c in _CURRENCY if c.isalpha()), key=len, reverse=True)
_MONEY = re.compile(
    r"(?P<cur>(?<![A-Za-z])(?:" + "|".join(re.escape(m) for m in _MARKS) + r")"
    r"|\b(?:" + "|".join(_CODES) + r")\s?)"
    r"\s?(?P<num>\d[\d,]*(?:\.\d+)?)\s*(?P<scale>trillion|billion|million|crore|lakh|bn|tn|cr|m)?\b",
    re.I,
)
# "US$750 billion (S$960 billion)": the bracketed amount converts the one before it
_CONVERSION = re.compile(r"\(\s*(?:about|around|roughly|some|nearly|approximately)?\s*$", re.I)
_TROOPS = re.compile(
    r"\b(?P<num>\d{1,3}(?:,\d{3})+|\d+)\s+(?:[\w.]+\s+)?(?:troops|soldiers|service members)\b", re.I
)
_SCALE = {"trillion": 1e12, "tn": 1e12, "billion": 1e9, "bn": 1e9, "million": 1e6, "m": 1e6,
          "crore": 1e7, "cr": 1e7, "lakh": 1e5}


def extract_statements(
    sentence: SentenceSpan,
    mentions: list[Mention],
    doc_id: str,
    stated_on: date | None,
    meeting: str | None,
    two_sides: list[str],
    next_id: int,
) -> list[Statement]:
    """Statements in one sentence; the actor is the verb's subject (or, for a pronoun, the nearest
    entity before the verb). A subject that names no entity ("industry bodies", "analysts") makes
    no statement: the nearest country is not who spoke."""
    found: list[Statement] = []
    entities = [m for m in mentions if m.ref and m.kind in _ENTITY_KINDS]
    for kind, pattern in _KINDS:
        for match in pattern.finditer(sentence.text):
            if _NEGATED.search(sentence.text[max(0, match.start() - 25) : match.start()]):
                continue
            verb = sentence.text[match.start() : match.start("content")].split()[0]
            if verb.lower().endswith("ed") and _is_attributive(sentence, match.start()):
                continue
            content = _strip_leading_date(match.group("content").strip())
            if not content:
                continue
            if kind == "agreement" and _AGREE_TO_HOLD.match(content) and meeting is None:
                continue
            if _NO_CONTENT.match(content):
                continue
            before = [m for m in entities if m.end - sentence.start <= match.start()]
            after = [m for m in entities if m.start - sentence.start >= match.start()]
            subject = _subject(sentence, match.start(), mentions)
            counterpart: str | None = None
            if subject is not None and len(subject.heads) >= 2:
                # "Korea and the U.S. reached an agreement": the first is the actor, the other its counterpart
                actor, counterpart = subject.heads[0], subject.heads[1]
            elif subject is not None and subject.heads:
                actor = subject.heads[0]
            elif (subject is None or _TWO_SIDES.search(subject.text)) and two_sides and _TWO_SIDES.search(
                sentence.text[: match.start()]
            ):
                actor = "+".join(two_sides[:2])
            elif subject is not None and not subject.pronoun:
                # "Japan's negotiators asked": the entity the subject names speaks; none, nobody
                if not subject.inside:
                    continue
                actor = subject.inside[0]
            elif subject is None and len(before) >= 2 and _coordinated(sentence, before[-2], before[-1], match.start()):
                # no usable parse, but "The United States and China agreed": both, first one acting
                actor, counterpart = before[-2].ref or "", before[-1].ref
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
    previous_end = -1
    for match in _MONEY.finditer(text):
        converts = previous_end >= 0 and bool(_CONVERSION.search(text[previous_end : match.start()]))
        previous_end = match.end()
        if converts:
            continue
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
