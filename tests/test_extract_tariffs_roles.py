"""Who imposes a tariff and on whom: read per clause, carried within a paragraph, completed per article."""

from __future__ import annotations

from datetime import date

import pytest

from handmade import extraction_from_names
from kg.extract.events import extract_events
from kg.model import DocExtraction, Tariff

COUNTRIES = {
    "Ottawa": ("country", "CA"),
    "Canadian": ("country", "CA"),
    "Mexican": ("country", "MX"),
    "Mexico City": ("country", "MX"),
    "Washington": ("country", "US"),
    "the United States": ("country", "US"),
    "American": ("country", "US"),
    "U.S.": ("country", "US"),
    "Vietnam": ("country", "VN"),
    "Vietnamese": ("country", "VN"),
    "Swiss": ("country", "CH"),
    "Brazil": ("country", "BR"),
    "Brazilian": ("country", "BR"),
    "Thai": ("country", "TH"),
    "Indonesian": ("country", "ID"),
}


def _extract(text: str, extra: dict[str, tuple[str, str]] | None = None) -> DocExtraction:
    names = {w: v for w, v in COUNTRIES.items() if w in text}
    names.update(extra or {})
    ex = extraction_from_names(text, date(2025, 9, 1), names)
    extract_events(ex, None)  # type: ignore[arg-type]
    return ex


def _by_rate(ex: DocExtraction) -> dict[float, Tariff]:
    return {t.rate_percent: t for t in ex.tariffs if t.rate_percent is not None}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # each side of "while" has its own imposer and target
        (
            "Ottawa will lower its duties on Mexican steel from 20 percent to 5 percent, while Mexico City "
            "will cut its levies on Canadian pork from 30 percent to 10 percent.\n",
            {5.0: ("CA", "MX"), 20.0: ("CA", "MX"), 30.0: ("MX", "CA"), 10.0: ("MX", "CA")},
        ),
        # "X's tariffs" makes X the imposer of its clause
        ("Talks covered Vietnam's tariffs on cars, which can reach 70%.\n", {70.0: ("VN", None)}),
        # the imposer is the subject before the rate, not a country named later in the clause
        (
            "Brazil imposed 40 per cent tariffs on U.S. wheat and 15 per cent on American pork, a week after "
            "Washington raised its duties on Brazilian steel to 50 per cent.\n",
            {40.0: ("BR", "US"), 15.0: ("BR", "US"), 50.0: ("US", "BR")},
        ),
        # "on most X goods", and the goods entering a country are taxed by it
        ("The deal puts a 20 percent tariff on most Vietnamese goods entering the United States.\n",
         {20.0: ("US", "VN")}),
        # "X goods have faced N%": the subject is the target; the imposer comes from the sentence before
        (
            "Washington imposed a 15% tariff on Thai rice in May.\n"
            "Swiss goods have faced a 39 per cent tariff since Aug. 7.\n",
            {15.0: ("US", "TH"), 39.0: ("US", "CH")},
        ),
        # a demonym before a noun names the goods, not the subject
        (
            "Washington put a 25 percent tariff on Vietnamese steel.\n"
            "Indonesian coffee now pays 19 per cent.\n",
            {25.0: ("US", "VN"), 19.0: ("US", "ID")},
        ),
    ],
)
def test_extract_tariffs_roles_per_clause(text: str, expected: dict[float, tuple[str | None, str | None]]) -> None:
    rates = _by_rate(_extract(text))
    assert {rate: (t.imposed_by, t.applies_to) for rate, t in rates.items()} == expected


def test_extract_tariffs_roles_sentence_subject_imposes() -> None:
    text = "U.S. President Donald Trump on Friday gave Brazil more time, delaying a 50% levy on Brazilian coffee.\n"
    names = {w: v for w, v in COUNTRIES.items() if w in text}
    ex = extraction_from_names(text, date(2025, 9, 1), {**names, "Donald Trump": ("person", "p1")})
    ex.persons[0].country = "US"
    extract_events(ex, None)  # type: ignore[arg-type]
    tariff = _by_rate(ex)[50.0]
    assert (tariff.imposed_by, tariff.applies_to, tariff.status) == ("US", "BR", "suspended")
    assert tariff.products == ["coffee"]


@pytest.mark.parametrize(
    ("text", "rate", "expected"),
    [
        # zero-for-zero: both sides, so neither is the imposer
        ("The two sides agreed on zero-for-zero tariffs on chemicals and machinery.\n", 0.0, (None, None)),
        # tariff-free goods entering a country: that country waives its duty
        ("Vietnamese shrimp will enter the United States tariff-free.\n", 0.0, ("US", "VN")),
    ],
)
def test_extract_tariffs_roles_zero_rates(text: str, rate: float, expected: tuple[str | None, str | None]) -> None:
    tariff = _by_rate(_extract(text))[rate]
    assert (tariff.imposed_by, tariff.applies_to) == expected


