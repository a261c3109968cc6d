from datetime import date

import pytest

from kg.extract.dates import find_dates, infer_published

PUB = date(2025, 5, 21)  # a Wednesday


@pytest.mark.parametrize(
    ("sentence", "first", "last", "precision", "resolution"),
    [
        ("They met on April 24.", date(2025, 4, 24), date(2025, 4, 24), "day", "explicit"),
        ("They met on Nov. 12, 2024.", date(2024, 11, 12), date(2024, 11, 12), "day", "explicit"),
        ("Talks were held on April 30 and May 1.", date(2025, 4, 30), date(2025, 5, 1), "range", "explicit"),
        ("Talks began in Washington on Tuesday.", date(2025, 5, 20), date(2025, 5, 20), "day", "resolved"),
        (
            "The talks will take place on Thursday or Friday.",
            date(2025, 5, 22),
            date(2025, 5, 23),
            "range",
            "resolved",
        ),
        ("They will meet next week.", date(2025, 5, 26), date(2025, 6, 1), "week", "inferred"),
        (
            "The ministers will meet on the 24th (local time).",
            date(2025, 5, 24),
            date(2025, 5, 24),
            "day",
            "resolved",
        ),
    ],
)
def test_extract_dates_resolve_against_publication(
    sentence: str, first: date, last: date, precision: str, resolution: str
) -> None:
    ref = find_dates(sentence, PUB)[0]
    assert (ref.first, ref.last, ref.precision, ref.resolution) == (first, last, precision, resolution)


def test_extract_dates_resolve_previous_year_for_late_month() -> None:
    ref = find_dates("The ministers met on December 3.", date(2025, 2, 1))[0]
    assert ref.first == date(2024, 12, 3)


def test_extract_dates_resolve_last_year() -> None:
    ref = [r for r in find_dates("a surplus recorded last year", PUB) if r.precision == "year"][0]
    assert ref.first == date(2024, 1, 1)


def test_extract_dates_resolve_unknown_without_publication() -> None:
    ref = find_dates("They will meet on Thursday.", None)[0]
    assert ref.first is None and ref.resolution == "unknown" and ref.note


def test_extract_dates_infer_published_from_said_on() -> None:
    when, note = infer_published("Officials said on April 20 that talks begin. Tariffs started Apr 2, 2025.")
    assert when == date(2025, 4, 20) and "said on April 20" in note
    assert infer_published("Officials said on April 20.")[0] is None


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a deadline lies ahead even in a past-tense sentence
        ("Seoul has proposed a package agreement before July 8 when the suspension ends.", date(2025, 7, 8)),
        ("Officials pushed for a deal by June 30.", date(2025, 6, 30)),
        # a past event well after the publication date is last year's
        ("The two sides met on July 8.", date(2024, 7, 8)),
    ],
)
def test_extract_dates_deadline_year(sentence: str, expected: date) -> None:
    (ref,) = find_dates(sentence, PUB)
    assert ref.first == expected


LATE = date(2025, 10, 28)  # a Tuesday, late in the year


@pytest.mark.parametrize(
    ("sentence", "published", "first", "last", "precision"),
    [
        # British and European order: day before month
        ("Australian and Indonesian officials met in Jakarta on 14 March.", PUB,
         date(2025, 3, 14), date(2025, 3, 14), "day"),
        ("The fourth round was held in Hanoi from 5 to 9 May.", PUB, date(2025, 5, 5), date(2025, 5, 9), "range"),
        ("Talks ran in Ottawa from 28 April to 2 May 2025.", PUB, date(2025, 4, 28), date(2025, 5, 2), "range"),
        ("Negotiators met on the 3rd of February.", PUB, date(2025, 2, 3), date(2025, 2, 3), "day"),
        # a weekday written with the date is part of it
        ("Ministers met in Canberra on Monday 12 May.", PUB, date(2025, 5, 12), date(2025, 5, 12), "day"),
        ("Ministers met in Canberra on Monday, May 12.", PUB, date(2025, 5, 12), date(2025, 5, 12), "day"),
        # abbreviated months
        ("The Chilean delegation arrived on Sept. 8.", LATE, date(2025, 9, 8), date(2025, 9, 8), "day"),
        ("Kenya's minister spoke on Oct. 2.", LATE, date(2025, 10, 2), date(2025, 10, 2), "day"),
        # the week holding a written day, in the next year when it lies ahead
        ("The next round will take place in Santiago in the week of 9 February.", LATE,
         date(2026, 2, 9), date(2026, 2, 15), "week"),
        ("Yesterday the Peruvian minister received his Chilean counterpart.", LATE,
         date(2025, 10, 27), date(2025, 10, 27), "day"),
    ],
)
def test_extract_dates_day_month_order_and_abbreviations(
    sentence: str, published: date, first: date, last: date, precision: str
) -> None:
    (ref,) = find_dates(sentence, published)
    assert (ref.first, ref.last, ref.precision) == (first, last, precision)


