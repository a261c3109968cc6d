"""Who imposes a tariff and on whom: read per clause, carried within a paragraph, completed per article."""

from __future__ import annotations

import re
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


OTHERS = {
    "Oslo": ("country", "NO"),
    "Norway": ("country", "NO"),
    "Norwegian": ("country", "NO"),
    "Chile": ("country", "CL"),
    "Chilean": ("country", "CL"),
    "Lima": ("country", "PE"),
    "Peru": ("country", "PE"),
    "Peruvian": ("country", "PE"),
    "Rabat": ("country", "MA"),
    "Moroccan": ("country", "MA"),
    "Egypt": ("country", "EG"),
    "Egyptian": ("country", "EG"),
    "Ankara": ("country", "TR"),
    "Turkish": ("country", "TR"),
    "Malaysia": ("country", "MY"),
}


def _others(text: str) -> DocExtraction:
    """The events of `text`, every name of OTHERS it contains found by hand."""
    ex = extraction_from_names(text, date(2025, 10, 1), {w: v for w, v in OTHERS.items() if w in text})
    extract_events(ex, None)  # type: ignore[arg-type]
    return ex


def _parties(text: str) -> list[tuple[float | None, str | None, str | None, str | None]]:
    names = {w: v for w, v in OTHERS.items() if re.search(rf"\b{re.escape(w)}\b", text)}
    ex = extraction_from_names(text, date(2025, 10, 1), names)
    extract_events(ex, None)  # type: ignore[arg-type]
    return [(t.rate_percent, t.imposed_by, t.applies_to, t.status) for t in ex.tariffs]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "the rate obtained by X": X obtained it for its goods
        (
            "Oslo set its tariff on Turkish steel at 30 percent, well above the 12 percent rate obtained by "
            "Chile.\n",
            [(30.0, "NO", "TR", None), (12.0, "NO", "CL", "agreed")],
        ),
        # targets written together are each one
        (
            "Ankara applies a 15 percent levy to Chilean and Peruvian grapes.\n",
            [(15.0, "TR", "CL", "in force"), (15.0, "TR", "PE", "in force")],
        ),
        # goods routed through a country are taxed as that country's
        (
            "Ankara imposed a 20% duty on Turkish-bound steel last year.\n"
            "Goods transshipped through Malaysia from third countries will be charged 45%.\n",
            [(20.0, "TR", None, "in force"), (45.0, "TR", "MY", None)],
        ),
        # ", which charges": the country before the relative imposes
        (
            "Chilean fishermen sell most of their catch to Peru, which charges 11% on Chilean anchovies.\n",
            [(11.0, "PE", "CL", "in force")],
        ),
        # an adverbial before the subject does not hide it
        (
            "In return, Chile will open a quota for Peruvian beef at a tariff of 5%.\n",
            [(5.0, "CL", "PE", None)],
        ),
    ],
)
def test_extract_tariffs_roles_cues(
    text: str, expected: list[tuple[float | None, str | None, str | None, str | None]]
) -> None:
    assert _parties(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the winners of a rate are its targets: a relative after a list, or the sentence's subjects
        (
            "Oslo imposed a 25% tariff on Moroccan sardines in May.\n"
            "Rabat wants the terms given to Egypt and Peru, both of which won a 10% ceiling.\n",
            [(25.0, "NO", "MA", "in force"), (10.0, "NO", "EG", "agreed"), (10.0, "NO", "PE", "agreed")],
        ),
        (
            "Oslo imposed a 25% tariff on Moroccan sardines in May.\n"
            "Egypt and Peru, whose ministers met in Lisbon in June, secured their 10 percent rates early.\n",
            [(25.0, "NO", "MA", "in force"), (10.0, "NO", "EG", "agreed"), (10.0, "NO", "PE", "agreed")],
        ),
    ],
)
def test_extract_tariffs_roles_winners_are_targets(
    text: str, expected: list[tuple[float | None, str | None, str | None, str | None]]
) -> None:
    assert _parties(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the party asked imposes; a rate asked for is proposed for the asker, beside the ones it is compared to
        (
            "Oslo imposed a 25% tariff on Moroccan sardines in May.\n"
            "Rabat has urged Oslo not to raise it further, and to set a rate no higher than the 10 percent "
            "applied to Egypt and Chile.\n",
            [(25.0, "NO", "MA", "in force"), (10.0, "NO", "EG", "in force"), (10.0, "NO", "CL", "in force"),
             (10.0, "NO", "MA", "proposed")],
        ),
        (
            "Lima has asked Rabat to lower the levy on Peruvian fish to 6%.\n",
            [(6.0, "MA", "PE", "proposed")],
        ),
        # an asked party kg cannot name ("Sana'a") imposes the rate: neither the asker nor the paragraph's
        # imposer is guessed
        (
            "Oslo imposed a 25% tariff on Moroccan sardines in May.\n"
            "Moroccan negotiators asked Sana'a to go further and to grant the 9% rate it gives to Egyptian "
            "sardines.\n",
            [(25.0, "NO", "MA", "in force"), (9.0, None, "EG", None), (9.0, None, "MA", "proposed")],
        ),
        # a rate asked to go is no proposal: it is in force
        (
            "Lima has asked Rabat to scrap its 14% levy on Peruvian fish.\n",
            [(14.0, "MA", "PE", "in force")],
        ),
    ],
)
def test_extract_tariffs_roles_requests(
    text: str, expected: list[tuple[float | None, str | None, str | None, str | None]]
) -> None:
    assert _parties(text) == expected


