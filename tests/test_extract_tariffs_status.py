"""A tariff's status: as its own sentence states it, or as a later sentence changes it."""

from __future__ import annotations

from datetime import date

from handmade import extraction_from_names
from kg.extract.events import extract_events
from kg.extract.sentences import without_speech


def test_extract_tariffs_status_unstated_is_none() -> None:
    text = "Seoul wants lower rates on the 25 percent reciprocal tariffs on Korea.\n"
    ex = extraction_from_names(text, date(2025, 5, 21), {"Korea": ("country", "KR")})
    extract_events(ex, None)  # type: ignore[arg-type]
    assert [t.status for t in ex.tariffs] == [None]


def test_extract_tariffs_status_suspension_in_a_later_sentence() -> None:
    text = (
        "Washington's 25 percent reciprocal tariffs on Korea and 25 percent sectoral tariffs on steel weigh on "
        "exporters.\n"
        "Seoul wants a deal before July 8 when the 90-day suspension of reciprocal tariffs ends.\n"
    )
    ex = extraction_from_names(text, date(2025, 5, 21), {"Washington": ("country", "US"), "Korea": ("country", "KR")})
    extract_events(ex, None)  # type: ignore[arg-type]
    by_kind = {t.kind: t for t in ex.tariffs}
    assert (by_kind["reciprocal"].status, by_kind["reciprocal"].until) == ("suspended", date(2025, 7, 8))
    assert by_kind["sectoral"].status is None  # the suspension names reciprocal tariffs only
    rules = [e.rule for e in by_kind["reciprocal"].evidence]
    assert rules == ["tariff.rate_with_measure", "tariff.status_from_context"]


def test_extract_tariffs_status_stated_is_kept() -> None:
    text = (
        "The U.S. imposed 25 percent sectoral tariffs on steel in March.\n"
        "A suspension of sectoral tariffs is not under consideration, officials said.\n"
    )
    ex = extraction_from_names(text, date(2025, 5, 21), {"U.S.": ("country", "US")})
    extract_events(ex, None)  # type: ignore[arg-type]
    assert [t.status for t in ex.tariffs] == ["in force"]


def test_extract_sentences_without_speech_blanks_long_quotes_only() -> None:
    text = 'He said, "We will hold talks with them next week in Geneva," and left the "2+2" meeting.'
    masked = without_speech(text)
    assert len(masked) == len(text)
    assert "Geneva" not in masked and '"2+2" meeting' in masked
    # an opening typeset quote left open until the end of the sentence
    assert without_speech("Ahn stated, \u201cWith both sides agreeing to launch talks, we now have a channel.") \
        == "Ahn stated, " + " " * len("\u201cWith both sides agreeing to launch talks, we now have a channel.")
