"""Shipped reference data about institutions: countries, government bodies and their posts.

Only institutions live here (never people or events); see docs/reference-data.md. The JSON files next
to this module are loaded once and indexed by a normalised key, so every lookup is a few dict probes.

Matching rules shared by every lookup:
- case, dots, commas, hyphens, apostrophes and a leading "the" are ignored; "United States" == "U.S.";
- an acronym ("US", "MOTIE", "Fed") matches only when the written form has a capital letter, because
  "us", "fed" or "doe" in lower case are ordinary English words;
- a key shared by two records is dropped from the country-free index (ambiguous without a country);
- "scoped" aliases/titles ("the trade ministry", "Finance Minister") match only once a country is known,
  either passed in or written in the text ("Korean Finance Minister", "President of Mexico").
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

__all__ = [
    "CountryInfo",
    "Institution",
    "PostDef",
    "countries",
    "country",
    "country_by_iso",
    "institution",
    "institution_by_id",
    "institutions",
    "normalise",
    "post",
    "post_by_id",
    "posts",
]


@dataclass(frozen=True)
class CountryInfo:
    iso: str  # ISO 3166-1 alpha-2, or the pseudo-code "EU"
    name: str
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]
    capitals: tuple[str, ...]


@dataclass(frozen=True)
class CustomsUnion:
    """A group of countries with one external tariff: the party that imposes it ("Mercosur charges 35%
    on European cars") or whose goods face it. Its code is longer than two letters, so it is never an
    ISO code, nor the pseudo-code EU (the EU is in the country data already)."""

    code: str
    name: str
    written: tuple[str, ...]  # forms matched as written; acronyms only in capitals


@dataclass(frozen=True)
class Institution:
    ref_id: str
    name: str
    country: str | None  # ISO code; None for international organisations
    kind: str  # ministry | agency | government | legislature | international
    aliases: tuple[str, ...]
    former_names: tuple[str, ...]
    parent: str | None  # ref_id of the body it belongs to
    scoped_aliases: tuple[str, ...] = ()  # the generic forms among `aliases` ("the trade ministry")


@dataclass(frozen=True)
class PostDef:
    ref_id: str
    label: str
    institution: str | None
    country: str | None
    titles: tuple[str, ...]  # every written title form, scoped ones included


KINDS = ("agency", "government", "international", "legislature", "ministry")

_SINGLE_LETTERS = re.compile(r"\b([a-z]) (?=[a-z]\b)")
_POSSESSIVE = re.compile(r"(?<=\w)'s\b")
_PUNCTUATION = re.compile(r"[^\w\s]")
_ACRONYM = re.compile(r"^[A-Z][A-Za-z0-9]*[A-Z0-9]$|^[A-Z]$")


def normalise(text: str) -> str:
    """The lookup key of a written form: lower case, no punctuation, no leading article."""
    key = unicodedata.normalize("NFKC", text).replace("\u2019", "'").replace("\u2018", "'")
    key = key.lower().replace(".", "").replace("&", " and ")
    key = _POSSESSIVE.sub("", key)
    key = key.replace("'", "")
    key = _PUNCTUATION.sub(" ", key)
    key = " ".join(key.split())
    key = _SINGLE_LETTERS.sub(r"\1", key)  # "u s" (from "U. S.") -> "us"
    if key.startswith("the "):
        key = key[4:]
    return key.replace("united states", "us")


def _is_acronym(form: str) -> bool:
    compact = form.replace(".", "").replace("-", "")
    if " " in compact:
        return False
    # "Fed" behaves like an acronym: short, capitalised, and an English word in lower case.
    short_word = len(compact) <= 3 and compact[:1].isupper()
    return short_word or (len(compact) <= 7 and bool(_ACRONYM.match(compact)))


def _acronym_allowed(text: str) -> bool:
    # Lower-case "us", "fed", "doe" are English words, not the acronyms.
    return any(ch.isupper() for ch in text)


@dataclass
class _Index:
    """Normalised key -> record id; keys of two different records are dropped (ambiguous)."""

    ids: dict[str, str]
    acronyms: frozenset[str]
    with_article: frozenset[str]  # keys whose form needs its "the" ("the States", not "States")

    @classmethod
    def build(cls, entries: Iterable[tuple[str, str]], blockers: Iterable[tuple[str, str]] = ()) -> _Index:
        """Index `entries`; a `blockers` form of another record makes the key ambiguous too."""
        ids: dict[str, str] = {}
        owners: dict[str, set[str]] = {}
        acronyms: set[str] = set()
        with_article: set[str] = set()
        for form, record_id in entries:
            key = normalise(form)
            if not key:
                continue
            if _is_acronym(form):
                acronyms.add(key)
            if form.lower().startswith("the ") and len(key.split()) == 1:
                with_article.add(key)
            ids.setdefault(key, record_id)
            owners.setdefault(key, set()).add(record_id)
        for form, record_id in blockers:
            key = normalise(form)
            if key in owners:
                owners[key].add(record_id)
        unambiguous = {key: found for key, found in ids.items() if len(owners[key]) == 1}
        return cls(unambiguous, frozenset(acronyms), frozenset(with_article))

    def get(self, key: str, written: str) -> str | None:
        found = self.ids.get(key)
        if found is None:
            return None
        if key in self.acronyms and not _acronym_allowed(written):
            return None
        if key in self.with_article and not written.strip().lower().startswith("the "):
            return None
        return found


def _load(name: str) -> list[dict[str, Any]]:
    text = resources.files(__name__).joinpath(name).read_text(encoding="utf-8")
    records: list[dict[str, Any]] = json.loads(text)
    return records


# ---------------------------------------------------------------- countries


@cache
def _country_tables() -> tuple[dict[str, CountryInfo], _Index, _Index]:
    """(iso -> info, curated index, pycountry index); curated names win over pycountry's."""
    import pycountry

    curated = {rec["iso"]: rec for rec in _load("countries.json")}
    infos: dict[str, CountryInfo] = {}
    generated: list[tuple[str, str]] = []
    for entry in sorted(pycountry.countries, key=lambda c: c.alpha_2):
        iso = entry.alpha_2
        official = [getattr(entry, attr, None) for attr in ("name", "official_name", "common_name")]
        names = sorted({n for n in official if n})
        rec = curated.get(iso)
        if rec is None:
            common = getattr(entry, "common_name", None) or entry.name
            infos[iso] = CountryInfo(iso, common, tuple(n for n in names if n != common), (), ())
        generated.extend((n, iso) for n in names)
    for iso, rec in sorted(curated.items()):
        extra = [n for n, code in generated if code == iso and n != rec["name"]]
        aliases = tuple(dict.fromkeys([*rec["aliases"], *sorted(extra)]))
        infos[iso] = CountryInfo(iso, rec["name"], aliases, tuple(rec["demonyms"]), tuple(rec["capitals"]))
    curated_forms = [
        (form, iso)
        for iso, rec in sorted(curated.items())
        for form in [rec["name"], *rec["aliases"], *rec["demonyms"], *rec["capitals"]]
    ]
    return dict(sorted(infos.items())), _Index.build(curated_forms), _Index.build(generated)


def country(text: str) -> CountryInfo | None:
    """The country written as a name, alias, demonym or capital ("Seoul", "South Korean", "U.S.")."""
    infos, curated, generated = _country_tables()
    key = normalise(text)
    if key in curated.acronyms and not _acronym_allowed(text):
        return None  # "us" is the pronoun, even though "United States" also normalises to "us"
    if key in curated.with_article and not text.strip().lower().startswith("the "):
        return None  # "States" alone is part of "United States", not the country
    iso = curated.get(key, text) or generated.get(key, text)
    return infos[iso] if iso is not None else None


@cache
def _capitals() -> dict[str, CountryInfo]:
    """Normalised capital -> its country (the first by ISO code, should two share a form)."""
    index: dict[str, CountryInfo] = {}
    for info in _country_tables()[0].values():
        for capital in info.capitals:
            index.setdefault(normalise(capital), info)
    return index


def capital_of(text: str) -> CountryInfo | None:
    """The country whose capital `text` names ("Washington, D.C.", "Washington DC", "Seoul")."""
    return _capitals().get(normalise(text))


def country_by_iso(iso: str) -> CountryInfo | None:
    return _country_tables()[0].get(iso.strip().upper())


def countries() -> tuple[CountryInfo, ...]:
    return tuple(_country_tables()[0].values())


def _resolve_country(code_or_name: str | None) -> str | None:
    """An ISO code ("KR") or any written country form ("Korea") -> ISO code."""
    if not code_or_name:
        return None
    found = country_by_iso(code_or_name) if len(code_or_name.strip()) == 2 else None
    if found is None:
        found = country(code_or_name)
    return found.iso if found is not None else None


def _split_country(key: str, written: str) -> tuple[str, str] | None:
    """Split a country off a key: "korean finance minister", "president of mexico" -> (iso, rest)."""
    tokens = key.split()
    _, curated, _ = _country_tables()
    written_tokens = written.split()
    for size in range(min(4, len(tokens) - 1), 0, -1):
        head = " ".join(tokens[:size])
        if head in curated.with_article:
            continue  # "States Trade Representative" is a fragment of "United States ..."
        iso = curated.get(head, " ".join(written_tokens[:size]) or written)
        if iso is not None:
            return iso, " ".join(tokens[size:])
    for joiner in (" of ", " for "):
        if joiner in key:
            rest, _, tail = key.rpartition(joiner)
            iso = curated.get(tail, written)
            if iso is not None and rest:
                return iso, rest
    return None


# ---------------------------------------------------------------- institutions and posts


@dataclass
class _Lookup:
    """Global index (unambiguous forms) plus one index per country (all of that country's forms)."""

    global_index: _Index
    by_country: dict[str, _Index]
    countries_of: dict[str, str | None]

    def find(self, text: str, country_hint: str | None, strict: bool = False) -> str | None:
        """The record `text` names; with `strict`, only one of the hinted country (or international).

        `strict` is for a country the article writes ("India's Commerce Secretary"): a form that is
        unambiguous elsewhere (the US "Commerce Secretary") must not override it.
        """
        key = normalise(text)
        if not key:
            return None
        iso = _resolve_country(country_hint)
        if iso is not None and iso in self.by_country:
            found = self.by_country[iso].get(key, text)
            if found is not None:
                return found
        found = self.global_index.get(key, text)
        if found is not None:
            if strict and iso is not None and self.countries_of[found] not in (iso, None):
                return None
            return found
        split = _split_country(key, text)
        if split is None:
            return None
        written_iso, rest = split
        if written_iso in self.by_country:
            found = self.by_country[written_iso].get(rest, text)
            if found is not None:
                return found
        found = self.global_index.get(rest, text)
        if found is not None and self.countries_of[found] in (written_iso, None):
            if strict and iso is not None and written_iso != iso:
                return None
            return found
        return None


def _build_lookup(records: list[dict[str, Any]], general: str, scoped: str) -> _Lookup:
    global_entries: list[tuple[str, str]] = []
    scoped_entries: list[tuple[str, str]] = []
    country_entries: dict[str, list[tuple[str, str]]] = {}
    countries_of: dict[str, str | None] = {}
    for rec in records:
        ref_id: str = rec["ref_id"]
        iso: str | None = rec["country"]
        countries_of[ref_id] = iso
        forms = [rec.get("name") or rec["label"], *rec[general], *rec.get("former_names", [])]
        global_entries.extend((form, ref_id) for form in forms)
        scoped_entries.extend((form, ref_id) for form in rec[scoped])
        if iso is not None:
            country_entries.setdefault(iso, []).extend(
                (form, ref_id) for form in [*forms, *rec[scoped]]
            )
    return _Lookup(
        # A form that is generic elsewhere ("Ministry of Foreign Affairs") is not unambiguous here.
        _Index.build(global_entries, scoped_entries),
        {iso: _Index.build(entries) for iso, entries in sorted(country_entries.items())},
        countries_of,
    )


@cache
def _institution_tables() -> tuple[dict[str, Institution], _Lookup]:
    records = _load("institutions.json")
    table = {
        rec["ref_id"]: Institution(
            ref_id=rec["ref_id"],
            name=rec["name"],
            country=rec["country"],
            kind=rec["kind"],
            aliases=tuple(rec["aliases"]) + tuple(rec["scoped_aliases"]),
            former_names=tuple(rec["former_names"]),
            parent=rec["parent"],
            scoped_aliases=tuple(rec["scoped_aliases"]),
        )
        for rec in records
    }
    return dict(sorted(table.items())), _build_lookup(records, "aliases", "scoped_aliases")


@cache
def _post_tables() -> tuple[dict[str, PostDef], _Lookup]:
    records = _load("posts.json")
    table = {
        rec["ref_id"]: PostDef(
            ref_id=rec["ref_id"],
            label=rec["label"],
            institution=rec["institution"],
            country=rec["country"],
            titles=tuple(dict.fromkeys([rec["label"], *rec["titles"], *rec["scoped_titles"]])),
        )
        for rec in records
    }
    return dict(sorted(table.items())), _build_lookup(records, "titles", "scoped_titles")


def institution(text: str, country: str | None = None, strict: bool = False) -> Institution | None:
    """The institution written as a name, acronym, alias or former name ("MOTIE", "the Treasury").

    With `strict`, a given country is the written one and wins: only that country's institutions
    (or international ones) are returned.
    """
    table, lookup = _institution_tables()
    found = lookup.find(text, country, strict)
    return table[found] if found is not None else None


_ROLE_CUT = re.compile(r" (?:of|for|in charge of) .*$")
_ROLE_SYNONYMS = {"chairman": "chair", "chairwoman": "chair", "chairperson": "chair"}


def _role(label: str) -> str:
    """The role word(s) of a post label: "Minister of Trade, ..." -> "minister"."""
    return _ROLE_CUT.sub("", normalise(label))


@cache
def _posts_by_role() -> dict[tuple[str, str], tuple[str, ...]]:
    """(institution ref id, role) -> ids of that institution's posts with that role."""
    grouped: dict[tuple[str, str], list[str]] = {}
    for record in _post_tables()[0].values():
        if record.institution is not None:
            grouped.setdefault((record.institution, _role(record.label)), []).append(record.ref_id)
    return {key: tuple(ids) for key, ids in sorted(grouped.items())}


def _post_by_institution_and_role(title: str, country: str | None) -> str | None:
    """ "MOTIE Minister", "Governor of the BOK": an institution plus the role of exactly one of its posts."""
    tokens = normalise(title).split()
    candidates: list[tuple[str, str]] = []  # (written institution, role)
    for cut in range(1, len(tokens)):
        candidates.append((" ".join(tokens[:cut]), " ".join(tokens[cut:])))  # "<institution> <role>"
        if tokens[cut] in ("of", "for") and cut + 1 < len(tokens):
            candidates.append((" ".join(tokens[cut + 1 :]), " ".join(tokens[:cut])))  # "<role> of <inst>"
    has_capitals = _acronym_allowed(title)
    for written_institution, role in candidates:
        # The parts are already normalised (lower case); upper-case them again so that an acronym
        # written in capitals ("MOTIE Minister") still passes the acronym rule.
        found = institution(written_institution.upper() if has_capitals else written_institution, country)
        if found is None:
            continue
        role_key = _ROLE_SYNONYMS.get(role, role)
        ids = _posts_by_role().get((found.ref_id, role_key), ())
        if len(ids) == 1:
            return ids[0]
    return None


def post(title: str, country: str | None = None, strict: bool = False) -> PostDef | None:
    """The post a written title names ("Treasury Secretary"); generic titles need a country.

    With `strict`, a given country is the one the article writes ("India's Commerce Secretary") and
    wins over a title that is unambiguous for another country: the result is that country's post
    or None.
    """
    table, lookup = _post_tables()
    found = lookup.find(title, country, strict) or _post_by_institution_and_role(title, country)
    if found is not None and strict and country is not None:
        iso = _resolve_country(country)
        if iso is not None and table[found].country not in (iso, None):
            return None
    return table[found] if found is not None else None


def institution_by_id(ref_id: str) -> Institution | None:
    """The institution with this reference id ("kr-motie"), or None."""
    return _institution_tables()[0].get(ref_id)


def post_by_id(ref_id: str) -> PostDef | None:
    """The post with this reference id ("kr-motie-minister"), or None."""
    return _post_tables()[0].get(ref_id)


def institutions() -> tuple[Institution, ...]:
    return tuple(_institution_tables()[0].values())


def posts() -> tuple[PostDef, ...]:
    return tuple(_post_tables()[0].values())


# ---------------------------------------------------------------- customs unions


@cache
def customs_unions() -> dict[str, CustomsUnion]:
    """The customs unions kg knows as tariff parties, by code (customs_unions.json)."""
    return {rec["code"]: CustomsUnion(rec["code"], rec["name"], tuple(rec["written"]))
            for rec in _load("customs_unions.json")}
