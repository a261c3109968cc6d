from datetime import date

import pytest

from kg.model import DocExtraction, Document, Figure, Meeting, Organization, Person, Statement, Tariff
from kg.resolve import resolve

PEOPLE = {"ahn": "Ahn Duk-geun", "choi": "Choi Sang-mok", "greer": "Jamieson Greer",
          "bessent": "Scott Bessent"}


def _doc(doc_id: str, people: list[str]) -> DocExtraction:
    ex = DocExtraction(doc=Document(doc_id=doc_id, text="", sha256="0"))
    ex.persons = [Person(key, PEOPLE[key]) for key in people]
    return ex


def _meeting(ex: DocExtraction, local_id: str, start: date | None, precision: str | None = "day",
             location: str | None = None, fmt: str | None = None, end: date | None = None) -> None:
    ex.meetings.append(Meeting(local_id, "Korea-U.S. talks", "talks", [p.local_id for p in ex.persons],
                               ["KR", "US"], start, end, date_precision=precision, location=location,
                               format=fmt, date_resolution="resolved" if start else "unknown"))


def test_resolve_meetings_one_event_reported_by_four_articles() -> None:
    a = _doc("000.txt", ["ahn", "choi", "greer"])
    _meeting(a, "m1", date(2025, 4, 24))
    b = _doc("002.txt", ["choi", "ahn", "bessent", "greer"])
    _meeting(b, "m1", date(2025, 4, 21), "week", "Washington", "2+2")
    c = _doc("003.txt", ["choi", "ahn", "bessent", "greer"])
    _meeting(c, "m1", date(2025, 4, 24), "day", "Washington, D.C.", "2+2", date(2025, 4, 25))
    d = _doc("004.txt", ["choi", "ahn", "bessent", "greer"])
    _meeting(d, "m1", date(2025, 4, 24), "day", "Washington", "2+2")
    res = resolve([a, b, c, d])
    gids = {res.ids[(ex.doc.doc_id, "m1")] for ex in (a, b, c, d)}
    assert len(gids) == 1
    gid = gids.pop()
    assert gid.startswith("meeting-2025-04-24-")
    assert sum(m.rule == "meeting.participants+date+place" for m in res.merges) == 3
    assert resolve([d, c, b, a]).ids == res.ids


@pytest.mark.parametrize("start,location,fmt", [
    (date(2025, 4, 30), "Washington", "2+2"),  # a week later
    (date(2025, 4, 24), "Jeju", "2+2"),  # another place
    (date(2025, 4, 24), "Washington", "technical"),  # another format
])
def test_resolve_meetings_different_rounds_stay_separate(start: date, location: str, fmt: str) -> None:
    a = _doc("a.txt", ["ahn", "choi", "greer", "bessent"])
    _meeting(a, "m1", date(2025, 4, 24), "day", "Washington", "2+2")
    b = _doc("b.txt", ["ahn", "choi", "greer", "bessent"])
    _meeting(b, "m1", start, "day", location, fmt)
    res = resolve([a, b])
    assert res.ids[("a.txt", "m1")] != res.ids[("b.txt", "m1")]


def test_resolve_meetings_undated_same_people_in_two_events_get_distinct_ids() -> None:
    a = _doc("a.txt", ["ahn", "greer"])
    _meeting(a, "m1", None)
    _meeting(a, "m2", None)
    res = resolve([a])
    assert res.ids[("a.txt", "m1")] != res.ids[("a.txt", "m2")]
    assert res.ids[("a.txt", "m1")].startswith("meeting-undated-")


def test_resolve_tariffs_same_terms_merge_and_other_rates_do_not() -> None:
    a, b = _doc("a.txt", []), _doc("b.txt", [])
    a.tariffs.append(Tariff("t1", 25.0, "sectoral", ["automobiles"], "US", None, True))
    b.tariffs.append(Tariff("t1", 25.0, "sectoral", ["automobiles"], "US", None, True, "in force"))
    b.tariffs.append(Tariff("t2", 15.0, "sectoral", ["automobiles"], "US", None, True))
    res = resolve([a, b])
    assert res.ids[("a.txt", "t1")] == res.ids[("b.txt", "t1")]
    assert res.ids[("b.txt", "t2")] != res.ids[("b.txt", "t1")]
    assert res.ids[("a.txt", "t1")].startswith("tariff-") and len(res.ids[("a.txt", "t1")]) == 19


