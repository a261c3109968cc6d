"""Dates written in a sentence, normalised against the publication date.

Explicit dates ("April 24", "Nov. 12, 2024", "April 30 and May 1"), weekdays read by tense
("began on Tuesday" -> on or before publication; "will ... on Thursday" -> after it), "the 24th",
"this/next/last week" and "last year".
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

from kg.textdate import (
    MONTHS,
    PUBLISHED_LINE,
    full_dates,
    head_lines,
    parse_dateline,
    parse_short_date,
    valid_date,
)

_MONTH = r"(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_MONTH_FULL = r"january|february|march|april|may|june|july|august|september|october|november|december"
_MONTH_ABBR = r"(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)"
# a month named without a day ("in February"): a full name, or an abbreviation with its dot ("Oct.")
_MONTH_NAME = rf"(?:{_MONTH_FULL}|{_MONTH_ABBR}\.)"
# the same, the dot optional: a month that ends a date ("6 to 10 October.") keeps the full stop out
_MONTH_LAST = rf"(?:{_MONTH_FULL}|{_MONTH_ABBR}\.?)"
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_WEEKDAY = r"(?:" + "|".join(_WEEKDAYS) + r")"
_ORD = r"(?:st|nd|rd|th)?"
# a weekday written with the date belongs to it: "Tuesday, April 24", "Thursday 8 May"
_WD_PREFIX = rf"(?:{_WEEKDAY},?\s+(?:the\s+)?)?"
_YEAR = r"(?:19|20)\d\d"

# American order: "April 24", "Nov. 12, 2024", "April 30 and May 1", "Oct. 6-10"
_EXPLICIT = re.compile(
    rf"\b{_WD_PREFIX}(?P<m1>{_MONTH})\s*(?P<d1>\d{{1,2}}){_ORD}"
    rf"(?:\s*(?:-|–|to|and|through)\s*(?:(?P<m2>{_MONTH})\s*)?(?P<d2>\d{{1,2}}){_ORD})?"
    rf"(?:\s*,\s*(?P<y>{_YEAR}))?\b(?!\s*(?:percent|per cent|%))",
    re.I,
)
# British and European order: "12 January", "6 to 10 October", "30 September to 2 October 2025",
# "the 1st of May"
_EXPLICIT_DM = re.compile(
    rf"(?<![\d.,$€£¥])\b{_WD_PREFIX}(?P<d1>\d{{1,2}}){_ORD}(?:\s+(?:of\s+)?(?P<m1>{_MONTH}))?"
    rf"(?:\s*(?:-|–|to|and|through|until)\s*(?P<d2>\d{{1,2}}){_ORD})?"
    rf"\s+(?:of\s+)?(?P<m2>{_MONTH_LAST})(?:\s*,?\s*(?P<y>{_YEAR}))?(?![\w])",
    re.I,
)
# "(in) the week of 12 January": the week around the written day
_WEEK_OF = re.compile(r"\b(?:in\s+|during\s+)?the\s+week\s+(?:of|beginning|starting|commencing)\s+$", re.I)
# "on the 24th (local time)"; not "the 14th round" or "the 75th birthday", where a noun follows
_ORDINAL_DAY = re.compile(
    r"\b(?:on\s+)?the\s+(?P<d>\d{1,2})(?:st|nd|rd|th)\b(?:\s*\(local time\))?"
    r"(?=\s*(?:$|[.,;:)—–-]|(?:in|at|and|or|to|when|with|for|after|before|as|until|this|next|of)\b))",
    re.I,
)
_WEEKDAY_EXPR = re.compile(
    rf"\b(?:(?:on|by|until|since|last|this|next)\s+)?(?P<w1>{_WEEKDAY})(?:\s+(?:morning|afternoon|evening|night))?"
    rf"(?:\s+(?:or|and|to|through)\s+(?P<w2>{_WEEKDAY}))?\b",
    re.I,
)
_WEEK = re.compile(r"\b(?P<which>this|next|last|the following|earlier this)\s+week\b", re.I)
# the part of a month: "early", "the end of", "much of" (see _month_span)
_PARTS = (
    r"early|mid|late|the end of|end of|the start of|start of|the beginning of|beginning of"
    r"|the middle of|much of|most of"
)
_PART = rf"(?P<part>{_PARTS})"
# a named month without a day needs a preposition, a part or a year: "May" alone is a verb or a name
_MONTH_EXPR = re.compile(
    rf"\b(?:(?P<prep>in|since|during|until|till|by|from|through|throughout|before|after|for)\s+)?"
    rf"(?:{_PART}[\s-]+)?(?P<m>{_MONTH_NAME})(?:\s*,?\s*(?P<y>{_YEAR}))?(?![\w])",
    re.I,
)
_MONTH_REL = re.compile(
    rf"\b(?:(?P<part>earlier|later|{_PARTS})[\s-]+)?"
    r"(?P<which>this|next|last|the previous|the following|the coming)\s+month\b",
    re.I,
)
_DAY_REL = re.compile(r"\b(?P<which>yesterday|today|tonight|tomorrow)\b", re.I)
_YEAR_REL = re.compile(r"\b(?P<which>last|this|next)\s+year\b", re.I)
_FUTURE = re.compile(
    r"\b(will|shall|would|to be held|is to|are to|set to|slated|scheduled|plans? to|planned|"
    r"expected to|going to|upcoming|to attend|to hold|to begin|to travel|to conclude)\b",
    re.I,
)
_DEADLINE = re.compile(r"\b(before|by|until|till|ahead of|no later than|deadline of|expires? on)\s+$", re.I)
# "since Aug. 1": a date that lies behind even in a sentence about what will happen
_SINCE = re.compile(r"\bsince\s+$", re.I)
# the first words of a date expression that make it a deadline or an end ("until March", "by June 1")
_UNTIL_WORDS = ("until", "till", "by", "before")


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
    # "until" for a deadline or an end ("by June 1", "until March"), "since" for a start ("since
    # Aug. 1"): the date bounds a period; it is not the day something happened
    bound: str | None = None


def is_future(sentence: str) -> bool:
    """Whether the sentence speaks of something still to come."""
    return bool(_FUTURE.search(sentence))


# Past-tense verbs that place a date behind the publication date, whatever the rest of the sentence
# says ("When Lula made a state visit to France in early June, Macron said he would ...").
_CLAUSE_PAST = re.compile(
    r"\b(held|met|began|agreed|concluded|ended|took place|announced|made|took|gave|went|came|saw|told|"
    r"left|sent|won|lost|spoke|wrote|led|paid|rose|fell|flew|struck|sought|visited|signed|hosted|"
    r"received|travell?ed|arrived|returned|launched|imposed|raised|cut|was|were)\b",
    re.I,
)


def _clause_is_future(sentence: str, at: int, sentence_future: bool) -> bool:
    """The tense of the clause just before a date expression at `at`.

    "expected to focus on X as agreed on during a meeting on Friday": the nearest verb before the
    date ("agreed") sets its tense, not the sentence's main verb.
    """
    window = sentence[max(0, at - 80) : at]
    cut = max(window.rfind(","), window.rfind(";"), window.rfind("—"), window.rfind(" as "))
    clause = window[cut + 1 :] if cut >= 0 else window
    past = list(_CLAUSE_PAST.finditer(clause))
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


def _ahead(sentence: str, at: int, future: bool) -> bool:
    """Whether the date expression at `at` lies ahead of publication: "since" looks back, a deadline
    ("before July 8", "by June 1") looks ahead even in a past-tense sentence, else the clause's tense."""
    before = sentence[max(0, at - 20) : at]
    if _SINCE.search(before):
        return False
    return _clause_is_future(sentence, at, future) or bool(_DEADLINE.search(before))


