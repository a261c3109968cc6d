"""Meetings, talks and interviews: one record per event per article, with every sentence about it."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from datetime import date

from kg.extract.dates import DateRef, find_dates
from kg.extract.tariffs import SentenceSpan
from kg.model import Evidence, Meeting, Mention

_TRIGGER = re.compile(
    r"\b(meeting|talks|dialogue|consultations?|discussions|negotiations?|summit|interview|"
    r"met with|sat down with|meets with)\b",
    re.I,
)
_NEW_CUE = re.compile(
    r"\b(held|hold|holding|holds|met|meet|meets|began|begin|kick(?:ed|s)? off|launch(?:ed)?|"
    r"sat down|convened?|attend|in an interview|during an? [\w\s-]{0,30}(?:meeting|summit)|"
    r"round of|\d\+\d|(?:first|second|third|fourth|fifth|new) round)\b",
    re.I,
)
_COREF = re.compile(
    r"\b(the|this|that|these)\s+(\w+\s+)?(meeting|talks|dialogue|consultations?|"
    r"discussions|negotiations|summit|trade consultation)\b",
    re.I,
)
_CONTINUE = re.compile(
    r"\b(representing|on the [\w.\s-]{1,20} side|will attend|will participate|will be represented|"
    r"will send|is leading|are leading|will lead|leads? the [\w\s]{0,20}delegation|also participated)\b",
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
_ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
}
_ROUND = re.compile(r"\b(?P<ord>" + "|".join(_ORDINALS) + r"|\d+(?:st|nd|rd|th))\s+round\b", re.I)
_NAME = re.compile(
    r"(?P<name>(?:[A-Z][\w.]*(?:-[A-Z][\w.]*)*\s+)+(?:\d\s*\+\s*\d\s+)?(?:[A-Z]\w+\s+)*"
    r"(?:Dialogue|Talks|Meeting|Summit|Consultation|Forum))\b"
)
_PLACE = re.compile(
    r"\b(?:in|at)\s+(?P<place>(?:the\s+)?(?:[A-Z][\w.']*(?:,?\s+|\s+(?:on|of|in)\s+)(?!(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b))*[A-Z][\w.']*(?:,\s*D\.C\.)?)"
)
_VENUE_WORDS = re.compile(
    r"\b(Center|Centre|House|Office|Hall|Hotel|Complex|Building|Palace|Assembly|Ministry)\b"
)
_TOPICS = re.compile(
    r"\b(?:focus(?:ing)? on|discuss(?:ed|ing)?|over|on)\s+(?:\w+\s+)?(?:areas?\s+)?[—–-]?\s*"
    r"(?P<list>[a-z][\w\s,'-]+?(?:,\s*(?:and\s+)?[\w\s'-]+)+)(?=[.;]| as | to |$)"
)
_REQUEST = re.compile(
    r"\b(?:at the request of|requested by|proposed by)\s+(?:the\s+)?(?P<who>\S)",
    re.I,
)
_OUTCOME = re.compile(r"\b(?:agreed to|reached (?:a|an)\s+[\w\s]*?agreement on)\s+(?P<what>[^.;]+)", re.I)
_PLANNED = re.compile(
    r"\b(will|to be held|set to|scheduled|plans? to|planned|plans for|next week|"
    r"expected to hold|to hold|to begin|upcoming|agreed to hold)\b",
    re.I,
)
_ONGOING = re.compile(
    r"\b(began|begins|is leading|are leading|underway|under way|kick(?:ed|s)? off|is being held)\b", re.I
)
_POSTPONED = re.compile(r"\b(postpone\w*|delayed|rescheduled)\b", re.I)
_CANCELLED = re.compile(r"\b(cancel+ed|called off|scrapped)\b", re.I)
_SAID_DATE = re.compile(r"\b(said|published|announced|reported)\s+(on\s+)?$", re.I)
_TWO_SIDES = re.compile(r"\b(the two sides|both sides|both countries|the two countries|the allies)\b", re.I)


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


def _meeting_date(text: str, published: date | None) -> DateRef | None:
    for ref in find_dates(text, published):
        if _SAID_DATE.search(text[max(0, ref.start - 25) : ref.start]) or ref.precision == "year":
            continue
        return ref
    return None


_PRECISION_RANK = {"day": 0, "range": 1, "week": 2, "month": 3, "year": 4}


_OCCURS = re.compile(r"\b(take place|takes place|be held|is held|convene|will meet|will begin|will start)\b", re.I)


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


def _place(text: str) -> tuple[str | None, str | None]:
    """(city or region, venue) as written after "in"/"at"."""
    location, venue = None, None
    for match in _PLACE.finditer(text):
        place = re.sub(r"(?<!\b[A-Z])[.,;]$", "", match.group("place").strip())  # keep "D.C."
        place = re.sub(r"^the\s+", "", place)
        if re.match(
            r"^(January|February|March|April|May|June|July|August|September|October|November|"
            r"December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b",
            place,
        ):
            continue
        if _INSTITUTION_HEAD.match(place):
            continue  # "at the Ministry of ...": an affiliation, not a place
        if _VENUE_WORDS.search(place) and venue is None:
            parts = re.split(r"\s+(?:on|in)\s+", place, maxsplit=1)
            venue = parts[0]
            if len(parts) > 1 and location is None:
                location = parts[1]
        elif location is None:
            location = place
    return location, venue


class MeetingBuilder:
    """Collects meetings sentence by sentence, merging coreferent mentions into one record."""

    def __init__(self, doc_id: str, published: date | None, doc_countries: list[str], text: str = "") -> None:
        self.doc_id = doc_id
        self.text = text  # the document text, to read what follows a mention
        self.published = published
        self.meetings: list[Meeting] = []
        self.current: Meeting | None = None
        self.doc_countries = doc_countries

    def _evidence(self, sentence: SentenceSpan, start: int, end: int, rule: str, conf: float) -> Evidence:
        return sentence.evidence(self.doc_id, start, end, rule, conf)

    def _add_participants(self, meeting: Meeting, mentions: list[Mention], text: str) -> None:
        for mention in mentions:
            if mention.ref is None:
                continue
            if self.text[mention.end : mention.end + 2] in ("'s", "’s"):
                continue  # a possessor ("President X's administration"), not a participant
            if mention.kind in ("person", "organization") and mention.ref not in meeting.participants:
                meeting.participants.append(mention.ref)
            elif mention.kind == "country" and mention.ref not in meeting.countries:
                meeting.countries.append(mention.ref)
        if _TWO_SIDES.search(text):
            for iso in self.doc_countries[:2]:
                if iso not in meeting.countries:
                    meeting.countries.append(iso)

    def _describe(self, meeting: Meeting, text: str, mentions: list[Mention], offset: int) -> None:
        for name, pattern in _FORMATS:
            if meeting.format is None and pattern.search(text):
                meeting.format = name
        round_match = _ROUND.search(text)
        if round_match and meeting.round is None:
            word = round_match.group("ord").lower()
            meeting.round = _ORDINALS.get(word) or int(re.sub(r"\D", "", word))
        location, venue = _place(text)
        meeting.location = meeting.location or location
        meeting.venue = meeting.venue or venue
        for match in _TOPICS.finditer(text):
            for topic in re.split(r",\s*(?:and\s+)?|\s+and\s+", match.group("list")):
                topic = topic.strip().removeprefix("the ")
                if 2 < len(topic) < 60 and topic not in meeting.topics:
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
        if name and meeting.label == name:
            return True
        if round_no is not None and meeting.round is not None:
            return round_no == meeting.round
        if fmt and fmt == meeting.format and fmt in ("2+2",):
            return True
        return bool(ref and ref.first and meeting.start == ref.first and ref.precision == "day")

    def add_sentence(self, sentence: SentenceSpan, mentions: list[Mention]) -> str | None:
        """Read one sentence; the local id of the meeting it speaks of, if any."""
        text = sentence.text
        trigger = _TRIGGER.search(text)
        if trigger is not None and _HABITUAL.search(text):
            trigger = None  # "Traditionally, finance officials meet on the sidelines of ...": no event
        if trigger is None:
            if self.current is not None and _CONTINUE.search(text):
                self._add_participants(self.current, mentions, text)
                self.current.evidence.append(
                    self._evidence(sentence, 0, len(text), "meeting.continuation", 0.75)
                )
                return self.current.local_id
            return None
        coref = _COREF.search(text)
        new_cue = _NEW_CUE.search(text)
        if (
            self.current is not None
            and _CONTINUE.search(text)
            and not re.search(r"\b(held|met|began)\b", text)
        ):
            new_cue = None  # "X is leading the delegation to the second round": the paragraph's meeting
            coref = coref or trigger
        people = [m for m in mentions if m.kind in ("person", "organization")]
        countries = {m.ref for m in mentions if m.kind == "country"}
        ref = _meeting_date(text, self.published)
        name_match = _NAME.search(text)
        name = (
            name_match.group("name").strip()
            if name_match and _TRIGGER.search(name_match.group("name"))
            else None
        )
        fmt = next((f for f, p in _FORMATS if p.search(text)), None)
        round_match = _ROUND.search(text)
        round_no = None
        if round_match:
            word = round_match.group("ord").lower()
            round_no = _ORDINALS.get(word) or int(re.sub(r"\D", "", word))
        if new_cue is None:
            if coref is not None and self.current is not None:
                meeting = self.current
                self._add_participants(meeting, mentions, text)
                self._describe(meeting, text, mentions, sentence.start)
                if (
                    ref
                    and re.search(r"\b(conclude|end|wrap up|last)\w*", text)
                    and meeting.start
                    and ref.last
                ):
                    meeting.end, meeting.date_precision = ref.last, "range"
                elif ref and _sharper(ref, meeting, text):
                    _set_date(meeting, ref)
                meeting.evidence.append(
                    self._evidence(sentence, coref.start(), coref.end(), "meeting.coreference", 0.7)
                )
                return meeting.local_id
            if name is None and fmt is None:
                return None
        if _GENERIC.search(text) and not new_cue and not name:
            return None
        if not people and len(countries) < 2 and not _TWO_SIDES.search(text) and not name and fmt is None:
            return None
        existing = next((m for m in self.meetings if self._same(m, fmt, round_no, ref, name)), None)
        if (
            existing is None
            and coref is not None
            and self.current is not None
            and round_no is None
            and (ref is None or self.current.start in (None, ref.first))
            and not re.search(r"\bmet\b", text)
        ):
            existing = self.current if _COREF.search(text[trigger.start() - 12 : trigger.end()]) else None
        if existing is not None:
            meeting = existing
            rule, conf = "meeting.same_event", 0.8
        else:
            meeting = Meeting(
                local_id=f"m{len(self.meetings) + 1}",
                label="",
                event_type=trigger.group(1)
                .lower()
                .replace("met with", "meeting")
                .replace("sat down with", "meeting")
                .replace("meets with", "meeting"),
                status=_status(text),
            )
            self.meetings.append(meeting)
            rule, conf = "meeting.trigger_with_cue", 0.9 if people else 0.75
        if name and not meeting.label:
            meeting.label = name
        if round_no is not None and meeting.round is None:
            meeting.round = round_no
        self._add_participants(meeting, mentions, text)
        self._describe(meeting, text, mentions, sentence.start)
        if ref and _sharper(ref, meeting, text):
            _set_date(meeting, ref)
        elif ref is None and meeting.date_note is None and self.published is None:
            meeting.date_note = "no date written, or the publication date is unknown"
        meeting.evidence.append(self._evidence(sentence, trigger.start(), trigger.end(), rule, conf))
        self.current = meeting
        return meeting.local_id

    def finish(self, labels: dict[str, str], persons: set[str] | None = None) -> list[Meeting]:
        """The meetings with readable labels; `labels` maps local ids and ISO codes to names.

        A vague mention (fewer than two people taking part, no day-precise date: a headline's "trade talks", a
        passing "in working-level talks") is folded into the one specific meeting of the article it
        can mean; left alone with no date, place or named participant it is not an event and is dropped.
        """
        self.meetings = _fold_vague_mentions(self.meetings, persons or set())
        for meeting in self.meetings:
            if not meeting.label:
                parts = (
                    ["-".join(labels.get(c, c) for c in meeting.countries[:2])] if meeting.countries else []
                )
                if meeting.round:
                    parts.append(f"round {meeting.round}")
                if meeting.format:
                    parts.append(meeting.format)
                parts.append(meeting.event_type)
                if not meeting.countries and meeting.participants:
                    parts.append("with " + ", ".join(labels.get(p, p) for p in meeting.participants[:2]))
                if meeting.start:
                    parts.append(f"({meeting.start.isoformat()})")
                meeting.label = " ".join(p for p in parts if p)
        return self.meetings


def _is_vague(meeting: Meeting, persons: set[str]) -> bool:
    # one person may be a passing mention ("pressure from President X's administration")
    people = sum(1 for p in meeting.participants if p in persons)
    return people < 2 and meeting.date_precision != "day" and not meeting.round


# Formats that may describe one meeting: "high-level talks" reported elsewhere as the "2+2".
_FORMAT_GROUPS = ({"high-level", "ministerial", "2+2", "summit"}, {"working-level", "technical"})


def _formats_agree(a: str | None, b: str | None) -> bool:
    if not a or not b or a == b:
        return True
    return any(a in group and b in group for group in _FORMAT_GROUPS)


def _compatible(vague: Meeting, specific: Meeting) -> bool:
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


def _fold_vague_mentions(meetings: list[Meeting], persons: set[str]) -> list[Meeting]:
    kept: list[Meeting] = []
    for meeting in meetings:
        if not _is_vague(meeting, persons):
            kept.append(meeting)
            continue
        targets = [
            m for m in meetings if m is not meeting and not _is_vague(m, persons) and _compatible(meeting, m)
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
