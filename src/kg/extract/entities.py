"""People, posts, organizations and countries of one document, with within-document resolution.

spaCy's statistical NER proposes PERSON/ORG/GPE/NORP spans; rules over shapes (titles before
names, appositions, institution-name heads and suffixes, acronyms defined in parentheses) fix and
complete them. Nothing here lists people or events: reference data is consulted only for
institutions and countries through `kg.reference`.
"""

from __future__ import annotations

import bisect
import importlib
import re
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any

from spacy.tokens import Doc

from kg.extract.titles import (
    TITLE_CORE,
    normalise_title_case,
    slug,
    tenure_of,
    title_tenure,
)
from kg.model import (
    CountryMention,
    DocExtraction,
    Evidence,
    Mention,
    Organization,
    Person,
    PostHolding,
)

_NAME_TOKEN = r"[A-Z][a-zà-öø-ÿ]+(?:-[A-Za-z][a-zà-öø-ÿ]+)?"
_NAME_1_2 = rf"{_NAME_TOKEN}(?:\s{_NAME_TOKEN})?"
_COUNTRY_PREFIX = r"(?:U\.S\.|U\.K\.|EU|[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)"
# "Acting President" is a title of its own, so a capitalised "Acting" stays in the title
_TENURE_PREFIX = r"(?:(?i:then|former|ex)[-\s]\s?|(?:acting|new|incoming)\s)?"
_TITLE_PAIR = rf"(?:{TITLE_CORE})(?:\sand\s(?:{TITLE_CORE}))?"
# "[tenure] [country('s)] TITLE [and TITLE] Name": the name is 1-2 tokens not followed by another
# capitalised word, so the lazy portfolio stops where the name begins.
_TITLE_BEFORE_NAME = re.compile(
    rf"(?P<pre>{_TENURE_PREFIX})(?:(?P<country>{_COUNTRY_PREFIX})(?:’s|'s)?\s)?"
    rf"(?P<title>{_TITLE_PAIR})\s(?P<name>{_NAME_1_2})(?![\w-])(?!\s[A-Z][a-z])"
)
_APPOSITIVE_TITLE = (
    r"(?:[Cc]hief\s[a-z]+(?:\s[a-z]+){0,2}|[Hh]ead\sof\s[a-z]+(?:\s(?!at\s|of\s|in\s)[a-z]+)*"
    r"|[Dd]irector[- ][Gg]eneral\sfor\s[a-z]+(?:\s(?!at\s|of\s|in\s)[a-z]+)*"
    r"|(?:[a-z]+\s){0,2}(?:minister|secretary|representative|adviser|advisor|negotiator|envoy|"
    r"ambassador|spokesperson|spokesman|spokeswoman|president|chairman|chairwoman|director|"
    r"commissioner|governor|economist|analyst|researcher|official|professor|ceo|chief))"
)
_APPOSITIVE = re.compile(
    rf"(?P<name>{_NAME_TOKEN}(?:\s{_NAME_TOKEN}){{1,2}}),\s(?:the\s|a\s|an\s)?(?P<pre>{_TENURE_PREFIX})"
    rf"(?:(?P<country>{_COUNTRY_PREFIX})(?:’s|'s)\s)?(?P<title>{_APPOSITIVE_TITLE})"
    r"(?:\s(?:at|of|for)\s(?:the\s)?(?P<org>[A-Z]))?"
)
_BYLINE = re.compile(r"\bBY\s(?P<name>[A-Z]{2,}(?:[\s-][A-Z]{2,}){1,2})\b")
_HONORIFIC = re.compile(r"^(?:Dr|Mr|Mrs|Ms|Prof|Sir)\.?\s")
# A word of an institution name: "Trade", "ICT", "U.S." (a final "." ends a sentence otherwise).
_ORG_WORD = r"(?:(?:[A-Z]\.){2,}|[A-Z][\w&-]*)"
_GOV_HEAD = re.compile(
    r"(?:Ministry|Department|Office|Bureau|Centers?|Secretariat)\s(?:of|for)\s(?:the\s)?"
    rf"{_ORG_WORD}(?:(?:,\s(?!(?:and\s)?(?:the\s)?(?:Ministry|Department|Office)\b)|,?\sand\s"
    rf"(?!(?:the\s)?(?:Ministry|Department|Office)\b)|\sof\s|\sfor\s|\s)(?:the\s)?{_ORG_WORD})*"
)
_ORG_SUFFIX = re.compile(
    rf"(?:{_ORG_WORD}\s){{1,5}}(?:Task\sForce|Association|Agency|Administration|Commission|"
    r"Council|Assembly|Federation|Chamber|Institute|Fund|Bank|Organization|Daily|Times|Ilbo|"
    r"Herald|Journal|Corporation|Corp\.|Inc\.)\b"
)
# An outlet named by its role: "told the Nikkei", "in an interview with Reuters", "Yonhap reported".
_MEDIA_CUE = re.compile(
    r"\b(?:told|telling|tells|interview(?:ed)?\s+(?:with|by))\s+(?:the\s+|The\s+)?"
    rf"(?P<name>{_ORG_WORD}(?:\s{_ORG_WORD}){{0,3}})"
    r"|(?P<reporter>(?<![\w.])[A-Z][\w&-]*(?:\s[A-Z][\w&-]*){0,2})\s+(?:reported|news agency)\b"
)
_NOT_OUTLET = re.compile(
    r"^(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|On|In|At|The|It|He|She|They|We|I)$"
)
_CAPS_RUN = re.compile(r"\b[A-Z][A-Z ,&'-]{6,}[A-Z]\b")
_ACRONYM_DEF = re.compile(r"\s\((?P<acr>[A-Z][A-Z0-9&]{1,7})\)")
_NOT_ORG_WORDS = {"report", "act", "agreement", "treaty", "summit", "forum", "complex",
                  "center", "centre", "island", "law", "bill", "deal", "program", "programme",
                  "ministers", "ministers'", "leaders", "officials", "talks", "meeting"}
