"""Statements and figures read from hand-written sentences through the whole extractor (spaCy
pipeline, entity rules, event rules), so the dependency parse takes part."""

from __future__ import annotations

from datetime import date

import pytest

from handmade import extracted
from kg.model import DocExtraction


def _extract(text: str, published: date | None = date(2025, 3, 12)) -> DocExtraction:
    return extracted(text, published)


@pytest.mark.parametrize(
    ("sentence", "content_start"),
    [
        ("Australia and Indonesia agreed on Tuesday to remove duties on beef and nickel.\n",
         "remove duties on beef"),
        ("Chile and Peru agreed on 4 March to a joint plan for copper exports.\n", "a joint plan for copper"),
        ("Canada and Mexico agreed on March 4 that quotas on steel would be lifted.\n", "quotas on steel"),
    ],
)
def test_extract_statements_date_after_agreed_on_is_not_the_content(sentence: str, content_start: str) -> None:
    ex = _extract(sentence)
    (agreement,) = [s for s in ex.statements if s.kind == "agreement"]
    assert agreement.content.startswith(content_start), agreement.content


@pytest.mark.parametrize(
    "sentence",
    [
        "Vietnam's chief negotiator, who is handling the proposed free trade agreement with Canada, met "
        "officials in Ottawa on Monday.\n",
        "Kenya's trade minister said a newly suggested text would be studied in Nairobi.\n",
    ],
)
def test_extract_statements_participle_before_a_noun_is_no_proposal(sentence: str) -> None:
    ex = _extract(sentence)
    assert [s for s in ex.statements if s.kind == "proposal"] == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Exports from Ghana to Britain fell in January, and cocoa farmers have asked the government for "
        "cheaper credit.\n",
        "Steel imports into Canada rose sharply, and analysts urged caution about new duties.\n",
    ],
)
def test_extract_statements_subject_naming_no_entity_makes_no_statement(sentence: str) -> None:
    ex = _extract(sentence)
    assert [s for s in ex.statements if s.kind == "request"] == []


@pytest.mark.parametrize(
    ("sentence", "actor"),
    [
        ("Exports to Britain fell, and Ghana's cocoa board has asked London for cheaper credit.\n", "GH"),
        ("After a week of talks with Chile, officials from Peru asked Santiago to lower its duties.\n", "PE"),
        ("After talks with Chile, Japanese officials asked Santiago to lower its duties.\n", "JP"),
    ],
)
def test_extract_statements_entity_inside_the_subject_is_the_actor(sentence: str, actor: str) -> None:
    ex = _extract(sentence)
    (request,) = [s for s in ex.statements if s.kind == "request"]
    assert request.actor == actor


def test_extract_statements_dateline_is_no_subject() -> None:
    ex = _extract("LIMA, March 11 (Andina) - Chile and Peru agreed on Tuesday to cut duties on copper.\n")
    (agreement,) = [s for s in ex.statements if s.kind == "agreement"]
    assert (agreement.actor, agreement.counterpart) == ("CL", "PE")
    assert agreement.content.startswith("cut duties on copper")


@pytest.mark.parametrize(
    ("sentence", "value", "unit"),
    [
        ("Singapore pledged to invest S$40 billion in Vietnam.\n", 40e9, "SGD"),
        ("Canada will invest C$2.5 billion in new steel plants.\n", 2.5e9, "CAD"),
        ("Australia offered A$300 million for port upgrades.\n", 300e6, "AUD"),
        ("Hong Kong firms plan to invest HK$12 billion in Malaysia.\n", 12e9, "HKD"),
        ("Japan pledged ¥1 trillion of investment in India.\n", 1e12, "JPY"),
        ("Britain will invest £400 million in Kenyan ports.\n", 400e6, "GBP"),
        ("India's exports to Mexico were worth ₹5,000 crore last year.\n", 5e10, "INR"),
    ],
)
def test_extract_statements_figures_in_other_currencies(sentence: str, value: float, unit: str) -> None:
    ex = _extract(sentence)
    (figure,) = ex.figures
    assert (figure.value, figure.unit) == (value, unit)


def test_extract_statements_bracketed_conversion_is_one_figure() -> None:
    ex = _extract("Norway agreed to buy US$20 billion (S$27 billion) of Chilean copper.\n")
    assert [(f.value, f.unit) for f in ex.figures] == [(20e9, "USD")]


def test_extract_statements_title_dots_do_not_cut_the_content() -> None:
    ex = _extract("In a video call, Mr. Lula asked Mr. Trump to withdraw the 40 percent surcharge.\n", None)
    (request,) = [s for s in ex.statements if s.kind == "request"]
    assert request.content == "Mr. Trump to withdraw the 40 percent surcharge"


@pytest.mark.parametrize(
    "sentence",
    ["Taiwan never agreed to a chip split, the minister said.", "Canberra did not ask Washington for an exemption.",
     "Seoul denied offering to buy more gas."],
)
def test_extract_statements_negated_verbs_take_no_position(sentence: str) -> None:
    ex = _extract(sentence + "\n", None)
    assert ex.statements == []