def test_resolve_tariffs_report_without_target_joins_the_one_named_elsewhere() -> None:
    a, b, c = _doc("a.txt", []), _doc("b.txt", []), _doc("c.txt", [])
    a.tariffs.append(Tariff("t1", 25.0, "sectoral", ["steel"], "US", "KR"))
    b.tariffs.append(Tariff("t1", 25.0, "sectoral", ["steel"], "US", None))
    res = resolve([a, b])
    assert res.ids[("a.txt", "t1")] == res.ids[("b.txt", "t1")]
    assert any(m.rule.endswith("+target_from_other_report") for m in res.merges)
    # two different targets named elsewhere: the report without one stays apart
    c.tariffs.append(Tariff("t1", 25.0, "sectoral", ["steel"], "US", "JP"))
    res = resolve([a, b, c])
    assert res.ids[("b.txt", "t1")] not in (res.ids[("a.txt", "t1")], res.ids[("c.txt", "t1")])


def test_resolve_tariffs_bare_rate_stays_in_its_article() -> None:
    # "a 30% tariff by the US" with no target, kind or products: not another article's 30% on Brazil
    a, b, c = _doc("a.txt", []), _doc("b.txt", []), _doc("c.txt", [])
    a.tariffs.append(Tariff("t1", 30.0, "other", [], "US", "BR"))
    b.tariffs.append(Tariff("t1", 30.0, "other", [], "US", None))
    c.tariffs.append(Tariff("t1", 30.0, "other", [], "US", None))
    res = resolve([a, b, c])
    assert len({res.ids[(d, "t1")] for d in ("a.txt", "b.txt", "c.txt")}) == 3
    assert not any(m.rule.startswith("tariff") for m in res.merges)


def test_resolve_tariffs_no_target_from_elsewhere_when_the_article_names_others() -> None:
    # b is about Vietnam and Thailand: its steel tariff with no target is not a's tariff on India
    a, b = _doc("a.txt", []), _doc("b.txt", [])
    a.tariffs.append(Tariff("t1", 50.0, "sectoral", ["steel"], "US", "IN"))
    b.tariffs.append(Tariff("t1", 20.0, "reciprocal", [], "US", "VN"))
    b.tariffs.append(Tariff("t2", 50.0, "sectoral", ["steel"], "US", None))
    res = resolve([a, b])
    assert res.ids[("a.txt", "t1")] != res.ids[("b.txt", "t2")]


def test_resolve_tariffs_product_spellings_label_the_product() -> None:
    from kg.model import Evidence

    sentence = "Washington put a 25 percent tariff on Thai cars and aluminium."
    a = _doc("a.txt", [])
    a.tariffs.append(Tariff("t1", 25.0, "sectoral", ["automobiles", "aluminum"], "US", "TH",
                            evidence=[Evidence("a.txt", 17, len(sentence) - 1, sentence, 0, "tariff.rate_with_measure",
                                               0.9)]))
    res = resolve([a])
    assert res.alt_labels["product-automobiles"] == {"cars"}
    assert res.alt_labels["product-aluminum"] == {"aluminium"}


def test_resolve_statements_and_figures_merge_only_when_identical() -> None:
    a, b = _doc("a.txt", ["ahn"]), _doc("b.txt", ["ahn"])
    a.statements.append(Statement("s1", "request", "ahn", "US", "an exemption from tariffs"))
    b.statements.append(Statement("s1", "request", "ahn", "US", "An exemption from tariffs."))
    b.statements.append(Statement("s2", "offer", "KR", "US", "shipbuilding cooperation"))
    a.figures.append(Figure("f1", "trade_surplus", 56.6e9, "USD", "KR", 2024, "$56.6 billion"))
    b.figures.append(Figure("f1", "trade_surplus", 55.6e9, "USD", "KR", 2024, "$55.6 billion"))
    res = resolve([a, b])
    assert res.ids[("a.txt", "s1")] == res.ids[("b.txt", "s1")]
    assert res.ids[("b.txt", "s2")] != res.ids[("b.txt", "s1")]
    assert res.ids[("a.txt", "f1")] != res.ids[("b.txt", "f1")]