def test_extract_tariffs_roles_baseline_keeps_its_named_target() -> None:
    ex = _extract("The 10 percent baseline tariff that Washington applies to most Thai goods will stay.\n")
    tariff = _by_rate(ex)[10.0]
    assert (tariff.kind, tariff.all_partners, tariff.imposed_by, tariff.applies_to) == ("universal", True, "US", "TH")


def test_extract_tariffs_roles_target_carried_within_paragraph_only() -> None:
    text = (
        "Washington raised its tariff on Vietnamese furniture to 30 percent.\n"
        "The rate announced in April was 46 percent.\n"
        "\n"
        "Brazil imposed a 12 per cent levy on sugar.\n"
        "A 9 per cent duty applies to wheat.\n"
    )
    rates = _by_rate(_extract(text))
    assert (rates[46.0].imposed_by, rates[46.0].applies_to) == ("US", "VN")  # same paragraph
    # a new paragraph: its own imposer is carried, Vietnam is not
    assert {(rates[r].imposed_by, rates[r].applies_to) for r in (12.0, 9.0)} == {("BR", None)}


@pytest.mark.parametrize(
    ("text", "rate", "expected"),
    [
        # a later restatement names no target: it is the article's 30% on Mexico
        (
            "Washington shelved a planned increase of tariffs on Mexican goods to 30%.\n"
            "\n"
            "The 30% rate had been set out in a letter from the White House.\n",
            30.0,
            ("US", "MX"),
        ),
        # a headline with no parties: the one 45% the body states
        (
            "The 45% tariff wall still stands\n"
            "\n"
            "Washington has kept a 45 per cent tariff on Brazilian beef since July.\n",
            45.0,
            ("US", "BR"),
        ),
    ],
)
def test_extract_tariffs_roles_completed_from_the_article(
    text: str, rate: float, expected: tuple[str | None, str | None]
) -> None:
    ex = _extract(text, {"the White House": ("organization", "o1")})
    tariffs = [t for t in ex.tariffs if t.rate_percent == rate]
    assert {(t.imposed_by, t.applies_to) for t in tariffs} == {expected}


def test_extract_tariffs_roles_country_inside_a_name_is_no_party() -> None:
    text = (
        "Washington raised its tariffs on Thai rice to 20 percent.\n"
        "Canadian goods outside the Canada-United States-Mexico Agreement have faced a 35 per cent tariff.\n"
    )
    ex = _extract(text, {"Canada": ("country", "CA"), "United States": ("country", "US"), "Mexico": ("country", "MX")})
    tariff = _by_rate(ex)[35.0]
    assert (tariff.imposed_by, tariff.applies_to, tariff.status) == ("US", "CA", "in force")


def test_extract_tariffs_roles_article_imposer_carried_only_while_single() -> None:
    text = (
        "Brazil raised its tariff on Vietnamese sugar to 20 percent.\n"
        "\n"
        "Washington put a 30 percent tariff on Thai rice.\n"
        "\n"
        "A 12 per cent duty applies to wheat.\n"
    )
    # two imposers named so far: the third paragraph's imposer is not guessed
    assert _by_rate(_extract(text))[12.0].imposed_by is None
    single = "Brazil raised its tariff on Vietnamese sugar to 20 percent.\n\nA 12 per cent duty applies to wheat.\n"
    assert _by_rate(_extract(single))[12.0].imposed_by == "BR"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # two subjects and no target: the subject tells nothing of who imposes
        ("Vietnam, Brazil settle on 15% coffee tariff\n", (None, None)),
        # the subject that is not the target
        ("Vietnam and Washington seal deal setting 20% levy on Vietnamese exports\n", ("US", "VN")),
    ],
)
def test_extract_tariffs_roles_headline_subjects(text: str, expected: tuple[str | None, str | None]) -> None:
    tariff = next(iter(_by_rate(_extract(text)).values()))
    assert (tariff.imposed_by, tariff.applies_to) == expected


def test_extract_tariffs_roles_unknown_party_keeps_target_open() -> None:
    text = "Washington put a 25 percent tariff on Vietnamese steel.\nA 10% duty on Turkish steel remains in effect.\n"
    tariff = _by_rate(_extract(text))[10.0]
    assert (tariff.imposed_by, tariff.applies_to) == ("US", None)


def test_extract_tariffs_roles_dateline_is_not_the_subject() -> None:
    text = "BRASILIA (Wire) - Washington and Brazil agreed that Brazilian coffee will face a 15% tariff.\n"
    tariff = _by_rate(_extract(text, {"BRASILIA": ("country", "BR")}))[15.0]
    assert (tariff.imposed_by, tariff.applies_to, tariff.status) == ("US", "BR", "agreed")
