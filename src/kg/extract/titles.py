"""Titles of office and personal names as regular expressions over shapes, and their normalisation.

Letters are Unicode-aware (Latin blocks, so "Šefčovič" and "Nguyễn" are names) without a regex
dependency: the character classes are built once from `unicodedata`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable

# Latin, Latin-1, Latin Extended-A/B and Latin Extended Additional (Vietnamese) code points.
_LATIN_BLOCKS = (range(0x41, 0x250), range(0x1E00, 0x1F00))


def _char_class(keep: Callable[[str], bool], blocks: Iterable[range] = _LATIN_BLOCKS) -> str:
    """The body of a character class ("A-ZÀ-Ö...") of the code points `keep` accepts."""
    parts: list[str] = []
    for block in blocks:
        run: list[int] = []
        for cp in block:
            if keep(chr(cp)):
                if run and cp == run[-1] + 1:
                    run.append(cp)
                    continue
                if run:
                    parts.append(_run(run))
                run = [cp]
        if run:
            parts.append(_run(run))
    return "".join(parts)


def _run(run: list[int]) -> str:
    first, last = chr(run[0]), chr(run[-1])
    return re.escape(first) if first == last else f"{re.escape(first)}-{re.escape(last)}"


UPPER = f"[{_char_class(str.isupper)}]"
LOWER = f"[{_char_class(str.islower)}]"
LETTER = f"[{_char_class(str.isalpha)}]"

# A capitalised word of an institution name: "Trade", "ICT", "U.S.", "Medicaid".
_CAP = r"(?:(?:[A-Z]\.){2,}|[A-Z][\w&-]*)"
# Words before a title that are not part of it: "The Prime Minister", "Then Minister ...".
_NOT_MODIFIER = (r"(?!(?:The|A|An|His|Her|Its|Our|Their|This|That|These|Those|Then|Former|Ex|New|"
                 r"Incoming|Outgoing|Mr|Mrs|Ms|Dr|And|But|Or|As|When|While|After|Before|With|Yesterday|Today|"
                 r"Meanwhile|However|Also|On|In|At|By|For|From|Under|Both|Some|Monday|Tuesday|"
                 r"Wednesday|Thursday|Friday|Saturday|Sunday)\s)")
# A title's own core word is never a modifier of another: "Treasury Secretary Scott Bessent and USTR
# Representative ..." must not read "Secretary Scott Bessent and USTR" as qualifying "Representative".
CORE_WORD = (r"(?:[A-Z][a-z]+-)?(?:Minister|Secretary|Commissioner|Representative|Ambassador|Envoy|Spokesperson|"
              r"Spokesman|Spokeswoman|Negotiator|Chairman|Chairwoman|Chairperson|Chair|Governor|"
              r"Speaker|Chancellor|Premier|President|Administrator|Director[- ]General|Treasurer|Leader|"
              r"Senator|Mayor|Director)(?![\w'’-])")
_MOD = rf"{_NOT_MODIFIER}(?!{CORE_WORD}){_CAP}"
# Capitalised words qualifying a title, joined by spaces, "and" or "of": "Commerce and Industry",
# "European Commission", "Bank of Japan"; a comma only inside a series that ends in "and" ("Economy,
# Trade and Industry"), so that a comma ending a clause or a name ("with the US, Vice Premier X";
# "In July, Argentine President Y"; "told the Daily Mail, Trade Commissioner Z") stays outside.
_MOD_SERIES = rf"(?:,\s{_MOD}){{1,3}},?\s(?:and|&)\s{_MOD}"
MODIFIERS = rf"(?:{_MOD}(?:{_MOD_SERIES}|(?:\sand\s|\s&\s|\sof\s(?:the\s)?|\s){_MOD}){{0,3}}\s)"
# The name of a portfolio after "Minister of": capitalised words joined by ", ", " and ", " of ", ...
_PORTFOLIO_LINK = r"(?:,\s|\sand\s|\sof\s|\sfor\s|\sthe\s|\s)(?:the\s)?"
PORTFOLIO = rf"(?:the\s)?{_CAP}(?:{_PORTFOLIO_LINK}{_CAP})*?"
# Greedy form, for an apposition where nothing after the title stops a lazy match.
PORTFOLIO_GREEDY = rf"(?:the\s)?{_CAP}(?:{_PORTFOLIO_LINK}{_CAP})*"
_COUNTRYISH = r"(?:U\.S\.|US|U\.K\.|UK|EU|[A-Z][a-z]+(?:\s[A-Z][a-z]+)?(?:’s|'s)?)"
COUNTRY_OBJECT = r"(?:the\s)?(?:U\.S\.|U\.K\.|[A-Z][\w.-]*(?:\s[A-Z][\w.-]*){0,2})"

# A lowercase word that may qualify a lowercase role noun ("trade negotiator", "senior fellow"),
# but never a function word ("the negotiator", "and minister").
_LOWER_MOD = (r"(?!(?:the|a|an|and|or|of|to|with|by|for|from|in|on|at|as|is|was|said|says|told|his|"
              r"her|its|their|our|whose|who|that|which|while|when|also|then|former|ex|new|acting|"
              r"incoming|outgoing)\s)[a-z][a-z-]*\s")
_ROLE_NOUNS = (r"minister|secretary|commissioner|negotiator|envoy|ambassador|spokesperson|spokesman|"
               r"spokeswoman|adviser|advisor|representative|chair|chairman|chairwoman|chairperson|"
               r"president|premier|chancellor|governor|chief|leader|treasurer|economist|analyst")
_CAP_CORES = (r"Chief\sExecutive(?:\sOfficer)?|Minister|Secretary|Commissioner|Representative|Ambassador|"
              r"Envoy|Director[- ]General|"
              r"Secretary[- ]General|Spokesperson|Spokesman|Spokeswoman|Negotiator|Chair|Chairman|"
              r"Chairwoman|Chairperson|Governor|Speaker|Chancellor|Premier|President|Treasurer|Leader|"
              r"Senator|Mayor|Director")


# A lowercase portfolio: "trade", "trade and industry", "development, industry, trade and services"
# (a comma only inside a series that ends in "and": "minister of finance, said" stops at the comma).
LOWER_PORTFOLIO = r"[a-z]+(?:(?:,\s[a-z]+)+,?\sand\s[a-z]+|\sand\s[a-z]+)?(?![\w-])"


def title_core(greedy: bool = False) -> str:
    """Title cores, most specific first; case-insensitive where a writer may lower-case them.

    The portfolio after "Minister of" is lazy before a name (the name stops it) and greedy in an
    apposition ("X, Commissioner for Agriculture and Food, said"), where nothing else would.
    """
    portfolio = PORTFOLIO_GREEDY if greedy else PORTFOLIO
    return (
        rf"(?:Deputy\s)?Prime\sMinister(?:\sfor\s{portfolio}(?=[\s,]))?"
        rf"|{MODIFIERS}?(?:Minister|Secretary|Administrator|Commissioner|Director[- ]General|Governor|"
        rf"Secretary[- ]General|Chair(?:man|woman|person)?|Chancellor|Head|Chief|Leader|"
        rf"(?:Vice[- ])?President)\s(?:of|for)\s"
        rf"{portfolio}"
        rf"|(?:(?:His|Her)\sMajesty['’]s\s)?{MODIFIERS}?(?:Ambassador|Envoy|High\sCommissioner)\sto\s"
        rf"{COUNTRY_OBJECT}"
        r"|(?:[Cc]hief\s)?[Tt]rade\s[Rr]ep(?:resentative|\.)"
        r"|USTR\sRepresentative"
        r"|(?:[Cc]hief|[Tt]op)\s(?:[a-z]+\s)?(?:negotiator|policy\sadviser|envoy)"
        r"|[Hh]ead\sof\s(?!the\s|a\s|an\s)[a-z]+(?:\s(?!at\s|of\s|in\s|the\s)[a-z]+)*"
        r"|[Cc]hief\sof\s[Ss]taff"
        rf"|{MODIFIERS}?(?:Vice[- ]|Deputy[- ])?(?:{_CAP_CORES})"
        r"|(?:Acting\s|Vice\s)?President|(?:Vice\s)?Premier"
        r"|[Dd]irector[- ][Gg]eneral\sfor\s[a-z]+(?:\s(?!at\s|of\s|in\s|the\s)[a-z]+)*"
        rf"|(?:vice\s|deputy\s)?minister\s(?:of|for)\s{LOWER_PORTFOLIO}"
        r"|(?:minister|secretary)\sresponsible\sfor\s[\w.-]+(?:\s[a-z][\w.-]*){0,3}?(?=[,;.)])"
        rf"|(?:ambassador|envoy)\sto\s{COUNTRY_OBJECT}"
        rf"|{MODIFIERS}?(?:{_LOWER_MOD}){{0,2}}(?:{_ROLE_NOUNS})(?![\w-])"
    )


TITLE_CORE = title_core()

# A head of state or government: its country is never guessed from the rest of the article.
HEAD_TITLE = re.compile(
    r"^(?:(?:acting|former|then|interim)[\s-])*"
    r"(?:president|prime minister|premier|chancellor|king|queen|emperor|monarch)$",
    re.IGNORECASE,
)
TENURE_WORDS = {"then": "former", "former": "former", "ex": "former", "acting": "acting",
                "new": "new", "newly": "new", "incoming": "incoming", "outgoing": "current"}


# Letters NFKD does not decompose into a base letter and an accent ("Đào" -> "Dao", "Łódź" -> "Lodz").
_UNDECOMPOSED = str.maketrans({"Đ": "D", "đ": "d", "Ł": "L", "ł": "l", "Ø": "O", "ø": "o", "Ħ": "H",
                               "ħ": "h", "ß": "ss", "Æ": "Ae", "æ": "ae", "Œ": "Oe", "œ": "oe",
                               "Þ": "Th", "þ": "th", "ı": "i"})


def slug(text: str) -> str:
    """Accents removed, lower case, runs of non-alphanumerics -> '-'."""
    plain = unicodedata.normalize("NFKD", text.translate(_UNDECOMPOSED)).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")


def normalise_title_case(title: str) -> str:
    """'director-general for trade policy' -> 'Director-General for Trade Policy'."""
    small = {"of", "for", "and", "the", "on", "in", "at", "to", "responsible"}
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


def is_head_title(title: str) -> bool:
    """'President', 'Prime Minister', 'Acting President': the head of a state or government."""
    return HEAD_TITLE.match(" ".join(title.split())) is not None


# A seat in a parliament: whose parliament, only a written country says.
SEAT_TITLE = re.compile(r"^(?:(?:former|then|ex)[\s-])*(?:MP|MEP|member\sof\sparliament)$", re.IGNORECASE)


def country_never_guessed(title: str) -> bool:
    """A head of state or government, or a member of parliament: its country is written or unknown,
    never guessed from the other countries of the article."""
    joined = " ".join(title.split())
    return is_head_title(joined) or SEAT_TITLE.match(joined) is not None


def is_country_prefix(text: str) -> bool:
    return re.fullmatch(_COUNTRYISH, text) is not None
