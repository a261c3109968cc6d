"""Meetings, interviews and statements read from hand-written articles through the whole extractor
(spaCy pipeline, entity rules, event rules), so the dependency parse takes part."""

from __future__ import annotations

from datetime import date

import pytest

from handmade import extracted
from kg.model import DocExtraction, Meeting


def _extract(text: str, published: date | None = date(2025, 6, 12)) -> DocExtraction:
    return extracted(text, published)


def _names(ex: DocExtraction, meeting: Meeting) -> set[str]:
    names = {p.local_id: p.name for p in ex.persons} | {o.local_id: o.name for o in ex.organizations}
    return {names[p] for p in meeting.participants}


def test_extract_meetings_met_without_with_is_a_meeting() -> None:
    ex = _extract(
        "Japanese trade negotiator Ryosei Akazawa met U.S. Commerce Secretary Howard Lutnick in Washington "
        "on Tuesday to discuss auto tariffs and agricultural imports.\n"
    )
    assert len(ex.meetings) == 1
    meeting = ex.meetings[0]
    assert _names(ex, meeting) == {"Ryosei Akazawa", "Howard Lutnick"}
    assert (meeting.start, meeting.location, meeting.status) == (date(2025, 6, 10), "Washington", "held")
    assert meeting.topics == ["auto tariffs", "agricultural imports"]


def test_extract_meetings_later_that_day_is_another_meeting_on_that_date() -> None:
    ex = _extract(
        "Akazawa Ryosei, Japan's chief negotiator, met Commerce Secretary Howard Lutnick on June 10 in Washington.\n"
        "Later that afternoon, Akazawa met with Treasury Secretary Scott Bessent at the Treasury Department.\n"
    )
    assert len(ex.meetings) == 2
    first, second = ex.meetings
    assert first.start == second.start == date(2025, 6, 10)
    assert second.date_resolution == "resolved" and "Later that afternoon" in (second.date_note or "")
    assert "Scott Bessent" in _names(ex, second) and "Howard Lutnick" not in _names(ex, second)
    assert second.venue == "Treasury Department"
    assert second.location == "Washington"  # the same day, the same city: nothing says otherwise


@pytest.mark.parametrize(
    ("sentence", "outlet", "person"),
    [
        ("In an interview with Reuters, Prime Minister Shigeru Ishiba said Tokyo would not accept a deal "
         "that excluded autos.", "Reuters", "Shigeru Ishiba"),
        ("Prime Minister Shigeru Ishiba told the Nikkei that Japan would keep pressing for tariff relief.",
         "Nikkei", "Shigeru Ishiba"),
        ("Commerce Secretary Howard Lutnick told CNBC on Wednesday that a deal with India was close.",
         "CNBC", "Howard Lutnick"),
    ],
)
def test_extract_meetings_interview_with_an_outlet(sentence: str, outlet: str, person: str) -> None:
    ex = _extract(sentence + "\n")
    interviews = [m for m in ex.meetings if m.event_type == "interview"]
    assert len(interviews) == 1
    assert _names(ex, interviews[0]) == {person, outlet}
    assert interviews[0].countries == []  # what is talked about is no side of an interview
    media = {o.name for o in ex.organizations if o.kind == "media"}
    assert outlet in media


def test_extract_meetings_interview_date_is_not_the_date_in_the_quote() -> None:
    ex = _extract("Trade Representative Jamieson Greer told Bloomberg Television that talks would resume next week.\n")
    (interview,) = [m for m in ex.meetings if m.event_type == "interview"]
    assert interview.start is None


def test_extract_meetings_two_interviews_with_two_outlets_stay_two() -> None:
    ex = _extract(
        "In an interview with the Financial Times, Prime Minister Shigeru Ishiba said Japan was ready to talk.\n"
        "Trade Minister Yoji Muto also told the Yomiuri Shimbun that the negotiations would take time.\n"
    )
    interviews = [m for m in ex.meetings if m.event_type == "interview"]
    assert [sorted(_names(ex, m)) for m in interviews] == [
        ["Financial Times", "Shigeru Ishiba"],
        ["Yoji Muto", "Yomiuri Shimbun"],
    ]


