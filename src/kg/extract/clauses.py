"""The clause a word belongs to, read from spaCy's dependency parse.

An event word ("met", "talks", "the meeting") describes the clause it sits in: its participants are
the clause's subject, objects and "with/between" phrases; a date or place in another clause of the
sentence ("Trump announced on Oct. 23 that he was ending the negotiations") belongs to that clause.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

# Children that open another clause: their words are not part of the event's clause.
_OTHER_CLAUSE = frozenset({"advcl", "ccomp", "parataxis", "csubj", "relcl"})
_RELATIVE = frozenset({"who", "whom", "which", "that", "whose"})
PERSONAL = frozenset({"he", "she", "they", "him", "her", "them"})
_CLIMB = frozenset({"xcomp", "aux", "auxpass", "acomp", "conj"})


@dataclass(frozen=True)
class Clause:
    """The tokens of one clause of a sentence, with its subject."""

    sentence: Span
    indices: frozenset[int]  # token indices (in the Doc) of the clause
    subject: Token | None  # the clause's subject, pronouns and relatives resolved inside the sentence
    predicate: int  # token index of the verb that governs the clause; -1 for a verbless sentence
    governors: str = ""  # the verbs above the clause with their auxiliaries: "is set to leave"
    scene: frozenset[int] | None = None  # where the event's own date and place are; None: the clause
    places: frozenset[int] = frozenset()  # tokens of "at/in <place>" phrases of the clause
    temporal: int = -1  # token index of a "following/after/before" phrase holding the event word
    bounds: tuple[tuple[int, ...], tuple[int, ...]] = ((), ())  # start and end offsets of the tokens

    def contains(self, char: int) -> bool:
        """Whether the character offset (in the Doc) falls in a token of the clause."""
        return self._index_at(char) in self.indices

    def in_scene(self, char: int) -> bool:
        """Whether the offset lies where the event's date and place are written."""
        return self._index_at(char) in (self.scene if self.scene is not None else self.indices)

    def in_place_phrase(self, char: int) -> bool:
        """Whether the offset lies in an "at/in <place>" phrase ("at the residence of the ambassador to
        the United Nations": no participant)."""
        return self._index_at(char) in self.places

    def _index_at(self, char: int) -> int:
        """The Doc index of the token covering `char`, -1 between tokens. Asked once per character of
        a sentence, so it bisects token starts computed once for the clause, not per call."""
        starts, ends = self.bounds
        position = bisect.bisect_right(starts, char) - 1
        if position < 0 or char >= ends[position]:
            return -1
        return self.sentence.start + position


def _bounds(sentence: Span) -> tuple[tuple[int, ...], tuple[int, ...]]:
    return tuple(t.idx for t in sentence), tuple(t.idx + len(t.text) for t in sentence)


def token_at(sentence: Span, char: int) -> Token | None:
    """The token of `sentence` that covers character offset `char` of the Doc."""
    starts, ends = _bounds(sentence)
    position = bisect.bisect_right(starts, char) - 1
    if position < 0 or char >= ends[position]:
        return None
    return sentence[position]


# Prepositions that place an event before or after the clause's own time: "agreed on Monday,
# following two days of talks in Geneva" — the talks are not on Monday.
_TEMPORAL = frozenset({"following", "after", "before", "ahead", "since", "until", "prior", "pending"})


def _predicate(token: Token) -> Token:
    """The verb that governs `token` (itself when it is one): "talks" in "held talks" -> "held".
    A participle used as a preposition ("following talks", "including") is no clause of its own."""
    current = token
    for _ in range(8):
        if (current.pos_ in ("VERB", "AUX") and current.dep_ != "prep") or current.dep_ == "ROOT":
            return current
        current = current.head
    return current


def _temporal_phrase(anchor: Token, predicate: Token) -> Token | None:
    """The "following/after/before ..." phrase between the event word and its verb, if any."""
    current = anchor
    while current.i != predicate.i and current.head.i != current.i:
        if current.dep_ == "prep" and current.lower_ in _TEMPORAL:
            return current
        current = current.head
    return None


def _subject(predicate: Token) -> Token | None:
    """The subject of `predicate`, climbing xcomp/conj chains ("Lutnick is due to meet ..."), an
    infinitive's chain ("Choi is set to leave ... to attend the summit": Choi) and a participle's
    noun ("Ahn, holding talks with Greer": Ahn)."""
    current = predicate
    for _ in range(5):
        subjects = [c for c in current.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            return subjects[0]
        if current.head.i == current.i:
            # a caption's head noun: "Minister Ahn, second from right, holding talks with Greer"
            return current if current.pos_ in ("PROPN", "NOUN") and current.i != predicate.i else None
        if current.dep_ == "acl" and current.tag_ in ("VBG", "VBN"):
            return current.head
        infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in current.children)
        if current.dep_ not in _CLIMB and not (infinitive and current.dep_ in ("advcl", "acl", "relcl")):
            return None
        current = current.head
        if current.pos_ not in ("VERB", "AUX"):
            # "the delegation to engage in talks": the noun's own verb has the subject
            current = _predicate(current)
            if current.pos_ in ("PROPN", "NOUN") and current.dep_ == "ROOT":
                return current
    return None


