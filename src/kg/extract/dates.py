"""Dates written in a sentence, normalised against the publication date.

Explicit dates ("April 24", "Nov. 12, 2024", "April 30 and May 1"), weekdays read by tense
("began on Tuesday" -> on or before publication; "will ... on Thursday" -> after it), "the 24th",
"this/next/last week" and "last year".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from kg.textdate import MONTHS

_MONTH = r"(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_WEEKDAY = r"(?:" + "|".join(_WEEKDAYS) + r")"

_EXPLICIT = re.compile(
    rf"\b(?P<m1>{_MONTH})\s*(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?"
    rf"(?:\s*(?:-|–|to|and|through)\s*(?:(?P<m2>{_MONTH})\s*)?(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?)?"
    rf"(?:\s*,\s*(?P<y>\d{{4}}))?\b(?!\s*(?:percent|%))",
    re.I,
)
_ORDINAL_DAY = re.compile(r"\b(?:on\s+)?the\s+(?P<d>\d{1,2})(?:st|nd|rd|th)\b(?:\s*\(local time\))?", re.I)
_WEEKDAY_EXPR = re.compile(
    rf"\b(?:(?:on|by|until|since|last|this|next)\s+)?(?P<w1>{_WEEKDAY})(?:\s+(?:morning|afternoon|evening|night))?"
    rf"(?:\s+(?:or|and|to|through)\s+(?P<w2>{_WEEKDAY}))?\b",
    re.I,
)
_WEEK = re.compile(r"\b(?P<which>this|next|last|the following|earlier this)\s+week\b", re.I)
_YEAR_REL = re.compile(r"\b(?P<which>last|this|next)\s+year\b", re.I)
_FUTURE = re.compile(
    r"\b(will|shall|would|to be held|is to|are to|set to|slated|scheduled|plans? to|planned|"
    r"expected to|going to|upcoming|to attend|to hold|to begin|to travel|to conclude)\b",
    re.I,
)
_DEADLINE = re.compile(r"\b(before|by|until|till|ahead of|no later than|deadline of|expires? on)\s+$", re.I)
_PAST = re.compile(
    r"\b(held|met|was|were|began|had|did|agreed|said|concluded|ended|took place|\w+ed)\b", re.I
)


@dataclass(frozen=True)
class DateRef:
    """One date expression in a sentence, with what it resolves to."""

    start: int  # offsets within the sentence
    end: int
    text: str
    first: date | None
    last: date | None
    precision: str  # day|range|week|month|year
    resolution: str  # explicit|resolved|inferred|unknown
    note: str


def is_future(sentence: str) -> bool:
    """Whether the sentence speaks of something still to come."""
    return bool(_FUTURE.search(sentence))


def _clause_is_future(sentence: str, at: int, sentence_future: bool) -> bool:
    """The tense of the clause just before a date expression at `at`.

    "expected to focus on X as agreed on during a meeting on Friday": the nearest verb before the
    date ("agreed") sets its tense, not the sentence's main verb.
    """
    window = sentence[max(0, at - 80) : at]
    cut = max(window.rfind(","), window.rfind(";"), window.rfind("—"), window.rfind(" as "))
    clause = window[cut + 1 :] if cut >= 0 else window
    past = list(re.finditer(r"\b(held|met|began|agreed|concluded|ended|took place|announced)\b", clause, re.I))
    fut = list(_FUTURE.finditer(clause))
    if past and (not fut or past[-1].start() > fut[-1].start()):
        return False
    if fut:
        return True
    return sentence_future


def _year_for(month: int, day: int, published: date, future: bool) -> int:
    """The year of a yearless date: publication year, previous year when it would lie well after
    a past-tense publication, next year when a planned date would lie well before it."""
    year = published.year
    try:
        candidate = date(year, month, day)
    except ValueError:
        return year
    if not future and candidate > published + timedelta(days=31):
        return year - 1
    if future and candidate < published - timedelta(days=180):
        return year + 1
    return year


def _weekday_near(published: date, weekday: int, future: bool) -> date:
    if future:
        delta = (weekday - published.weekday()) % 7
        return published + timedelta(days=delta or 7)
    delta = (published.weekday() - weekday) % 7
    return published - timedelta(days=delta)


def _unresolved(m: re.Match[str], precision: str, note: str) -> DateRef:
    """A date expression that cannot be placed on the calendar, with the reason."""
    return DateRef(m.start(), m.end(), m.group(0), None, None, precision, "unknown", note)


def find_dates(sentence: str, published: date | None) -> list[DateRef]:
    """Every date expression in `sentence`, resolved against `published` where it needs it."""
    refs: list[DateRef] = []
    taken: list[tuple[int, int]] = []
    future = is_future(sentence)

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    for m in _EXPLICIT.finditer(sentence):
        m1 = MONTHS[m.group("m1").lower().rstrip(".")]
        m2 = MONTHS[m.group("m2").lower().rstrip(".")] if m.group("m2") else m1
        d1, d2 = int(m.group("d1")), int(m.group("d2") or m.group("d1"))
        year_text = m.group("y")
        if year_text:
            y1, resolution, note = int(year_text), "explicit", "date written in full"
        elif published is not None:
            # a deadline ("before July 8", "by June 1") lies ahead even in a past-tense sentence
            ahead = _clause_is_future(sentence, m.start(), future) or bool(
                _DEADLINE.search(sentence[max(0, m.start() - 20) : m.start()])
            )
            y1 = _year_for(m1, d1, published, ahead)
            resolution, note = "explicit", f"year from publication date {published.isoformat()}"
        else:
            refs.append(
                _unresolved(m, "day", "month and day written, year unknown: no publication date")
            )
            taken.append((m.start(), m.end()))
            continue
        y2 = y1 + 1 if m2 < m1 else y1
        try:
            first, last = date(y1, m1, d1), date(y2, m2, d2)
        except ValueError:
            continue
        precision = "day" if first == last else "range"
        refs.append(DateRef(m.start(), m.end(), m.group(0), first, last, precision, resolution, note))
        taken.append((m.start(), m.end()))

    for m in _ORDINAL_DAY.finditer(sentence):
        if not free(m.start(), m.end()):
            continue
        day = int(m.group("d"))
        if published is None or not 1 <= day <= 31:
            refs.append(
                _unresolved(m, "day", "day of month written without month or publication date")
            )
        else:
            month, year = published.month, published.year
            if future and day < published.day - 7:
                month, year = (1, year + 1) if month == 12 else (month + 1, year)
            elif not future and day > published.day + 7:
                month, year = (12, year - 1) if month == 1 else (month - 1, year)
            try:
                when = date(year, month, day)
            except ValueError:
                continue
            refs.append(
                DateRef(
                    m.start(),
                    m.end(),
                    m.group(0),
                    when,
                    when,
                    "day",
                    "resolved",
                    f"month and year from publication date {published.isoformat()}",
                )
            )
        taken.append((m.start(), m.end()))

    for m in _WEEKDAY_EXPR.finditer(sentence):
        if not free(m.start(), m.end()):
            continue
        taken.append((m.start(), m.end()))
        if published is None:
            refs.append(
                _unresolved(m, "day", "weekday without a publication date")
            )
            continue
        w1 = _WEEKDAYS.index(m.group("w1").lower())
        word = m.group(0).split()[0].lower()
        fut = future if word not in ("next", "last") else word == "next"
        if word not in ("next", "last"):
            fut = _clause_is_future(sentence, m.start(), future)
        first = _weekday_near(published, w1, fut)
        last = first
        if m.group("w2"):
            w2 = _WEEKDAYS.index(m.group("w2").lower())
            last = first + timedelta(days=(w2 - w1) % 7)
        tense = "future" if fut else "past or present"
        refs.append(
            DateRef(
                m.start(),
                m.end(),
                m.group(0),
                first,
                last,
                "day" if first == last else "range",
                "resolved",
                f"weekday read as {tense} against publication date {published.isoformat()}",
            )
        )

    for m in _WEEK.finditer(sentence):
        which = m.group("which").lower()
        if published is None:
            refs.append(
                _unresolved(m, "week", "relative week without a publication date")
            )
            continue
        monday = published - timedelta(days=published.weekday())
        offset = {"next": 7, "the following": 7, "last": -7}.get(which, 0)
        if which == "this" and future and published.weekday() >= 5:
            # written at the weekend, "this week" is the week ahead
            offset = 7
        first = monday + timedelta(days=offset)
        refs.append(
            DateRef(
                m.start(),
                m.end(),
                m.group(0),
                first,
                first + timedelta(days=6),
                "week",
                "inferred",
                f"week relative to publication date {published.isoformat()}",
            )
        )

    for m in _YEAR_REL.finditer(sentence):
        if published is None:
            continue
        year = published.year + {"last": -1, "this": 0, "next": 1}[m.group("which").lower()]
        refs.append(
            DateRef(
                m.start(),
                m.end(),
                m.group(0),
                date(year, 1, 1),
                date(year, 12, 31),
                "year",
                "resolved",
                f"year relative to publication date {published.isoformat()}",
            )
        )
    refs.sort(key=lambda r: (r.start, r.end))
    return refs


_SAID_ON = re.compile(
    rf"\b(?:said|announced|reported|published|stated)\s+(?:on\s+)?(?P<when>{_MONTH}\s*\d{{1,2}})\b", re.I
)


def infer_published(text: str, year_hint: int | None = None) -> tuple[date | None, str]:
    """A publication date read from the article's own cues, and how it was found.

    "officials said on April 20" early in the text gives the date; the year comes from a full date
    written in the text (the most recent one), else from `year_hint`; None without a year.
    """
    years = [int(y) for y in re.findall(r"\b(20\d\d)\b", text)]
    year = max(years) if years else year_hint
    if year is None:
        return None, "no year written in the text"
    match = _SAID_ON.search(text)
    if match:
        parts = match.group("when").replace(".", " ").split()
        try:
            when = date(year, MONTHS[parts[0].lower()], int(parts[1]))
        except (KeyError, ValueError):
            when = None
        if when:
            return when, f"publication date inferred from '{match.group(0)}' with year {year} from the text"
    candidates: list[date] = []
    for m in _EXPLICIT.finditer(text):
        try:
            candidates.append(
                date(int(m.group("y") or year), MONTHS[m.group("m1").lower().rstrip(".")], int(m.group("d1")))
            )
        except ValueError:
            continue
    if candidates:
        latest = max(candidates)
        return latest, f"publication date inferred as the most recent date written ({latest.isoformat()})"
    return None, "no explicit date in the text"