def test_extract_meetings_the_meeting_after_a_planned_one_means_the_held_one() -> None:
    ex = _extract(
        "Canadian Finance Minister Francois-Philippe Champagne met Treasury Secretary Scott Bessent in Ottawa on "
        "June 9.\n"
        "Both sides agreed to hold working-level talks next week.\n"
        "Officials from the Canada Border Services Agency also participated in the meeting.\n",
        date(2025, 6, 10),
    )
    held = next(m for m in ex.meetings if m.status == "held")
    planned = next(m for m in ex.meetings if m.status == "planned")
    agency = next(o.local_id for o in ex.organizations if o.name == "Canada Border Services Agency")
    assert agency in held.participants and agency not in planned.participants


def test_extract_meetings_that_as_conjunction_is_no_reference_to_the_meeting() -> None:
    ex = _extract(
        "On June 3, President Donald Trump met with Japanese Prime Minister Shigeru Ishiba at the White House.\n"
        "Seoul officials said that negotiations with the European Union should proceed cautiously.\n",
    )
    (meeting,) = ex.meetings
    assert len(meeting.evidence) == 1
    assert "EU" not in meeting.countries


def test_extract_meetings_purpose_clause_is_not_the_place() -> None:
    ex = _extract(
        "On April 16, President Donald Trump met with Japanese Minister Ryosei Akazawa at the White House to "
        "press for more Japanese spending on U.S. troops in Japan.\n",
        date(2025, 4, 20),
    )
    (meeting,) = ex.meetings
    assert (meeting.venue, meeting.location) == ("White House", None)


def test_extract_meetings_travel_day_is_not_the_meeting_day() -> None:
    ex = _extract(
        "Finance Minister Choi Sang-mok is set to leave on Tuesday to attend the G20 summit and the "
        "International Monetary Fund spring meeting.\n",
        date(2025, 4, 20),
    )
    labels = {m.label: m for m in ex.meetings}
    assert set(labels) == {"G20 summit", "International Monetary Fund spring meeting"}
    assert all(m.start is None for m in ex.meetings)
    assert labels["G20 summit"].event_type == "summit"
    imf = next(o.local_id for o in ex.organizations if o.ref_id == "int-imf")
    assert imf in labels["International Monetary Fund spring meeting"].participants
    assert imf not in labels["G20 summit"].participants


def test_extract_meetings_quoted_speech_makes_no_meeting() -> None:
    ex = _extract(
        "Trade Minister Yoji Muto said, \u201cWith both sides agreeing to launch technical consultations, we now "
        "have an open channel for more detailed discussions.\u201d\n"
    )
    assert ex.meetings == []


def test_extract_meetings_agreed_later_meeting_does_not_set_the_format() -> None:
    ex = _extract(
        "Later, Trade Minister Yoji Muto met with the Office of the United States Trade Representative, where "
        "the two sides agreed to launch working-level consultations.\n"
    )
    assert [m.format for m in ex.meetings] == [None]


def test_extract_statements_actor_is_the_subject_of_the_purpose_clause() -> None:
    ex = _extract(
        "On April 16, President Donald Trump met with Japanese Minister Ryosei Akazawa at the White House to "
        "press for increased Japanese contributions to the cost of U.S. troops.\n",
        date(2025, 4, 20),
    )
    (demand,) = [s for s in ex.statements if s.kind == "demand"]
    trump = next(p.local_id for p in ex.persons if p.name == "Donald Trump")
    assert demand.actor == trump


def test_extract_statements_coordinated_subject_is_actor_and_counterpart() -> None:
    ex = _extract("Through this meeting, Japan and the U.S. reached a principled agreement on a framework for talks.\n")
    (agreement,) = ex.statements
    assert (agreement.actor, agreement.counterpart) == ("JP", "US")


def test_extract_statements_as_agreed_during_is_no_statement() -> None:
    ex = _extract(
        "The talks will focus on six areas, as agreed on during a ministerial meeting in Tokyo on Friday.\n"
    )
    assert [s for s in ex.statements if s.kind == "agreement"] == []


@pytest.mark.parametrize(
    ("text", "event_type", "people"),
    [
        ("President Lula da Silva received Chinese Premier Li Qiang at the Alvorada Palace on Monday.\n",
         "meeting", {"Li Qiang"}),
        ("Prime Minister Christopher Luxon spoke with President Donald Trump by phone on Tuesday.\n",
         "call", {"Christopher Luxon", "Donald Trump"}),
        ("After a phone call with Prime Minister Christopher Luxon, President Donald Trump praised New Zealand.\n",
         "call", {"Christopher Luxon", "Donald Trump"}),
        ("Trade ministers gathered in Jakarta for the 12th negotiating round of the ASEAN-Canada agreement on "
         "June 3.\n", "talks", set()),
    ],
)
def test_extract_meetings_more_event_words(text: str, event_type: str, people: set[str]) -> None:
    ex = _extract(text)
    assert [m.event_type for m in ex.meetings] == [event_type]
    assert people <= _names(ex, ex.meetings[0])