@pytest.mark.parametrize("label_b,merged", [
    ("Ahn Duk-geun interview with KBS", False),
    ("Ahn Duk-geun interview with The Chosun Ilbo", True),
])
def test_resolve_meetings_undated_single_shared_person_needs_same_label(label_b: str, merged: bool) -> None:
    a, b = _doc("a.txt", ["ahn"]), _doc("b.txt", ["ahn"])
    a.meetings.append(Meeting("m1", "Ahn Duk-geun interview with The Chosun Ilbo", "interview", ["ahn"],
                              start=date(2025, 4, 20), date_precision="day"))
    b.meetings.append(Meeting("m1", label_b, "interview", ["ahn"]))
    res = resolve([a, b])
    assert (res.ids[("a.txt", "m1")] == res.ids[("b.txt", "m1")]) is merged


def _sided(doc_id: str, people: dict[str, str], label: str, start: date | None, event_type: str = "talks"
           ) -> DocExtraction:
    """An article with one meeting of the given people (name -> ISO country; no country: a news outlet)."""
    ex = DocExtraction(doc=Document(doc_id=doc_id, text="", sha256="0"))
    ex.persons = [Person(f"p{i}", name, country=iso) for i, (name, iso) in enumerate(people.items()) if iso]
    ex.organizations = [Organization(f"o{i}", name, kind="media") for i, (name, iso) in enumerate(people.items())
                        if not iso]
    participants = [p.local_id for p in ex.persons] + [o.local_id for o in ex.organizations]
    ex.meetings.append(Meeting("m1", label, event_type, participants, [], start, start,
                               date_precision="day" if start else None))
    return ex


def test_resolve_meetings_one_sides_officials_are_no_proof_of_one_meeting() -> None:
    # US officials meet many delegations: sharing only them, two undated reports stay two events
    us = {"Howard Lutnick": "US", "Jamieson Greer": "US"}
    a = _sided("a.txt", {**us, "Mary Ng": "CA"}, "talks with Mary Ng", None)
    b = _sided("b.txt", {**us, "Piyush Goyal": "IN"}, "talks with Piyush Goyal", None)
    res = resolve([a, b])
    assert res.ids[("a.txt", "m1")] != res.ids[("b.txt", "m1")]


def test_resolve_meetings_both_sides_shared_is_one_meeting() -> None:
    people = {"Howard Lutnick": "US", "Mary Ng": "CA"}
    a = _sided("a.txt", people, "talks in Ottawa", None)
    b = _sided("b.txt", people, "US-CA talks", None)
    res = resolve([a, b])
    assert res.ids[("a.txt", "m1")] == res.ids[("b.txt", "m1")]


def test_resolve_meetings_same_interview_in_two_articles() -> None:
    a = _sided("a.txt", {"Mary Ng": "CA", "Globe and Mail": ""}, "Mary Ng interview with Globe and Mail", None,
               "interview")
    b = _sided("b.txt", {"Mary Ng": "CA", "Globe and Mail": ""}, "interview with Globe and Mail", None,
               "interview")
    res = resolve([a, b])
    assert res.ids[("a.txt", "m1")] == res.ids[("b.txt", "m1")]


def test_resolve_meetings_a_written_name_beats_a_composed_label() -> None:
    people = {"Howard Lutnick": "US", "Mary Ng": "CA"}
    a = _sided("a.txt", people, "talks with Howard Lutnick, Mary Ng", None)
    a.meetings[0].label_composed = True  # made up by the extractor, longer than the written name
    b = _sided("b.txt", people, "Ottawa Talks", None)
    res = resolve([a, b])
    gid = res.ids[("a.txt", "m1")]
    assert gid == res.ids[("b.txt", "m1")] and res.pref_labels[gid] == "Ottawa Talks"
