"""Titles of office as regular expressions over shapes, and their normalisation to posts."""

from __future__ import annotations

import re
import unicodedata

# A capitalised word of an institution name: "Trade", "ICT", "U.S.", "Medicaid".
_CAP = r"(?:(?:[A-Z]\.){2,}|[A-Z][\w&-]*)"
# The name of a portfolio after "Minister of": capitalised words joined by ", ", " and ", " of ", ...
PORTFOLIO = rf"(?:the\s)?{_CAP}(?:(?:,\s|\sand\s|\sof\s|\sfor\s|\sthe\s|\s)(?:the\s)?{_CAP})*?"
_COUNTRYISH = r"(?:U\.S\.|US|U\.K\.|UK|EU|[A-Z][a-z]+(?:\s[A-Z][a-z]+)?(?:’s|'s)?)"

# Title cores, most specific first. Case-insensitive where a writer may lower-case them.
TITLE_CORE = (
    rf"(?:Deputy\s)?Prime\sMinister(?:\sfor\s{PORTFOLIO}(?=\s))?"
    rf"|(?:Minister|Secretary|Administrator|Commissioner|Director[- ]General|Governor)"
    rf"\s(?:of|for)\s{PORTFOLIO}"
    r"|(?:[Cc]hief\s)?[Tt]rade\s[Rr]ep(?:resentative|\.)"
    r"|USTR\sRepresentative"
    r"|[Cc]hief\strade\s(?:negotiator|policy\sadviser|envoy)"
    r"|[Hh]ead\sof\s[a-z]+(?:\s(?!at\s|of\s|in\s|the\s)[a-z]+)*"
    rf"|(?:{_CAP}\s){{0,2}}(?:Minister|Secretary|Commissioner)"
    r"|(?:[a-z]+\s)?(?:minister|secretary|commissioner)"
    r"|(?:Acting\s|Vice\s)?President"
    r"|[Dd]irector[- ][Gg]eneral\sfor\s[a-z]+(?:\s(?!at\s|of\s|in\s|the\s)[a-z]+)*"
)
TENURE_WORDS = {"then": "former", "former": "former", "ex": "former", "acting": "acting",
                "new": "new", "newly": "new", "incoming": "incoming", "outgoing": "current"}


def slug(text: str) -> str:
    """Accents removed, lower case, runs of non-alphanumerics -> '-'."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")


def normalise_title_case(title: str) -> str:
    """'director-general for trade policy' -> 'Director-General for Trade Policy'."""
    small = {"of", "for", "and", "the", "on", "in", "at"}
    words = []
    for i, word in enumerate(title.split()):
        if i and word.lower() in small:
            words.append(word.lower())
        elif word.isupper() or any(c.isupper() for c in word[1:]):
            words.append(word)
        else:
            words.append("-".join(part[:1].upper() + part[1:] for part in word.split("-")))
    return " ".join(words)


def tenure_of(prefix: str) -> str:
    """Tenure from the words written just before a title ("then-", "former", "acting")."""
    words = re.findall(r"[a-z]+", prefix.lower())
    for word in reversed(words[-2:]):
        if word in TENURE_WORDS:
            return TENURE_WORDS[word]
    return "current"


def title_tenure(title: str) -> str:
    """'Acting President' is an acting tenure of the presidency."""
    return "acting" if title.lower().startswith("acting ") else "current"


def is_country_prefix(text: str) -> bool:
    return re.fullmatch(_COUNTRYISH, text) is not None