def _resolve_in_sentence(subject: Token) -> Token:
    """A relative pronoun stands for the noun its clause modifies ("Ebrard, who met ..." -> Ebrard);
    a personal pronoun in a reported clause for the reporting clause's subject ("Trump announced
    that he was ending ..." -> Trump)."""
    word = subject.lower_
    if word in _RELATIVE and subject.head.dep_ == "relcl":
        return subject.head.head
    if word in PERSONAL:
        clause = subject.head
        for _ in range(3):
            if clause.dep_ not in ("ccomp", "xcomp", "advcl") or clause.head.i == clause.i:
                break
            outer = _subject(clause.head)
            if outer is not None and outer.lower_ not in PERSONAL:
                return outer
            clause = clause.head
    return subject


def clause_of(sentence: Span, char: int) -> Clause | None:
    """The clause of the word at `char`; None when the sentence was not parsed there."""
    anchor = token_at(sentence, char)
    if anchor is None:
        return None
    predicate = _predicate(anchor)
    if predicate.pos_ not in ("VERB", "AUX"):
        # no verb governs it (a headline, a caption): the whole sentence is its clause
        return Clause(sentence, frozenset(t.i for t in sentence), None, -1, bounds=_bounds(sentence))
    keep = _clause_tokens(predicate, anchor)
    subject = _subject(predicate)
    if subject is not None:
        subject = _resolve_in_sentence(subject)
        keep.update(t.i for t in subject.subtree if t.i not in keep and _outside_clauses(t, subject))
    temporal = _temporal_phrase(anchor, predicate)
    scene = frozenset(t.i for t in temporal.subtree) if temporal is not None else None
    if scene is None and _simultaneous(predicate):
        # "sealed at the White House on Tuesday, when Trump received Akazawa": the main clause's
        # date and place are the meeting's
        scene = frozenset(keep | _clause_tokens(_predicate(predicate.head), predicate))
    places = frozenset(
        t.i for prep in sentence if prep.dep_ == "prep" and prep.lower_ in ("at", "in") and prep.i in keep
        and any(c.dep_ == "pobj" and c.ent_type_ not in ("DATE", "TIME") for c in prep.children)
        for t in prep.subtree
    )
    return Clause(sentence, frozenset(keep), subject, predicate.i, _governors(predicate), scene, places,
                  temporal.i if temporal is not None else -1, _bounds(sentence))


def _governors(predicate: Token) -> str:
    """The words above a clause that set its tense and mood: "Choi is set to leave ... to attend the
    summit" -> "is set to leave" for the clause of "attend"."""
    words: list[Token] = [c for c in predicate.children if c.dep_ in ("aux", "auxpass", "neg")]
    current = predicate
    for _ in range(4):
        if current.head.i == current.i:
            break
        current = current.head
        if current.pos_ in ("VERB", "AUX", "ADJ"):
            words.extend(c for c in current.children if c.dep_ in ("aux", "auxpass", "neg"))
            words.append(current)
    return " ".join(t.text for t in sorted(words, key=lambda t: t.i))


def _clause_tokens(predicate: Token, anchor: Token) -> set[int]:
    """The tokens of `predicate`'s clause: its subtree without other clauses (a clause holding
    `anchor` stays) and without "before/after ..." phrases that date another event."""
    keep: set[int] = set()
    stack = [predicate]
    while stack:
        token = stack.pop()
        keep.add(token.i)
        for child in token.children:
            in_anchor = child.left_edge.i <= anchor.i <= child.right_edge.i
            if in_anchor:
                stack.append(child)
                continue
            if child.dep_ in _OTHER_CLAUSE or (child.dep_ == "conj" and child.pos_ in ("VERB", "AUX")):
                # "a sixth round, which the team was to hold in New Delhi from August 25": a relative
                # clause on the event's own noun describes the event
                on_event = child.dep_ == "relcl" and token.i == _noun_of(anchor).i
                if not on_event and not _reduced_relative(child, anchor):
                    continue
            if child.dep_ == "prep" and child.lower_ in _TEMPORAL:
                continue  # "... before being invited to the White House": another event
            stack.append(child)
    return keep


def _noun_of(anchor: Token) -> Token:
    """The noun an event word belongs to: "14th" in "the 14th negotiating round" -> "round"."""
    noun = anchor
    while noun.dep_ in ("amod", "compound", "nummod", "det") and noun.head.i != noun.i:
        noun = noun.head
    return noun


def _reduced_relative(clause: Token, anchor: Token) -> bool:
    """"the 14th round, held in Brussels from 6 to 10 October": a subjectless participle right after
    the event's noun describes it, though the parser may hang it on the main verb."""
    if clause.tag_ != "VBN" or any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children):
        return False
    noun = _noun_of(anchor)
    doc = clause.doc
    return clause.i >= 2 and doc[clause.i - 1].text == "," and doc[clause.i - 2].i == noun.right_edge.i


def _simultaneous(predicate: Token) -> bool:
    """A "when/as/while/where" clause: its event happens at the time and place of the clause above
    ("concluded on 6 December in Montevideo, where von der Leyen joined the leaders at the summit")."""
    if predicate.dep_ not in ("advcl", "relcl") or predicate.head.i == predicate.i:
        return False
    return any(c.lower_ in ("when", "while", "as", "where") and c.dep_ in ("mark", "advmod")
               for c in predicate.children)


def _outside_clauses(token: Token, root: Token) -> bool:
    """Whether `token` belongs to `root`'s phrase without crossing into a clause of its own."""
    current = token
    while current.i != root.i and current.head.i != current.i:
        if current.dep_ in _OTHER_CLAUSE:
            return False
        current = current.head
    return True
