"""The products of each rate: on either side of it, nearest first, never across another rate."""

from __future__ import annotations

from datetime import date

import pytest

from handmade import extraction_from_names
from kg.extract.events import extract_events

NAMES = {
    "Washington": ("country", "US"),
    "American": ("country", "US"),
    "U.S.": ("country", "US"),
    "Seoul": ("country", "KR"),
    "Korea": ("country", "KR"),
    "Thai": ("country", "TH"),
    "The EU": ("country", "EU"),
}


def _products(text: str) -> dict[float, list[str]]:
    ex = extraction_from_names(text, date(2025, 6, 1), {w: v for w, v in NAMES.items() if w in text})
    extract_events(ex, None)  # type: ignore[arg-type]
    return {t.rate_percent: t.products for t in ex.tariffs if t.rate_percent is not None}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # before the rate, after it, and never the neighbour's
        (
            "Copper and lumber face 40 per cent sectoral tariffs, chips 20 per cent, and furniture a 15 per cent "
            "levy on top of older duties of about 5 per cent.\n",
            {40.0: ["copper", "lumber"], 20.0: ["semiconductors"], 15.0: ["furniture"], 5.0: []},
        ),
        # the antecedent of a relative clause holding the rate
        ("Tariffs on wine and cheese, which were raised to 30% in May, stay in place.\n", {30.0: ["wine", "dairy"]}),
        # a rate that names its own goods takes none from before it
        (
            "The EU imposed 25 per cent duties on American machinery and 10 per cent on U.S. soybeans.\n",
            {25.0: ["machinery"], 10.0: ["soybeans"]},
        ),
        # ", and American wheat will ..." starts a clause: wheat is not one more item of the pork list
        (
            "Seoul will scrap its 8 percent tariff on U.S. pork, and American wheat will enter Korea duty-free.\n",
            {8.0: ["pork"], 0.0: ["wheat"]},
        ),
        # what a change says in passing ("- the 30% duty plus a 5% fee -") is about the same goods
        (
            "Levies on Thai rice will fall from 35% - the 30% safeguard duty plus a 5% fee - to 12%.\n",
            {35.0: ["rice"], 30.0: ["rice"], 5.0: ["rice"], 12.0: ["rice"]},
        ),
        # "most goods, including furniture"
        ("The 18 percent tariff will apply to most goods, including furniture.\n", {18.0: ["furniture"]}),
        # goods in apposition before the rate, and the new rate of their change
        (
            "Seoul offered to lower its duties on Thai shrimp, currently as high as 45%, to 20%.\n",
            {45.0: ["shrimp"], 20.0: ["shrimp"]},
        ),
    ],
)
def test_extract_tariffs_products_nearest_side(text: str, expected: dict[float, list[str]]) -> None:
    assert _products(text) == expected


def test_extract_tariffs_products_rate_that_is_no_tariff() -> None:
    text = (
        "Washington put a 25 percent tariff on Thai steel.\n"
        "Shares of the steelmaker jumped 5% on the news.\n"
        "Korea sends 20% of its exports to the United States.\n"
    )
    assert _products(text) == {25.0: ["steel"]}


def test_extract_tariffs_products_continuing_rate_after_a_tariff_sentence() -> None:
    text = "Washington put a 25 percent tariff on Thai steel.\nThai copper will stay at 10 per cent for now.\n"
    assert _products(text) == {25.0: ["steel"], 10.0: ["copper"]}
    # the same words with no tariff before them are no tariff
    assert _products("Thai copper will stay at 10 per cent for now.\n") == {}


@pytest.mark.parametrize(
    "sentence",
    [
        "The tariffs could cut exports by 10%, economists said.\n",
        "Analysts expect growth of 2% despite the tariffs.\n",
        "Thai exports to the US fell 12% after the tariffs.\n",
    ],
)
def test_extract_tariffs_products_economic_quantities_are_no_rates(sentence: str) -> None:
    assert _products("Washington put a 25 percent tariff on Thai steel.\n" + sentence) == {25.0: ["steel"]}
