"""A tariff's status: as its own sentence states it, or as a later sentence changes it."""

from __future__ import annotations

from datetime import date

import pytest

from handmade import extraction_from_names
from kg.extract.events import extract_events
from kg.extract.sentences import without_speech
from kg.model import DocExtraction


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


def _statuses(text: str, names: dict[str, tuple[str, str]]) -> dict[float, tuple[str | None, date | None]]:
    ex = extraction_from_names(text, date(2025, 9, 1), names)
    extract_events(ex, None)  # type: ignore[arg-type]
    return {t.rate_percent: (t.status, t.effective_from) for t in ex.tariffs if t.rate_percent is not None}


THAI = {"Thai": ("country", "TH"), "Washington": ("country", "US"), "Vietnamese": ("country", "VN")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # each rate its own clause's status word
        (
            "Under the pact, the tariff on Thai goods will be set at 19%, instead of the 36% that Washington "
            "threatened in a July letter.\n",
            {19.0: ("agreed", None), 36.0: ("threatened", None)},
        ),
        # "it was suspended" goes with the rate before it; the last clause has its own status and date
        (
            "The rate announced on April 2 on Thai goods was 46%, but it was suspended for 90 days, and a 10% "
            "baseline levy has been in force since April 5.\n",
            {46.0: ("suspended", None), 10.0: ("in force", date(2025, 4, 5))},
        ),
        # the old rate of a cut to come still applies; the new one is what the deal set
        (
            "Under the deal, Washington will cut its tariff on Thai rice from 35% to 12%.\n",
            {35.0: ("in force", None), 12.0: ("agreed", None)},
        ),
        # the old rate of a cut done is the previous one
        (
            "Under the deal, Washington cut its tariff on Thai rice from 35% to 12% in May.\n",
            {35.0: ("previous", None), 12.0: ("agreed", None)},
        ),
        # "Agreement" inside a name says nothing about the measure
        (
            "Thai goods outside the Chile-Thailand Free Trade Agreement face a 12% duty.\n",
            {12.0: ("in force", None)},
        ),
        # a measure still to come is not in force; one that took effect on a date is
        (
            "A 20% tariff will apply to Thai copper.\nA 15% duty on Thai rice took effect on March 1.\n",
            {20.0: (None, None), 15.0: ("in force", date(2025, 3, 1))},
        ),
    ],
)
def test_extract_tariffs_status_per_rate(text: str, expected: dict[float, tuple[str | None, date | None]]) -> None:
    assert _statuses(text, THAI) == expected


def test_extract_tariffs_status_later_sentence_dates_the_levy() -> None:
    text = (
        "Washington announced an additional 20 per cent tariff on Vietnamese goods.\n"
        "That levy took effect on August 7, on top of the 10 per cent tariff in force since May 2.\n"
    )
    assert _statuses(text, THAI) == {20.0: ("in force", date(2025, 8, 7)), 10.0: ("in force", date(2025, 5, 2))}


@pytest.mark.parametrize(
    ("text", "rate", "expected"),
    [
        ("Tariffs on Thai rice would rise to 200% if talks fail.\n", 200.0, ("threatened", "sectoral")),
        ("Thailand hit back with an 84 percent tariff on U.S. goods.\n", 84.0, (None, "retaliatory")),
        ("Thailand has imposed a 25 per cent surtax on U.S. steel since March 13.\n", 25.0, ("in force", "sectoral")),
        ("Washington doubled its tariff on Thai goods to 50 per cent.\n", 50.0, ("in force", "other")),
    ],
)
def test_extract_tariffs_status_and_kind_words(text: str, rate: float, expected: tuple[str | None, str]) -> None:
    names = {"Thai": ("country", "TH"), "Thailand": ("country", "TH"), "Washington": ("country", "US"),
             "U.S.": ("country", "US")}
    ex = extraction_from_names(text, date(2025, 9, 1), names)
    extract_events(ex, None)  # type: ignore[arg-type]
    tariff = next(t for t in ex.tariffs if t.rate_percent == rate)
    assert (tariff.status, tariff.kind) == expected


NORDIC = {"Norway": ("country", "NO"), "Norwegian": ("country", "NO"), "Oslo": ("country", "NO"),
          "Chilean": ("country", "CL"), "Chile": ("country", "CL"), "Turkish": ("country", "TR"),
          "Ankara": ("country", "TR"), "Egypt": ("country", "EG"), "Egyptian": ("country", "EG")}


def _nordic(text: str) -> DocExtraction:
    """The events of `text`, its Nordic, Chilean, Turkish and Egyptian names found by hand."""
    ex = extraction_from_names(text, date(2025, 10, 1), {w: v for w, v in NORDIC.items() if w in text})
    extract_events(ex, None)  # type: ignore[arg-type]
    return ex


