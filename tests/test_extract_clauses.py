"""The clause of an event word (kg.extract.clauses), read from spaCy's parse of hand-written sentences."""

from __future__ import annotations

import pytest

from kg.extract.clauses import clause_of
from kg.nlp import load_pipeline


def _clause(sentence: str, word: str) -> tuple[str | None, str, str | None]:
    """(subject, clause words, scene words or None) for the first occurrence of `word`."""
    doc = load_pipeline()(sentence)
    clause = clause_of(doc[:], sentence.index(word))
    assert clause is not None
    words = " ".join(t.text for t in doc if t.i in clause.indices)
    scene = None if clause.scene is None else " ".join(t.text for t in doc if t.i in clause.scene)
    return (clause.subject.text if clause.subject is not None else None), words, scene


@pytest.mark.parametrize(
    ("sentence", "word", "subject"),
    [
        # a relative pronoun stands for the noun it modifies
        ("Trade Minister Mary Ng, who met Commerce Secretary Gina Raimondo in Ottawa on Monday, said talks went well.",
         "met", "Ng"),
        # an infinitive takes the subject of the verb above it
        ("Chancellor Olaf Scholz is due to meet President Emmanuel Macron in Paris next week.", "meet", "Scholz"),
        ("Finance Minister Kim Yong-beom is set to leave on Monday to attend the G7 summit.", "summit", "beom"),
        # a reported "he" is the reporter
        ("Prime Minister Anthony Albanese announced on Friday that he would hold talks with Beijing.", "talks",
         "Albanese"),
    ],
)
def test_extract_clauses_subject(sentence: str, word: str, subject: str) -> None:
    found, _words, _scene = _clause(sentence, word)
    assert found is not None and found.endswith(subject)


def test_extract_clauses_other_clause_is_left_out() -> None:
    _subject, words, _scene = _clause(
        "Vietnam's trade minister held talks with U.S. officials in Hanoi, as Canberra is seeking an exemption.",
        "talks",
    )
    assert "Hanoi" in words and "Canberra" not in words


def test_extract_clauses_before_phrase_dates_another_event() -> None:
    _subject, words, _scene = _clause(
        "She met Lutnick at the Commerce Department on Monday before flying to Ottawa.", "met"
    )
    assert "Monday" in words and "Ottawa" not in words


def test_extract_clauses_following_phrase_is_the_scene() -> None:
    _subject, words, scene = _clause(
        "Brazil and Argentina agreed on Thursday to cut duties, following three days of talks in Montevideo.",
        "talks",
    )
    assert "Brazil" in words  # the talks' sides are the main clause's subject
    assert scene is not None and "Montevideo" in scene and "Thursday" not in scene


def test_extract_clauses_when_clause_takes_the_main_clause_scene() -> None:
    _subject, _words, scene = _clause(
        "The pact was signed in Canberra on Wednesday, when Prime Minister Anthony Albanese received the Indian "
        "trade minister.",
        "received",
    )
    assert scene is not None and "Wednesday" in scene and "Canberra" in scene