@pytest.mark.parametrize(
    ("sentence", "first", "last", "resolution"),
    [
        ("The ministers met in Nairobi in February.", date(2025, 2, 1), date(2025, 2, 28), "explicit"),
        ("Officials from Ghana held talks in Accra earlier this month.", date(2025, 5, 1), PUB, "resolved"),
        ("The two sides will meet again next month.", date(2025, 6, 1), date(2025, 6, 30), "resolved"),
        ("Vietnam's trade minister visited Ottawa last month.", date(2025, 4, 1), date(2025, 4, 30), "resolved"),
        ("Negotiators met in Lima in late March.", date(2025, 3, 21), date(2025, 3, 31), "explicit"),
        ("He spent much of April in Brussels.", date(2025, 4, 1), date(2025, 4, 30), "explicit"),
        # a month still to come that precedes the publication month is next year's
        ("A summit is planned for January.", date(2026, 1, 1), date(2026, 1, 31), "explicit"),
        # a past month after the publication month is last year's; "since" looks back
        ("Norway has applied the levy since October.", date(2024, 10, 1), date(2024, 10, 31), "explicit"),
        ("Talks in July 2023 failed.", date(2023, 7, 1), date(2023, 7, 31), "explicit"),
    ],
)
def test_extract_dates_month_level_expressions(sentence: str, first: date, last: date, resolution: str) -> None:
    (ref,) = find_dates(sentence, PUB)
    assert (ref.first, ref.last, ref.precision, ref.resolution) == (first, last, "month", resolution)


@pytest.mark.parametrize(
    "sentence",
    [
        "The 12th round produced little.",
        "Modi marked his 75th birthday with a rally.",
        "Theresa May met the Norwegian delegation.",
        "Exporters may lose 5 percent of sales.",
        "All 27 may agree in the end.",
    ],
)
def test_extract_dates_no_date_in_ordinals_names_and_modals(sentence: str) -> None:
    assert find_dates(sentence, PUB) == []


def test_extract_dates_since_looks_back_in_a_future_sentence() -> None:
    (ref,) = find_dates("Peru will keep the 20% duty it has charged since Aug. 1.", LATE)
    assert ref.first == date(2025, 8, 1)


def test_extract_dates_month_unknown_without_publication() -> None:
    (ref,) = find_dates("They met in February.", None)
    assert (ref.first, ref.precision, ref.resolution) == (None, "month", "unknown")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a dateline without its year: the year from the full dates written in the text
        ("Chile and Peru sign pact\n\nLIMA, Oct. 5 (Andina) - Ministers signed a pact.\n\n"
         "The previous deal expired on Sept. 30, 2025.", date(2025, 10, 5)),
        # the year that puts the dateline nearest the latest full date, even when that one lies ahead
        ("NAIROBI, Dec. 20 - Kenya agreed a deal.\n\nIt takes effect on Jan. 5, 2026.", date(2025, 12, 20)),
        ("Headline\nPublished: March 3\nBody text about a deal that began on 4 February 2024.", date(2024, 3, 3)),
        ("OTTAWA, 14 June 2024 - Canada's minister said talks resumed.", date(2024, 6, 14)),
        # a dateline without a year and no full date: unknown
        ("ACCRA, July 31 (Wire) - Ghana's president spoke to reporters.", None),
        # no cue at the top: a bare year or a date deep in the text is no publication date
        ("Headline\n\nThe minister said on Friday that talks had ended.\n\nThe levy dates from 2017.\n\n"
         "More text follows here about the matter at hand.\n\nNorway announced on Oct. 23, 2024 that it "
         "would end the talks.", None),
        ("Headline\n\nFirst paragraph without any date at all in it, and long enough.\n\nSecond.\n\n"
         "Officials said on April 20 that they would meet.", None),
    ],
)
def test_extract_dates_infer_published_from_the_top_only(text: str, expected: date | None) -> None:
    when, note = infer_published(text)
    assert when == expected, note
    assert note


@pytest.mark.parametrize(
    ("sentence", "bound"),
    [
        ("Ghana hopes to close a deal by November.", "until"),
        ("The duty applies until 30 June.", "until"),
        ("Officials pushed for a deal before July 8.", "until"),
        ("Kenya has paid the levy since Aug. 1.", "since"),
        ("The levy has applied since October.", "since"),
        ("The ministers met in Nairobi on 14 March.", None),
    ],
)
def test_extract_dates_deadline_and_start_are_marked(sentence: str, bound: str | None) -> None:
    (ref,) = find_dates(sentence, PUB)
    assert ref.bound == bound