def _month_span(year: int, month: int, part: str | None) -> tuple[date, date]:
    """The days of a month, narrowed by "early" (1-10), "mid" (11-20) or "late" / "the end of" (21-)."""
    last_day = calendar.monthrange(year, month)[1]
    part = (part or "").lower().removeprefix("the ")
    low, high = {
        "early": (1, 10), "start of": (1, 10), "beginning of": (1, 10),
        "mid": (11, 20), "middle of": (11, 20),
        "late": (21, last_day), "end of": (21, last_day),
    }.get(part, (1, last_day))
    return date(year, month, low), date(year, month, high)


def _explicit_ref(
    m: re.Match[str], sentence: str, published: date | None, future: bool, day_first: bool
) -> DateRef | None:
    """A written month and day (or range), in either order, with its year written or inferred."""
    if day_first:
        d1 = int(m.group("d1"))
        d2 = int(m.group("d2") or d1)
        m2 = MONTHS[m.group("m2").lower().rstrip(".")]
        m1 = MONTHS[m.group("m1").lower().rstrip(".")] if m.group("m1") and m.group("d2") else m2
    else:
        m1 = MONTHS[m.group("m1").lower().rstrip(".")]
        m2 = MONTHS[m.group("m2").lower().rstrip(".")] if m.group("m2") else m1
        d1, d2 = int(m.group("d1")), int(m.group("d2") or m.group("d1"))
    year_text = m.group("y")
    if year_text:
        # the written year belongs to the end of a range ("30 December to 2 January 2026")
        y2 = int(year_text)
        y1, resolution, note = (y2 - 1 if m2 < m1 else y2), "explicit", "date written in full"
    elif published is not None:
        y1 = _year_for(m1, d1, published, _ahead(sentence, m.start(), future))
        y2 = y1 + 1 if m2 < m1 else y1
        resolution, note = "explicit", f"year from publication date {published.isoformat()}"
    else:
        return _unresolved(m, "day", "month and day written, year unknown: no publication date")
    try:
        first, last = date(y1, m1, d1), date(y2, m2, d2)
    except ValueError:
        return None
    precision = "day" if first == last else "range"
    return DateRef(m.start(), m.end(), m.group(0), first, last, precision, resolution, note)


