"""Vague meeting mentions fold into the article's one specific meeting; habitual ones are no events."""

from __future__ import annotations

from datetime import date

import pytest

from handmade import extraction_from_names
from kg.extract.dates import find_dates
from kg.extract.events import extract_events

NAMES = {
    "Mexico": ("country", "MX"),
    "Canada": ("country", "CA"),
    "Luis Ortega": ("person", "p1"),
    "Claire Dubois": ("person", "p2"),
    "President Ruiz": ("person", "p3"),
}


def test_extract_meetings_headline_folds_into_specific_meeting() -> None:
    text = (
        "Mexico, Canada to hold high-level trade talks this week\n"
        "Mexico and Canada will hold a 2+2 meeting on Thursday in Ottawa.\n"
        "Representing Mexico will be Luis Ortega. On the Canadian side, Claire Dubois will attend.\n"
    )
    ex = extraction_from_names(text, date(2025, 6, 1), NAMES)
    extract_events(ex, None)  # type: ignore[arg-type]
    assert len(ex.meetings) == 1
    meeting = ex.meetings[0]
    assert meeting.format == "2+2"
    assert any(e.rule == "meeting.vague_mention" for e in meeting.evidence)


def test_extract_meetings_habitual_sentence_is_no_event() -> None:
    text = "Traditionally, Mexican and Canadian finance officials meet on the sidelines of the G20.\n"
    ex = extraction_from_names(text, date(2025, 6, 1), NAMES)
    extract_events(ex, None)  # type: ignore[arg-type]
    assert ex.meetings == []


def test_extract_meetings_possessor_is_not_a_participant() -> None:
    text = (
        "Mexico and Canada began a new round of working-level talks in Ottawa on Tuesday, "
        "amid pressure from President Ruiz's administration.\n"
        "Luis Ortega is leading the delegation.\n"
    )
    ex = extraction_from_names(text, date(2025, 6, 4), NAMES)
    extract_events(ex, None)  # type: ignore[arg-type]
    assert len(ex.meetings) == 1
    assert "p3" not in ex.meetings[0].participants


def test_extract_meetings_affiliation_is_not_a_place() -> None:
    text = "Luis Ortega, director at the Ministry of Economy, met with Claire Dubois in Ottawa on June 2.\n"
    ex = extraction_from_names(text, date(2025, 6, 4), NAMES)
    extract_events(ex, None)  # type: ignore[arg-type]
    assert ex.meetings and ex.meetings[0].location == "Ottawa"


@pytest.mark.parametrize(
    ("sentence", "published", "first", "last"),
    [
        # the clause's own verb sets the tense, not the sentence's "expected to"
        ("They are expected to focus on six areas as agreed on during a meeting in Lima on Friday.",
         date(2025, 5, 21), date(2025, 5, 16), date(2025, 5, 16)),
        # written on a Sunday, "this week" is the week ahead
        ("The two ministers will meet this week.", date(2025, 4, 20), date(2025, 4, 21), date(2025, 4, 27)),
        ("The two ministers will meet this week.", date(2025, 4, 23), date(2025, 4, 21), date(2025, 4, 27)),
    ],
)
def test_extract_dates_tense_and_weekend(sentence: str, published: date, first: date, last: date) -> None:
    [ref] = find_dates(sentence, published)
    assert (ref.first, ref.last) == (first, last)


def test_extract_meetings_later_sentence_sharpens_the_date() -> None:
    text = (
        "Mexico and Canada will hold a 2+2 meeting this week in Ottawa with Luis Ortega and Claire Dubois.\n"
        "The meeting will take place on Thursday or Friday, officials said.\n"
        "Luis Ortega also said the meeting would focus on autos, in an interview on Sunday.\n"
    )
    ex = extraction_from_names(text, date(2025, 6, 1), NAMES)  # a Sunday
    extract_events(ex, None)  # type: ignore[arg-type]
    meeting = next(m for m in ex.meetings if m.format == "2+2")
    assert (meeting.start, meeting.end, meeting.date_precision) == (date(2025, 6, 5), date(2025, 6, 6), "range")


def test_extract_statements_abbreviation_dots_do_not_cut_content() -> None:
    text = "Minister Ortega requested that the U.S. exempt Mexico from all steel tariffs. Talks went on.\n"
    ex = extraction_from_names(text, date(2025, 6, 4), {"Mexico": ("country", "MX"), "Ortega": ("person", "p1")})
    extract_events(ex, None)  # type: ignore[arg-type]
    [request] = [s for s in ex.statements if s.kind == "request"]
    assert request.content == "that the U.S. exempt Mexico from all steel tariffs"