def test_extract_tariffs_roles_unknown_subject_is_not_guessed() -> None:
    text = (
        "Chile imposed a 6% levy on Peruvian wine.\n"
        "\n"
        "The Andean Pact currently charges 20% on Moroccan cars. It levies 15% on Moroccan olive oil.\n"
    )
    # the article names a single imposer, Chile, but the subject here is a party kg cannot name
    assert _parties(text) == [(6.0, "CL", "PE", "in force"), (20.0, None, "MA", "in force"),
                              (15.0, None, "MA", None)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the opening names the article's two parties: a tariff on one of them is the other's
        (
            "Chile and Egypt sign free trade pact\n"
            "\n"
            "- tariffs on Chilean copper to fall from 20% to 5%\n",
            [(20.0, "EG", "CL", "in force"), (5.0, "EG", "CL", "agreed")],
        ),
        # a pair named deep in the article is not what it is about
        (
            "Copper exporters count the cost\n\nMiners met on Monday.\n\nPrices rose.\n\nShares fell.\n\n"
            "Chile and Egypt sign free trade pact, officials said.\n"
            "\n"
            "Chilean copper faces a 20% duty.\n",
            [(20.0, None, "CL", "in force")],
        ),
    ],
)
def test_extract_tariffs_roles_article_pair(
    text: str, expected: list[tuple[float | None, str | None, str | None, str | None]]
) -> None:
    assert _parties(text) == expected


def test_extract_tariffs_roles_the_other_named_imposer() -> None:
    text = (
        "Ankara's 9 percent tariff on Chilean figs is unchanged.\n"
        "\n"
        "Oslo's 18 percent levy on Turkish hazelnuts stays.\n"
        "\n"
        "Norwegian trout now faces an effective rate of 52 percent.\n"
    )
    # no tariff on Norway names its imposer; of the imposers the article names, Ankara is not Norway
    assert _parties(text)[-1] == (52.0, "TR", "NO", "in force")


def test_extract_tariffs_roles_other_imposer_needs_both_sides_named() -> None:
    text = (
        "Norwegian trout now faces an effective duty of 52 percent.\n"
        "\n"
        "Ankara's 9 percent tariff on Chilean figs is unchanged.\n"
    )
    # the article names Ankara's tariffs only, not Norway's: Norway's goods may face anyone's
    assert _parties(text)[0] == (52.0, None, "NO", "in force")


def test_extract_tariffs_roles_unknown_party_stops_the_article_imposer() -> None:
    text = (
        "Chile imposed a 6% levy on Peruvian wine.\n"
        "\n"
        "The Andean Pact doubled its duty on Moroccan cars to 40%.\n"
        "\n"
        "A 12% rate applies to Egyptian cotton.\n"
    )
    # once a party kg cannot name imposes, "the article's single imposer" is no longer Chile
    assert _parties(text) == [(6.0, "CL", "PE", "in force"), (40.0, None, "MA", "in force"),
                              (12.0, None, "EG", "in force")]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Lima said it would not retaliate against a 10 per cent levy on Peruvian beef.\n", "sectoral"),
        ("Rabat is retaliating against the 10 per cent levy on Moroccan beef.\n", "sectoral"),
        ("Rabat slapped a 10 per cent retaliatory levy on Chilean beef.\n", "retaliatory"),
    ],
)
def test_extract_tariffs_roles_kind_not_negated(text: str, kind: str) -> None:
    ex = _others(text)
    assert [t.kind for t in ex.tariffs] == [kind]


def test_extract_tariffs_roles_baseline_on_all_partners_borrows_no_target() -> None:
    text = (
        "Oslo set duties of 30% on Chilean salmon, 22% on Peruvian fishmeal and 18% on Moroccan sardines, on "
        "top of a 5% baseline levy on all trading partners.\n"
    )
    ex = _others(text)
    found = [(t.rate_percent, t.applies_to, t.all_partners) for t in ex.tariffs]
    assert found == [(30.0, "CL", False), (22.0, "PE", False), (18.0, "MA", False), (5.0, None, True)]