_KIND_BY_WORD = [
    ("ministry", "ministry"), ("department", "ministry"), ("task force", "government"),
    ("office", "agency"), ("agency", "agency"), ("administration", "agency"), ("centers", "agency"),
    ("services", "agency"),
    ("bureau", "agency"), ("commission", "agency"), ("assembly", "legislature"),
    ("parliament", "legislature"), ("congress", "legislature"), ("association", "association"),
    ("federation", "association"), ("chamber", "association"), ("council", "association"),
    ("daily", "media"), ("times", "media"), ("ilbo", "media"), ("herald", "media"),
    ("journal", "media"), ("fund", "international"), ("bank", "international"),
    ("organization", "international"), ("corporation", "company"), ("corp.", "company"),
    ("inc.", "company"),
]


def _reference() -> ModuleType | None:
    try:
        reference = importlib.import_module("kg.reference")
    except ImportError:  # the reference module is optional for the rules here
        return None
    return reference if hasattr(reference, "country") else None


def _ref_country(text: str) -> Any:
    ref = _reference()
    if ref is None:
        return None
    cleaned = re.sub(r"(?:’s|'s)$", "", text.strip())
    cleaned = re.sub(r"^the\s", "", cleaned, flags=re.IGNORECASE)
    return ref.country(cleaned) if cleaned else None


def _ref_institution(text: str, country: str | None = None) -> Any:
    ref = _reference()
    return None if ref is None else ref.institution(text, country)


def _ref_post(title: str, country: str | None) -> Any:
    ref = _reference()
    return None if ref is None else ref.post(title, country)


def _name_key(name: str) -> tuple[str, ...]:
    """Order-insensitive key: 'Dukgeun Ahn' and 'Ahn Duk-geun' share one."""
    return tuple(sorted(re.sub(r"[-.]", "", part).lower() for part in name.split()))


def _proper_case(name: str) -> str:
    return " ".join("-".join(p[:1] + p[1:].lower() if i == 0 else p.lower()
                             for i, p in enumerate(w.split("-"))) for w in name.split())


@dataclass
class _Sentences:
    starts: list[int]
    spans: list[tuple[int, int, str]]

    @classmethod
    def of(cls, sdoc: Doc) -> _Sentences:
        spans = [(s.start_char, s.end_char, s.text.rstrip()) for s in sdoc.sents]
        return cls([s[0] for s in spans], spans)

    def evidence(self, doc_id: str, start: int, end: int, rule: str, conf: float) -> Evidence:
        idx = max(0, bisect.bisect_right(self.starts, start) - 1)
        s_start, _, s_text = self.spans[idx] if self.spans else (0, 0, "")
        return Evidence(doc_id, start, end, s_text, s_start, rule, conf)


