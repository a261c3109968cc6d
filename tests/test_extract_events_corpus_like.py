from datetime import date

from handmade import extraction_from_names
from kg.extract.events import extract_events


def test_extract_events_japan_round_and_place() -> None:
    text = (
        "Japan and the United States held a third round of ministerial talks in Tokyo on June 5.\n"
        "The talks focused on autos and agriculture.\n"
    )
    ex = extraction_from_names(text, date(2025, 6, 7), {"Japan": ("country", "JP"), "United States": ("country", "US")})
    extract_events(ex, None)  # type: ignore[arg-type]
    assert len(ex.meetings) == 1
    meeting = ex.meetings[0]
    assert (meeting.round, meeting.format, meeting.location) == (3, "ministerial", "Tokyo")
    assert meeting.start == date(2025, 6, 5) and meeting.status == "held"
    assert sorted(meeting.countries) == ["JP", "US"] and len(meeting.evidence) == 2


def test_extract_events_planned_meeting_with_attendees() -> None:
    text = (
        "Germany and France will hold a 2+2 meeting this week in Paris at the request of France.\n"
        "Representing Germany will be Anna Becker. On the French side, Paul Martin will attend.\n"
    )
    ex = extraction_from_names(
        text,
        date(2025, 3, 2),
        {
            "Germany": ("country", "DE"),
            "France": ("country", "FR"),
            "Anna Becker": ("person", "p1"),
            "Paul Martin": ("person", "p2"),
        },
    )
    extract_events(ex, None)  # type: ignore[arg-type]
    assert len(ex.meetings) == 1
    meeting = ex.meetings[0]
    assert meeting.status == "planned" and meeting.format == "2+2"
    assert meeting.participants == ["p1", "p2"]
    assert meeting.date_precision == "week" and meeting.requested_by == ["FR"]


def test_extract_events_tariff_change_and_retaliation() -> None:
    text = (
        "Washington lowered the tariff on Japanese cars from 25 percent to 15 percent.\n"
        "The EU threatened 30 percent retaliatory duties on U.S. bourbon.\n"
    )
    ex = extraction_from_names(
        text,
        date(2025, 7, 1),
        {
            "Washington": ("country", "US"),
            "Japanese": ("country", "JP"),
            "EU": ("country", "EU"),
            "U.S.": ("country", "US"),
        },
    )
    extract_events(ex, None)  # type: ignore[arg-type]
    by_rate = {t.rate_percent: t for t in ex.tariffs}
    assert sorted(r for r in by_rate if r is not None) == [15.0, 25.0, 30.0]
    assert by_rate[25.0].status == "previous" and by_rate[15.0].replaces == by_rate[25.0].local_id
    assert by_rate[15.0].products == ["automobiles"] and by_rate[15.0].imposed_by == "US"
    assert by_rate[30.0].kind == "retaliatory" and by_rate[30.0].status == "threatened"
    assert by_rate[30.0].imposed_by == "EU" and by_rate[30.0].products == ["bourbon"]


def test_extract_events_two_tariffs_in_one_sentence_and_figures() -> None:
    text = (
        "The duties include 25 percent reciprocal tariffs on Korea as well as sectoral tariffs that include "
        "25 percent levies on automobiles, steel and aluminum imposed by the United States.\n"
        "Korea recorded a trade surplus of $56.6 billion last year.\n"
    )
    ex = extraction_from_names(
        text, date(2025, 4, 20), {"Korea": ("country", "KR"), "United States": ("country", "US")}
    )
    extract_events(ex, None)  # type: ignore[arg-type]
    kinds = sorted((t.kind, tuple(t.products)) for t in ex.tariffs)
    assert kinds == [("reciprocal", ()), ("sectoral", ("automobiles", "steel", "aluminum"))]
    figure = ex.figures[0]
    assert (figure.kind, figure.value, figure.unit, figure.year) == ("trade_surplus", 56.6e9, "USD", 2024)


def test_extract_events_statements_request_and_agreement() -> None:
    text = (
        "Minister Lee requested that the U.S. exempt Korea from all forms of tariffs.\n"
        "The two sides agreed to launch working-level consultations.\n"
    )
    ex = extraction_from_names(
        text,
        date(2025, 4, 25),
        {"Minister Lee": ("person", "p1"), "U.S.": ("country", "US"), "Korea": ("country", "KR")},
    )
    extract_events(ex, None)  # type: ignore[arg-type]
    kinds = {s.kind: s for s in ex.statements}
    assert kinds["request"].actor == "p1" and kinds["request"].counterpart == "US"
    assert kinds["agreement"].content.startswith("launch working-level")
