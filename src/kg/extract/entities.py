"""People, posts, organizations and countries of one document, with within-document resolution.

spaCy's statistical NER proposes PERSON/ORG/GPE/NORP spans; rules over shapes (titles before
names, appositions and relative clauses, honorifics and post-nominal seats, institution-name heads
and suffixes, a body's common noun next to its name, acronyms defined in parentheses) fix and
complete them, and a phrase-matching pass finds every shipped reference institution written in the
text. Nothing here lists people or events: reference data is consulted
only for institutions and countries through `kg.reference`.
"""

from __future__ import annotations

import bisect
import importlib
import re
from dataclasses import dataclass, field
from functools import cache
from types import ModuleType
from typing import Any

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from kg.extract.titles import (
    CORE_WORD,
    COUNTRY_OBJECT,
    LETTER,
    LOWER,
    LOWER_PORTFOLIO,
    TITLE_CORE,
    UPPER,
    country_never_guessed,
    normalise_title_case,
    slug,
    tenure_of,
    title_core,
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
from kg.resolve.names import NAME_PARTICLES, strip_accents

# Words that are never a personal name, though written capitalised next to one: title words,
# portfolio words, institution heads, days and months ("Minister for Economic Affairs, X" must not
# make a person "Affairs"; "Trade Representative Jamieson Greer" is not "Representative J. G.").
_NOT_NAME_WORDS = frozenset("""
minister ministers ministry secretary secretariat president presidents premier chancellor
commissioner commission representative ambassador envoy director general governor speaker chair
chairman chairwoman chairperson spokesperson spokesman spokeswoman negotiator deputy vice acting
prime chief head king queen emperor lord senator congressman congresswoman mayor leader
department office bureau agency council centre center institute committee administration
government parliament congress assembly cabinet court bank fund house
affairs trade energy industry industries commerce finance economy economic economics security
development policy relations resources agriculture food fisheries forestry transport health
welfare defence defense justice labour labor environment education communications technology
science innovation investment planning strategy revitalization revitalisation treasury state
exchequer cooperation integration foreign international national federal public rural interior
home business tariff tariffs tax taxes duty duties levy act agreement deal treaty
states nations kingdom republic union emirates treasurer senator mayor
asia europe africa americas pacific atlantic caribbean oceania arctic south central
monday tuesday wednesday thursday friday saturday sunday january february march april may june
july august september october november december
""".split())
_NOT_NAME = (r"(?!(?i:" + "|".join(sorted(_NOT_NAME_WORDS, key=lambda w: (-len(w), w)))
             + r")(?![\w'’-]))")
_U, _L = UPPER, LOWER
# One capitalised word of a name: "Šefčovič", "LeBlanc", "McDonald", "O'Brien", "Duk-geun",
# "al-Jubeir".
_NAME_TOKEN = (rf"{_NOT_NAME}(?:(?:al|el|Al|El)-)?(?:{_U}['’])?{_U}{_L}+(?:{_U}{_L}+)?"
               rf"(?:-{LETTER}{_L}+)*")
# Lowercase particles inside a name: "Ursula von der Leyen", "Mohammed bin Salman".
_PARTICLE = "(?:" + "|".join(sorted(NAME_PARTICLES, key=lambda w: (-len(w), w))) + ")"
# Between two name words: a space, an optional middle initial and optional particles.
# (a name never runs across a line break: "... Heads To Washington\nText")
_SP = r"[ \xa0]"
_LINK = rf"{_SP}(?:{_U}\.{_SP})?(?:{_PARTICLE}{_SP}){{0,2}}"
_LEAD = rf"(?:{_U}\.{_SP})?(?:{_PARTICLE}{_SP}){{0,2}}"  # "S. Jaishankar", "von der Leyen"
_NAME_1_2 = rf"{_LEAD}{_NAME_TOKEN}(?:{_LINK}{_NAME_TOKEN})?"
_NAME_1_3 = rf"{_LEAD}{_NAME_TOKEN}(?:{_LINK}{_NAME_TOKEN}){{0,2}}"
# (a possessive "Trump's" ends a name too)
_NAME_END = rf"(?![\w-])(?![’'](?!s\b))(?!{_SP}(?:{_PARTICLE}{_SP}){{0,2}}{_U}{_L})"
# Honorifics and forms of address before a name; post-nominals after it.
_HON = (r"(?:(?:The\s)?(?:Rt\.?|Right)\s(?:Hon\.?|Honourable)(?:\s(?:Sir|Dame|Lord|Lady|Dr)\.?)?"
        r"|Dr|Mr|Mrs|Ms|Miss|Mx|Prof|Sir|Dame|Lord|Lady|Baroness|Baron|Shri|Shrimati|Smt|Sheikh)"
        r"(?:\.(?=\s))?")
_HONORIFIC_PREFIX = re.compile(rf"^{_HON}\s+")
_POST_NOMINALS = frozenset({"MP", "KC", "QC", "KCB", "KCMG", "GCMG", "CMG", "CBE", "OBE", "MBE",
                            "PC", "MEP", "MLA", "MSP", "TD", "FRS", "Jr", "Jr.", "Sr", "Sr."})
_HONORIFIC_NAME = re.compile(rf"(?<![\w.])(?P<hon>{_HON}){_SP}(?P<name>{_NAME_1_3}){_NAME_END}")
_COUNTRY_PREFIX = (r"(?:U\.S\.|U\.K\.|[A-Z]{2,4}(?![\w.])|(?!(?:The|A|An|His|Her|Its|Our|Their|This|That|Then|"
                   r"Former|Ex|New|Acting|Incoming|And|But|As|When|While|After)\s)"
                   rf"(?!{CORE_WORD})[A-Z][a-z]+(?:\s(?!{CORE_WORD})[A-Z][a-z]+)?)")
# "Acting President" is a title of its own, so a capitalised "Acting" stays in the title
_TENURE_PREFIX = r"(?:(?i:then|former|ex)[-\s]\s?|(?:acting|new|incoming)\s)?"
_TITLE_PAIR = rf"(?:{TITLE_CORE})(?:\sand\s(?:{TITLE_CORE}))?"
# "[tenure] [country('s)] TITLE [and TITLE] Name": the name is 1-2 words not followed by another
# capitalised word, so the lazy portfolio stops where the name begins. "TITLE, Name" only when the
# name is followed by punctuation or a lowercase word ("Minister of Commerce and Industry, Piyush
# Goyal, said"), so that the comma of a portfolio ("Minister of Trade, Industry and Energy") stays.
_TITLE_BEFORE_NAME = re.compile(
    rf"(?P<pre>{_TENURE_PREFIX})(?:(?P<country>{_COUNTRY_PREFIX})(?P<poss>’s|'s)?\s)?"
    rf"(?P<title>{_TITLE_PAIR})"
    rf"(?:{_SP}(?:{_HON}{_SP})?(?P<name>{_NAME_1_2}){_NAME_END}"
    rf"|,{_SP}(?:{_HON}{_SP})?(?P<cname>{_NAME_1_2})"
    rf"(?=\s*[,;:.)]|\s*$|{_SP}(?!and\s|of\s|for\s|the\s)[a-z]))"
)
# The same before a three-word name ("Trade Minister Nguyễn Hồng Diên"), tried only where the
# two-word pattern found nothing, and kept only after a title with no portfolio, whose lazy end could
# otherwise hand a portfolio word to the name.
_TITLE_BEFORE_LONG_NAME = re.compile(
    rf"(?P<pre>{_TENURE_PREFIX})(?:(?P<country>{_COUNTRY_PREFIX})(?P<poss>’s|'s)?\s)?"
    rf"(?P<title>{_TITLE_PAIR}){_SP}(?:{_HON}{_SP})?(?P<name>{_LEAD}{_NAME_TOKEN}(?:{_LINK}{_NAME_TOKEN}){{2,3}})"
    rf"{_NAME_END}"
)
# A word of an institution name: "Trade", "ICT", "U.S." (a final "." ends a sentence otherwise).
_ORG_WORD = r"(?:(?:[A-Z]\.){2,}|[A-Z][\w&-]*)"
# The team or unit a person leads: "head of the Government's negotiating team", "head of the EU
# delegation", "leader of the Korean delegation".
_UNIT_NOUN = (r"(?:team|delegation|mission|unit|division|panel|task\sforce|taskforce|secretariat|"
              r"committee|working\sgroup|bureau|desk)")
_HEAD_OF_UNIT = (rf"(?:[Hh]ead|[Ll]eader|[Cc]hief)\sof\s(?:the\s|a\s|an\s)?"
                 rf"(?:{_ORG_WORD}(?:\s{_ORG_WORD}){{0,2}}(?:’s|'s)?\s)?(?:[a-z][\w'’-]*\s){{0,3}}"
                 rf"{_UNIT_NOUN}(?![\w-])")
_LOWER_ROLE = (
    rf"(?:{_HEAD_OF_UNIT}|"
    r"[Cc]hief\s(?:of\sstaff|(?!of\s)[a-z]+(?:\s(?!of\s|the\s|at\s|for\s|in\s|and\s)[a-z]+){0,2})"
    r"|[Hh]ead\sof\s(?!the\s|a\s|an\s)[a-z]+"
    r"(?:\s(?!at\s|of\s|in\s)[a-z]+)*"
    r"|[Dd]irector[- ][Gg]eneral\sfor\s[a-z]+(?:\s(?!at\s|of\s|in\s)[a-z]+)*"
    rf"|(?:vice\s|deputy\s)?minister\s(?:of|for)\s{LOWER_PORTFOLIO}"
    r"|(?:minister|secretary)\sresponsible\sfor\s[\w.-]+(?:\s[a-z][\w.-]*){0,3}?(?=[,;.)])"
    rf"|(?:ambassador|envoy)\sto\s{COUNTRY_OBJECT}"
    r"|(?:(?!(?:the|a|an|and|or|of|to|with|by|for|from|in|on|at|as|is|was|said|says|told|his|her|"
    r"its|their|our|who|that|which|also|then|former|ex|new|acting)\s)[a-z][a-z-]*\s){0,3}"
    r"(?:minister|secretary|representative|adviser|advisor|negotiator|envoy|ambassador|"
    r"spokesperson|spokesman|spokeswoman|president|chairman|chairwoman|chairperson|chair|director|"
    r"commissioner|governor|economist|analyst|researcher|official|professor|ceo|chief|founder|"
    r"co-founder|fellow|head|partner|strategist|lawmaker|premier|chancellor))"
)
_APPOSITIVE_TITLE = rf"(?:{_LOWER_ROLE}|{title_core(greedy=True)})"
# A common noun that says what kind of body the name next to it is: "the farm lobby Copa-Cogeca",
# "the machinery association Swissmem", "Economiesuisse, the main business lobby, ...".
_BODY_TYPE = (r"(?:association|lobby|federation|confederation|union|chamber|alliance|coalition|"
              r"council|think[- ]tank|institute|company|firm|carmaker|automaker|conglomerate|"
              r"manufacturer|producer|exporter|retailer|lender|insurer|airline|newspaper|broadcaster|"
              r"news\sagency|group)")
# modifiers of the type noun: lowercase words, never a function word ("head of the lobby group")
_TYPE_MODS = (r"(?:[A-Z][a-z]+\s)?(?:(?!(?:the|a|an|of|for|and|or|to|in|at|on|with|by|from|as|its|"
              r"their|his|her|who|which|that)\s)[a-z][\w'’-]*\s){0,3}")
# "X, who also serves as minister of ...": a relative clause that gives the title; "who was" and
# "who served as" a former one
_WHO_SERVES = (r"(?:who\s(?:also\s)?(?P<serves>serves|is|acts|doubles|served|was)\s(?:also\s)?"
               r"(?:as\s)?)")
# "the state secretary who heads the State Secretariat ...": the body the title is in
_LEADS = r"(?:who\s(?:also\s)?(?:heads|leads|chairs|runs|directs))"
_APPOSITIVE = re.compile(
    rf"(?<![\w’'-])(?:(?P<hon>{_HON}){_SP})?(?P<name>{_NAME_1_3}),{_SP}{_WHO_SERVES}?(?:the\s|a\s|an\s)?"
    rf"(?P<pre>{_TENURE_PREFIX})(?:(?P<country>{_COUNTRY_PREFIX})(?:’s|'s)\s)?"
    rf"(?P<title>{_APPOSITIVE_TITLE}(?:\sand\s{_APPOSITIVE_TITLE})?)(?![\w-])"
    rf"(?:(?:\s(?:at|of|for|with|in)|\s{_LEADS})\s(?:the\s)?(?:{_TYPE_MODS}{_BODY_TYPE}\s)?(?P<org>{_U}))?"
)
# "Parmelin, who heads the Federal Department of ...": the head of that body
_HEADS_BODY = re.compile(
    rf"(?<![\w’'-])(?P<name>{_NAME_1_3}),{_SP}{_LEADS}\s(?:the\s)?(?P<org>{_U})"
)
# "X, a commerce ministry official said": the title is the subject of a new clause, not an apposition
_SPEECH_AFTER = re.compile(r"\s(?:said|says|told|tells|added|noted|explained|warned|argued|wrote|"
                           r"stated|confirmed|insisted)\b")
_BYLINE = re.compile(r"\bBY\s(?P<name>[A-Z]{2,}(?:[\s-][A-Z]{2,}){1,2})\b")
# Nouns after a name that make it a place, not a person: "at Trump Turnberry golf course".
_VENUE_AFTER = re.compile(r"\s+(?:golf\s+)?(?:course|resort|club|hotel|estate|plant|factory|"
                          r"stadium|arena|airport|tower|building|mansion|palace)\b")
# "the Hang Seng index": a market index named after a body or place
_INDEX_AFTER = re.compile(r"\s+ind(?:ex|ices)\b")
_ORG_VENUE_AFTER = re.compile(r"\s+(?:golf\s+)?(?:course|resort|hotel|stadium|arena|airport|estate|"
                              r"mansion|palace)\b")
_GOV_HEAD = re.compile(
    r"(?:Ministry|Department|Office|Bureau|Centers?|Centres?|Secretariat|Directorate(?:[- ]General)?)"
    r"\s(?:of|for)\s(?:the\s)?"
    rf"{_ORG_WORD}(?:(?:,\s(?!(?:and\s)?(?:the\s)?(?:Ministry|Department|Office)\b)|,?\sand\s"
    rf"(?!(?:the\s)?(?:Ministry|Department|Office)\b)|\sof\s|\sfor\s|\s)(?:the\s)?{_ORG_WORD})*"
)
# A body named by its head noun and what it is for, with the capitalised words before it:
# "Korea Chamber of Commerce and Industry", "Peterson Institute for International Economics".
_BODY_HEAD = re.compile(
    rf"(?:{_ORG_WORD}\s){{0,3}}(?:Chamber|Federation|Institute|Council|Confederation|Association|"
    r"Organi[sz]ation|Foundation|Academy|Union)\s(?:of|for)\s(?:the\s)?"
    rf"{_ORG_WORD}(?:(?:,?\sand\s|\sof\s|\sfor\s|\s)(?:the\s)?{_ORG_WORD}){{0,4}}"
)
# Suffix-named bodies, with connectors inside: "EU-India Trade and Technology Council".
_ORG_SUFFIX = re.compile(
    rf"{_ORG_WORD}(?:(?:\s(?:and|&)\s|\s){_ORG_WORD}){{0,5}}\s(?:Task\sForce|Association|Agency|"
    r"Administration|Commission|Council|Committee|Assembly|Federation|Chamber|Institute|Initiative|Fund|Bank|"
    r"Organization|Organisation|Daily|Times|Ilbo|Herald|Journal|Corporation|Corp\.|Inc\.|Co\.|Ltd\.?|"
    r"Plc|PLC|LLC|Holdings)(?![\w-])"
)
# An outlet named by its role: "told the Nikkei", "in an interview with Reuters", "Yonhap reported".
_MEDIA_CUE = re.compile(
    r"\b(?:told|telling|tells|interview(?:ed)?\s+(?:with|by))\s+(?:the\s+|The\s+)?"
    rf"(?P<name>{_ORG_WORD}(?:\s(?:and\s)?{_ORG_WORD}){{0,3}})"
    r"|(?P<reporter>(?<![\w.])[A-Z][\w&-]*(?:\s[A-Z][\w&-]*){0,2})\s+(?:reported|news agency)\b"
)
_NOT_OUTLET = re.compile(
    r"^(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|On|In|At|The|It|He|She|They|We|I|"
    r"and)$"
)
_CAPS_RUN = re.compile(r"\b[A-Z][A-Z ,&'-]{6,}[A-Z]\b")
# "(TSMC)", and "(TSMC, 台積電)": the acronym first, another written form after a comma
_ACRONYM_DEF = re.compile(r"\s\((?P<acr>[A-Z][A-Za-z0-9&]{1,7})(?:\)|,\s[^)(\n]{1,30}\))")
_SMALL_WORDS = {"of", "and", "for", "the", "on", "in", "&", "to", "de"}
# A "Name (ACR)" that is a policy or an agreement, not a body.
_POLICY_WORD = re.compile(
    r"\b(?:Tax|Taxes|Tariffs?|Dut(?:y|ies)|Levy|Mechanism|Act|Law|Bill|Agreement|Treaty|Deal|"
    r"Framework|Regulation|Directive|Scheme|Programme|Program|Plan|Strategy|Policy|Index|"
    r"Partnership|Pact|Accord|Protocol|Safeguard|Instrument|Summit|Forum|Round|Dialogue|Zone|Corridor)s?$"
)
# Rooms, halls and grounds are where people meet, not who they are ("Oval Office of the White House").
_VENUE = re.compile(
    r"^(?:Oval\sOffice|Rose\sGarden|East\sRoom|Situation\sRoom|Cabinet\sRoom|West\sWing|East\sWing|"
    r"Great\sHall\sof\sthe\sPeople)\b"
    r"|\b(?:Room|Garden|Lawn|Wing|Hall|Course|Resort|Hotel|Palace|Plaza|Square|Airport|Stadium|"
    r"Arena|Club|Centre|Center|Complex|Building|Tower)$"
)
# A lowercase noun that types the single capitalised word before it as an organization.
_ORG_TYPE_AFTER = re.compile(
    r"\s+(?P<type>think[- ]tank|institute|agency|group|company|firm|bank|carmaker|automaker|plant|factory|"
    r"conglomerate|organi[sz]ation|association|lobby|union|newspaper|broadcaster|daily|party)\b"
)
_NOT_ORG_WORDS = {"report", "act", "agreement", "treaty", "summit", "forum", "complex",
                  "island", "law", "bill", "deal", "program", "programme",
                  "ministers", "ministers'", "leaders", "officials", "talks", "meeting"}
_KIND_BY_WORD = [
    ("ministry", "ministry"), ("department", "ministry"), ("task force", "government"),
    ("government", "government"),
    ("office", "agency"), ("agency", "agency"), ("administration", "agency"), ("centers", "agency"),
    ("services", "agency"), ("directorate", "agency"),
    ("bureau", "agency"), ("commission", "agency"), ("assembly", "legislature"),
    ("parliament", "legislature"), ("congress", "legislature"), ("association", "association"),
    ("federation", "association"), ("chamber", "association"), ("council", "association"),
    ("daily", "media"), ("times", "media"), ("ilbo", "media"), ("herald", "media"),
    ("journal", "media"), ("fund", "international"), ("bank", "international"),
    ("organization", "international"), ("corporation", "company"), ("corp.", "company"),
    ("inc.", "company"), ("co.", "company"), ("ltd", "company"), ("plc", "company"),
    ("llc", "company"), ("holdings", "company"),
]
_KIND_BY_TYPE_NOUN = {"company": "company", "firm": "company", "carmaker": "company", "plant": "company",
                      "factory": "company",
                      "automaker": "company", "conglomerate": "company", "bank": "company",
                      "newspaper": "media", "broadcaster": "media", "daily": "media",
                      "association": "association", "lobby": "association", "union": "association",
                      "agency": "agency"}


def _kind_of_type_noun(noun: str) -> str | None:
    """The kind a typing noun gives the name before it: "carmaker" -> company, "think-tank" -> None."""
    return _KIND_BY_TYPE_NOUN.get(re.split(r"[\s-]", noun, maxsplit=1)[0])


# A sentence that starts with a dateline: "GYEONGJU, South Korea -", "WASHINGTON (Reuters) -".
_DATELINE = re.compile(r"^[A-Z][A-Z .'-]{2,}(?:,\s[^-–—\n]{1,40}?)?(?:\s\([^)\n]{1,40}\))?\s[-–—]+\s")
# The portfolio a formal title spells out: "Minister of Trade, Industry and Energy" -> the rest.
_FORMAL_TITLE = re.compile(r"\s(?:of|for)\s(?:the\s)?(?P<portfolio>.+)$")


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


def _ref_post(title: str, country: str | None, strict: bool = False) -> Any:
    ref = _reference()
    if ref is None:
        return None
    return ref.post(title, country, strict=strict)


def _name_key(name: str) -> tuple[str, ...]:
    """Order- and accent-insensitive key: 'Dukgeun Ahn' = 'Ahn Duk-geun', 'Šefčovič' = 'Sefcovic'."""
    return tuple(sorted(re.sub(r"[-.’']", "", strip_accents(part)).lower() for part in name.split()))


def _proper_case(name: str) -> str:
    return " ".join("-".join(p[:1] + p[1:].lower() if i == 0 else p.lower()
                             for i, p in enumerate(w.split("-"))) for w in name.split())


def clean_person_name(text: str) -> str:
    """Honorifics and post-nominals removed: 'The Rt Hon Sir Keir Starmer KCB KC MP' -> 'Keir Starmer'."""
    name = " ".join(text.replace("\xa0", " ").split())
    while True:
        stripped = _HONORIFIC_PREFIX.sub("", name)
        if stripped == name:
            break
        name = stripped
    words = name.rstrip(",").split()
    while len(words) > 1 and words[-1].rstrip(",") in _POST_NOMINALS:
        words.pop()
    return re.sub(r"(?:’s|'s)$", "", " ".join(words).rstrip(","))


def _name_shaped(name: str) -> bool:
    """Two or more capitalised name words (particles and middle initials aside), none a title word."""
    words = name.split()
    core = [w for w in words if w not in NAME_PARTICLES and not re.fullmatch(r"[A-Z]\.", w)]
    if len(core) < 2 or "\n" in name:
        return False
    for word in core:
        if not word[:1].isupper() or word.lower().strip("’'") in _NOT_NAME_WORDS:
            return False
    return True


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
    ents: list[tuple[int, int, str]] = field(default_factory=list)  # NER (start, end, label)
    persons: dict[tuple[str, ...], _PersonDraft] = field(default_factory=dict)
    person_spans: list[tuple[int, int, str, tuple[str, ...] | None, str]] = field(default_factory=list)
    titles: list[tuple[int, int, str, str, str | None, tuple[str, ...] | str, int]] = field(
        default_factory=list)
    orgs: dict[str, Organization] = field(default_factory=dict)
    org_spans: list[tuple[int, int, str, str]] = field(default_factory=list)
    headlines: list[tuple[int, int]] = field(default_factory=list)

    def in_headline(self, start: int) -> bool:
        return any(s <= start < e for s, e in self.headlines)

    def ev(self, start: int, end: int, rule: str, conf: float) -> Evidence:
        return self.sents.evidence(self.ex.doc.doc_id, start, end, rule, conf)

    def ent_labels(self, start: int, end: int) -> set[str]:
        return {label for s, e, label in self.ents if s < end and start < e}


_HEADLINE_SMALL = frozenset({"To", "Of", "For", "On", "In", "As", "At", "With", "And", "The", "A", "An",
                             "Is", "Are", "Will", "Says", "Over", "After", "From", "By", "Into", "Amid"})


def _headline_spans(text: str) -> list[tuple[int, int]]:
    """Lines in Title Case ("Trade Minister Says Tariffs Will Stay"): every word is capitalised,
    so name and title shapes mean nothing there; the article body says the same in prose."""
    spans = []
    offset = 0
    for line in text.split("\n"):
        words = re.findall(r"[A-Za-z][\w'’-]*", line)
        if len(words) >= 5 and not re.search(r"[.!?]\s+[A-Z]", line):
            capitalised = sum(1 for w in words if w[:1].isupper())
            if capitalised == len(words) or (
                    capitalised >= 0.8 * len(words) and any(w in _HEADLINE_SMALL for w in words[1:])):
                spans.append((offset, offset + len(line)))
        offset += len(line) + 1
    return spans


def _add_person(st: _State, name: str, start: int, end: int, written: str, rule: str,
                conf: float) -> tuple[str, ...]:
    name = clean_person_name(name)
    key = _name_key(name)
    draft = st.persons.get(key)
    if draft is None:
        draft = _PersonDraft(name=name, first=start)
        st.persons[key] = draft
    elif (len(name) > len(draft.name) or (len(name) == len(draft.name) and "-" in name
                                         and "-" not in draft.name)
          or (strip_accents(name) == strip_accents(draft.name) and len(name.encode()) > len(draft.name.encode()))):
        draft.name = name  # the fullest form; with accents when both are written ("Maroš Šefčovič")
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


_TITLE_START = (r"(?:[A-Z][\w.-]*\s){0,3}(?:Minister|Secretary|President|Prime|Premier|Chancellor|"
                r"Commissioner|Representative|Ambassador|Governor|Director|Vice|Deputy)"
                r"|(?:[a-z]+\s){0,3}(?:minister|secretary|commissioner|president|ambassador|envoy|"
                r"negotiator|representative|spokesperson|spokesman|spokeswoman)")


def _split_titles(title_pair: str) -> list[str]:
    # "Deputy Prime Minister and Finance Minister", "China International Trade Representative and
    # vice minister of commerce": each part is a title of its own; but "Commerce and Industry
    # Minister" is one title, whose first part names no post
    parts: list[str] = []
    for part in re.split(rf"\sand\s(?=(?:{_TITLE_START})\b)", title_pair):
        if parts and not re.search(rf"{CORE_WORD}|\b(?i:minister|secretary|commissioner|president|"
                                   r"ambassador|envoy|negotiator|representative|spokes\w+|premier|"
                                   r"chancellor|governor|head|chief|director)\b", parts[-1]):
            parts[-1] = f"{parts[-1]} and {part}"
        else:
            parts.append(part)
    return [p for p in parts if p]


def _named_before_and(st: _State, text: str, start: int, end: int) -> bool:
    """Is text[start:end] (before an "and" inside a title) a person, place or country?"""
    piece = text[start:end].strip(" ,")
    if not piece or re.search(CORE_WORD, piece) or re.search(r"\s(?:of|for|to)\s", piece):
        return False  # "Commissioner for Trade and Economic Security": a title's own words
    if st.ent_labels(start, end) & {"PERSON", "GPE", "NORP", "LOC", "DATE"}:
        return True
    if _ref_country(piece) is not None:
        return True
    return any(piece.lower() in draft.name.lower().split() for draft in st.persons.values())


def _title_start(st: _State, text: str, start: int, end: int) -> int:
    """Where the title really starts: "Bessent and Commerce Secretary" -> "Commerce Secretary"."""
    while True:
        conj = re.search(r"\s(?:and|&)\s", text[start:end])
        if conj is None or not _named_before_and(st, text, start, start + conj.start()):
            return start
        start += conj.end()


_OF_COUNTRY_AFTER = re.compile(r"\sof\s(?P<c>(?:the\s)?[A-Z][\w.]*(?:\s[A-Z][\w.]*){0,2})(?![\w'’])")


def _title_matches(st: _State, text: str) -> list[re.Match[str]]:
    """Title-before-name matches, two-word names first, then three-word names elsewhere.

    A match whose title runs over a name the NER found ("Executive Vice-President Valdis
    Dombrovskis and High Representative Kaja Kallas") is cut at the end of that name and tried
    again there, so each name keeps its own title.
    """
    persons = sorted((s, e) for s, e, label in st.ents if label == "PERSON")
    found: list[re.Match[str]] = []
    pos = 0
    while (m := _TITLE_BEFORE_NAME.search(text, pos)) is not None:
        inner = next(((ps, pe) for ps, pe in persons
                      if m.start("title") <= ps and pe <= m.end("title")), None)
        if inner is None:
            longer = _longer_name(text, m, persons)
            found.append(longer or m)
            pos = (longer or m).end()
            continue
        cut = _TITLE_BEFORE_NAME.search(text, m.start(), inner[1])
        if cut is not None and cut.end() == inner[1]:
            found.append(cut)
        pos = inner[1]
    for m in _TITLE_BEFORE_LONG_NAME.finditer(text):
        first = re.match(r"\S+", m.group("name"))
        if re.search(r"\s(?:of|for|to)\s", m.group("title")) and not (first and _name_word_in_portfolio(
                text, m.start("name"), m.start("name") + first.end(), persons)):
            continue
        if not any(o.start() < m.end() and m.start() < o.end() for o in found):
            found.append(m)
    return sorted(found, key=lambda m: m.start())


def _name_word_in_portfolio(text: str, start: int, end: int, persons: list[tuple[int, int]]) -> bool:
    """Is text[start:end], the last word of a portfolio, rather the first word of the name after it?

    English portfolio words are written in ASCII ("Industry and Trade"); a capitalised word with
    other letters ("Nguyễn") is a name's, and so is a word where the NER starts a person.
    """
    word = text[start:end]
    if not re.fullmatch(_NAME_TOKEN, word):
        return False
    return not word.isascii() or any(ps == start for ps, _pe in persons)


def _longer_name(text: str, m: re.Match[str], persons: list[tuple[int, int]]) -> re.Match[str] | None:
    """"Minister of Industry and Trade Nguyễn Hồng Diên": the lazy portfolio took the first word of
    a three-word name; the match with the longer name, when that word is a name's."""
    if not m.group("name") or not re.search(r"\s(?:of|for)\s", m.group("title")):
        return None
    last = re.search(r"\S+$", m.group("title"))
    if last is None or not _name_word_in_portfolio(text, m.start("title") + last.start(),
                                                   m.end("title"), persons):
        return None
    longer = _TITLE_BEFORE_LONG_NAME.match(text, m.start())
    if longer is None or longer.end() != m.end() or \
            longer.start("name") != m.start("title") + last.start():
        return None
    return longer


def _people_from_titles(st: _State, text: str) -> None:
    for m in _title_matches(st, text):
        if st.in_headline(m.start()):
            continue
        group = "name" if m.group("name") else "cname"
        name = m.group(group)
        n_start, n_end = m.span(group)
        if _ref_country(name) or _ref_institution(name) or _org_kind(name) != "other":
            continue
        if st.ent_labels(n_start, n_end) & {"DATE", "TIME", "MONEY", "PERCENT"}:
            continue
        country_text = m.group("country")
        possessive = m.group("poss") is not None
        if country_text is not None and _ref_country(country_text) is None and possessive:
            # "the World Bank's chief economist": the possessor is the title's body, not its words
            title_start = m.start("title")
        elif country_text is not None and _ref_country(country_text) is None:
            # not a country: the words belong to the title ("Finance Minister", "Deputy Prime ...")
            title_start, country_text = m.start("country"), None
        else:
            title_start = m.start("title") if possessive or country_text is None else m.start("country")
        title_start = _title_start(st, text, title_start, m.end("title"))
        if country_text is not None and title_start > m.start("title"):
            country_text = None  # the country was before an "and": another person's
        title_pair = text[title_start:m.end("title")]
        written_start = min(title_start, m.start("country")) if country_text else title_start
        if country_text is None:
            # "Economy Minister Carlos Ruiz of Argentina": the country written after the name
            after = _OF_COUNTRY_AFTER.match(text, n_end)
            if after and _ref_country(after.group("c")) is not None:
                country_text = after.group("c")
        written = text[written_start:n_end]
        if _name_shaped(clean_person_name(name)):
            key: tuple[str, ...] | str = _add_person(st, name, n_start, n_end, written,
                                                    "person.title_before_name", 0.9)
        else:
            key = name  # a bare surname: resolved after every full name is known
            st.person_spans.append((title_start, n_end, written, None, "person.titled_surname"))
        tenure = tenure_of(m.group("pre"))
        for part in _split_titles(title_pair):
            p_start = text.find(part, title_start)
            st.titles.append((p_start, p_start + len(part), part, tenure, country_text, key, 0))
        _stacked_title(st, text, written_start, key)


_STACKED_BEFORE = re.compile(
    rf"(?:(?P<country>{_COUNTRY_PREFIX})(?:’s|'s)\s)?(?P<pre>{_TENURE_PREFIX})(?P<title>{TITLE_CORE}),\s$"
)


def _stacked_title(st: _State, text: str, start: int, key: tuple[str, ...] | str) -> None:
    """"Japan's chief tariff negotiator, Economic Revitalization Minister Ryosei Akazawa": the
    title before the comma is the same person's too."""
    if text[max(0, start - 2):start] != ", ":
        return
    seg_start = max(0, start - 100)
    found = _STACKED_BEFORE.search(text, seg_start, start)
    if found is None or "\n" in found.group():
        return
    t_start = found.start("title")
    if any(s <= t_start < e for s, e, *_ in st.person_spans) or \
            any(s < found.end("title") and t_start < e for s, e, *_ in st.titles):
        return
    country = found.group("country")
    if country is not None and _ref_country(country) is None:
        return
    st.titles.append((t_start, found.end("title"), found.group("title"), tenure_of(found.group("pre")),
                      country, key, 0))


def _people_from_honorifics(st: _State, text: str) -> None:
    """"Mr Lutnik", "Mrs von der Leyen", "Lord Mandelson", "The Rt Hon Jonathan Reynolds MP"."""
    taken = [(s, e) for s, e, *_ in st.person_spans]
    for m in _HONORIFIC_NAME.finditer(text):
        n_start, n_end = m.span("name")
        if any(s < n_end and n_start < e for s, e in taken):
            continue
        name = m.group("name")
        if _ref_country(name) or _ref_institution(name) or _org_kind(name) != "other":
            continue
        if _name_shaped(name):
            _add_person(st, name, n_start, n_end, m.group(), "person.honorific", 0.85)
        else:
            st.person_spans.append((m.start(), n_end, m.group(), None, "person.titled_surname"))


def _people_from_appositions(st: _State, text: str) -> None:
    before_name = [(s, e) for s, e, *_ in st.titles]
    for m in _APPOSITIVE.finditer(text):
        name = m.group("name")
        n_start, n_end = m.span("name")
        if st.in_headline(n_start):
            continue
        if any(s < m.end("title") and m.start("title") < e for s, e in before_name):
            continue  # "Commerce Secretary Howard Lutnick, Treasury Secretary Scott Bessent": a list
        if _ref_country(name) or _ref_institution(name) or _org_kind(name) != "other":
            continue
        if _SPEECH_AFTER.match(text, m.end("title")):
            continue
        if st.ent_labels(n_start, n_end) & {"DATE", "TIME", "MONEY", "PERCENT", "ORG"} and not \
                st.ent_labels(n_start, n_end) & {"PERSON"}:
            continue
        # a longer name the NER found, of which the regex saw only the end ("Luiz Inácio Lula ...")
        for s, e, label in st.ents:
            if label == "PERSON" and s < n_start < e and e >= n_end and \
                    _name_shaped(clean_person_name(text[s:n_end])):
                n_start, name = s, text[s:n_end]
        if _name_shaped(clean_person_name(name)):
            key: tuple[str, ...] | str = _add_person(st, name, n_start, n_end, name,
                                                    "person.appositive", 0.9)
        elif m.group("hon"):
            key = clean_person_name(name)  # "Lord Mandelson, His Majesty's Ambassador ..."
            written = text[m.start():n_end]
            st.person_spans.append((m.start(), n_end, written, None, "person.titled_surname"))
        else:
            continue
        org_at = m.start("org") if m.group("org") else -1
        title_text = m.group("title")
        tenure = "former" if m.group("serves") in ("served", "was") else tenure_of(m.group("pre"))
        for part in _split_titles(title_text):
            p_start = text.find(part, m.start("title"))
            st.titles.append((p_start, p_start + len(part), part, tenure, m.group("country"), key, org_at))
        then = _WHO_IS_TITLE.match(text, m.end())
        if then is not None and not _SPEECH_AFTER.match(text, then.end("title")):
            # "X, the special secretary in the Department of Commerce who is India's chief
            # negotiator": "who" is the person's, so the title after it is too
            st.titles.append((then.start("title"), then.end("title"), then.group("title"),
                              tenure_of(then.group("pre")), then.group("country"), key, -1))


# The rest of an apposition's clause, then "who is TITLE": a second title of the same person.
_WHO_IS_TITLE = re.compile(
    rf"[^,;:.()\n]{{0,80}}?\swho\s(?:is|was)\s(?:also\s)?(?:the\s|a\s|an\s)?(?P<pre>{_TENURE_PREFIX})"
    rf"(?:(?P<country>{_COUNTRY_PREFIX})(?:’s|'s)\s)?(?P<title>{_APPOSITIVE_TITLE})(?![\w-])"
)


_ROLE_OF_VERB = {"heads": "head", "leads": "leader", "chairs": "chair", "runs": "head", "directs": "director"}


def _people_heading_bodies(st: _State, text: str) -> None:
    """"Parmelin, who heads the Federal Department of ...": the person is that body's head."""
    for m in _HEADS_BODY.finditer(text):
        name = m.group("name")
        n_start, n_end = m.span("name")
        if st.in_headline(n_start) or _ref_country(name) or _ref_institution(name) or \
                _org_kind(name) != "other":
            continue
        if st.ent_labels(n_start, n_end) & {"DATE", "TIME", "MONEY", "PERCENT", "ORG", "GPE"}:
            continue
        cleaned = clean_person_name(name)
        if _name_shaped(cleaned):
            key: tuple[str, ...] | str = _add_person(st, name, n_start, n_end, name, "person.appositive", 0.85)
        elif re.fullmatch(_NAME_TOKEN, cleaned):
            key = cleaned  # a surname: the article's person of that name, resolved later
        else:
            continue
        verb = re.search(r"(heads|leads|chairs|runs|directs)\s", m.group())
        if verb is None:
            continue
        v_start, v_end = m.start() + verb.start(1), m.start() + verb.end(1)
        st.titles.append((v_start, v_end, _ROLE_OF_VERB[verb.group(1)], "current", None, key, m.start("org")))


# Post-nominal letters that are a seat held: "The Rt Hon Jonathan Reynolds MP".
_SEATS = frozenset({"MP", "MEP"})
_SEAT_AFTER_NAME = re.compile(r"(?:\s(?:KC|QC|KCB|KCMG|GCMG|CMG|CBE|OBE|MBE|PC))*\s(?P<seat>MP|MEP)(?![\w-])")


def _titles_from_post_nominals(st: _State, text: str) -> None:
    """"Jonathan Reynolds MP" holds a seat in parliament ("MEP": in the European Parliament)."""
    seen: set[tuple[tuple[str, ...], int]] = set()
    for start, end, written, key, _rule in list(st.person_spans):
        if key is None:
            continue
        # the NER sometimes takes the letters into the name ("Klaus Berger MEP")
        inside = _SEAT_AFTER_NAME.search(written)
        at = start + inside.start() if inside and inside.end() == len(written) else end
        found = _SEAT_AFTER_NAME.match(text, at)
        if found is None or (key, found.start("seat")) in seen:
            continue
        seen.add((key, found.start("seat")))
        st.titles.append((found.start("seat"), found.end("seat"), found.group("seat"), "current", None,
                          key, 0))


def _people_from_ner(st: _State, sdoc: Doc, text: str) -> None:
    for ent in sdoc.ents:
        if ent.label_ != "PERSON" or "\n" in ent.text or st.in_headline(ent.start_char):
            continue
        name = clean_person_name(ent.text.strip())
        if not _name_shaped(name):
            continue
        if _ref_country(name) or _ref_institution(name) or _org_kind(name) != "other":
            continue
        if _VENUE_AFTER.match(text, ent.end_char):
            continue  # "Trump Turnberry golf course"
        start = ent.start_char + ent.text.find(name.split()[0]) if name.split()[0] in ent.text \
            else ent.start_char
        _add_person(st, name, start, ent.end_char, ent.text, "person.ner+name_shape", 0.7)
    for m in _BYLINE.finditer(text):
        _add_person(st, _proper_case(m.group("name")), m.start("name"), m.end("name"),
                    m.group("name"), "person.byline", 0.9)


_BARE_NAME = re.compile(rf"{_LEAD}{_NAME_TOKEN}$")


def _bare_surname(written: str) -> str:
    """The name at the end of a titled mention: 'Mrs von der Leyen' -> 'von der Leyen'."""
    found = _BARE_NAME.search(written)
    return found.group() if found else written.split()[-1]


def _resolve_surnames(st: _State, sdoc: Doc, text: str) -> None:
    """Bare surnames ("Ahn", "Minister Ahn") -> the one person of the document with that name."""
    by_token: dict[str, set[tuple[str, ...]]] = {}
    for key, draft in st.persons.items():
        for token in draft.name.split():
            by_token.setdefault(strip_accents(token).lower(), set()).add(key)
            for part in token.split("-"):
                by_token.setdefault(strip_accents(part).lower(), set()).add(key)
    resolved: list[tuple[int, int, str, tuple[str, ...] | None, str]] = []
    for start, end, written, span_key, rule in st.person_spans:
        if span_key is None:
            bare = _bare_surname(written)
            surname = bare.split()[-1]
            keys = by_token.get(strip_accents(surname).lower(), set())
            span_key = sorted(keys)[0] if len(keys) == 1 else None
            if span_key is not None:
                st.persons[span_key].aliases.add(written)
            elif not keys and rule == "person.titled_surname":
                # "President Trump" with no fuller name in the article: still a person, whose
                # full name resolution across documents may supply
                span_key = _add_person(st, bare, end - len(bare), end, written, rule, 0.7)
                st.person_spans.pop()
                by_token.setdefault(strip_accents(surname).lower(), set()).add(span_key)
        resolved.append((start, end, written, span_key, rule))
    taken = [(s, e) for s, e, *_ in resolved]
    for ent in sdoc.ents:
        if ent.label_ not in ("PERSON", "ORG", "NORP", "GPE") or " " in ent.text.strip():
            continue
        keys = by_token.get(strip_accents(ent.text).lower(), set())
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
    keys = by_token.get(strip_accents(key.split()[-1]).lower(), set())
    if len(keys) == 1:
        return sorted(keys)[0]
    exact = _name_key(key)
    return exact if exact in st.persons else key


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
             written: str | None = None, kind: str | None = None, inst: Any = None,
             country: str | None = None) -> None:
    name = re.sub(r"^(?:the|The)\s", "", name.strip().replace("\xa0", " "))
    if written is None:
        start = end - len(name)
    if any(s < end and start < e for s, e, _w, k, _r in st.person_spans if k is not None):
        return
    inst = inst or _ref_institution(name)
    kind = inst.kind if inst else kind or _org_kind(name)
    key = inst.ref_id if inst else slug(name)
    org = st.orgs.get(key)
    if org is None:
        org = Organization(local_id="", name=inst.name if inst else name, kind=kind,
                           country=inst.country if inst else country,
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


# ---------------------------------------------------------------- reference institutions


_MATCHERS: dict[int, tuple[Any, PhraseMatcher, PhraseMatcher, dict[str, str]]] = {}


def _reference_matchers(sdoc: Doc) -> tuple[PhraseMatcher, PhraseMatcher, dict[str, str]] | None:
    """Phrase matchers over every shipped institution form: (as written, lower case, kind by key).

    Acronyms and one-word names match as written ("USTR", "Pentagon"); longer names in any case.
    A form's key says whether it is a name/alias ("name") or a generic scoped alias ("scoped").
    """
    ref = _reference()
    institutions = getattr(ref, "institutions", None) if ref else None
    if institutions is None:
        return None
    cached = _MATCHERS.get(id(sdoc.vocab))
    if cached is not None and cached[0] is sdoc.vocab:
        return cached[1], cached[2], cached[3]
    exact = PhraseMatcher(sdoc.vocab, attr="ORTH")
    lower = PhraseMatcher(sdoc.vocab, attr="LOWER")
    kinds: dict[str, str] = {}
    make = sdoc.vocab.strings
    forms: dict[str, tuple[set[str], set[str]]] = {"name": (set(), set()), "scoped": (set(), set())}
    for inst in institutions():
        scoped = set(inst.scoped_aliases)
        for form in (inst.name, *inst.aliases, *inst.former_names):
            kind = "scoped" if form in scoped else "name"
            words = form.split()
            if form.lower().startswith("the ") and len(words) > 1:
                form = " ".join(words[1:])
                words = words[1:]
            one_word = len(words) == 1
            (forms[kind][0] if one_word or form.isupper() else forms[kind][1]).add(form)
    from spacy.lang.en import English

    # the patterns are tokenised like the documents, on the documents' vocabulary
    tokenizer = English(vocab=sdoc.vocab).tokenizer
    for kind, (as_written, any_case) in sorted(forms.items()):
        key = f"ref-{kind}"
        kinds[key] = kind
        make.add(key)
        exact.add(key, [tokenizer(f) for f in sorted(as_written)])
        lower.add(key, [tokenizer(f) for f in sorted(any_case)])
    _MATCHERS[id(sdoc.vocab)] = (sdoc.vocab, exact, lower, kinds)
    return exact, lower, kinds


def _country_before(sdoc: Doc, span: Span) -> tuple[str | None, int]:
    """A country written just before a span ("Japan's", "Korean", "the U.S."): (iso, start)."""
    for size in (3, 2, 1):
        start = span.start - size
        if start < 0:
            continue
        words = sdoc[start:span.start]
        text = words.text
        if "\n" in text or not words[0].text[:1].isalpha():
            continue
        info = _ref_country(re.sub(r"\s?(?:’s|'s)$", "", text))
        if info is not None:
            return info.iso, words.start_char
    return None, span.start_char


def _country_of_possessor(st: _State, sdoc: Doc, span: Span) -> str | None:
    """The country of a shipped institution written as the possessor just before the span."""
    if span.start < 2 or sdoc[span.start - 1].text not in ("'s", "’s"):
        return None
    end = sdoc[span.start - 1].idx
    owner = next((st.orgs[k] for _s, e, _w, k in st.org_spans if e == end), None)
    return owner.country if owner is not None and owner.ref_id else None


_APPOSED_COUNTRY = re.compile(r",\s(?:the\s)?(?P<c>[A-Z][\w.]*(?:\s[A-Z][\w.]*)?)(?:’s|'s)\s")


def _country_in_apposition(text: str, span: Span) -> str | None:
    """"the Federal Council, Switzerland's seven-member cabinet": the country of the apposition."""
    found = _APPOSED_COUNTRY.match(text, span.end_char)
    info = _ref_country(found.group("c")) if found else None
    return info.iso if info is not None else None


def _orgs_from_reference(st: _State, sdoc: Doc) -> None:
    """Every shipped institution written in the text, by name, alias, acronym or former name.

    A generic scoped alias ("the trade ministry", "Commission") counts only when a country is
    written just before it ("Japan's trade ministry") or its institution is already named in the
    article ("the European Commission ... the Commission").
    """
    matchers = _reference_matchers(sdoc)
    if matchers is None:
        return
    exact, lower, kinds = matchers
    text = st.ex.doc.text  # (sdoc.text is rebuilt from the tokens on every access)
    title_ranges = [(s, e) for s, e, *_ in st.titles]
    found = [Span(sdoc, s, e, label=m) for m, s, e in [*exact(sdoc), *lower(sdoc)]]
    spans = filter_spans(found)
    strings = sdoc.vocab.strings
    scoped: list[Span] = []
    for span in sorted(spans, key=lambda sp: sp.start):
        if "\n" in span.text or not any(ch.isupper() for ch in span.text):
            continue
        if _overlaps(st.org_spans, span.start_char, span.end_char):
            continue
        if kinds.get(strings[span.label]) == "scoped":
            # "US Commerce Secretary", "Trade, Industry and Energy Minister": a generic form inside
            # a title belongs to the title
            if not any(s < span.end_char and span.start_char < e for s, e in title_ranges):
                scoped.append(span)
            continue
        if _VENUE.search(span.text) or _VENUE_AFTER.match(text, span.end_char) or _attributive(span):
            continue
        if _straddles_country_and_title(st, span.start_char, span.end_char):
            continue
        inst = _ref_institution(span.text)
        if inst is None:
            continue  # ambiguous without a country
        _add_org(st, span.text, span.start_char, span.end_char, "org.reference", 0.9, inst=inst)
    for span in scoped:
        # in a Title Case headline a country before a generic form is more likely a title's
        # ("US Commerce Secretary Warns ..."): there only a body named elsewhere is linked
        iso, start = _country_before(sdoc, span) if not st.in_headline(span.start_char) else (None, 0)
        inst = _ref_institution(text[start:span.end_char], iso) if iso else None
        if inst is None and not st.in_headline(span.start_char):
            # "the Executive Yuan's Office of Trade Negotiations", "the Federal Council,
            # Switzerland's cabinet": the country of a possessor body, or one in apposition
            other = _country_of_possessor(st, sdoc, span) or _country_in_apposition(text, span)
            inst = _ref_institution(span.text, other) if other else None
            if inst is not None and inst.country != other:
                inst = None
            start = span.start_char
        if inst is None:
            named = [o for o in st.orgs.values() if o.ref_id]
            inst = next((i for i in (_ref_institution(span.text, o.country) for o in named)
                         if i is not None and i.ref_id in st.orgs), None)
            start = span.start_char
        if inst is None or _overlaps(st.org_spans, start, span.end_char):
            continue
        written = text[start:span.end_char]
        _add_org(st, written, start, span.end_char, "org.reference_scoped", 0.8, written=written,
                 inst=inst)


_PART_NOUNS = frozenset({"official", "officials", "source", "sources", "ministry", "ministries",
                        "department", "departments", "agency", "agencies", "officer", "officers",
                        "employee", "employees", "worker", "workers", "staff", "spokesperson",
                        "spokesman", "spokeswoman", "insider", "insiders", "bond", "bonds", "debt"})


def _straddles_country_and_title(st: _State, start: int, end: int) -> bool:
    """"U.S. Treasury Secretary" is the country "U.S." and the title "Treasury Secretary": a body's
    name read across that boundary ("U.S. Treasury") is the post's institution, not a mention of
    the body (but "USTR Representative" and "Bank of Korea Governor" write the body's name)."""
    text = st.ex.doc.text
    for t_start, t_end, _title, _tenure, country_text, *_rest in st.titles:
        if country_text is None or t_start != start or end >= t_end:
            continue
        if not text.startswith(country_text, t_start) or end <= t_start + len(country_text):
            continue
        bare = text[t_start + len(country_text):t_end].strip()
        if _ref_post(bare, None) is not None:
            return True
    return False


def _attributive(span: Span) -> bool:
    """"a South Korean government official", "Korean government ministries": a government named
    only to describe one of its people or parts, not as an actor of the article (but "an Ontario
    government advertisement" is that government's)."""
    last = span[-1]
    return last.lower_ in ("government", "administration") and last.dep_ in ("compound", "amod") \
        and last.head.i > last.i and last.head.lower_ in _PART_NOUNS


# ---------------------------------------------------------------- organizations


def _unbalanced_parenthesis(name: str) -> str:
    """'Directorate-General for Trade (DG Trade' -> 'Directorate-General for Trade'."""
    if name.count("(") > name.count(")"):
        name = name[:name.rfind("(")]
    elif name.count(")") > name.count("("):
        name = name.replace(")", "")
    return name.strip(" ,")


def _is_venue_or_policy(name: str) -> bool:
    if _VENUE.search(name) and not re.search(r"\b(?:Centre|Center)s?\s(?:for|of)\b", name):
        return True
    return _POLICY_WORD.search(name) is not None


def _acronym_phrase(text: str, end: int, acr: str) -> tuple[int, str] | None:
    """The words before "(ACR)" whose initials spell it: "Asia-Pacific Economic Cooperation"."""
    words = list(re.finditer(r"[\w&][\w&'’.-]*", text[max(0, end - 160):end]))
    offset = max(0, end - 160)
    letters = [c for c in acr.upper() if c.isalpha()]
    for size in range(1, min(len(words), len(letters) + 4) + 1):
        chosen = words[-size:]
        initials: list[str] = []
        for w in chosen:
            token = w.group()
            if token.lower() in _SMALL_WORDS:
                continue
            initials.extend(part[:1].upper() for part in token.split("-") if part)
        if initials == letters or "".join(initials).startswith("".join(letters)) and \
                len(initials) == len(letters):
            start = offset + chosen[0].start()
            phrase = text[start:end].strip()
            if "\n" in phrase:
                return None
            return start, phrase
    return None


def _orgs(st: _State, sdoc: Doc, text: str) -> None:
    _orgs_from_reference(st, sdoc)
    person_ranges = [(s, e) for s, e, _w, k, _r in st.person_spans if k is not None]
    title_ranges = [(s, e) for s, e, *_ in st.titles]
    for regex, rule in ((_GOV_HEAD, "org.institution_head"), (_BODY_HEAD, "org.institution_head"),
                        (_ORG_SUFFIX, "org.name_suffix")):
        for m in regex.finditer(text):
            start, end = m.start(), m.end()
            for ps, _pe in person_ranges:  # a name written right after an org is not part of it
                if start < ps < end:
                    end = ps
            name = text[start:end].rstrip(" ,")
            # a capitalised sentence opener or country before the body is not part of its name
            while regex is not _GOV_HEAD and " " in name:
                first = name.split()[0]
                if first in ("The", "A", "An") or _ref_country(first) is not None and \
                        _ref_institution(name) is None and first.endswith(("’s", "'s")):
                    start += len(first) + 1
                    name = text[start:end].rstrip(" ,")
                    continue
                break
            if "\n" in name or _is_venue_or_policy(name) or st.in_headline(start):
                continue
            if any(s <= start and start + len(name) <= e for s, e in title_ranges):
                continue  # "Trade Representative" inside a title is a post, not a body
            if regex is _GOV_HEAD:
                qualified = _qualifier_start(st, text, start)
                if qualified is None:
                    continue
                start = qualified
                name = text[start:end].rstrip(" ,")
            if not _absorb(st, start, start + len(name)):
                continue
            _add_org(st, name, start, start + len(name), rule, 0.9)
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
        if any(s < start + len(name) and start < e for s, e in person_ranges):
            continue
        _add_org(st, name, start, start + len(name), "org.media_role", 0.7, kind="media")
    for m in _CAPS_RUN.finditer(text):
        if re.match(r"(?:MINISTRY|DEPARTMENT|OFFICE|AGENCY)\s(?:OF|FOR)\s", m.group()):
            # an all-caps credit line: "[MINISTRY OF TRADE, INDUSTRY AND ENERGY]"
            _add_org(st, normalise_title_case(m.group().lower()), m.start(), m.end(),
                     "org.caps_credit", 0.8, written=m.group())
    _orgs_from_acronyms(st, text)
    _orgs_from_governments(st, sdoc, text)
    _orgs_typed_by_noun_phrase(st, sdoc, text)
    _orgs_from_ner(st, sdoc, text, title_ranges)
    _acronyms_of_named_bodies(st, text)
    _orgs_from_type_nouns(st, text)


def _qualifier_start(st: _State, text: str, start: int) -> int | None:
    """Where a "Ministry/Department/Secretariat of ..." name starts, with the capitalised words
    that qualify its head: "the Federal Department of ...", "the State Secretariat for ...".

    A possessor ("the Executive Yuan's Office of ..."), a country ("U.S. Department of ...") or an
    article before the head is not part of the name; a title word or a person before it means the
    words are not a body's name at all (None).
    """
    begin = start
    for _ in range(2):
        before = re.search(r"(?:^|(?<=[\s(“\"]))(\S+) $", text[text.rfind("\n", 0, begin) + 1:begin])
        if before is None:
            break
        word = before.group(1)
        w_start = begin - len(word) - 1
        if not word[:1].isupper() or word in ("The", "A", "An") or word.endswith(("’s", "'s")) \
                or _ref_country(word) is not None:
            break
        if re.fullmatch(CORE_WORD, word) or any(s < begin and w_start < e for s, e, *_ in st.person_spans):
            return None if begin == start else begin
        if not re.fullmatch(r"[A-Z][a-z]+", word):
            return None if begin == start else begin
        begin = w_start
    return begin


def _absorb(st: _State, start: int, end: int) -> bool:
    """Make room for a body whose name is written around shorter ones ("Centre for WTO Studies"
    around "WTO"): the inner mentions give way. False when a mention crosses the span or is it."""
    inner = [sp for sp in st.org_spans if sp[0] < end and start < sp[1]]
    text = st.ex.doc.text
    if any(sp[0] < start or sp[1] > end or (sp[0], sp[1]) == (start, end)
           or (" " in sp[2] and not _name_continues(text, sp, start, end)) for sp in inner):
        return False  # a crossing mention, the same one, or a full name ("... and the Bank of Japan")
    for sp in inner:
        st.org_spans.remove(sp)
        org = st.orgs[sp[3]]
        org.evidence = [ev for ev in org.evidence if (ev.start, ev.end) != (sp[0], sp[1])]
        if not any(o[3] == sp[3] for o in st.org_spans):
            del st.orgs[sp[3]]
    return True


def _name_continues(text: str, inner: tuple[int, int, str, str], start: int, end: int) -> bool:
    """"United Nations General Assembly": a body's name that opens a longer name, continued by
    capitalised words only (no "and", comma or "of" that would join two bodies)."""
    rest = text[inner[1]:end]
    return inner[0] == start and re.fullmatch(r"(?:\s[A-Z][\w-]*)+", rest) is not None


_TYPED_NAME = re.compile(
    rf"\bthe\s(?P<name>{_ORG_WORD}(?:\s{_ORG_WORD}){{0,3}})\s(?P<type>think[- ]tank|institute|plant|factory|"
    r"carmaker|automaker|company|firm|conglomerate|lobby|newspaper|broadcaster)\b"
)


_TYPE_THEN_NAME = re.compile(
    rf"\b(?:the|The)\s(?P<mods>{_TYPE_MODS})(?P<type>{_BODY_TYPE})\s"
    rf"(?P<name>{_ORG_WORD}(?:\s{_ORG_WORD}){{0,2}})(?![\w’'-])"
)
_NAME_THEN_TYPE = re.compile(
    rf"(?<![\w’'.-])(?P<name>{_ORG_WORD}(?:\s{_ORG_WORD}){{0,2}}),\s(?:the|a|an)\s"
    rf"(?P<mods>{_TYPE_MODS})(?P<type>{_BODY_TYPE})(?=[,;:.)])"
)
_ASSOCIATION_WORDS = frozenset({"association", "lobby", "federation", "confederation", "union",
                                "chamber", "alliance", "coalition", "council"})
_MEDIA_WORDS = frozenset({"newspaper", "broadcaster", "agency"})
_COMPANY_WORDS = frozenset({"company", "firm", "carmaker", "automaker", "conglomerate",
                            "manufacturer", "producer", "exporter", "retailer", "lender", "insurer",
                            "airline"})


def _kind_of_type(words: str) -> str:
    found = set(re.findall(r"[a-z]+", words.lower()))
    for vocabulary, kind in ((_ASSOCIATION_WORDS, "association"), (_MEDIA_WORDS, "media"),
                             (_COMPANY_WORDS, "company")):
        if found & vocabulary:
            return kind
    return "other"


def _orgs_typed_by_noun_phrase(st: _State, sdoc: Doc, text: str) -> None:
    """A name in apposition with a common noun phrase of a body: "the farm lobby Copa-Cogeca",
    "the beef exporters' association Abiec", "Economiesuisse, the main business lobby,"."""
    for regex, rule in ((_TYPE_THEN_NAME, "org.type_noun_before"), (_NAME_THEN_TYPE, "org.type_apposition")):
        for m in regex.finditer(text):
            name = m.group("name")
            start, end = m.span("name")
            if "\n" in m.group() or st.in_headline(start) or _overlaps(st.org_spans, start, end):
                continue
            if _ref_country(name) is not None or re.search(CORE_WORD, name) or \
                    any(_NOT_OUTLET.match(w) for w in name.split()):
                continue  # "the union President Lee", "the group Monday"
            if any(s < end and start < e for s, e, *_ in st.person_spans):
                continue
            if st.ent_labels(start, end) & {"GPE", "NORP", "LOC", "DATE", "TIME", "MONEY", "PERCENT",
                                            "CARDINAL"}:
                continue  # (a one-word PERSON guess of the NER is no person the rules found)
            span = sdoc.char_span(start, end, alignment_mode="expand")
            if span is None or any(t.pos_ not in ("PROPN", "PUNCT") for t in span):
                continue  # "However, the business lobby said": an adverb, not a name
            kind = _kind_of_type(f"{m.group('mods')} {m.group('type')}")
            _add_org(st, name, start, end, rule, 0.7, kind=kind)


def _orgs_from_type_nouns(st: _State, text: str) -> None:
    """"the Bruegel think-tank", "the Jaguar Land Rover plant": a name the noun after it types."""
    for m in _TYPED_NAME.finditer(text):
        name = m.group("name")
        start, end = m.span("name")
        if "\n" in name or _overlaps(st.org_spans, start, end) or _ref_country(name) is not None:
            continue
        if any(s < end and start < e for s, e, *_ in st.person_spans):
            continue
        if st.ent_labels(start, end) & {"DATE", "TIME", "MONEY", "PERCENT", "NORP", "CARDINAL"}:
            continue
        if any(w.lower() in _NOT_NAME_WORDS - {"union", "bank", "group"} for w in name.split()):
            continue  # "the Trade Ministry company": a body's head word, or a title
        kind = _kind_of_type_noun(m.group("type")) or "other"
        _add_org(st, name, start, end, "org.type_noun", 0.6, kind=kind)


def _acronyms_of_named_bodies(st: _State, text: str) -> None:
    """"the Chinese Nationalist Party (KMT)": an acronym in brackets right after a body found by
    any rule (the NER's too) is that body's alias, whatever its letters."""
    for m in _ACRONYM_DEF.finditer(text):
        owner = next((o for o in st.org_spans if o[1] == m.start()), None)
        if owner is None:
            continue
        org = st.orgs[owner[3]]
        if m.group("acr") not in org.aliases:
            org.aliases.append(m.group("acr"))


def _orgs_from_acronyms(st: _State, text: str) -> None:
    """"Global Trade Research Initiative (GTRI)": the defined acronym is an alias of the body."""
    for m in _ACRONYM_DEF.finditer(text):
        acr = m.group("acr")
        owner = [o for o in st.org_spans if o[1] == m.start()]
        if owner:
            org = st.orgs[owner[0][3]]
            if acr not in org.aliases:
                org.aliases.append(acr)
            continue
        phrase = _acronym_phrase(text, m.start(), acr)
        if phrase is None:
            continue
        start, name = phrase
        if not name[:1].isupper() or not all(
                w[:1].isupper() or w.lower() in _SMALL_WORDS for w in name.split()):
            continue  # "bilateral trade agreement (BTA)": a lowercase phrase names no body
        name = re.sub(r"^(?:the|The)\s", "", name)
        start = m.start() - len(name)
        if _is_venue_or_policy(name) or any(w.lower() in _NOT_ORG_WORDS for w in name.split()):
            continue
        if _ref_country(name) is not None or _overlaps(st.org_spans, start, m.start()):
            continue
        _add_org(st, name, start, m.start(), "org.acronym_definition", 0.8)
        org = st.orgs[st.org_spans[-1][3]]
        if acr not in org.aliases:
            org.aliases.append(acr)


_GOVERNMENT_OF = re.compile(r"\b(?P<place>[A-Z][\w.-]*(?:\s[A-Z][\w.-]*)?)\s(?P<head>government)\b")


def _orgs_from_governments(st: _State, sdoc: Doc, text: str) -> None:
    """"the Ontario government", "the Swiss government": a government named by its place."""
    for m in _GOVERNMENT_OF.finditer(text):
        start, end = m.start(), m.end()
        place = m.group("place")
        if place.split()[0] in ("The", "A", "An") and " " in place:
            place = place.split(" ", 1)[1]
            start = end - len(place) - len(" government")
        if place in ("The", "A", "An") or _overlaps(st.org_spans, start, end):
            continue
        written = text[start:end]
        span = sdoc.char_span(start, end, alignment_mode="expand")
        if span is not None and _attributive(span):
            continue
        inst = _ref_institution(written)
        info = _ref_country(place)
        labels = st.ent_labels(start, start + len(place))
        if inst is None and info is None and not labels & {"GPE", "NORP", "LOC"}:
            continue
        _add_org(st, written, start, end, "org.government_of_place", 0.7, written=written,
                 kind="government", inst=inst, country=info.iso if info else None)


def _photo_credit(text: str, start: int, end: int) -> bool:
    """"Ricardo Stuckert/Brazilian Presidency", "Sebastião Moreira/EPA": a photographer and the
    agency, written with a slash after a caption; the photographer is no organization."""
    written = text[start:end]
    if "/" in written:
        credited = written.split("/")[0]
    elif text[end:end + 1] == "/":
        credited = written
    else:
        return False
    return _name_shaped(clean_person_name(credited.strip()))


def _inst_shaped(name: str) -> bool:
    """A name with an institution's head word or a shipped institution's name."""
    return _org_kind(name) != "other" or _ref_institution(name) is not None


def _orgs_from_ner(st: _State, sdoc: Doc, text: str, title_ranges: list[tuple[int, int]]) -> None:
    lowercase_acronyms = {m.group("acr") for m in _ACRONYM_DEF.finditer(text)
                          if text[max(0, m.start() - 1)].islower()
                          and not any(o[1] == m.start() for o in st.org_spans)}
    for ent in sdoc.ents:
        if ent.label_ not in ("ORG", "FAC", "PERSON", "GPE", "NORP") or "\n" in ent.text:
            continue
        if st.in_headline(ent.start_char) and not any(ent.text in o.aliases for o in st.orgs.values()):
            continue  # a Title Case headline: only bodies the article names elsewhere
        raw = _unbalanced_parenthesis(ent.text.replace("\xa0", " ").strip().strip("'\"‘’“”"))
        name = re.sub(r"(?:’s|'s)$", "", re.sub(r"^(?:the|The)\s", "", raw))
        if _photo_credit(text, ent.start_char, ent.end_char):
            continue
        start = ent.start_char + ent.text.find(name) if name and name in ent.text else ent.start_char
        end = start + len(name)
        if not name or _overlaps(st.org_spans, start, end):
            continue
        if any(s < end and start < e for s, e, _w, k, _r in st.person_spans):
            continue
        type_noun = _ORG_TYPE_AFTER.match(text, end)
        if ent.label_ != "ORG":
            # only a single capitalised word typed by the noun after it: "the Bruegel think-tank"
            if not (type_noun and " " not in name and name[:1].isupper() and _ref_country(name) is None):
                continue
        if any(s <= start and end <= e for s, e in title_ranges) or (
                any(s < end and start < e for s, e in title_ranges)
                and re.search(r"(?:Minister|Secretary|President|Premier|Representative|Commissioner|"
                              r"Chancellor|Governor|Ambassador)$", name)):
            continue  # "Ontario Premier", "China International Trade Representative": posts
        words = name.split()
        if "," in name and not _inst_shaped(name):
            continue  # "Xi, Modi": a list NER read as one body
        acronym_owner = [k for k, o in st.orgs.items() if name in o.aliases]
        if acronym_owner:
            _add_org_mention(st, acronym_owner[0], start, end, name, "org.acronym", 0.8)
            continue
        if name in lowercase_acronyms or _ref_country(name) is not None:
            continue
        if _is_venue_or_policy(name) or _INDEX_AFTER.match(text, end) \
                or _ORG_VENUE_AFTER.match(text, end):
            continue  # "Oval Office", "Digital Services Tax", "the Hang Seng index", "X golf course"
        span = sdoc.char_span(start, end, alignment_mode="expand")
        if span is not None and _attributive(span):
            continue  # "a Korean government official"
        # a generic name of an institution the article already named: "the Commission"
        linked = next((k for k, o in sorted(st.orgs.items()) if o.ref_id and (
            (inst := _ref_institution(name, o.country)) is not None and inst.ref_id == k)), None)
        if linked is not None:
            _add_org_mention(st, linked, start, end, name, "org.scoped_alias", 0.7)
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
        if inst and " " not in name and not name.isupper() and inst.name != name:
            inst = None  # a one-word generic alias ("Commission") with nothing else to go on
        if inst or (shaped and (len(words) >= 2 or name.isupper())) or is_acronym or multiword:
            typed = _kind_of_type_noun(type_noun.group("type")) if type_noun else None
            _add_org(st, name, start, end, "org.ner", 0.6 if not inst else 0.8, inst=inst,
                     kind=typed if typed and not shaped else None)
        elif type_noun and len(words) == 1 and name[:1].isupper():
            kind = _kind_of_type_noun(type_noun.group("type")) or "other"
            _add_org(st, name, start, end, "org.ner+type_noun", 0.6, kind=kind)


# ---------------------------------------------------------------- countries and posts


def _countries(st: _State, sdoc: Doc) -> dict[str, CountryMention]:
    found: dict[str, CountryMention] = {}
    for ent in sdoc.ents:
        if ent.label_ not in ("GPE", "NORP", "LOC", "ORG"):
            continue
        if _overlaps(st.org_spans, ent.start_char, ent.end_char):
            continue
        if any(s < ent.end_char and ent.start_char < e for s, e, _w, k, _r in st.person_spans
               if k is not None):
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


def _countries_before(st: _State, countries: dict[str, CountryMention], sentence_start: int,
                      start: int) -> list[str]:
    """Countries named earlier in the same sentence, nearest first; a dateline's are not."""
    sentence = st.sents.evidence("", start, start, "", 0).sentence
    dateline = _DATELINE.match(sentence)
    skip_before = sentence_start + (dateline.end() if dateline else 0)
    found = sorted(((ev.end, cm.iso) for cm in countries.values() for ev in cm.evidence
                    if ev.sentence_start == sentence_start and skip_before <= ev.start
                    and ev.end <= start), reverse=True)
    return list(dict.fromkeys(iso for _end, iso in found))


def _shown_title(written: str, bare: str, post: Any) -> str:
    """The title as written, without a country word that only says whose it is.

    "Japanese Minister of Economic Revitalization" -> "Minister of Economic Revitalization" and
    "Japanese trade negotiator" -> "trade negotiator"; but "U.S. President", "Japanese Trade
    Minister" (the country makes the generic title specific) and "European Commissioner for Trade"
    (the country word belongs to the official title) stay as written.
    """
    if bare == written:
        return written
    formal = _FORMAL_TITLE.search(bare) is not None and not bare.lower().startswith(("prime minister",))
    if not (formal or bare[:1].islower()):
        return written
    prefix = written[:len(written) - len(bare)].strip()
    if post is not None and post.label.lower().startswith(prefix.lower() + " "):
        return written
    return bare


_FORMER_WORD = re.compile(r"(?i)\b(?P<word>former\s|ex-|then-)$")


def _former_as_written(text: str, start: int, tenure: str, shown: str) -> str:
    """"the former president": a former tenure keeps the word that says so in the written title."""
    if tenure != "former":
        return shown
    found = _FORMER_WORD.search(text, max(0, start - 8), start)
    return f"{found.group('word')}{shown}" if found else shown


def _title_countries(title: str) -> set[str]:
    """Countries the title itself names as its object: 'Ambassador to the United States' -> US."""
    found = re.search(r"\bto\s(?:the\s)?(?P<c>.+)$", title)
    info = _ref_country(found.group("c")) if found else None
    return {info.iso} if info else set()


def _org_named(st: _State, text: str, iso: str | None) -> str | None:
    """The body of the article that `text` names (a name, alias or scoped alias), in `iso`."""
    ref = _reference()
    norm = ref.normalise if ref is not None and hasattr(ref, "normalise") else str.lower
    for org in sorted(st.orgs.values(), key=lambda o: o.local_id):
        if iso is not None and org.country not in (iso, None):
            continue
        forms = {norm(f) for f in (org.name, *org.aliases)}
        inst = _ref_institution(text, org.country) if org.ref_id and org.country else None
        if norm(text) in forms or (inst is not None and inst.ref_id == org.ref_id):
            return org.local_id
    return None


def _org_in_title(st: _State, title: str, iso: str | None) -> str | None:
    """"Commission spokesman", "MOFCOM spokesman", "Vice-President of the European Commission": a
    body of the article named in the title, in the title's country if it has one."""
    words = title.split()
    for cut in range(len(words) - 1, 0, -1):
        found = _org_named(st, " ".join(words[:cut]), iso)
        if found is not None:
            return found
    of = re.search(r"\s(?:of|for|at)\s(?:the\s)?(?P<body>.+)$", title)  # "Vice-President of the Commission"
    return _org_named(st, of.group("body"), iso) if of else None


@cache
def _countries_with_posts() -> frozenset[str]:
    """Countries whose posts the reference lists (read once; without a reference there are no
    countries to ask about)."""
    ref = _reference()
    return frozenset(p.country for p in ref.posts() if p.country) if ref is not None else frozenset()


def _guess_countries(st: _State, entries: list[Any], countries: dict[str, CountryMention]
                     ) -> dict[tuple[str, ...], tuple[str, float]]:
    """A country for each person whose titles name none, from the titles taken together.

    "Deputy Prime Minister and Finance Minister Choi": the country that has both posts, among
    those named earlier in the title's sentence (never a dateline's), then the article's most
    mentioned ones (weak). A person whose titles are all heads of state or government gets no
    guess: unknown is better than wrong.
    """
    ranked = [c.iso for c in sorted(countries.values(), key=lambda c: (-len(c.evidence), c.iso))]
    covered = _countries_with_posts()
    by_person: dict[tuple[str, ...], list[Any]] = {}
    for entry in entries:
        if entry[5] is None and st.persons[entry[6]].country is None:
            by_person.setdefault(entry[6], []).append(entry)
    guesses: dict[tuple[str, ...], tuple[str, float]] = {}
    for key, own in sorted(by_person.items()):
        bares = [e[3] for e in own]
        said = next((post.country for b in bares if (post := _ref_post(b, None)) is not None
                     and post.country), None)
        if said is not None:
            # a title that says whose it is ("Minister of Strategy and Finance") decides for the
            # person's other titles too ("Deputy Prime Minister and Minister of ...")
            guesses[key] = (said, 0.85)
            continue
        if all(country_never_guessed(b) for b in bares):
            continue
        excluded = set().union(*(_title_countries(b) for b in bares))
        near: list[str] = []
        for e in own:
            near += _countries_before(st, countries, st.ev(e[0], e[1], "", 0).sentence_start, e[0])
        near = [c for c in dict.fromkeys(near) if c not in excluded]
        # A country the reference knows no posts of may be the one: then there is no telling
        # ("Brazil and China ... Foreign Minister Vieira" must not make Vieira China's).
        if any(c not in covered for c in near):
            continue
        top = len(countries[ranked[0]].evidence) if ranked else 0
        significant = [c for c in ranked if len(countries[c].evidence) * 2 >= top]
        usable_ranked = ranked if all(c in covered for c in significant) else []
        candidates = [c for c in dict.fromkeys(near + usable_ranked) if c not in excluded]
        scored = []
        for order, c in enumerate(candidates):
            have = [b for b in bares if _ref_post(b, c) is not None]
            if any(not country_never_guessed(b) for b in have):
                scored.append((-len(have), order, c))
        if scored:
            best_score, _order, best = min(scored)
            rivals = [c for score, _o, c in scored if score == best_score and c != best]
            if best not in near and rivals:
                # two countries of the article have such a post and the sentence names neither:
                # counting mentions would pick one, as likely wrong as right
                continue
            guesses[key] = (best, 0.8 if best in near else 0.6)
        # no country has such a post ("senior fellow", "chief of staff"): unknown, not the
        # article's most mentioned country
    return guesses


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
        if iso is None:
            # "Minister of Finance of India", "President of Mexico": a country in the title's object
            of = re.search(r"\s(?:of|for)\s(?:the\s)?(?P<c>[^,]+)$", bare)
            info = _ref_country(of.group("c")) if of else None
            iso = info.iso if info else None
        if org_local is None:
            org_local = _org_in_title(st, bare, iso)
        if org_local is None and country_text and iso is None:
            org_local = _org_named(st, country_text, None)  # "the World Bank's chief economist"
        if iso is None and org_local is not None:
            iso = next((o.country for o in st.orgs.values() if o.local_id == org_local), None)
        if iso is not None and st.persons[key].country is None:
            st.persons[key].country = iso
        entries.append((start, end, written, bare, tenure, iso, key, org_at, org_local))
    guesses = _guess_countries(st, entries, countries)
    holdings: dict[tuple[str, str, str], PostHolding] = {}
    for start, end, written, bare, tenure, iso, key, org_at, org_local in entries:
        if org_local is None and st.ex.doc.text[start:end] in _ROLE_OF_VERB:
            continue  # "who leads Korea's delegation": no body led, no post
        draft = st.persons[key]
        conf = 0.9
        if iso is not None:
            # a written country wins over a title that is another country's elsewhere
            post = _ref_post(bare, iso, strict=True) or _ref_post(written, iso, strict=True)
        elif draft.country is not None:
            # the same person's country, written in another title in this article
            iso, conf = draft.country, 0.85
            post = _ref_post(bare, iso, strict=True)
        else:
            post = _ref_post(bare, None) or _ref_post(written, None)
            if post is not None and post.country:
                iso, conf = post.country, 0.8  # the title says whose it is ("Treasury Secretary")
            elif post is None and guesses.get(key, ("", 0.0))[1] >= 0.85:
                iso, conf = guesses[key][0], 0.8  # another title of the person said it
                post = _ref_post(bare, iso, strict=True)
            elif post is None and country_never_guessed(bare):
                # "President Donald Trump telephoned Prime Minister Narendra Modi": whose
                # President and whose Prime Minister only a written country can say; a country
                # named elsewhere in the sentence or the article is as likely the other side's
                pass
            elif post is None and key in guesses:
                iso, conf = guesses[key]
                post = _ref_post(bare, iso)
        org_of = next((o for o in st.orgs.values() if o.local_id == org_local), None)
        org_name = org_of.name if org_of is not None else None
        if post is None and org_name is not None and not re.search(r"\s(?:of|for)\s", bare):
            # "president of the Federation ...", "who heads the State Secretariat ...": the post of
            # that role in that body, when the reference knows the body and the role
            post = _ref_post(f"{bare} of {org_name}", iso)
        tenure = tenure if tenure != "current" else title_tenure(bare)
        shown = _former_as_written(st.ex.doc.text, start, tenure, _shown_title(written, bare, post))
        if post is not None:
            post_key, label, org_ref = post.ref_id, post.label, post.institution
        else:
            label = normalise_title_case(bare)
            org_ref = None
            if org_of is not None and (org_of.ref_id is None or iso is None):
                # a post in a body the reference does not know is that body's: the "president" of
                # an association is not the President of its country
                post_key = slug(f"{iso or 'xx'}-{label}-{org_of.name}")
            elif iso and (org_of is not None or not bare[:1].islower()):
                post_key = slug(f"{iso}-{label}")
            elif iso:
                # a lowercase description ("head", "trade economist", "state secretary") is this
                # person's, not one post of the whole country
                post_key = slug(f"{iso}-{label}-{draft.name}")
            else:
                # a post of no known country is this person's, never shared with every other
                # "President" of the corpus
                post_key = slug(f"xx-{label}-{draft.name}")
        # "MEP" and "MP" follow the name they qualify
        draft.aliases.add(f"{draft.name} {written}" if written in _SEATS else f"{written} {draft.name}")
        if draft.country is None and iso:
            draft.country = iso
        rule = "post.title_before_name" if org_at == 0 else "post.appositive"
        hk = (person_ids[key], post_key, shown.lower())
        if hk in holdings:
            holdings[hk].evidence.append(st.ev(start, end, rule, conf))
            continue
        holdings[hk] = PostHolding(
            person=person_ids[key], title=shown, post_key=post_key, post_label=label,
            organization=org_local, org_ref=org_ref, country=iso, tenure=tenure,
            evidence=[st.ev(start, end, rule, conf)])
    # "Minister Ahn" after "Minister of Trade ... Ahn Duk-geun" repeats that post, not a new one
    kept = [k for k in holdings if " " in k[2] or not any(
        o[0] == k[0] and o != k and k[2] in o[2].split() for o in holdings)]
    return [holdings[k] for k in sorted(kept, key=lambda k: (int(k[0][1:]), k[1], k[2]))]


_HEAD_STEM = 6  # "minist|er" ~ "minist|ry", "secret|ary" ~ "secret|ariat", "direct|or" ~ "direct|orate"


def _names_institution(title: str, inst: Any) -> str | None:
    """The institution's form a formal title spells out, or None.

    "Minister of Trade, Industry and Energy" names the Ministry of Trade, Industry and Energy,
    "Minister of Strategy and Finance" its former name and "Director-General for Trade" the
    Directorate-General for Trade: the body's name is the title's, with the head noun of the same
    stem. "Secretary of State" does not write "Department of State", nor "Minister of Economic
    Revitalization" the Cabinet Office: those bodies the title only implies.
    """
    found = _FORMAL_TITLE.search(title)
    ref = _reference()
    if found is None or ref is None:
        return None
    head = ref.normalise(title[:found.start()]).split()
    portfolio = ref.normalise(found.group("portfolio"))
    if not head:
        return None
    forms = (inst.name, *inst.aliases, *inst.former_names)
    for form in forms:
        words = ref.normalise(form).split()
        for i in range(len(head) - 1, len(words) - 1):
            if words[i + 1] not in ("of", "for") or " ".join(words[i + 2:]) != portfolio:
                continue
            pairs = list(zip(head, words[i + 1 - len(head):i + 1], strict=True))
            if all(a[:_HEAD_STEM] == b[:_HEAD_STEM] for a, b in pairs) and any(a != b for a, b in pairs):
                return form
    return None


def _written_org(st: _State, inst: Any) -> str | None:
    """The article's organization that is written as one of the institution's forms."""
    ref = _reference()
    if ref is None:
        return None
    forms = {ref.normalise(f) for f in (inst.name, *inst.aliases, *inst.former_names)}
    for key, org in sorted(st.orgs.items()):
        if org.ref_id in (None, inst.ref_id) and org.country in (None, inst.country) and \
                any(ref.normalise(a) in forms for a in (org.name, *org.aliases)):
            return key
    return None


def _orgs_implied_by_posts(st: _State, holdings: list[PostHolding],
                           org_ids: dict[str, str]) -> None:
    """A title that names its institution adds it, linked to the holding; one that only implies
    it links the holding to the reference institution (`org_ref`) without a new organization.
    A body the article writes under a generic name ("the Ministry of Economic Affairs") is the
    institution the title names, not a second organization."""
    ref = _reference()
    for holding in holdings:
        if holding.org_ref is None or ref is None:
            continue
        if holding.org_ref not in org_ids:
            by_id = getattr(ref, "institution_by_id", None)
            inst = by_id(holding.org_ref) if by_id else ref.institution(holding.org_ref)
            if inst is None or inst.ref_id != holding.org_ref:
                continue
            written = _written_org(st, inst)
            if written is not None:
                org_ids[holding.org_ref] = org_ids[written]
            else:
                form = _names_institution(holding.title, inst)
                if form is None:
                    continue
                ev = holding.evidence[0]
                org = Organization(local_id=f"o{len(st.orgs) + 1}", name=inst.name, kind=inst.kind,
                                   country=inst.country, ref_id=inst.ref_id,
                                   aliases=[form] if form != inst.name else [],
                                   evidence=[Evidence(ev.doc_id, ev.start, ev.end, ev.sentence,
                                                      ev.sentence_start, "org.implied_by_post", 0.8)])
                st.orgs[holding.org_ref] = org
                org_ids[holding.org_ref] = org.local_id
        if holding.organization is None:
            holding.organization = org_ids[holding.org_ref]


def extract_entities(ex: DocExtraction, sdoc: Doc) -> None:
    """Fill ex.mentions, persons, organizations, countries and holdings (local ids p1.., o1..)."""
    text = ex.doc.text
    st = _State(ex=ex, sents=_Sentences.of(sdoc),
                ents=[(e.start_char, e.end_char, e.label_) for e in sdoc.ents],
                headlines=_headline_spans(text))
    _people_from_titles(st, text)
    _people_from_appositions(st, text)
    _people_from_honorifics(st, text)
    _people_from_ner(st, sdoc, text)
    _people_heading_bodies(st, text)
    _titles_from_post_nominals(st, text)
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