def _week_of(ref: DateRef, sentence: str) -> DateRef:
    """"the week of 12 January": the Monday-to-Sunday week holding the written day."""
    cue = _WEEK_OF.search(sentence[max(0, ref.start - 40) : ref.start])
    if cue is None or ref.first is None or ref.precision != "day":
        return ref
    start = max(0, ref.start - 40) + cue.start()
    monday = ref.first - timedelta(days=ref.first.weekday())
    return DateRef(start, ref.end, sentence[start : ref.end], monday, monday + timedelta(days=6), "week",
                   ref.resolution, ref.note + "; the week holding that day")


def find_dates(sentence: str, published: date | None) -> list[DateRef]:
    """Every date expression in `sentence`, resolved against `published` where it needs it."""
    refs: list[DateRef] = []
    taken: list[tuple[int, int]] = []
    future = is_future(sentence)

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    # both orders, the longest first where they overlap ("12 January" in "6 to 12 January")
    explicit = [(m, False) for m in _EXPLICIT.finditer(sentence)]
    explicit += [(m, True) for m in _EXPLICIT_DM.finditer(sentence)]
    explicit.sort(key=lambda pair: (-(pair[0].end() - pair[0].start()), pair[0].start()))
    for m, day_first in explicit:
        # month names are capitalised: "the 5 may agree" is no date
        if not free(m.start(), m.end()) or (day_first and not m.group("m2")[0].isupper()):
            continue
        taken.append((m.start(), m.end()))
        ref = _explicit_ref(m, sentence, published, future, day_first)
        if ref is not None:
            ref = _week_of(ref, sentence)
            taken.append((ref.start, ref.end))
            refs.append(ref)

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
        if not free(m.start(), m.end()):
            continue
        taken.append((m.start(), m.end()))
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

    for m in _MONTH_REL.finditer(sentence):
        if not free(m.start(), m.end()):
            continue
        taken.append((m.start(), m.end()))
        if published is None:
            refs.append(_unresolved(m, "month", "relative month without a publication date"))
            continue
        which = m.group("which").lower()
        year, month = published.year, published.month
        if which in ("next", "the following", "the coming"):
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        elif which in ("last", "the previous"):
            year, month = (year - 1, 12) if month == 1 else (year, month - 1)
        part = (m.group("part") or "").lower()
        first, last = _month_span(year, month, part)
        if which == "this" and part == "earlier":
            last = published
        elif which == "this" and part == "later":
            first = published
        refs.append(DateRef(m.start(), m.end(), m.group(0), first, last, "month", "resolved",
                            f"month relative to publication date {published.isoformat()}"))

    for m in _MONTH_EXPR.finditer(sentence):
        if not (m.group("prep") or m.group("part") or m.group("y")) or not m.group("m")[0].isupper():
            continue
        if not free(m.start(), m.end()):
            continue
        taken.append((m.start(), m.end()))
        month = MONTHS[m.group("m").lower().rstrip(".")]
        prep = (m.group("prep") or "").lower()
        if m.group("y"):
            year, resolution, note = int(m.group("y")), "explicit", "month and year written"
        elif published is None:
            refs.append(_unresolved(m, "month", "month written, year unknown: no publication date"))
            continue
        else:
            ahead = prep in _UNTIL_WORDS or (prep != "since" and _clause_is_future(sentence, m.start(), future))
            # a month after the publication month in a past-tense clause is last year's; one before
            # it in a clause about what will happen is next year's ("the 15th round in January")
            year = published.year
            if not ahead and month > published.month:
                year -= 1
            elif ahead and month < published.month:
                year += 1
            resolution, note = "explicit", f"year from publication date {published.isoformat()}"
        first, last = _month_span(year, month, m.group("part"))
        refs.append(DateRef(m.start(), m.end(), m.group(0), first, last, "month", resolution, note))

    for m in _DAY_REL.finditer(sentence):
        if not free(m.start(), m.end()):
            continue
        taken.append((m.start(), m.end()))
        if published is None:
            refs.append(_unresolved(m, "day", "relative day without a publication date"))
            continue
        when = published + timedelta(days={"yesterday": -1, "tomorrow": 1}.get(m.group("which").lower(), 0))
        refs.append(DateRef(m.start(), m.end(), m.group(0), when, when, "day", "resolved",
                            f"day relative to publication date {published.isoformat()}"))

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
    refs = [replace(r, bound=_bound(sentence, r)) for r in refs]
    refs.sort(key=lambda r: (r.start, r.end))
    return refs


