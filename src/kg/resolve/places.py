"""Places of meetings: every written form of one place becomes one node.

A capital is recognised through the shipped country data ("Washington, D.C." = "Washington DC" =
"Washington", the capital of the United States); any other place is one node per spelling that
differs only in case, accents, dots, commas or a leading "the".
"""

from __future__ import annotations

import importlib
import re
from collections import Counter

from kg.model import DocExtraction, Resolution, ResolvedPlace
from kg.resolve.names import slugify, strip_accents


def place_key(written: str) -> str:
    """Case, accents, dots, commas and a leading "the" removed: "the White House" = "White House"."""
    text = re.sub(r"[.,’']", "", strip_accents(written).lower())
    text = re.sub(r"^the\s+", "", text.strip())
    return " ".join(text.split())


def _capital(written: str) -> tuple[str, str] | None:
    """(ISO code, canonical capital name) when `written` names a country's capital."""
    try:
        reference = importlib.import_module("kg.reference")
    except ImportError:
        return None
    info = reference.capital_of(written)
    if info is None or not info.capitals:
        return None
    return info.iso, info.capitals[0]


def resolve_places(extractions: list[DocExtraction], res: Resolution) -> None:
    """Fill res.places: written form -> one ResolvedPlace per place."""
    forms: Counter[str] = Counter()
    for ex in extractions:
        for meeting in ex.meetings:
            forms.update(text for text in (meeting.location, meeting.venue) if text)
    groups: dict[str, list[str]] = {}
    capitals: dict[str, tuple[str, str]] = {}
    for written in sorted(forms):
        capital = _capital(written)
        key = f"capital:{capital[0]}" if capital else place_key(written)
        if capital:
            capitals[key] = capital
        groups.setdefault(key, []).append(written)
    for key, written_forms in sorted(groups.items()):
        if key in capitals:
            iso, label = capitals[key]
        else:
            # the commonest spelling, then the longest, then the first in order
            iso, label = None, min(written_forms, key=lambda w: (-forms[w], -len(w), w))
        place = ResolvedPlace(gid=f"place-{slugify(place_key(label)) or 'unnamed'}", label=label, country=iso)
        for written in written_forms:
            res.places[written] = place
