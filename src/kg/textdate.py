"""Calendar dates as written in English news text ("Apr 25,2025", "21 May. 2025", datelines)."""

from __future__ import annotations

import re
from datetime import date

MONTHS: dict[str, int] = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
    "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}
_MONTH_ALT = "|".join(sorted(MONTHS, key=len, reverse=True))
_MONTH = r"(?P<month>" + _MONTH_ALT + r")\.?"
_FULL_DATE_PATTERNS = [
    re.compile(r"\b(?P<year>\d{4})-(?P<mnum>\d{2})-(?P<day>\d{2})\b"),
    re.compile(rf"\b{_MONTH}\s*(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s*,\s*(?P<year>\d{{4}})\b", re.I),
    re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}\s*,?\s*(?P<year>\d{{4}})\b", re.I),
]
_WEEKDAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day|mon|tue|wed|thu|fri|sat|sun"
# a date with or without its year, as a dateline or a "Published:" line writes it
_SHORT_DATE = re.compile(
    rf"^(?:(?:{_WEEKDAY})\.?,?\s+)?(?:"
    rf"(?P<m1>{_MONTH_ALT})\.?\s*(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?(?:\s*,?\s*(?P<y1>\d{{4}}))?"
    rf"|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m2>{_MONTH_ALT})\.?(?:\s*,?\s*(?P<y2>\d{{4}}))?"
    rf")\b",
    re.I,
)
# "WASHINGTON, July 23 (Reuters) -", "Brussels, 28 October 2025 –", "TOKYO, Oct. 5, 2025 —":
# a place in capitals or title case, a comma, a date, an optional agency, then a dash or colon.
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*){0,3}(?:,\s*[A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*){0,2})?)"
    r",\s*(?P<rest>.{4,40}?)\s*(?:\([^)]{1,40}\)\s*)?(?:[-–—:]|$)"
)


_HEAD_LINES = 6
# "Published: July 31", "Posted Jul 28, 2025, 06:15 AM", "Date: 8 May 2025"
PUBLISHED_LINE = re.compile(r"^(?:first\s+)?(?:published|posted|date)(?:\s+on)?\s*:?\s*(?P<rest>.+)$", re.I)
# what may follow the date on a line that is only a date: a time and a zone ("06:15 AM", "10.32 GMT")
_TIME_TAIL = re.compile(
    r"^[\s,|\-–—]*(?:\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?)?\s*(?:[A-Z]{2,5}|\(?local time\)?)?\s*$", re.I
)


def head_lines(text: str) -> list[str]:
    """The first non-blank lines of an article, stripped: its headline, and the dateline or
    "Published:" line that sits under it."""
    return [line.strip() for line in text.split("\n") if line.strip()][:_HEAD_LINES]


def valid_date(year: int, month: int, day: int) -> date | None:
    """The date, or None when (year, month, day) is no calendar day."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _full_date(match: re.Match[str]) -> date | None:
    """The date a match of one of _FULL_DATE_PATTERNS writes, or None when it is no calendar date."""
    groups = match.groupdict()
    month = int(groups["mnum"]) if groups.get("mnum") else MONTHS[groups["month"].lower()]
    return valid_date(int(groups["year"]), month, int(groups["day"]))


def full_dates(text: str) -> list[date]:
    """Every complete date (day, month and year) written in `text`, in order of appearance."""
    found: list[tuple[int, date]] = []
    taken: list[tuple[int, int]] = []
    for pattern in _FULL_DATE_PATTERNS:
        for match in pattern.finditer(text):
            if any(match.start() < e and s < match.end() for s, e in taken):
                continue
            when = _full_date(match)
            if when is not None:
                found.append((match.start(), when))
                taken.append((match.start(), match.end()))
    return [when for _at, when in sorted(found, key=lambda pair: pair[0])]


def parse_full_date(text: str) -> date | None:
    """The first complete date (day, month and year) written in `text`, or None."""
    for pattern in _FULL_DATE_PATTERNS:
        match = pattern.search(text)
        if not match:
            continue
        when = _full_date(match)
        if when is not None:
            return when
    return None


def parse_short_date(text: str, whole: bool = False) -> tuple[int | None, int, int] | None:
    """(year or None, month, day) of a date at the start of `text` ("July 31", "Thu 8 May 2025");
    with `whole`, only when nothing but a time of day follows it."""
    text = text.strip()
    match = _SHORT_DATE.match(text)
    if match is None or (whole and not _TIME_TAIL.match(text[match.end() :])):
        return None
    month_text, day_text, year_text = (
        (match.group("m1"), match.group("d1"), match.group("y1"))
        if match.group("m1")
        else (match.group("m2"), match.group("d2"), match.group("y2"))
    )
    month, day = MONTHS[month_text.lower()], int(day_text)
    if valid_date(2000, month, day) is None:  # 2000 is a leap year: 29 February passes
        return None
    return (int(year_text) if year_text else None), month, day


def parse_dateline(line: str) -> tuple[int | None, int, int] | None:
    """(year or None, month, day) of a dateline opening `line`, or None when it has no date.

    "MEXICO CITY, July 31 (Brief) - ..." gives (None, 7, 31); "GYEONGJU, South Korea - ..." gives None.
    """
    match = _DATELINE.match(line.strip())
    if match is None:
        return None
    return parse_short_date(match.group("rest"))