def _bound(sentence: str, ref: DateRef) -> str | None:
    """Whether the date expression is a deadline or end ("until"), a start ("since"), or neither."""
    words = ref.text.split()
    first_word = words[0].lower() if words else ""
    before = sentence[max(0, ref.start - 20) : ref.start]
    if first_word == "since" or _SINCE.search(before):
        return "since"
    if first_word in _UNTIL_WORDS or _DEADLINE.search(before):
        return "until"
    return None


_SAID_ON = re.compile(
    rf"\b(?:said|announced|reported|published|stated)\s+(?:on\s+)?"
    rf"(?P<when>{_MONTH}\s*\d{{1,2}}{_ORD}\b|\d{{1,2}}{_ORD}\s+{_MONTH}(?![\w]))",
    re.I,
)


def _year_near(month: int, day: int, written: list[date]) -> int | None:
    """The year that puts (month, day) closest to the most recent full date written in the text."""
    if not written:
        return None
    latest = max(written)
    years = (latest.year - 1, latest.year, latest.year + 1)
    options = [d for year in years if (d := valid_date(year, month, day)) is not None]
    return min(options, key=lambda d: (abs((d - latest).days), d)).year if options else None


def _publication_cue(text: str) -> tuple[tuple[int | None, int, int], str] | None:
    """The date an article gives itself at its top: a dateline ("MEXICO CITY, July 31 (Brief) -"),
    a "Published:" line, a line that is only a date, or "officials said on April 20" in the lede.
    Dates deeper in the text ("announced on Oct. 23" three paragraphs down) are events, not cues."""
    head = head_lines(text)
    for line in head:
        found = parse_dateline(line)
        if found:
            return found, f"dateline '{line[:40]}'"
        published = PUBLISHED_LINE.match(line)
        found = parse_short_date(published.group("rest")) if published else parse_short_date(line, whole=True)
        if found:
            return found, f"line '{line[:40]}'"
    # the lede: the first line that is prose (a sentence), not a headline or a label
    lede = next((line for line in head if line.endswith((".", '"', "”", "’", "'"))), None)
    said = _SAID_ON.search(lede) if lede else None
    if said:
        found = parse_short_date(said.group("when"))
        if found:
            return found, f"'{said.group(0)}' in the lede"
    return None


def infer_published(text: str, year_hint: int | None = None) -> tuple[date | None, str]:
    """A publication date read from the article's own cues, and how it was found.

    The cue is a dateline, a "Published:" line or "said on <date>" in the lede (see
    _publication_cue). Its year is the written one, else the one that puts the cue nearest the
    most recent full date written in the text, else `year_hint`; without any, None: a bare
    "since 2017" or "1987" says nothing about when the article was written.
    """
    cue = _publication_cue(text)
    if cue is None:
        return None, "no dateline, 'Published:' line or 'said on <date>' in the lede"
    (year, month, day), how = cue
    why = "written"
    if year is None:
        year = _year_near(month, day, full_dates(text))
        why = "from the full dates written in the text"
    if year is None:
        year, why = year_hint, "from the hint"
    if year is None:
        return None, f"{how} gives month and day only, and no full date in the text gives the year"
    when = valid_date(year, month, day)
    if when is None:
        return None, f"{how} is not a calendar date in {year}"
    return when, f"publication date from {how}, year {year} {why}"
