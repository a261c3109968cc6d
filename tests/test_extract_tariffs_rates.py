"""Which numbers of a sentence are tariff rates: shares are not, charge verbs and lists of rates are."""

from __future__ import annotations

from datetime import date

import pytest

from handmade import extraction_from_names
from kg.extract.events import extract_events

NAMES = {
    "Chile": ("country", "CL"),
    "Chilean": ("country", "CL"),
    "Peru": ("country", "PE"),
    "Peruvian": ("country", "PE"),
    "Lima": ("country", "PE"),
    "Morocco": ("country", "MA"),
    "Moroccan": ("country", "MA"),
    "Rabat": ("country", "MA"),
    "Norway": ("country", "NO"),
    "Norwegian": ("country", "NO"),
    "Egyptian": ("country", "EG"),
    "Cairo": ("country", "EG"),
}


def _rates(text: str) -> list[float]:
    ex = extraction_from_names(text, date(2025, 10, 1), {w: v for w, v in NAMES.items() if w in text})
    extract_events(ex, None)  # type: ignore[arg-type]
    return sorted(t.rate_percent for t in ex.tariffs if t.rate_percent is not None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "N% of <something>" is a share of it, whatever follows
        ("Rabat will scrap duties on 92% of tariff lines and on 97% of Chilean exports.\n", []),
        ("Lima's levy of 6% applies to 40% of Moroccan shipments.\n", [6.0]),
        # a change in something else: prices, costs, jobs
        ("Moroccan buyers could face 5% higher prices, and Lima pays 10% more for fuel.\n", []),
        ("Peru charges 9% on Moroccan sardines; canneries face 30% job cuts.\n", [9.0]),
        # a duty of a share of the value is still a rate
        ("Cairo charges a duty of 12% of the customs value on Norwegian salmon.\n", [12.0]),
    ],
)
def test_extract_tariffs_rates_shares_are_not_rates(text: str, expected: list[float]) -> None:
    assert _rates(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a charge verb makes the rate a tariff without a measure word
        ("Peru currently charges 9% on Moroccan sardines.\n", [9.0]),
        ("Parcels routed through Chile would be charged 30%.\n", [30.0]),
        # the rates listed after it are items of the same list
        (
            "Morocco charges 17.5% on Chilean wine, up to 25% on spirits, around 10% on machinery and 2.5% on "
            "copper.\n",
            [2.5, 10.0, 17.5, 25.0],
        ),
        # "pays 20%", "faces 46%": the payer's goods meet that rate
        ("Lima pays 7% on most exports to Morocco, Chile faces 11%.\n", [7.0, 11.0]),
        # but a market move or a share in the list is not
        ("Peru charges 9% on Moroccan sardines, and exports fell 4% last year.\n", [9.0]),
    ],
)
def test_extract_tariffs_rates_charge_verbs_and_lists(text: str, expected: list[float]) -> None:
    assert _rates(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a further step of a change: "..., falling to", "and fall to"
        ("Duties on Peruvian avocados will be halved from 30% to 15%, falling to 5% by 2031.\n", [5.0, 15.0, 30.0]),
        ("Egyptian duties on Chilean fruit will be cut to 12% and fall to 4% in 2029.\n", [4.0, 12.0]),
        # a rate noun after a measure rate of the same sentence
        (
            "Rabat raised the duty on Peruvian fish from 6% to 11% last month, leaving it well above the 8% rate "
            "agreed by Chile.\n",
            [6.0, 8.0, 11.0],
        ),
    ],
)
def test_extract_tariffs_rates_steps_and_rate_nouns(text: str, expected: list[float]) -> None:
    assert _rates(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # zero on named goods is a measure; zero on unnamed ones ("lines", "products") is a deal's outcome
        ("Chilean copper will enter Morocco duty-free.\n", [0.0]),
        ("Cairo will make 80% of lines duty-free within a decade.\n", []),
        ("Lima said Rabat would pay zero tariffs on Peruvian products.\n", []),
    ],
)
def test_extract_tariffs_rates_zero_needs_named_goods(text: str, expected: list[float]) -> None:
    assert _rates(text) == expected
