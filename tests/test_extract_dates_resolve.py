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