def _tariffs(text: str) -> list[tuple[float | None, str | None, str | None, list[str], bool]]:
    ex = _nordic(text)
    ids = {t.local_id: t.rate_percent for t in ex.tariffs}
    return [(t.rate_percent, t.status, ids.get(t.replaces or ""), t.products, t.replaces is not None)
            for t in ex.tariffs]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the rate of the measure named before its change ("the 60% duty ... will be halved to 30%")
        (
            "Norway's 60% duty on Chilean cheese will be halved to 30% and fall to 10% by 2030.\n",
            [(60.0, "in force", None, ["dairy"], False), (30.0, None, 60.0, ["dairy"], True),
             (10.0, None, 30.0, ["dairy"], True)],
        ),
        # "from over 80%": a qualified old rate; a cut to come keeps it in force
        (
            "Levies on Turkish tractors are to drop from over 80% to 20%.\n",
            [(80.0, "in force", None, [], False), (20.0, None, 80.0, [], True)],
        ),
        # a cut done: the old rate is the previous one
        (
            "Ankara lowered its tariff on Egyptian cotton from 35% to 20% in June.\n",
            [(35.0, "previous", None, ["cotton"], False), (20.0, "in force", 35.0, ["cotton"], True)],
        ),
        # the change verb before the old rate, the new rate after its measure: "to lower its 25% levy ... to 8%"
        (
            "Norway agreed to lower its 25% levy on Chilean salmon to 8%.\n",
            [(25.0, "in force", None, ["seafood"], False), (8.0, "agreed", 25.0, ["seafood"], True)],
        ),
        # "already at 25%, will double to 50%": a change told in apposition
        (
            "Duties on Egyptian cotton, already at 25%, will double to 50% in May.\n",
            [(25.0, "in force", None, ["cotton"], False), (50.0, None, 25.0, ["cotton"], True)],
        ),
        # an offer to cut: the rate now applies, the one offered is proposed
        (
            "Oslo has offered to cut its levy on Chilean wine, now at 28%, to 9%.\n",
            [(28.0, "in force", None, ["wine"], False), (9.0, "proposed", 28.0, ["wine"], True)],
        ),
        # "The 12% rate replaced the 30%": the replaced one is gone
        (
            "Oslo's 12% duty on Chilean wine replaced the 30% it had set in March.\n",
            [(12.0, None, 30.0, ["wine"], True), (30.0, "previous", None, ["wine"], False)],
        ),
        # a bare participle with a time to come ("by the fifth year") is a change still to come
        (
            "- Egyptian duties on Chilean wine cut from 40% to 20%, and to 10% by the fifth year of the pact\n",
            [(40.0, "in force", None, ["wine"], False), (20.0, None, 40.0, ["wine"], True),
             (10.0, None, 20.0, ["wine"], True)],
        ),
        # "raising the duty from the 20%" with no new rate written: that rate is gone
        (
            "Oslo signed the order on Friday, raising the duty from the 20% it had announced for Chile.\n",
            [(20.0, "previous", None, [], False)],
        ),
    ],
)
def test_extract_tariffs_status_changes_and_their_steps(
    text: str, expected: list[tuple[float | None, str | None, float | None, list[str], bool]]
) -> None:
    assert _tariffs(text) == expected


def test_extract_tariffs_status_cut_to_come_in_an_article_about_a_deal() -> None:
    text = (
        "Egypt and Chile sign free trade agreement\n"
        "\n"
        "- duties on Chilean wine to fall from 40% to 10% over five years\n"
    )
    assert [(r, s) for r, s, *_ in _tariffs(text)] == [(40.0, "in force"), (10.0, "agreed")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "failed to win a reprieve": no suspension
        ("A 25% Turkish duty on Egyptian glass applies from Monday, as a mission to Ankara failed to win a "
         "reprieve.\n", "in force"),
        # a rate won is agreed
        ("Chile won a 12% tariff on its copper in talks with Ankara.\n", "agreed"),
    ],
)
def test_extract_tariffs_status_negated_and_won(text: str, expected: str) -> None:
    assert [s for _, s, *_ in _tariffs(text)] == [expected]


def test_extract_tariffs_status_list_shares_its_kind() -> None:
    text = "Oslo announced retaliatory duties of 30% on Chilean wine, 25% on Turkish figs and 20% on Egyptian rice.\n"
    ex = _nordic(text)
    assert [(t.rate_percent, t.kind, t.status) for t in ex.tariffs] == [
        (30.0, "retaliatory", "announced"), (25.0, "retaliatory", "announced"), (20.0, "retaliatory", "announced")]


def test_extract_tariffs_status_removal_date_ends_the_measure() -> None:
    text = "Norway will scrap most of its 15 per cent levies on Chilean wine from Nov. 1, 2025.\n"
    ex = _nordic(text)
    tariff = ex.tariffs[0]
    assert (tariff.effective_from, tariff.until) == (None, date(2025, 11, 1))


def test_extract_tariffs_status_subordinate_clause_keeps_its_status() -> None:
    # ", when the higher rate was suspended": the suspension is the other rate's
    text = "A 10% duty has applied to Chilean wine since May, when the higher rate was suspended.\n"
    assert [s for _, s, *_ in _tariffs(text)] == ["in force"]


def test_extract_tariffs_status_in_return_in_an_article_about_a_deal() -> None:
    text = (
        "Norway and Chile sign a trade agreement\n"
        "\n"
        "In return, Chile will give Norwegian salmon a duty-free quota and a 4% rate above it.\n"
    )
    assert [(r, s) for r, s, *_ in _tariffs(text)] == [(0.0, "agreed"), (4.0, "agreed")]
    # without a deal reported, "In return" says nothing of the status
    assert [(r, s) for r, s, *_ in _tariffs(text.split("\n\n")[1])] == [(0.0, None), (4.0, None)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a possessive imposer before the rate; a rate to go applies until it goes
        ("Chilean cheese will see Norway's 45% tariff phased out over four years.\n", [(45.0, "in force")]),
        # "from 5% to zero": zero is the new rate
        ("Oslo will cut its duties on Chilean wine from 5% to zero.\n", [(5.0, "in force"), (0.0, None)]),
    ],
)
def test_extract_tariffs_status_rates_to_go(text: str, expected: list[tuple[float, str | None]]) -> None:
    ex = _nordic(text)
    assert [(t.rate_percent, t.status) for t in ex.tariffs] == expected
    assert {(t.imposed_by, t.applies_to) for t in ex.tariffs} == {("NO", "CL")}
