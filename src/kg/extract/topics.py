"""What a meeting is about, read from the dependency parse of a sentence.

A topic is a noun phrase governed by a discussion word: the object of "over/on/about/regarding"
attached to a meeting noun ("talks over U.S. reciprocal tariffs") or a discussion verb ("focused on
autos"), the object of such a verb ("discussed ways to strengthen trade cooperation", "aimed at
negotiating tariff reductions"), or the items listed after a counting noun ("six areas — balanced
trade, nontariff measures, ..."). Coordinated phrases become one topic each; places, dates and
relative clauses are left out of a phrase.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

TOPIC_PREPS = frozenset({"on", "over", "about", "regarding", "concerning", "surrounding"})
DISCUSS_LEMMAS = frozenset(
    {"discuss", "address", "negotiate", "review", "tackle", "cover", "focus", "explore", "debate"}
)
MEETING_NOUNS = frozenset(
    {"talk", "talks", "meeting", "discussion", "discussions", "dialogue", "consultation", "consultations",
     "negotiation", "negotiations", "summit", "focus", "conversation", "call", "session"}
)
# Nouns that announce a topic instead of naming one: "six areas — ...", "ways to strengthen X".
_GENERIC_HEADS = frozenset(
    {"area", "areas", "issue", "issues", "topic", "topics", "field", "fields", "matter", "matters", "point",
     "points", "item", "items", "agenda", "subject", "subjects", "way", "ways", "measure", "measures", "means"}
)
_CLAUSE_DEPS = frozenset({"relcl", "acl", "appos", "advcl"})
_BREAKING_PUNCT = frozenset({",", ";", ":", "—", "–", "(", ")", "[", "]"})
_PLACE_OR_TIME = frozenset({"DATE", "TIME", "GPE", "LOC", "FAC"})
_LEADING_DROP = frozenset({"other", "such", "various", "several", "all", "both"})
_MAX_TOKENS = 9


def _is_place_or_time_prep(token: Token) -> bool:
    if token.dep_ != "prep":
        return False
    if token.lower_ in {"in", "at", "during", "until", "before", "after", "since", "amid", "as"}:
        return True
    return any(child.dep_ == "pobj" and child.ent_type_ in _PLACE_OR_TIME for child in token.children)


def _dropped(token: Token, top: bool = True) -> set[int]:
    """Token indices outside the phrase headed by `token`: clauses, places, dates and, at the top,
    the coordinated items (they are topics of their own; "economic and trade issues" stays whole)."""
    gone: set[int] = set()
    for child in token.children:
        if (
            child.dep_ in _CLAUSE_DEPS
            or (top and child.dep_ in ("conj", "cc"))
            or (child.is_punct and child.text in _BREAKING_PUNCT)
            or _is_place_or_time_prep(child)
        ):
            gone.update(t.i for t in child.subtree)
        else:
            gone.update(_dropped(child, top=False))
    return gone


def _phrase(head: Token) -> str | None:
    gone = _dropped(head)
    kept = [t for t in head.subtree if t.i not in gone]
    # keep the contiguous run around the head: a gap means the phrase was interrupted
    run: list[Token] = []
    for token in kept:
        if run and token.i != run[-1].i + 1:
            if token.i > head.i:
                break
            run = []
        run.append(token)
    while run and (run[0].dep_ in ("det", "poss", "predet", "case") or run[0].lower_ in _LEADING_DROP
                   or run[0].is_punct):
        run = run[1:]
    while run and (run[-1].is_punct or run[-1].dep_ == "cc"):
        run = run[:-1]
    if not run or len(run) > _MAX_TOKENS or not any(t.pos_ in ("NOUN", "PROPN") for t in run):
        return None
    text = run[0].doc.text[run[0].idx : run[-1].idx + len(run[-1].text)]
    text = re.sub(r"\s+", " ", text).strip(" \"'“”‘’")
    if run[0].pos_ != "PROPN" and not run[0].text.isupper():
        text = text[:1].lower() + text[1:]
    if re.match(r"(?:sidelines|margins)\b", text):
        return None  # "on the sidelines of the summit" is an occasion
    return text if len(text) > 2 else None


def _coordinated(head: Token) -> list[Token]:
    items = [head]
    for child in head.children:
        if child.dep_ == "conj":
            items.extend(_coordinated(child))
    return items


def _expand_generic(head: Token) -> list[Token]:
    """'six areas — a, b and c' -> a, b, c; 'ways to strengthen X' -> X; a bare 'issues' -> nothing."""
    if head.lower_ not in _GENERIC_HEADS:
        return [head]
    for child in head.children:
        if child.dep_ == "appos":
            return [child]
    for child in head.children:
        if child.dep_ in ("relcl", "acl"):
            objects = [c for c in child.children if c.dep_ == "dobj"]
            if objects:
                return objects
    modified = any(c.dep_ in ("amod", "compound", "nmod") for c in head.children)
    return [head] if modified else []


def _topic_heads(sentence: Span) -> list[Token]:
    heads: list[Token] = []
    for token in sentence:
        governor = token.head
        if token.dep_ == "prep" and token.lower_ in TOPIC_PREPS and (
            governor.lower_ in MEETING_NOUNS or governor.lemma_ in DISCUSS_LEMMAS
        ):
            for child in token.children:
                if child.dep_ == "pobj" and child.ent_type_ not in _PLACE_OR_TIME:
                    heads.append(child)
                elif child.dep_ == "pcomp":
                    heads.extend(c for c in child.children if c.dep_ == "dobj")
        elif token.dep_ == "dobj" and governor.lemma_ in DISCUSS_LEMMAS:
            heads.append(token)
    return heads


def topics_of(sentence: Span) -> list[str]:
    """The topics a sentence gives for the meeting it speaks of, in order of appearance."""
    topics: list[str] = []
    for head in _topic_heads(sentence):
        for item in _expand_generic(head):
            for coordinated in _coordinated(item):
                phrase = _phrase(coordinated)
                if phrase and phrase not in topics:
                    topics.append(phrase)
    return topics