@dataclass
class _PersonDraft:
    name: str
    aliases: set[str] = field(default_factory=set)
    evidence: list[Evidence] = field(default_factory=list)
    country: str | None = None
    first: int = 0


@dataclass
class _State:
    ex: DocExtraction
    sents: _Sentences
    persons: dict[tuple[str, ...], _PersonDraft] = field(default_factory=dict)
    person_spans: list[tuple[int, int, str, tuple[str, ...] | None, str]] = field(default_factory=list)
    titles: list[tuple[int, int, str, str, str | None, tuple[str, ...] | str, int]] = field(
        default_factory=list)
    orgs: dict[str, Organization] = field(default_factory=dict)
    org_spans: list[tuple[int, int, str, str]] = field(default_factory=list)

    def ev(self, start: int, end: int, rule: str, conf: float) -> Evidence:
        return self.sents.evidence(self.ex.doc.doc_id, start, end, rule, conf)


def _add_person(st: _State, name: str, start: int, end: int, written: str, rule: str,
                conf: float) -> tuple[str, ...]:
    name = _HONORIFIC.sub("", name).strip()
    key = _name_key(name)
    draft = st.persons.get(key)
    if draft is None:
        draft = _PersonDraft(name=name, first=start)
        st.persons[key] = draft
    elif len(name) > len(draft.name) or (len(name) == len(draft.name) and "-" in name
                                           and "-" not in draft.name):
        draft.name = name
    draft.first = min(draft.first, start)
    draft.aliases.update({name, written})
    draft.evidence.append(st.ev(start, end, rule, conf))
    st.person_spans.append((start, end, written, key, rule))
    return key


def _split_country(title: str, country_text: str | None) -> tuple[str, str | None]:
    """Move a leading country or demonym word out of the title: 'U.S. President' -> US."""
    iso = None
    if country_text:
        info = _ref_country(country_text)
        iso = info.iso if info else None
    words = title.split()
    for n in (2, 1):
        if len(words) > n:
            info = _ref_country(" ".join(words[:n]))
            if info is not None:
                return " ".join(words[n:]), iso or info.iso
    return title, iso


def _split_titles(title_pair: str) -> list[str]:
    parts = re.split(r"\sand\s(?=(?:[A-Z][\w.]*\s){0,3}(?:Minister|Secretary|President|Prime))",
                     title_pair)
    # "Deputy Prime Minister and Finance Minister": each part is a title of its own
    return [p for p in parts if p]


def _people_from_titles(st: _State, text: str) -> None:
    for m in _TITLE_BEFORE_NAME.finditer(text):
        name = m.group("name")
        n_start, n_end = m.span("name")
        if _ref_country(name) or _ref_institution(name) or _org_kind(name) != "other":
            continue
        country_text = m.group("country")
        possessive = country_text is not None and text[m.end("country"):m.start("title")].strip() != ""
        if country_text is not None and _ref_country(country_text) is None:
            # not a country: the words belong to the title ("Finance Minister", "Deputy Prime ...")
            title_start, country_text = m.start("country"), None
        else:
            title_start = m.start("title") if possessive or country_text is None else m.start("country")
        title_pair = text[title_start:m.end("title")]
        written = text[title_start:n_end]
        if " " in name:
            key: tuple[str, ...] | str = _add_person(st, name, n_start, n_end, written,
                                                    "person.title_before_name", 0.9)
        else:
            key = name  # a bare surname: resolved after every full name is known
            st.person_spans.append((title_start, n_end, written, None, "person.titled_surname"))
        tenure = tenure_of(m.group("pre"))
        for part in _split_titles(title_pair):
            p_start = text.find(part, title_start)
            st.titles.append((p_start, p_start + len(part), part, tenure, country_text, key, 0))


def _people_from_appositions(st: _State, text: str) -> None:
    for m in _APPOSITIVE.finditer(text):
        name = m.group("name")
        if _ref_country(name) or _ref_institution(name):
            continue
        key = _add_person(st, name, m.start("name"), m.end("name"), name, "person.appositive", 0.9)
        org_at = m.start("org") if m.group("org") else -1
        st.titles.append((m.start("title"), m.end("title"), m.group("title"),
                          tenure_of(m.group("pre")), m.group("country"), key, org_at))