def test_extract_meetings_two_countries_in_the_clause_make_an_event() -> None:
    ex = _extract(
        "Brazil and Argentina agreed on Thursday to cut duties on cars, following three days of talks in Montevideo.\n"
    )
    (meeting,) = ex.meetings
    assert sorted(meeting.countries) == ["AR", "BR"] and meeting.location == "Montevideo"
    assert meeting.start is None  # Thursday is the day of the agreement, not of the talks


def test_extract_meetings_pronoun_subject_is_the_previous_person() -> None:
    ex = _extract(
        "It was Minister Mary Ng's fourth visit to Washington this year.\n"
        "She held talks with Commerce Secretary Gina Raimondo at the Commerce Department on Monday.\n"
    )
    (meeting,) = ex.meetings
    assert _names(ex, meeting) >= {"Mary Ng", "Gina Raimondo"}


def test_extract_meetings_reported_talks_have_no_reporter_as_participant() -> None:
    ex = _extract(
        "Indonesia and Australia held trade talks in Canberra on June 10.\n"
        "In Jakarta, a spokesman for the trade ministry, Budi Santoso, told reporters on Wednesday that the talks "
        "had been held at Canberra's request.\n"
    )
    (meeting,) = ex.meetings
    assert "Budi Santoso" not in _names(ex, meeting)
    assert len(meeting.evidence) == 2


def test_extract_meetings_the_process_is_no_event() -> None:
    ex = _extract(
        "The leaders renewed their commitment made by President Lula and Prime Minister Narendra Modi to conclude "
        "negotiations by the end of the year.\n"
    )
    assert ex.meetings == []


def test_extract_meetings_restated_meeting_is_one_but_also_met_is_another() -> None:
    ex = _extract(
        "Trade Commissioner Sabine Weyand hosts Minister Mary Ng in Brussels.\n"
        "Weyand welcomed Mary Ng to Brussels for two days of talks.\n"
        "Mary Ng also met Christophe Hansen, Commissioner for Agriculture, on Tuesday.\n"
    )
    ng = next(p.local_id for p in ex.persons if p.name == "Mary Ng")
    with_ng = [m for m in ex.meetings if ng in m.participants]
    assert len(with_ng) == 2
    assert len(with_ng[0].evidence) == 2


def test_extract_meetings_dateline_is_not_the_subject() -> None:
    ex = _extract(
        "OTTAWA, June 12 (Reuters) - Canada and Mexico agreed on Wednesday to expand trade, following two days of "
        "talks in Ottawa.\n"
    )
    (meeting,) = ex.meetings
    assert sorted(meeting.countries) == ["CA", "MX"]


@pytest.mark.parametrize(
    ("text", "round_no", "start", "location", "status"),
    [
        ("The ministers reviewed the ninth negotiating round, held in Canberra from 3 to 7 March, and set new "
         "targets.\n", 9, date(2025, 3, 3), "Canberra", "held"),
        ("The 10th round will take place in Wellington in the week of 14 July.\n", 10, date(2025, 7, 14),
         "Wellington", "planned"),
    ],
)
def test_extract_meetings_numbered_round_is_an_event(text: str, round_no: int, start: date, location: str,
                                                     status: str) -> None:
    ex = _extract(text, date(2025, 6, 12))
    (meeting,) = ex.meetings
    assert (meeting.round, meeting.start, meeting.location, meeting.status) == (round_no, start, location, status)


def test_extract_meetings_travel_destination_is_the_place() -> None:
    ex = _extract("Swiss President Karin Keller-Sutter flew to Washington on Thursday for talks with Treasury "
                  "Secretary Scott Bessent.\n")
    (meeting,) = ex.meetings
    assert (meeting.location, meeting.start) == ("Washington", None)  # Thursday is the flight's day


def test_extract_meetings_sidelines_meeting_is_its_own_event() -> None:
    ex = _extract("Prime Minister Mark Carney and President Claudia Sheinbaum discussed trade on the sidelines of "
                  "the G7 summit in Kananaskis on June 16.\n")
    (meeting,) = ex.meetings
    assert (meeting.event_type, meeting.format) == ("meeting", None)
    assert meeting.label == "meeting on the sidelines of the G7 summit"
    assert meeting.topics == ["trade"]


