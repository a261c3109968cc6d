"""Title shapes and slugs of `kg.extract.titles` on hand-written phrases."""

from __future__ import annotations

import re

import pytest

from kg.extract.titles import LOWER_PORTFOLIO, TITLE_CORE, slug


@pytest.mark.parametrize(("text", "title"), [
    ("talks with Peru, Vice Minister Ana Soto", "Vice Minister"),
    ("told the Nikkei Asia, Trade Commissioner Ines Varga", "Trade Commissioner"),
    ("In June, Kenyan President William Ruto", "Kenyan President"),
    ("Agriculture, Fisheries and Forestry Minister Tom Hale", "Agriculture, Fisheries and Forestry Minister"),
    ("Energy, Mines & Resources Minister Dan Kerr", "Energy, Mines & Resources Minister"),
])
def test_extract_titles_comma_only_inside_a_series(text: str, title: str) -> None:
    found = re.search(TITLE_CORE, text)
    assert found is not None and found.group() == title


@pytest.mark.parametrize(("text", "portfolio"), [
    ("mines, energy and water, spoke", "mines, energy and water"),
    ("finance, said", "finance"),
    ("trade and industry said", "trade and industry"),
])
def test_extract_titles_lowercase_portfolio_series(text: str, portfolio: str) -> None:
    found = re.match(LOWER_PORTFOLIO, text)
    assert found is not None and found.group() == portfolio


@pytest.mark.parametrize(("text", "expected"), [
    ("Đào Hồng Lan", "dao-hong-lan"),
    ("Łukasz Ørsted", "lukasz-orsted"),
    ("Maroš Šefčovič", "maros-sefcovic"),
    ("Straße des 17. Juni", "strasse-des-17-juni"),
])
def test_extract_titles_slug_removes_accents_and_strokes(text: str, expected: str) -> None:
    assert slug(text) == expected