def _people_from_ner(st: _State, sdoc: Doc, text: str) -> None:
    for ent in sdoc.ents:
        if ent.label_ != "PERSON":
            continue
        name = _HONORIFIC.sub("", ent.text.strip())
        tokens = name.split()
        if len(tokens) < 2 or not all(t[:1].isupper() for t in tokens) or "\n" in name:
            continue
        if _ref_country(name) or _ref_institution(name):
            continue
        _add_person(st, name, ent.start_char, ent.end_char, ent.text, "person.ner+name_shape", 0.7)
    for m in _BYLINE.finditer(text):
        _add_person(st, _proper_case(m.group("name")), m.start("name"), m.end("name"),
                    m.group("name"), "person.byline", 0.9)


def _resolve_surnames(st: _State, sdoc: Doc, text: str) -> None:
    """Bare surnames ("Ahn", "Minister Ahn") -> the one person of the document with that name."""
    by_token: dict[str, set[tuple[str, ...]]] = {}
    for key, draft in st.persons.items():
        for token in draft.name.split():
            by_token.setdefault(token.lower(), set()).add(key)
            for part in token.split("-"):
                by_token.setdefault(part.lower(), set()).add(key)
    resolved: list[tuple[int, int, str, tuple[str, ...] | None, str]] = []
    for start, end, written, span_key, rule in st.person_spans:
        if span_key is None:
            surname = written.split()[-1]
            keys = by_token.get(surname.lower(), set())
            span_key = sorted(keys)[0] if len(keys) == 1 else None
            if span_key is not None:
                st.persons[span_key].aliases.add(written)
            elif not keys and rule == "person.titled_surname":
                # "President Trump" with no fuller name in the article: still a person, whose
                # full name resolution across documents may supply
                span_key = _add_person(st, surname, end - len(surname), end, written, rule, 0.7)
                st.person_spans.pop()
                by_token.setdefault(surname.lower(), set()).add(span_key)
        resolved.append((start, end, written, span_key, rule))
    taken = [(s, e) for s, e, *_ in resolved]
    for ent in sdoc.ents:
        if ent.label_ not in ("PERSON", "ORG", "NORP", "GPE") or " " in ent.text.strip():
            continue
        keys = by_token.get(ent.text.lower(), set())
        if not keys or any(s <= ent.start_char < e for s, e in taken):
            continue
        ent_key = sorted(keys)[0] if len(keys) == 1 else None
        if ent_key is not None:
            st.persons[ent_key].aliases.add(ent.text)
        resolved.append((ent.start_char, ent.end_char, ent.text, ent_key, "person.surname"))
    # titled surnames resolve titles too
    st.titles = [(s, e, t, ten, c, _title_key(st, k, by_token), o)
                 for s, e, t, ten, c, k, o in st.titles]
    st.person_spans = resolved


def _title_key(st: _State, key: tuple[str, ...] | str,
               by_token: dict[str, set[tuple[str, ...]]]) -> tuple[str, ...] | str:
    if isinstance(key, tuple):
        return key
    keys = by_token.get(key.lower(), set())
    return sorted(keys)[0] if len(keys) == 1 else key


def _org_kind(name: str) -> str:
    lowered = name.lower()
    for word, kind in _KIND_BY_WORD:
        if re.search(rf"\b{re.escape(word)}", lowered):
            return kind
    return "other"


def _add_org_mention(st: _State, key: str, start: int, end: int, written: str, rule: str,
                     conf: float) -> None:
    org = st.orgs[key]
    if written not in org.aliases:
        org.aliases.append(written)
    org.evidence.append(st.ev(start, end, rule, conf))
    st.org_spans.append((start, end, written, key))


def _add_org(st: _State, name: str, start: int, end: int, rule: str, conf: float,
             written: str | None = None, kind: str | None = None) -> None:
    name = re.sub(r"^(?:the|The)\s", "", name.strip().replace("\xa0", " "))
    if written is None:
        start = end - len(name)
    if any(s < end and start < e for s, e, _w, k, _r in st.person_spans if k is not None):
        return
    inst = _ref_institution(name)
    kind = inst.kind if inst else kind or _org_kind(name)
    key = inst.ref_id if inst else slug(name)
    org = st.orgs.get(key)
    if org is None:
        org = Organization(local_id="", name=inst.name if inst else name, kind=kind,
                           country=inst.country if inst else None,
                           ref_id=inst.ref_id if inst else None)
        st.orgs[key] = org
    if name not in org.aliases:
        org.aliases.append(name)
    the_form = st.ex.doc.text[max(0, start - 4):start]
    if the_form == "The " and start >= 5 and st.ex.doc.text[start - 6:start - 4].strip() not in (
            ".", "", "\u201c", '"'):
        # "told The Chosun Ilbo": the article is part of the written name
        if f"The {name}" not in org.aliases:
            org.aliases.append(f"The {name}")
    _add_org_mention(st, key, start, end, written or name, rule, conf)


