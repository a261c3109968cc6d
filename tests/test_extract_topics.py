"""Topics of a meeting read from the dependency parse (kg.extract.topics)."""

from __future__ import annotations

import pytest

from kg.extract.topics import topics_of
from kg.nlp import load_pipeline


def _topics(sentence: str) -> list[str]:
    doc = load_pipeline()(sentence)
    return topics_of(doc[:])


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Korea and the United States began working-level talks over U.S. reciprocal tariffs and other economic "
         "and trade issues in Washington on Tuesday.", ["U.S. reciprocal tariffs", "economic and trade issues"]),
        ("The talks focused on autos and agriculture.", ["autos", "agriculture"]),
        ("Minister Ahn and Jamieson Greer discussed ways to strengthen Korea-U.S. trade cooperation, with a focus "
         "on achieving a mutually beneficial trade balance.",
         ["Korea-U.S. trade cooperation", "mutually beneficial trade balance"]),
        ("The two sides will focus on six areas — balanced trade, nontariff measures, economic security and "
         "digital trade.", ["balanced trade", "nontariff measures", "economic security", "digital trade"]),
        ("The two countries will begin high-level talks this week aimed at negotiating tariff reductions.",
         ["tariff reductions"]),
    ],
)
def test_extract_topics_from_discussion_words(sentence: str, expected: list[str]) -> None:
    assert _topics(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "The consultation will take place on Thursday or Friday, according to government sources.",
        "The ministers met in Geneva on May 10.",
        "They discussed issues.",
    ],
)
def test_extract_topics_none_from_dates_places_or_bare_nouns(sentence: str) -> None:
    assert _topics(sentence) == []