def test_extract_meetings_described_subjects_stand_for_people_named_before() -> None:
    ex = _extract(
        "Prime Minister Anthony Albanese hosted Prime Minister Christopher Luxon in Sydney on Monday.\n"
        "Trade Minister Don Farrell also attended.\n"
        "After the dinner, the two prime ministers held talks at Kirribilli House on Tuesday.\n",
        date(2025, 6, 12),
    )
    talks = next(m for m in ex.meetings if m.event_type == "talks")
    assert _names(ex, talks) == {"Anthony Albanese", "Christopher Luxon"}


def test_extract_meetings_signing_is_an_event_of_its_signatories() -> None:
    ex = _extract(
        "The agreement was signed in Canberra by Trade Minister Don Farrell and Indonesian Trade Minister Budi "
        "Santoso on June 10.\n"
    )
    (signing,) = ex.meetings
    assert signing.event_type == "signing" and signing.start == date(2025, 6, 10)
    assert _names(ex, signing) == {"Don Farrell", "Budi Santoso"}


def test_extract_meetings_an_indefinite_meeting_is_new() -> None:
    ex = _extract(
        "Foreign Minister Penny Wong is expected to meet Secretary of State Marco Rubio in Washington next week.\n"
        "Prime Minister Anthony Albanese proposed a meeting with President Xi Jinping at the summit in Lima.\n",
        date(2025, 6, 12),
    )
    assert len(ex.meetings) == 2
    second = ex.meetings[1]
    assert "Marco Rubio" not in _names(ex, second) and second.location == "Lima"


def test_extract_meetings_where_clause_takes_its_date_and_place_from_the_clause_above() -> None:
    ex = _extract("The pact was concluded on 4 March in Lima, where Trade Minister Don Farrell joined the Pacific "
                  "Alliance leaders at the bloc's summit.\n")
    (summit,) = ex.meetings
    assert (summit.start, summit.location) == (date(2025, 3, 4), "Lima")


def test_extract_meetings_state_visit_in_a_past_clause_is_this_years() -> None:
    ex = _extract("When President Lula made a state visit to Japan in early March, Prime Minister Shigeru Ishiba "
                  "said he would seek closer ties.\n", date(2025, 9, 4))
    (visit,) = ex.meetings
    assert visit.event_type == "visit" and visit.start is not None and visit.start.year == 2025


def test_extract_meetings_a_signing_needs_signatories() -> None:
    ex = _extract("Officials hope for a decision in time for the Andean summit in Quito in December, where the "
                  "deal could be signed.\n", date(2025, 9, 4))
    assert [m.event_type for m in ex.meetings] == ["summit"]


def test_extract_meetings_the_signing_refers_to_the_signing() -> None:
    ex = _extract(
        "The agreement was signed in Canberra by Trade Minister Don Farrell and Indonesian Trade Minister Budi "
        "Santoso on June 10.\n"
        "Later, Farrell held talks with Santoso on farm quotas.\n"
        "The signing follows two years of negotiations.\n"
    )
    signing = next(m for m in ex.meetings if m.event_type == "signing")
    assert len(signing.evidence) == 2


def test_extract_meetings_the_same_interview_is_the_last_one() -> None:
    ex = _extract("Commerce Secretary Howard Lutnick told CNBC in an interview that a deal was close.\n"
                  "But Lutnick said in the same interview that he could impose duties on medicines.\n")
    (interview,) = ex.meetings
    assert len(interview.evidence) == 2 and _names(ex, interview) == {"Howard Lutnick", "CNBC"}


@pytest.mark.parametrize("word", ["video conference", "videoconference", "teleconference"])
def test_extract_meetings_video_conference_is_a_call(word: str) -> None:
    ex = _extract(f"Trade Minister Don Farrell and Trade Representative Jamieson Greer held a {word} on June 3.\n")
    (call,) = ex.meetings
    assert call.event_type == "call" and _names(ex, call) == {"Don Farrell", "Jamieson Greer"}


def test_extract_meetings_they_is_no_single_person() -> None:
    ex = _extract("President Donald Trump spoke on Monday.\n"
                  "The two sides held talks in Ottawa on June 3, where they outlined the contours of a deal.\n")
    (talks,) = ex.meetings
    assert "Donald Trump" not in _names(ex, talks)