def _overlaps(spans: list[tuple[int, int, str, str]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e, *_ in spans)


def _orgs(st: _State, sdoc: Doc, text: str) -> None:
    person_ranges = [(s, e) for s, e, _w, k, _r in st.person_spans if k is not None]
    for regex, rule in ((_GOV_HEAD, "org.institution_head"), (_ORG_SUFFIX, "org.name_suffix")):
        for m in regex.finditer(text):
            end = m.end()
            for ps, _pe in person_ranges:  # a name written right after an org is not part of it
                if m.start() < ps < end:
                    end = ps
            name = text[m.start():end].rstrip(" ,")
            if "\n" in name or _overlaps(st.org_spans, m.start(), m.start() + len(name)):
                continue
            before = re.search(r"(\S+) $", text[max(0, m.start() - 30):m.start()])
            if before and before.group(1)[:1].isupper() and _ref_country(before.group(1)) is None \
                    and before.group(1).lower() != "the":
                continue
            _add_org(st, name, m.start(), m.start() + len(name), rule, 0.9)
    for m in _MEDIA_CUE.finditer(text):
        group = "name" if m.group("name") else "reporter"
        words = m.group(group).split()
        while words and _NOT_OUTLET.match(words[-1]):
            words.pop()  # "told CNBC Wednesday": the day is not part of the name
        if not words or _NOT_OUTLET.match(words[0]):
            continue
        name = " ".join(words)
        start = m.start(group)
        if "\n" in name or _overlaps(st.org_spans, start, start + len(name)):
            continue
        if _ref_country(name) is not None or _ref_institution(name) is not None or _org_kind(name) not in (
            "other", "media"
        ):
            continue
        _add_org(st, name, start, start + len(name), "org.media_role", 0.7, kind="media")
    for m in _CAPS_RUN.finditer(text):
        if re.match(r"(?:MINISTRY|DEPARTMENT|OFFICE|AGENCY)\s(?:OF|FOR)\s", m.group()):
            # an all-caps credit line: "[MINISTRY OF TRADE, INDUSTRY AND ENERGY]"
            _add_org(st, normalise_title_case(m.group().lower()), m.start(), m.end(),
                     "org.caps_credit", 0.8, written=m.group())
    lowercase_acronyms: set[str] = set()
    for m in _ACRONYM_DEF.finditer(text):
        acr = m.group("acr")
        owner = [o for o in st.org_spans if o[1] == m.start()]
        if owner:
            org = st.orgs[owner[0][3]]
            if acr not in org.aliases:
                org.aliases.append(acr)
        elif text[max(0, m.start() - 1)].islower():
            lowercase_acronyms.add(acr)
    for ent in sdoc.ents:
        if ent.label_ != "ORG" or "\n" in ent.text:
            continue
        name = re.sub(r"^(?:the|The)\s", "", ent.text.replace("\xa0", " ").strip())
        start = ent.end_char - len(name)
        if _overlaps(st.org_spans, start, ent.end_char):
            continue
        if any(s < ent.end_char and start < e for s, e, _w, k, _r in st.person_spans):
            continue
        words = name.split()
        acronym_owner = [k for k, o in st.orgs.items() if name in o.aliases]
        if acronym_owner:
            _add_org_mention(st, acronym_owner[0], start, ent.end_char, name, "org.acronym", 0.8)
            continue
        if name in lowercase_acronyms or _ref_country(name) is not None:
            continue
        if any(w.lower().strip("'’") in _NOT_ORG_WORDS for w in words):
            # "the G20 Finance Ministers' meeting": an event, but its leading acronym is a body
            if re.fullmatch(r"[A-Z]+[0-9]+", words[0]):
                _add_org(st, words[0], start, start + len(words[0]), "org.ner_acronym", 0.6)
            continue
        inst = _ref_institution(name)
        shaped = _org_kind(name) != "other"
        is_acronym = len(words) == 1 and re.fullmatch(r"[A-Z]+[0-9]+", name) is not None
        multiword = len(words) >= 2 and all(w[:1].isupper() for w in words)
        if inst or shaped or is_acronym or multiword:
            _add_org(st, name, start, ent.end_char, "org.ner", 0.6 if not inst else 0.8)


def _countries(st: _State, sdoc: Doc) -> dict[str, CountryMention]:
    found: dict[str, CountryMention] = {}
    for ent in sdoc.ents:
        if ent.label_ not in ("GPE", "NORP", "LOC", "ORG"):
            continue
        if _overlaps(st.org_spans, ent.start_char, ent.end_char):
            continue
        info = _ref_country(ent.text)
        if info is None:
            continue
        cm = found.setdefault(info.iso, CountryMention(iso=info.iso))
        written = re.sub(r"(?:’s|'s)$", "", re.sub(r"^the\s", "", ent.text))
        if written not in cm.written:
            cm.written.append(written)
        cm.evidence.append(st.ev(ent.start_char, ent.end_char, "country.ner+reference", 0.8))
    return found


def _dominant_country(countries: dict[str, CountryMention]) -> str | None:
    """The country the document mentions most: only a weak fallback for a title's country."""
    ranked = sorted(countries.values(), key=lambda c: (-len(c.evidence), c.iso))
    return ranked[0].iso if ranked else None


def _countries_before(countries: dict[str, CountryMention], sentence_start: int,
                      start: int) -> list[str]:
    """Countries named earlier in the same sentence, nearest first."""
    found = sorted(((ev.end, cm.iso) for cm in countries.values() for ev in cm.evidence
                    if ev.sentence_start == sentence_start and ev.end <= start), reverse=True)
    return [iso for _end, iso in found]


def _holdings(st: _State, person_ids: dict[tuple[str, ...], str], org_ids: dict[str, str],
              countries: dict[str, CountryMention]) -> list[PostHolding]:
    entries = []
    for start, end, written, tenure, country_text, key, org_at in sorted(
            st.titles, key=lambda t: (t[0], t[1], t[2])):
        if not isinstance(key, tuple) or key not in person_ids:
            continue
        bare, iso = _split_country(written, country_text)
        org_local = None
        if org_at > 0:
            org_local = next((org_ids[k] for s, _e, _n, k in st.org_spans if s == org_at), None)
        if iso is None and org_local is not None:
            iso = next((o.country for o in st.orgs.values() if o.local_id == org_local), None)
        if iso is not None and st.persons[key].country is None:
            st.persons[key].country = iso
        entries.append((start, end, written, bare, tenure, iso, key, org_at, org_local))
    dominant = _dominant_country(countries)
    holdings: dict[tuple[str, str, str], PostHolding] = {}
    for start, end, written, bare, tenure, iso, key, org_at, org_local in entries:
        draft = st.persons[key]
        conf = 0.9
        if iso is None:
            iso = draft.country
        if iso is None:
            # "Industry Minister Ahn": a country of the article that has such a post, else the
            # article's most mentioned country (weak)
            ranked = [c.iso for c in sorted(countries.values(),
                                            key=lambda c: (-len(c.evidence), c.iso))]
            near = _countries_before(countries, st.ev(start, end, "", 0).sentence_start, start)
            having = [c for c in near + ranked if _ref_post(bare, c) is not None]
            iso, conf = (having[0], 0.8) if having else (dominant, 0.6)
        post = _ref_post(bare, iso) or _ref_post(written, iso)
        tenure = tenure if tenure != "current" else title_tenure(bare)
        if post is not None:
            post_key, label, org_ref = post.ref_id, post.label, post.institution
            if post.country and post.country != iso:
                # the reference knows whose post this is; a guessed country yields to it
                iso, conf = post.country, max(conf, 0.8)
        else:
            label = normalise_title_case(bare)
            post_key, org_ref = slug(f"{iso or 'xx'}-{label}"), None
        draft.aliases.add(f"{written} {draft.name}")
        if draft.country is None and iso:
            draft.country = iso
        rule = "post.title_before_name" if org_at == 0 else "post.appositive"
        hk = (person_ids[key], post_key, written.lower())
        if hk in holdings:
            holdings[hk].evidence.append(st.ev(start, end, rule, conf))
            continue
        holdings[hk] = PostHolding(
            person=person_ids[key], title=written, post_key=post_key, post_label=label,
            organization=org_local, org_ref=org_ref, country=iso, tenure=tenure,
            evidence=[st.ev(start, end, rule, conf)])
    # "Minister Ahn" after "Minister of Trade ... Ahn Duk-geun" repeats that post, not a new one
    kept = [k for k in holdings if " " in k[2] or not any(
        o[0] == k[0] and o != k and k[2] in o[2].split() for o in holdings)]
    return [holdings[k] for k in sorted(kept, key=lambda k: (int(k[0][1:]), k[1], k[2]))]


def _orgs_implied_by_posts(st: _State, holdings: list[PostHolding],
                           org_ids: dict[str, str]) -> None:
    """"Minister of Trade, Industry and Energy" names its ministry: add it, linked to the holding."""
    ref = _reference()
    for holding in holdings:
        if holding.org_ref is None or ref is None:
            continue
        if holding.org_ref not in st.orgs and not re.search(r"\bof\s", holding.title):
            continue  # only a title that spells out its institution ("Minister of X") names it
        if holding.org_ref not in st.orgs:
            by_id = getattr(ref, "institution_by_id", None)
            inst = by_id(holding.org_ref) if by_id else ref.institution(holding.org_ref)
            if inst is None or inst.ref_id != holding.org_ref:
                continue
            ev = holding.evidence[0]
            org = Organization(local_id=f"o{len(st.orgs) + 1}", name=inst.name, kind=inst.kind,
                               country=inst.country, ref_id=inst.ref_id,
                               evidence=[Evidence(ev.doc_id, ev.start, ev.end, ev.sentence,
                                                  ev.sentence_start, "org.implied_by_post", 0.8)])
            st.orgs[holding.org_ref] = org
            org_ids[holding.org_ref] = org.local_id
        if holding.organization is None:
            holding.organization = org_ids[holding.org_ref]


def extract_entities(ex: DocExtraction, sdoc: Doc) -> None:
    """Fill ex.mentions, persons, organizations, countries and holdings (local ids p1.., o1..)."""
    text = ex.doc.text
    st = _State(ex=ex, sents=_Sentences.of(sdoc))
    _people_from_titles(st, text)
    _people_from_appositions(st, text)
    _people_from_ner(st, sdoc, text)
    _resolve_surnames(st, sdoc, text)
    _orgs(st, sdoc, text)
    countries = _countries(st, sdoc)

    person_ids: dict[tuple[str, ...], str] = {}
    for i, key in enumerate(sorted(st.persons, key=lambda k: (st.persons[k].first, k)), 1):
        person_ids[key] = f"p{i}"
    org_first = {k: min(s for s, _e, _n, kk in st.org_spans if kk == k) for k in st.orgs}
    org_ids: dict[str, str] = {}
    for i, org_key in enumerate(sorted(st.orgs, key=lambda k: (org_first[k], k)), 1):
        org_ids[org_key] = f"o{i}"
        st.orgs[org_key].local_id = f"o{i}"
    ex.holdings = _holdings(st, person_ids, org_ids, countries)
    _orgs_implied_by_posts(st, ex.holdings, org_ids)
    ex.persons = [Person(local_id=person_ids[k], name=d.name, aliases=sorted(d.aliases),
                         country=d.country, evidence=sorted(d.evidence))
                  for k, d in sorted(st.persons.items(), key=lambda kv: person_ids[kv[0]][1:].zfill(6))]
    for org in st.orgs.values():
        org.evidence.sort()
    ex.organizations = sorted(st.orgs.values(), key=lambda o: int(o.local_id[1:]))
    ex.countries = [countries[iso] for iso in sorted(countries)]

    mentions = [Mention(s, e, w, "person", person_ids.get(k) if k else None, r)
                for s, e, w, k, r in st.person_spans]
    mentions += [Mention(s, e, n, "organization", org_ids[k], "org") for s, e, n, k in st.org_spans]
    mentions += [Mention(ev.start, ev.end, text[ev.start:ev.end], "country", cm.iso, ev.rule)
                 for cm in ex.countries for ev in cm.evidence]
    mentions += [Mention(s, e, t, "title", person_ids.get(k) if isinstance(k, tuple) else None,
                         "post.title") for s, e, t, _ten, _c, k, _o in st.titles]
    ex.mentions = sorted(set(mentions), key=lambda m: (m.start, m.end, m.kind, m.text, m.ref or "", m.rule))
