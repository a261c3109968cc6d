"""Meetings, talks and interviews: one record per event per article, with every sentence about it."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from collections.abc import Set as AbstractSet
from dataclasses import replace
from datetime import date, timedelta
from typing import TYPE_CHECKING

from kg.extract.clauses import PERSONAL, Clause, clause_of, token_at
from kg.extract.dates import DateRef, find_dates
from kg.extract.sentences import SentenceSpan, without_speech
from kg.extract.topics import topics_of
from kg.model import Evidence, Meeting, Mention

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5,
    "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10,
}
_ORDINAL_WORDS = r"(?:\d+(?:st|nd|rd|th)|" + "|".join(_ORDINALS) + r"|next|new|final|latest)"
# "met"/"meet" alone is a meeting only when someone follows: "met U.S. Commerce Secretary Howard
# Lutnick", "will meet with Bessent"; not "met expectations" or "met on Tuesday".
_TRIGGER = re.compile(
    r"\b(meetings?|talks|dialogue|consultations?|discussions|negotiations?|summit|"
    r"(?:state|official|working)\s+visit|"
    r"(?:phone|telephone|video)\s+(?:call|conversation)s?|video[- ]?conferences?|teleconferences?|telephoned|"
    r"(?-i:" + _ORDINAL_WORDS + r")\s+(?:negotiating\s+|formal\s+|technical\s+)?round|"
    r"(?:sat down|spoke|talked|call)\s+(?:with|to)(?=\s+(?:the\s+|his\s+|her\s+)?(?-i:[A-Z]))|"
    r"(?:met|meets|meet|received|receives|hosted|hosts|welcomed|welcomes)(?:\s+with)?"
    r"(?=\s+(?:the\s+|his\s+|her\s+|their\s+)?(?-i:[A-Z]))|"
    # a signing is an event where the signatories meet: "was signed at Chequers by X and Y"
    r"signed|signing(?:\s+ceremony)?)\b",
    re.I,
)
_INTERVIEW = re.compile(
    r"\b(?:in|during)\s+(?:an?|his|her|their|the|a recent)\s+(?:[\w-]+\s+){0,2}?interview\b"
    r"|\binterview(?:ed)?\s+(?:with|by)\b",
    re.I,
)
_TOLD = re.compile(r"\b(?:told|telling|tells)\s+(?:the\s+)?", re.I)
_NEW_CUE = re.compile(
    r"\b(held|hold|holding|holds|met|meet|meets|began|begin|kick(?:ed|s)? off|launch(?:ed)?|take place|"
    r"takes place|took place|"
    r"sat down|convened?|attend|during an? [\w\s-]{0,30}(?:meeting|summit)|"
    r"round of|\d\+\d|(?:first|second|third|fourth|fifth|new) round)\b",
    re.I,
)
# "that" refers back only after a preposition ("at that meeting"); elsewhere it starts a clause
# ("sentiment that negotiations ... should proceed").
_COREF = re.compile(
    r"\b(?P<det>the|this|these|(?<=at |in |of )that|(?<=during |before )that|(?<=after )that|(?<=from )that)\s+"
    r"(?:(?-i:[a-z][a-z-]*)\s+)?(?P<noun>meetings?|talks|dialogue|consultations?|discussions|negotiations|summit|"
    r"trade consultation|interview|signing)\b",
    re.I,
)
_PAST_OCCURRENCE = re.compile(
    r"\b(participated|attended|took part|joined|was held|were held|took place|sat in)\b", re.I
)
_PAST_REPORT = re.compile(r"\b(said|told|indicated|stated|added|noted|signaled|signalled)\b", re.I)
_SAME_DAY = re.compile(
    r"\b(?:later|earlier)\s+(?:that|the same)\s+(?:day|morning|afternoon|evening)\b"
    r"|\bthat (?:same )?(?:morning|afternoon|evening)\b|\bthe (?:same|next|following) day\b",
    re.I,
)
_SIDELINES = re.compile(r"\b(?:on|at) the (?:sidelines|margins) of (?:the |a |an )?(?:[\w-]+\s+){0,5}$", re.I)
_TRAVEL_TO = re.compile(
    r"\b(?:flew|flies|fly|travel(?:l?ed|s)?|went|goes|go|arrived|arrives|headed|heads|visited|visits|returned|returns)"
    r"\s+(?:back\s+)?(?:to|in)\s+(?P<place>[A-Z][\w.'-]*(?:,?\s+[A-Z][\w.'-]*)*)"
)
# Role nouns a definite description uses for a person named earlier ("the Slovak commissioner").
_ROLE_WORDS = {
    "minister": "minister", "ministers": "minister", "secretary": "secretary", "secretaries": "secretary",
    "commissioner": "commissioner", "commissioners": "commissioner", "president": "president",
    "presidents": "president", "premier": "premier", "premiers": "premier", "chancellor": "chancellor",
    "negotiator": "negotiator", "negotiators": "negotiator", "representative": "representative",
    "ambassador": "ambassador", "envoy": "envoy", "leader": "leader", "leaders": "leader",
}
_INDEFINITE = re.compile(r"\b(?:a|an|another|one)\s+(?:[\w-]+\s+){0,3}$", re.I)
_ANOTHER = re.compile(r"\b(also|again|separately|another|second|later|earlier|previously|before that)\b", re.I)
_ENDS = re.compile(r"\b(conclude|end|wrap up|last)\w*", re.I)
_TRAVEL = re.compile(r"\b(leav\w*|left|depart\w*|travel\w*|fl(?:y|ies|ew)|head(?:s|ed)? (?:to|for)|arriv\w*)\b", re.I)
# A later meeting agreed on in the same sentence: its words describe that meeting, not this one
# ("met ..., where the two sides agreed to launch working-level consultations").
_LATER_MEETING = re.compile(
    r"\b(?:agreed|agreeing|agree|plans?|planning|decided|deciding) to (?:launch|hold|start|begin|open|set up)\b[^.;]*",
    re.I,
)
_CLAUSE_BREAK = re.compile(
    r"\s+to\s+(?!the\b|an?\b)[a-z]+\b|,\s*(?:where|which|while|as|amid|after|but)\b|\s+as\s+|;|\s[—–]\s"
)
_TOPIC_LIST = re.compile(r"(?:—|–|:)\s*(?P<list>[a-z][\w\s,'-]+?(?:,\s*(?:and\s+)?[\w\s'-]+)+)(?=[.;]| as |$)")
_CONTINUE = re.compile(
    r"(?:^\s*representing|\brepresenting \w+ (?:will|are|is|was|were)|\b(?:on the [\w.\s-]{1,20} side|will attend|"
    r"will participate|will be represented|"
    r"will send|is leading|are leading|will lead|leads? the [\w\s]{0,20}delegation|also participated|"
    r"delegation (?:was|is|will be) (?:led|headed) by|led the [\w\s]{0,20}delegation|alongside))\b",
    re.I,
)
_HABITUAL = re.compile(r"\b(traditionally|usually|typically|customarily|routinely|often)\b", re.I)
_GENERIC = re.compile(r"\b(tariff|trade)\s+(negotiations?|talks)\b(?!\s+(?:will|on|in|with))", re.I)
_FORMATS = [
    ("2+2", re.compile(r"\b2\s*\+\s*2\b")),
    ("ministerial", re.compile(r"\b(ministerial|minister-level|minister level)\b", re.I)),
    ("working-level", re.compile(r"\bworking-level\b", re.I)),
    ("technical", re.compile(r"\btechnical\b", re.I)),
    ("high-level", re.compile(r"\bhigh-level\b", re.I)),
    ("summit", re.compile(r"\bsummit\b", re.I)),
]
_ROUND = re.compile(
    r"\b(?P<ord>" + "|".join(_ORDINALS) + r"|\d+(?:st|nd|rd|th))\s+(?:negotiating\s+|formal\s+|technical\s+)?round\b",
    re.I,
)
_NAME = re.compile(
    r"(?P<name>(?:[A-Z][\w.]*(?:-[A-Z][\w.]*)*\s+)+(?:\d\s*\+\s*\d\s+)?(?:[A-Z]\w+\s+)*"
    r"(?:Dialogue|Talks|Meeting|Summit|Consultation|Forum))\b"
)
_CALENDAR = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
)
_PLACE = re.compile(
    r"\b(?:in|at)\s+(?P<place>(?:the\s+)?(?:[A-Z][\w.']*(?:,?\s+|\s+(?:on|of|in)\s+)(?!" + _CALENDAR + r"))*"
    r"[A-Z][\w.']*(?:,\s*D\.C\.)?)"
)
_VENUE_WORDS = re.compile(
    r"\b(Center|Centre|House|Office|Hall|Hotel|Complex|Building|Palace|Assembly|Ministry|Department|"
    r"Headquarters|Residence|Embassy|Resort|Club|Estate|Manor|Castle|Villa)\b"
)
_REQUEST = re.compile(
    r"\b(?:at the request of|requested by|proposed by)\s+(?:the\s+)?(?P<who>\S)",
    re.I,
)
_OUTCOME = re.compile(r"\b(?:agreed to|reached (?:a|an)\s+[\w\s]*?agreement on)\s+(?P<what>[^.;]+)", re.I)
_PLANNED = re.compile(
    r"\b(will|to be held|set to|scheduled|plans? to|planned|plans for|next week|next month|"
    r"expected to hold|to hold|to begin|upcoming|agreed to hold|due to|is to|are to|would)\b",
    re.I,
)
_ONGOING = re.compile(
    r"\b(began|begins|is leading|are leading|underway|under way|kick(?:ed|s)? off|is being held)\b", re.I
)
_POSTPONED = re.compile(r"\b(postpone\w*|delayed|rescheduled)\b", re.I)
_CANCELLED = re.compile(
    r"\b(cancel+ed|called off|scrapped|broke off|walked away from|"
    r"end(?:ed|ing|s)?\s+(?:all\s+)?(?:the\s+)?(?:trade\s+)?(?:talks|negotiations))\b",
    re.I,
)
_SAID_DATE = re.compile(
    r"\b(said|published|announced|reported|stated|statement|issued|released)\s+(on\s+)?$", re.I
)
_TWO_SIDES = re.compile(r"\b(the two sides|both sides|both countries|the two countries|the allies)\b", re.I)


def _round_number(text: str) -> int | None:
    """The round a text numbers: "the second round" -> 2, "the 14th negotiating round" -> 14."""
    match = _ROUND.search(text)
    if match is None:
        return None
    word = match.group("ord").lower()
    return _ORDINALS.get(word) or int(re.sub(r"\D", "", word))


def _status(text: str) -> str:
    if _CANCELLED.search(text):
        return "cancelled"
    if _POSTPONED.search(text):
        return "postponed"
    if _PLANNED.search(text):
        return "planned"
    if _ONGOING.search(text):
        return "ongoing"
    return "held"


def _meeting_date(text: str, published: date | None, trigger_start: int | None = None,
                  allowed: Callable[[int], bool] = lambda _offset: True) -> DateRef | None:
    """The date a sentence gives its meeting: in the meeting's clause, not a date of saying or
    publishing, not a year, and not the day of a journey to the meeting ("leave on Tuesday to attend
    the summit")."""
    for ref in find_dates(text, published):
        if not (allowed(ref.start) or allowed(ref.end - 1)) or ref.bound:
            continue  # another clause's date, or a deadline or start ("by November", "since April")
        if _SAID_DATE.search(text[max(0, ref.start - 25) : ref.start]) or ref.precision == "year":
            continue
        if trigger_start is not None and ref.end <= trigger_start and _TRAVEL.search(text[: ref.start]):
            continue
        return ref
    return None


_PRECISION_RANK = {"day": 0, "range": 1, "week": 2, "month": 3, "year": 4}


_OCCURS = re.compile(
    r"\b(take place|takes place|took place|be held|is held|convene|will meet|will begin|will start|"
    r"opened|began|started|got under way|kicked off)\b",
    re.I,
)


def _sharper(ref: DateRef, meeting: Meeting, text: str) -> bool:
    """Whether `ref` dates the meeting better: it had none, or a sentence saying when the meeting
    occurs gives a more precise date inside the known one ("this week" ... "will take place on
    Thursday or Friday")."""
    if ref.first is None:
        return False
    if meeting.start is None:
        return True
    if not _OCCURS.search(text):
        return False
    inside = meeting.start <= ref.first and (ref.last or ref.first) <= (meeting.end or meeting.start)
    rank = _PRECISION_RANK.get
    return inside and rank(ref.precision, 9) < rank(meeting.date_precision or "", 9)


def _set_date(meeting: Meeting, ref: DateRef) -> None:
    meeting.start, meeting.end = ref.first, ref.last
    meeting.date_text, meeting.date_precision = ref.text, ref.precision
    meeting.date_resolution, meeting.date_note = ref.resolution, ref.note


_INSTITUTION_HEAD = re.compile(
    r"^(Ministry|Department|Office|Agency|Association|Administration|Commission|Bureau|Council|Committee)\b"
)


def _place(text: str, allowed: Callable[[int], bool] = lambda _offset: True) -> tuple[str | None, str | None]:
    """(city or region, venue) as written after "in"/"at"; `allowed` says whether an offset of the
    sentence lies in the meeting's clause."""
    location, venue = None, None
    for match in _PLACE.finditer(text):
        if not allowed(match.start("place")):
            continue
        place = re.sub(r"(?<!\b[A-Z])[.,;]$", "", match.group("place").strip())  # keep "D.C."
        place = re.sub(r"^the\s+", "", place)
        if re.match(r"^" + _CALENDAR, place) or re.search(r"['’]s$", place):
            continue  # a date, or a possessor ("at Trump's golf resort")
        if _INSTITUTION_HEAD.match(place):
            continue  # "at the Ministry of ...": an affiliation, not a place
        if _VENUE_WORDS.search(place):
            if venue is None:
                parts = re.split(r"\s+(?:on|in)\s+", place, maxsplit=1)
                venue = parts[0]
                if len(parts) > 1 and location is None:
                    location = parts[1]
            # a second venue ("at the White House ... in the Oval Office") is no city
        elif location is None:
            location = place
    return location, venue


class MeetingBuilder:
    """Collects meetings sentence by sentence, merging coreferent mentions into one record.

    `media` holds the local ids of news organizations: "in an interview with X" or "told X" makes
    an interview with that outlet, an event of its own that "the meeting" never refers to.
    """

    def __init__(self, doc_id: str, published: date | None, doc_countries: list[str], text: str = "",
                 media: set[str] | None = None, people: AbstractSet[str] = frozenset(),
                 titles: dict[str, list[str]] | None = None) -> None:
        self.doc_id = doc_id
        self.text = text  # the document text, to read what follows a mention
        self.published = published
        self.meetings: list[Meeting] = []
        self.recent: list[Meeting] = []  # most recently spoken of first, for "the meeting"
        self.doc_countries = doc_countries
        self.media = media or set()
        self.named: set[str] = set()  # meetings the text names ("the G20 summit"): never vague mentions
        self.last_person: Mention | None = None  # whom a later "he"/"she" means
        self.new_here: set[str] = set()  # meetings begun in the sentence being read: no antecedents
        self.clauses: dict[int, Clause | None] = {}  # the sentence's clauses by anchor, parsed once
        self.person_ids = set(people)  # local ids of the article's people
        self.person_titles = titles or {}  # person local id -> titles held, lower case
        self.seen_people: list[str] = []  # people named so far, most recent first

    def _evidence(self, sentence: SentenceSpan, start: int, end: int, rule: str, conf: float) -> Evidence:
        return sentence.evidence(self.doc_id, start, end, rule, conf)

    @property
    def current(self) -> Meeting | None:
        """The meeting spoken of last."""
        return self.recent[0] if self.recent else None

    def _touch(self, meeting: Meeting) -> None:
        self.recent = [meeting, *(m for m in self.recent if m is not meeting)]

    def _add_participants(self, meeting: Meeting, mentions: list[Mention], text: str,
                          context: bool = False) -> None:
        """People, organizations and countries of the sentence as participants.

        In a sentence that only refers back to the meeting (`context`), countries are usually what is
        discussed ("exempt Korea from tariffs"): they are added only while fewer than two are known.
        An interview's participants are the people speaking and the outlet.
        """
        interview = meeting.event_type == "interview"
        for mention in mentions:
            if mention.ref is None:
                continue
            if self.text[mention.end : mention.end + 2] in ("'s", "’s"):
                continue  # a possessor ("President X's administration"), not a participant
            if mention.kind == "person" or (mention.kind == "organization"
                                            and (not interview or mention.ref in self.media)):
                if mention.ref not in meeting.participants:
                    meeting.participants.append(mention.ref)
            elif mention.kind == "country" and not interview and mention.ref not in meeting.countries:
                if not context or len(meeting.countries) < 2:
                    meeting.countries.append(mention.ref)
        if _TWO_SIDES.search(text) and not interview:
            for iso in self.doc_countries[:2]:
                if iso not in meeting.countries:
                    meeting.countries.append(iso)

    def _describe(self, meeting: Meeting, text: str, mentions: list[Mention], offset: int,
                  anchor: int = 0, tokens: Span | None = None,
                  allowed: Callable[[int], bool] = lambda _offset: True) -> None:
        """Format, round, place, topics, requester and outcomes written in one sentence.

        Format and place are read up to the end of the clause that speaks of the meeting (`anchor` is
        where the meeting word ends): "met ... at the White House to press for ... troops in Japan"
        places the meeting at the White House, not in Japan; "met ..., where they agreed to launch
        working-level consultations" is not a working-level meeting.
        """
        own = _clause_text(text, allowed)
        # with a parse the clause is known; without one, cut at the first clause break
        clause = own if tokens is not None else own[: _clause_end(own, anchor)]
        described = _without_later_meeting(own, anchor)
        occasion = _SIDELINES.search(text[:anchor] + " ") is not None  # the summit is the occasion, not the format
        for name, pattern in _FORMATS:
            if meeting.format is None and pattern.search(described) and not occasion:
                meeting.format = name
        if meeting.round is None:
            meeting.round = _round_number(described)
        location, venue = _place(clause, allowed)
        travel = _TRAVEL_TO.search(clause[:anchor])
        if location is None and travel is not None and allowed(travel.start("place")):
            # "flew to Washington on Thursday for talks with Bessent": the talks are there
            location = re.sub(r"\s+(?:on|in|for|last|next|this)$", "", travel.group("place"))
        meeting.location = meeting.location or location
        meeting.venue = meeting.venue or venue
        topics = topics_of(tokens) if tokens is not None else _list_topics(text)
        for topic in topics:
            if topic not in meeting.topics:
                meeting.topics.append(topic)
        for match in _REQUEST.finditer(text):
            # the requester is the entity mentioned right after the phrase, as a local id or ISO code
            who = next((m.ref for m in mentions if m.ref and m.start - offset == match.start("who")), None)
            if who and who not in meeting.requested_by:
                meeting.requested_by.append(who)
        for match in _OUTCOME.finditer(text):
            what = match.group("what").strip()
            if what not in meeting.outcomes:
                meeting.outcomes.append(what)

    def _same(
        self, meeting: Meeting, fmt: str | None, round_no: int | None, ref: DateRef | None, name: str | None
    ) -> bool:
        if meeting.event_type == "interview":
            return False
        if name and meeting.label == name:
            return True
        if round_no is not None and meeting.round is not None:
            return round_no == meeting.round
        if fmt and fmt == meeting.format and fmt in ("2+2",):
            return True
        return bool(ref and ref.first and meeting.start == ref.first and ref.precision == "day")

    def _restated(self, meeting: Meeting, people: set[str], ref: DateRef | None, status: str,
                  location: str | None, event_type: str) -> bool:
        """The same meeting told again in the article: the same kind and status, dates that do not
        differ, no other place, and the people of one among those of the other ("Sefcovic hosts Goyal
        in Brussels" ... "Sefcovic welcomed Goyal to Brussels")."""
        known = {p for p in meeting.participants if p in self.person_ids}
        if not people or not known:
            return False
        # one shared person is no proof ("Goyal met Hansen" after "Sefcovic hosted Goyal")
        if people != known and not (min(len(people), len(known)) >= 2 and (people <= known or known <= people)):
            return False
        if meeting.status != status or not _types_agree(meeting.event_type, event_type):
            return False
        if ref is not None and ref.first is not None and meeting.start is not None and meeting.start != ref.first:
            return False
        places = (meeting.location, meeting.venue)
        return not (location and any(places) and location not in places)

    def _coref_target(self, noun: str, text: str) -> Meeting | None:
        """The meeting "the meeting" / "the interview" refers to: the most recent one of its kind.

        A past-tense account of taking part ("officials also participated in the meeting") cannot
        mean a meeting still being planned.
        """
        interview = noun.lower().startswith("interview")
        past = bool(_PAST_OCCURRENCE.search(text))
        candidates = [
            m for m in self.recent[:3]
            if (m.event_type == "interview") == interview and not (past and m.status == "planned")
            and m.local_id not in self.new_here
        ]
        kind = _event_type(noun)
        if kind not in GENERIC_EVENT_TYPES:
            # "the signing", "the summit", "the call" mean the last event of that kind
            candidates = [m for m in candidates if m.event_type == kind] or (
                candidates if kind == "summit" else [])
        return candidates[0] if candidates else None

    def _same_day(self, text: str) -> DateRef | None:
        """"Later that afternoon", "the same day", "the next day": the date of the meeting just spoken of."""
        match = _SAME_DAY.search(text)
        current = self.current
        if match is None or current is None or current.start is None or current.date_precision != "day":
            return None
        shift = 1 if re.search(r"next|following", match.group(0), re.I) else 0
        when = current.start + timedelta(days=shift)
        note = f"'{match.group(0)}' read against the date of the meeting just reported ({current.start.isoformat()})"
        return DateRef(match.start(), match.end(), match.group(0), when, when, "day", "resolved", note)

    def _interview(self, sentence: SentenceSpan, mentions: list[Mention], masked: str) -> str | None:
        """An interview given to a news outlet ("in an interview with the Financial Times", "told Reuters")."""
        text = sentence.text
        cue = _INTERVIEW.search(masked)
        outlet = None
        if cue is not None:
            outlet = next((m.ref for m in mentions if m.kind == "organization" and m.ref in self.media
                           and m.start - sentence.start >= cue.start()), None)
        else:
            for match in _TOLD.finditer(masked):
                outlet = next((m.ref for m in mentions if m.kind == "organization" and m.ref in self.media
                               and m.start - sentence.start == match.end()), None)
                if outlet is not None:
                    cue = match
                    break
        if cue is None:
            return None
        people = {m.ref for m in mentions if m.kind == "person" and m.ref}
        meeting = next(
            (m for m in self.meetings if m.event_type == "interview" and outlet is not None
             and outlet in m.participants and (not people or people & set(m.participants))),
            None,
        )
        same = re.search(r"\bthe\s+(?:same\s+)?interview\b", masked[cue.start() : cue.end()], re.I)
        if meeting is None and outlet is None and same:
            # "said in the same interview": the last interview
            meeting = next((m for m in reversed(self.meetings) if m.event_type == "interview"), None)
        rule = "meeting.same_interview"
        if meeting is None:
            meeting = Meeting(local_id=f"m{len(self.meetings) + 1}", label="", event_type="interview",
                              status="planned" if _PLANNED.search(masked) and not _PAST_REPORT.search(masked)
                              else "held")
            self.meetings.append(meeting)
            rule = "meeting.interview"
        self._add_participants(meeting, mentions, text)
        # the interview's own date is written by the cue ("told CNBC on Wednesday that ..."); dates in
        # what was said ("talks would resume next week") are not its date
        window = masked[: cue.end() + 40]
        said = re.search(r"\b(that|:)\s", window[cue.end():])
        ref = _meeting_date(window[: cue.end() + said.start()] if said else window, self.published)
        if ref and _sharper(ref, meeting, text):
            _set_date(meeting, ref)
        meeting.evidence.append(self._evidence(sentence, cue.start(), cue.end(), rule, 0.85 if outlet else 0.7))
        self._touch(meeting)
        return meeting.local_id

    def add_sentence(self, sentence: SentenceSpan, mentions: list[Mention]) -> str | None:
        """Read one sentence; the local id of the meeting it speaks of, if any."""
        self.new_here = set()
        self.clauses = {}
        found = self._read(sentence, mentions)
        self._note_people(sentence, mentions)
        return found

    def _note_people(self, sentence: SentenceSpan, mentions: list[Mention]) -> None:
        """Remember who a later "he" or "she" most likely is: the sentence's person subject, else
        its last person named; and everyone named, most recent first, for "the two ministers"."""
        people = [m for m in mentions if m.kind == "person" and m.ref]
        if not people:
            return
        named = list(dict.fromkeys(m.ref for m in reversed(people) if m.ref))
        self.seen_people = named + [ref for ref in self.seen_people if ref not in named]
        if sentence.tokens is not None:
            for mention in people:
                token = token_at(sentence.tokens, mention.start)
                head = token
                while head is not None and head.dep_ in ("compound", "flat") and head.head.i != head.i:
                    head = head.head
                if head is not None and head.dep_ in ("nsubj", "nsubjpass") and head.head.dep_ == "ROOT":
                    self.last_person = mention
                    return
        self.last_person = people[-1]

    def _clause(self, sentence: SentenceSpan, mentions: list[Mention], anchor: int
                ) -> tuple[list[Mention], Callable[[int], bool], str]:
        """The mentions of the clause that holds the meeting word at `anchor` (sentence offset), and a
        test of whether a sentence offset lies in it. Without a parse: the whole sentence.

        A pronoun subject ("He had held two rounds of talks with Lutnick") stands for the person the
        previous sentences were about.
        """
        if sentence.tokens is None or _CONTINUE.search(sentence.text):
            # unparsed, or a sentence listing who attends ("On the U.S. side, X will participate")
            return mentions, lambda _offset: True, ""
        clause = self._clause_at(sentence, anchor)
        if clause is None:
            return mentions, lambda _offset: True, ""
        inside = [m for m in mentions if clause.contains(m.start)
                  and not (m.kind == "organization" and clause.in_place_phrase(m.start))]
        subject = clause.subject
        if subject is not None and not any(m.start <= subject.idx < m.end for m in mentions):
            for ref in self._described(subject):
                inside.append(Mention(subject.idx, subject.idx + len(subject.text), subject.text, "person", ref,
                                      "meeting.described_subject"))
        start = sentence.start
        return inside, lambda offset: clause.in_scene(start + offset), clause.governors

    def _described(self, subject: Token) -> list[str]:
        """The people a subject that names nobody stands for: "he" or "she" (the person the previous
        sentences were about), "the Slovak commissioner" (the last person seen with that title),
        "the two prime ministers" / "both leaders" (the last two with it)."""
        if subject.lower_ in PERSONAL:
            if subject.lower_ in ("they", "them"):
                return []  # "they" is a side or a delegation, not the last person named
            return [self.last_person.ref] if self.last_person is not None and self.last_person.ref else []
        words = [t for t in subject.subtree if not t.is_punct]
        determiners = {t.lower_ for t in words if t.dep_ in ("det", "nummod", "predet")}
        if not determiners & {"the", "both", "two"} or subject.pos_ not in ("NOUN", "PROPN"):
            return []
        noun = subject.lemma_.lower() if subject.pos_ == "NOUN" else subject.lower_
        role = _ROLE_WORDS.get(noun)
        if role is None:
            return []
        plural = subject.tag_ in ("NNS", "NNPS") or bool(determiners & {"both", "two"})
        wanted = 2 if plural else 1
        # "the two prime ministers" wants prime ministers, not the trade minister named in between;
        # "the Slovak commissioner" falls back to any commissioner
        modifiers = " ".join(t.lower_ for t in subject.lefts if t.dep_ in ("compound", "amod"))
        matches: list[str] = []
        for phrase in ([f"{modifiers} {role}"] if modifiers else []) + [role]:
            matches = [ref for ref in self.seen_people
                       if any(phrase in title for title in self.person_titles.get(ref, ()))]
            if len(matches) >= wanted:
                break
        if noun in ("leader", "leaders"):
            matches = [ref for ref in self.seen_people if any(
                head in title for head in ("president", "prime minister", "chancellor", "premier")
                for title in self.person_titles.get(ref, ()))]
        return matches[:wanted] if len(matches) >= wanted else []

    def _read(self, sentence: SentenceSpan, mentions: list[Mention]) -> str | None:
        text = sentence.text
        masked = without_speech(text)  # a quotation neither makes a meeting nor sets its status
        interview = self._interview(sentence, mentions, masked)
        if interview is not None:
            return interview
        triggers = list(_TRIGGER.finditer(masked))
        if triggers and _HABITUAL.search(masked):
            triggers = []  # "Traditionally, finance officials meet on the sidelines of ...": no event
        if not triggers:
            coref = _coref(text)
            if coref is not None:
                return self._refer(sentence, mentions, coref)
            if self.current is not None and _CONTINUE.search(text):
                self._add_participants(self.current, mentions, text, context=True)
                self.current.evidence.append(
                    self._evidence(sentence, 0, len(text), "meeting.continuation", 0.75)
                )
                return self.current.local_id
            return None
        # Each clause with a meeting word speaks of one event: "their discussions focus on six areas,
        # as agreed on during a ministerial meeting on Friday" names two. Without a parse, the first.
        found: str | None = None
        clauses: set[tuple[int, int]] = set()
        for index, trigger in enumerate(triggers if sentence.tokens is not None else triggers[:1]):
            key = self._clause_key(sentence, trigger.start())
            if key in clauses:
                continue
            clauses.add(key)
            result = self._read_trigger(sentence, mentions, masked, trigger, first=index == 0)
            found = found or result
        return found

    def _clause_at(self, sentence: SentenceSpan, anchor: int) -> Clause | None:
        """The clause of the word at `anchor` (a sentence offset), read once per sentence and anchor."""
        if sentence.tokens is None:
            return None
        if anchor not in self.clauses:
            self.clauses[anchor] = clause_of(sentence.tokens, sentence.start + anchor)
        return self.clauses[anchor]

    def _clause_key(self, sentence: SentenceSpan, anchor: int) -> tuple[int, int]:
        """The verb that governs the word at `anchor` and the "following/after ..." phrase it sits in,
        as token indices: "Following the signing, the two leaders held talks" names two events."""
        clause = self._clause_at(sentence, anchor)
        return (clause.predicate, clause.temporal) if clause is not None else (-1, -1)

    def _read_trigger(self, sentence: SentenceSpan, mentions: list[Mention], masked: str,
                      trigger: re.Match[str], first: bool) -> str | None:
        """One meeting word: the meeting it names (an existing one, or a new one), if any.

        Only the first meeting word of a sentence may refer back ("the talks") or take the
        paragraph's meeting ("X is leading the delegation"); a later one needs its own date, format,
        name or named sides to count.
        """
        text = sentence.text
        if sentence.tokens is not None and _is_process(sentence.tokens, sentence.start + trigger.start()):
            return None
        inside, allowed, governors = self._clause(sentence, mentions, trigger.start())
        own = _clause_text(masked, allowed)  # the masked sentence, blank outside the clause
        # "the talks" written at this very word; a later meeting word may refer back only so
        # ("before the talks opened")
        written_back = _coref(text, max(0, trigger.start() - 12), trigger.end())
        coref = _coref(text) if first else written_back
        if _INDEFINITE.search(text[: trigger.start()]):
            coref = None  # "suggested a face-to-face meeting at the summit": a new one, whatever follows
        new_cue = _NEW_CUE.search(own)
        if (
            first
            and self.current is not None
            and _CONTINUE.search(text)
            and not re.search(r"\b(held|met|began)\b", masked)
        ):
            new_cue = None  # "X is leading the delegation to the second round": the paragraph's meeting
            coref = coref or trigger
        people = [m for m in inside if m.kind in ("person", "organization") and m.ref]
        countries = {m.ref for m in inside if m.kind == "country"}
        # two named sides in the event's own clause make an event without a cue word
        # ("two days of talks between Trump and von der Leyen at his golf resort")
        sides = len({m.ref for m in people}) >= 2 or bool(people and countries) or len(countries) >= 2
        ref = _meeting_date(masked, self.published, trigger.start(), allowed)
        same_day = self._same_day(own) if ref is None else None
        if same_day is not None:
            ref = same_day
        name_match = _NAME.search(text)
        name = (
            name_match.group("name").strip()
            if name_match and _TRIGGER.search(name_match.group("name")) and allowed(name_match.start("name"))
            else None
        )
        described = _without_later_meeting(own, trigger.end())
        sidelines = bool(_SIDELINES.search(text[: trigger.start()]))
        fmt = None if sidelines else next((f for f, p in _FORMATS if p.search(described)), None)
        round_no = _round_number(described)
        if new_cue is None:
            if coref is not None and self.current is not None and (first or ref is not None):
                referred = self._refer(sentence, mentions, coref, ref)
                if referred is not None:
                    return referred
            if name is None and fmt is None and not sides and round_no is None:
                return None
        if (
            (_GENERIC.search(own) and not new_cue and not name and not sides)
            or (not people and len(countries) < 2 and not _TWO_SIDES.search(own) and not name and fmt is None
                and round_no is None)
        ):
            # too little for an event of its own: "The weekend meetings were held at ..." may still
            # add to the meeting it refers to
            if written_back is None or (not first and ref is None):
                return None  # a later "the consultations" that adds no date is no account of one
            return self._refer(sentence, mentions, written_back, ref)
        status = _status(f"{governors} {own}")
        event_type = "meeting" if sidelines else _event_type(trigger.group(1), masked)
        # "later that afternoon, X met Y" is another meeting on the same day: the date does not join them
        by_date = ref if same_day is None or not re.search(r"later|next|following", same_day.text, re.I) else None
        existing = next((m for m in self.meetings if self._same(m, fmt, round_no, by_date, name)), None)
        if existing is None and same_day is None and not _ANOTHER.search(own):
            persons = {m.ref for m in people if m.kind == "person" and m.ref}
            location, _venue = _place(own[: _clause_end(own, trigger.end())], allowed)
            existing = next((m for m in reversed(self.meetings) if m.event_type != "interview"
                             and self._restated(m, persons, ref, status, location, event_type)), None)
        if (
            existing is None
            and coref is not None
            and self.current is not None
            and self.current.event_type != "interview"
            and round_no is None
            and (ref is None or self.current.start in (None, ref.first))
            and not re.search(r"\bmet\b", masked)
        ):
            existing = self.current if written_back is not None else None
        if existing is None and event_type == "signing" and not any(m.kind == "person" for m in people):
            return None  # "where the deal could be signed": a signing needs its signatories
        if existing is not None:
            meeting = existing
            rule, conf = "meeting.same_event", 0.8
        else:
            meeting = Meeting(
                local_id=f"m{len(self.meetings) + 1}",
                label="",
                event_type=event_type,
                status=status,
            )
            self.meetings.append(meeting)
            self.new_here.add(meeting.local_id)
            rule, conf = "meeting.trigger_with_cue", 0.9 if people else 0.75
        if name and not meeting.label:
            meeting.label = name
        if not meeting.label and not name and sentence.tokens is not None:
            meeting.label = _written_name(sentence.tokens, sentence.start + trigger.start()) or ""
            if meeting.label and sidelines:
                # "on the sidelines of the G7 summit": a meeting of its own at that occasion
                meeting.label = f"meeting on the sidelines of the {meeting.label}"
            if meeting.label:
                self.named.add(meeting.local_id)
        if round_no is not None and meeting.round is None:
            meeting.round = round_no
        self._add_participants(meeting, inside, own)
        self._describe(meeting, text, inside, sentence.start, trigger.end(), sentence.tokens, allowed)
        if same_day is not None and existing is None and not meeting.location and self.current is not None:
            # "Later that afternoon, Ahn met the USTR": on the same day, in the same city unless told
            meeting.location = self.current.location
        if ref and _sharper(ref, meeting, text):
            _set_date(meeting, ref)
        elif ref is None and meeting.date_note is None and self.published is None:
            meeting.date_note = "no date written, or the publication date is unknown"
        meeting.evidence.append(self._evidence(sentence, trigger.start(), trigger.end(), rule, conf))
        if existing is None and sentence.tokens is not None:
            self._coordinated(sentence, mentions, trigger, meeting)
        self._touch(meeting)
        return meeting.local_id

    def _coordinated(self, sentence: SentenceSpan, mentions: list[Mention], trigger: re.Match[str],
                     meeting: Meeting) -> None:
        """Named events coordinated with the meeting word ("to attend the G20 summit and the
        International Monetary Fund spring meeting"): one event each. Organizations named inside
        such a name take part in that event only; the people of the sentence in both."""
        assert sentence.tokens is not None
        head = token_at(sentence.tokens, sentence.start + trigger.start())
        if head is None or head.idx != sentence.start + trigger.start():
            return
        for other in head.children:
            if other.dep_ != "conj" or not _TRIGGER.fullmatch(other.text):
                continue
            label = _written_name(sentence.tokens, other.idx)
            if not label:
                continue
            begin = other.idx + len(other.text) - len(label)
            inside = {m.ref for m in mentions if m.ref and begin <= m.start and m.end <= other.idx + len(other.text)}
            event = Meeting(local_id=f"m{len(self.meetings) + 1}", label=label,
                            event_type=other.text.lower(), status=meeting.status)
            event.participants = [p for p in meeting.participants
                                  if p in inside or any(m.ref == p and m.kind == "person" for m in mentions)]
            meeting.participants = [p for p in meeting.participants if p not in inside]
            event.evidence.append(self._evidence(sentence, begin - sentence.start,
                                                 other.idx + len(other.text) - sentence.start,
                                                 "meeting.coordinated_name", 0.75))
            self.meetings.append(event)
            self.named.add(event.local_id)

    def _refer(self, sentence: SentenceSpan, mentions: list[Mention], coref: re.Match[str],
               ref: DateRef | None = None) -> str | None:
        """A sentence that refers back to a meeting ("During the meeting, ...", "The talks are set to
        conclude on Thursday"): it adds what it says to that meeting."""
        text = sentence.text
        noun = coref.groupdict().get("noun") or coref.group(1)  # a trigger match stands in for "the talks"
        meeting = self._coref_target(noun, text)
        if meeting is None:
            return None
        inside, allowed, _governors = self._clause(sentence, mentions, coref.start())
        self._add_participants(meeting, inside, text, context=True)
        self._describe(meeting, text, inside, sentence.start, coref.end(), sentence.tokens, allowed)
        if ref is None:
            ref = _meeting_date(without_speech(text), self.published, None, allowed)
        if ref and _ENDS.search(text) and meeting.start and ref.last:
            meeting.end, meeting.date_precision = ref.last, "range"
        elif ref and _sharper(ref, meeting, text):
            _set_date(meeting, ref)
        meeting.evidence.append(self._evidence(sentence, coref.start(), coref.end(), "meeting.coreference", 0.7))
        self._touch(meeting)
        return meeting.local_id

    def finish(self, labels: dict[str, str], nationality: dict[str, str] | None = None) -> list[Meeting]:
        """The meetings with readable labels; `labels` maps local ids and ISO codes to names.

        A vague mention (fewer than two people taking part, no day-precise date: a headline's "trade talks", a
        passing "in working-level talks") is folded into the one specific meeting of the article it
        can mean; left alone with no date, place or named participant it is not an event and is dropped.
        """
        self.meetings = _fold_vague_mentions(self.meetings, self.person_ids, self.named)
        for meeting in self.meetings:
            if not meeting.label:
                meeting.label = _composed_label(meeting, labels, self.media, nationality or {})
                meeting.label_composed = True
        return self.meetings


def _event_type(trigger: str, sentence: str = "") -> str:
    """"met with", "received", "sat down with" -> "meeting"; a phone call or "spoke with X by phone"
    -> "call"; "the 14th negotiating round" -> "talks"; a meeting noun stays itself (singular)."""
    word = " ".join(trigger.lower().split())
    if re.search(r"\b(phone|telephone|video)|conference|^telephoned$|^call\b", word) or (
        re.match(r"(spoke|talked)\b", word) and re.search(r"\bby (?:phone|telephone|video)", sentence, re.I)
    ):
        return "call"
    if word.startswith("sign"):
        return "signing"
    if word.endswith("visit"):
        return "visit"
    if word.endswith("round"):
        # "the first round of technical discussions" is discussions; a bare "12th round", talks
        noun = re.search(r"\bround of (?:[\w-]+ )?(talks|discussions|negotiations|consultations)\b", sentence, re.I)
        return noun.group(1).lower() if noun else "talks"
    if re.match(r"(met|meets?|sat down|spoke|talked|received|receives|hosted|hosts|welcomed|welcomes)\b", word):
        return "meeting"
    return "meeting" if word == "meetings" else word


def _composed_label(meeting: Meeting, labels: dict[str, str], media: set[str],
                    nationality: dict[str, str]) -> str:
    """A label for a meeting the text does not name: "KR-US round 2 working-level talks (2025-05-20)",
    "Han Duck-soo interview with Financial Times"."""
    if meeting.event_type == "interview":
        people = ", ".join(labels.get(p, p) for p in meeting.participants if p not in media)
        outlets = ", ".join(labels.get(p, p) for p in meeting.participants if p in media)
        return " ".join(part for part in (people, "interview", f"with {outlets}" if outlets else "") if part)
    # the sides: the countries written, else the participants' own ("Akazawa met Bessent": JP-US)
    sides = meeting.countries or list(dict.fromkeys(nationality[p] for p in meeting.participants if p in nationality))
    parts = ["-".join(labels.get(c, c) for c in sides[:2])] if len(sides) >= 2 else []
    if meeting.round:
        parts.append(f"round {meeting.round}")
    if meeting.format and meeting.format != meeting.event_type:
        parts.append(meeting.format)
    parts.append(meeting.event_type)
    if len(sides) < 2 and meeting.participants:
        parts.append("with " + ", ".join(labels.get(p, p) for p in meeting.participants[:2]))
    if meeting.start:
        parts.append(f"({meeting.start.isoformat()})")
    return " ".join(p for p in parts if p)


def _written_name(tokens: Span, trigger_char: int) -> str | None:
    """The name a sentence gives a meeting by its modifiers: "the G20 summit", "the International
    Monetary Fund spring meeting" -> "G20 summit", "International Monetary Fund spring meeting".
    Only modifiers with a proper noun or a number name it; "working-level talks" stays unnamed."""
    head = token_at(tokens, trigger_char)
    if head is None or head.idx != trigger_char or head.pos_ != "NOUN":
        return None
    modifiers = [t for t in head.lefts if t.dep_ in ("compound", "nmod", "amod", "nummod")]
    if not modifiers:
        return None
    first = min(t.left_edge.i for t in modifiers)
    words = [t for t in head.doc[first : head.i + 1]]
    # a proper noun or a letter-and-digit code ("G20") names it; "2+2" and "high-level" are formats
    if not any(t.pos_ == "PROPN" or (re.search(r"\d", t.text) and re.search(r"[A-Za-z]", t.text))
               for t in words):
        return None
    while words and (words[0].is_punct or words[0].is_quote or any(p.fullmatch(words[0].text) for _, p in _FORMATS)):
        words = words[1:]
    if len(words) < 2:
        return None
    if any(_is_country_word(t.text) for t in words):
        return None  # "Korean and U.S. finance officials' talks": countries, not a name
    return head.doc.text[words[0].idx : head.idx + len(head.text)]


_PROCESS_VERBS = frozenset({"conclude", "complete", "finalize", "finalise", "advance", "accelerate", "continue",
                            "pursue", "intensify", "speed", "expedite", "deepen", "stall", "wrap"})


def _is_process(tokens: Span, trigger_char: int) -> bool:
    """"to conclude negotiations by the end of the year": the negotiating process, not one meeting."""
    token = token_at(tokens, trigger_char)
    return (token is not None and token.lower_ in ("negotiations", "talks") and token.dep_ == "dobj"
            and token.head.lemma_ in _PROCESS_VERBS)


def _clause_text(text: str, allowed: Callable[[int], bool]) -> str:
    """`text` with every character outside the clause blanked (offsets unchanged)."""
    return "".join(ch if allowed(i) or ch.isspace() else " " for i, ch in enumerate(text))


def _without_later_meeting(text: str, anchor: int) -> str:
    """`text` without a clause after `anchor` that plans another meeting."""
    match = _LATER_MEETING.search(text, anchor)
    return text[: match.start()] if match else text


def _is_country_word(word: str) -> bool:
    """A country or its adjective ("Korean", "U.S."): it says whose meeting, it does not name it; a
    bloc kg has no country for ("Mercosur", "G20") does."""
    from kg import reference

    return reference.country(word) is not None


def _clause_end(text: str, anchor: int) -> int:
    """Where the clause that holds the meeting word ends: a purpose clause ("to press for"), a
    relative clause (", where"), "as ...", a semicolon or a dash after `anchor`."""
    match = _CLAUSE_BREAK.search(text, anchor)
    return match.start() if match else len(text)


def _coref(text: str, start: int = 0, end: int | None = None) -> re.Match[str] | None:
    """A phrase referring back to a meeting (searched in text[start:end], offsets in `text`);
    "the negotiations" is the process, not one meeting."""
    for match in _COREF.finditer(text, start, len(text) if end is None else end):
        if match.group("noun").lower().startswith("negotiation") and match.group("det").lower() == "the":
            continue
        return match
    return None


def _list_topics(text: str) -> list[str]:
    """Without a parse: the items listed after a dash or colon ("six areas — a, b and c")."""
    topics: list[str] = []
    for match in _TOPIC_LIST.finditer(text):
        for topic in re.split(r",\s*(?:and\s+)?|\s+and\s+", match.group("list")):
            topic = topic.strip().removeprefix("the ")
            if 2 < len(topic) < 60 and topic not in topics:
                topics.append(topic)
    return topics


def _is_vague(meeting: Meeting, persons: set[str], named: AbstractSet[str] = frozenset()) -> bool:
    if meeting.event_type == "interview" or meeting.local_id in named:
        return False  # an interview or a named event ("the G20 summit") is specific, no meeting's mention
    # one person may be a passing mention ("pressure from President X's administration")
    people = sum(1 for p in meeting.participants if p in persons)
    return people < 2 and meeting.date_precision != "day" and not meeting.round


# Formats that may describe one meeting: "high-level talks" reported elsewhere as the "2+2".
_FORMAT_GROUPS = ({"high-level", "ministerial", "2+2", "summit"}, {"working-level", "technical"})


def _formats_agree(a: str | None, b: str | None) -> bool:
    if not a or not b or a == b:
        return True
    return any(a in group and b in group for group in _FORMAT_GROUPS)


# Event types that name no kind of their own: a meeting reported as "talks" elsewhere is one event.
GENERIC_EVENT_TYPES = frozenset({"meeting", "talks", "dialogue", "consultation", "consultations", "discussions",
                                 "negotiation", "negotiations"})


def _types_agree(a: str, b: str) -> bool:
    """A summit, a call and an interview are each their own kind; the rest are one family."""
    return a == b or (a in GENERIC_EVENT_TYPES and b in GENERIC_EVENT_TYPES)


def _compatible(vague: Meeting, specific: Meeting) -> bool:
    if not _types_agree(vague.event_type, specific.event_type):
        return False
    if vague.status != specific.status:
        return False
    if not set(vague.countries) <= set(specific.countries):
        return False
    if not _formats_agree(vague.format, specific.format):
        return False
    if vague.start and specific.start:
        v_end = vague.end or vague.start
        s_end = specific.end or specific.start
        if vague.start > s_end or specific.start > v_end:
            return False
    return True


def _fold_vague_mentions(meetings: list[Meeting], persons: set[str], named: set[str]) -> list[Meeting]:
    kept: list[Meeting] = []
    for meeting in meetings:
        if not _is_vague(meeting, persons, named):
            kept.append(meeting)
            continue
        targets = [
            m for m in meetings
            if m is not meeting and not _is_vague(m, persons, named) and _compatible(meeting, m)
        ]
        if len(targets) == 1:
            target = targets[0]
            target.evidence.extend(replace(e, rule="meeting.vague_mention", confidence=0.6)
                                   for e in meeting.evidence)
            # participants of a vague mention are often passing names: not carried over
            for topic in meeting.topics:
                if topic not in target.topics:
                    target.topics.append(topic)
            if target.start is None and meeting.start is not None:
                target.start, target.end = meeting.start, meeting.end
                target.date_text, target.date_precision = meeting.date_text, meeting.date_precision
                target.date_resolution, target.date_note = meeting.date_resolution, meeting.date_note
            continue
        if meeting.start is None and not meeting.location and not meeting.participants:
            continue  # a passing reference, not an event
        kept.append(meeting)
    return kept


def doc_country_order(mentions: list[Mention]) -> list[str]:
    """Countries of the document, most mentioned first (ties by code), for "the two sides"."""
    counts = Counter(m.ref for m in mentions if m.kind == "country" and m.ref)
    return [iso for iso, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]
