"""Tariff measures: rate, kind, products, imposing and target country, status, dates.

Every rate is read in its own clause. A sentence is cut at ";", spaced dashes, contrast words
("while", "but", "whereas", "although", "instead of"), ", and" and participle clauses (", averting
a threatened 30 per cent levy"). A number is a rate next to a measure word, a charge verb ("Mercosur
charges 35%", "Hanoi pays 20%"), a rate noun once the article is about tariffs, or as one more item of
a list of rates or step of a change ("falling to 40%"); a share ("90% of tariff lines") never is, and
zero is a rate only on goods the sentence names. The imposer and the target of a rate come from cues
in its clause ("Beijing will reduce its levies on US goods", "asked Washington to", "the rate agreed
by the EU", "both of which won a 15% ceiling"), else from an earlier clause of the sentence, else from
the sentence's subject (imposer only), else from earlier sentences of the paragraph (of the article,
for the imposer); targets written together are one tariff each. A subject kg cannot name as a
country ("Mercosur currently charges") leaves the imposer open and stops every guess. Status words
count only in the rate's own stretch of its clause, never inside a proper name; the old rate of a
change to come is still in force, a rate asked for or offered is proposed. Products are read on both
sides of the rate, nearest first, never across another rate ("Steel and aluminum face 50 per cent
sectoral tariffs, autos 25 per cent").

`TariffContext` holds what one article has said so far; `finish` completes the article's tariffs
from each other once every sentence is read (the two parties of its opening, the same terms stated
elsewhere, the one target or imposer the article names).
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from datetime import date

from kg.extract.dates import DateRef, find_dates
from kg.extract.products import PRODUCT_FORMS, product_spans
from kg.extract.sentences import SentenceSpan
from kg.model import Evidence, Mention, Tariff
from kg.reference import country_by_iso, customs_unions

CUSTOMS_UNIONS = customs_unions()  # institution data, in kg/reference/customs_unions.json
_UNION_FORMS = {form: u.code for u in CUSTOMS_UNIONS.values() for form in u.written}
_UNION = re.compile(r"\b(?:" + "|".join(re.escape(f) for f in sorted(_UNION_FORMS, key=len, reverse=True)) + r")\b")


def customs_unions_in(text: str) -> list[tuple[int, int, str]]:
    """(start, end, code) of every customs union named in `text`."""
    return [(m.start(), m.end(), _UNION_FORMS[m.group(0)]) for m in _UNION.finditer(text)]


_UNIT = r"\s*(?:-\s*)?(?:percent(?:age points?)?|per cent|%)"
_RATE = re.compile(r"\b(?P<rate>\d{1,3}(?:\.\d+)?)" + _UNIT, re.I)
# "from 25 to 15 percent": the first number shares the unit written after the second
_BARE_FROM = re.compile(r"\bfrom\s+(?P<rate>\d{1,3}(?:\.\d+)?)\s+to\s+\d{1,3}(?:\.\d+)?" + _UNIT, re.I)
# a rate of nothing: "enter the US tariff-free", "zero-for-zero tariffs on aircraft"
_ZERO = re.compile(
    r"\b(?:tariff|duty|levy)-free\b|\bzero-for-zero\b|\bzero(?:-|\s+)(?:tariffs?|duty|duties|rate)\b", re.I
)
_TO_ZERO = re.compile(r"\d" + _UNIT + r"\s+to\s+(?P<zero>zero|nil|nothing)\b", re.I)
# both sides lower their tariffs: neither is the imposer
_MUTUAL = re.compile(r"\bzero-for-zero\b|\bboth sides\b|\bthe two sides\b|\beach other\b|\bmutual(?:ly)?\b", re.I)
_MEASURE_WORD = (
    r"(?:counter-?tariffs?|tariffs?|dut(?:y|ies)|levy|levies|tax(?:es)?|surtax(?:es)?|countermeasures?|safeguards?|"
    r"surcharges?)"
)
_MEASURE = re.compile(r"\b" + _MEASURE_WORD + r"\b", re.I)
# "tariff deal", "tariff negotiator": the word names talks about tariffs, not a measure
_NOT_A_MEASURE = re.compile(r"^\s+(?:deals?|talks|negotiat\w*|agreements?|pacts?|truce|team|chief|officials?)\b", re.I)
# "The 30% rate", "leaving a rate of 10 percent": a rate word, once the article is about tariffs
_RATE_NOUN = re.compile(
    r"(?<!interest )(?<!growth )(?<!exchange )(?<!unemployment )(?<!inflation )\b(?:rates?|ceilings?)\b", re.I
)
# "will stay at 50 per cent", "now attract the full 50 per cent": a rate continuing the tariff talk
_ANAPHORIC = re.compile(
    r"\b(?:stay(?:s|ed)?|remain(?:s|ed)?|kept|held|set|fixed|capped)\s+at\s+(?:\w+\s+){0,2}$"
    r"|\b(?:attract(?:s|ed)?|face[sd]?|facing|pay(?:s|ing)?|paid)\s+(?:(?:a|an|the|full|same|higher|lower|additional)\s+)*$"
    r"|\bthe same\s+$",
    re.I,
)
# "about 10%", "up to 20%": words before an amount. _ROUGHLY before a market move or a quantity,
# _UP_TO before a rate
_ROUGHLY = r"about\s+|nearly\s+|almost\s+|some\s+|more than\s+"
_UP_TO = r"up\s+to|about|around|roughly|as\s+much\s+as|nearly|almost|over|more\s+than"
# a market move or a share, not a tariff: "jumped 14%", "80% of its exports"
_NOT_A_RATE_BEFORE = re.compile(
    r"\b(?:jump|fell|fall|rose|rise|grew|grow|declin|drop|climb|surg|slump|plung|gain|shr[ai]nk|expand|firm|slid|"
    r"tumbl|soar|rall|lost|edg)\w*\s+(?:up\s+|down\s+)?(?:by\s+)?"
    r"(?:" + _ROUGHLY + r")?$",
    re.I,
)
# "could cut exports by 10%", "growth of 2%": an economic quantity, unless it is the tariff's object
# ("tariffs on Chinese imports by 10%")
_NOT_A_RATE_QUANTITY = re.compile(
    r"(?<!\bon )(?<!\bof )(?<!\bagainst )\b(?:exports?|imports?|trade|output|growth|gdp|sales|demand|prices|"
    r"shipments|volumes?|profits?|revenues?|earnings|inflation|deficit|surplus|production|investment)\s+"
    r"(?:by|of)\s+(?:" + _ROUGHLY + r"|around\s+)?$",
    re.I,
)
# "80% of its exports", "90% of tariff lines", "99% of Indian exports": a share of something, not a rate
# ("a duty of 25% of the customs value" is one); "face 5% higher prices", "pay 10% more", "30% job cuts":
# a change in something else
_NOT_A_RATE_AFTER = re.compile(
    r"^\s+(?:of\s+(?!(?:the\s+|its\s+|their\s+)?(?:customs\s+|declared\s+)?value\b)|stake\b|share\b|owned\b|"
    r"(?:higher|lower|more|less|fewer|increases?|rises?|jumps?|drops?|falls?|declines?|growth|gains?|loss(?:es)?|"
    r"jobs?|job\s+cuts|prices?|wages?|costs?|returns?|margins?)\b)",
    re.I,
)
# "Mercosur charges 35% on cars", "goods ... would be charged 40%": a charge verb makes the rate a tariff
_CHARGE_BEFORE = re.compile(
    r"\b(?:charg(?:e|es|ed|ing)|lev(?:y|ies|ied|ying)|impos(?:e|es|ed|ing)|appl(?:y|ies|ied|ying)|taxed\s+at|"
    # "Hanoi pays 20%", "Vietnam faces 46%": the payer's goods meet that rate
    r"pay(?:s|ing)?|paid|fac(?:e|es|ed|ing))\s+"
    r"(?:(?:a|an|the|rates?\s+of|duties\s+of|" + _UP_TO + r")\s+)*$",
    re.I,
)
# "35% on European cars, up to 20% on machinery and 14% on drugs": one more item of a list of rates
_LIST_OF_RATES = re.compile(
    r"^\s+(?:on|for)\s+[^,;%]{1,60}?(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)"
    r"(?:(?:" + _UP_TO + r")\s+)?$",
    re.I,
)
# "halved from 150% to 75%, falling to 40% by 2030", "will be halved to 75% and fall to 40%": a further
# step of the change before it
_CHAIN = re.compile(
    r"^(?:\s+(?:by|in|from|within|over)\s+[^,;%]{1,40}?)?(?:,\s*|\s+)(?:and\s+)?(?:then\s+)?(?:eventually\s+|later\s+)?"
    r"(?:(?:before|after)\s+)?(?:(?:fall(?:s|ing)?|drop(?:s|ping)?|declin(?:e|es|ing)|ris(?:e|es|ing)|climb(?:s|ing)?|"
    r"go(?:es|ing)?|com(?:e|es|ing)\s+down|be\s+(?:cut|lowered|reduced|raised))\s+(?:further\s+)?(?:down\s+|up\s+)?)?"
    r"to\s+(?:(?:about|around|just|as\s+(?:low|high|much)\s+as)\s+)?$",
    re.I,
)

_KINDS = [
    ("retaliatory", re.compile(r"\b(retaliat\w*|counter-?tariffs?|countermeasures?|hit(?:s|ting)? back)\b", re.I)),
    ("reciprocal", re.compile(r"\breciprocal\b", re.I)),
    ("universal", re.compile(r"\b(baseline|universal|across-the-board|blanket)\b", re.I)),
    (
        "sectoral",
        re.compile(r"\b(sectoral|sector-specific|product-specific|item-specific|product tariffs?)\b", re.I),
    ),
]
_ADJECTIVES = (
    r"(?:retaliatory|reciprocal|baseline|universal|sectoral|additional|new|existing|current|higher|extra|import|"
    r"punitive|penalty|penal|fentanyl|across-the-board|blanket|[\w]+-(?:related|based|style|specific))"
)
# Status words, strongest first. "deal" alone is no agreement ("negotiate a broader trade deal").
_AGREEMENT_NOUN = r"(?:deal|agreement|pact|accord|framework|joint statement|truce|arrangement)"
# "(under) the new trade deal", "(as part of) their framework"
_THE_AGREEMENT = r"\s+(?:the|a|an|this|that|its|their)\s+(?:[\w-]+\s+){0,3}?" + _AGREEMENT_NOUN + r"\b"
_STATUS = [
    (
        "suspended",
        re.compile(r"\b(?:suspen(?:d|ds|ded|ding|sion)|pause[ds]?|pausing|postpone\w*|delay(?:s|ed|ing)?|"
                   r"shelv(?:e|es|ed|ing)|on hold|reprieve)\b", re.I),
    ),
    (
        "threatened",
        re.compile(r"\bthreat\w*|\bwarn\w*|\bwould\s+(?:raise|impose|hike|slap|increase|levy|put|add|rise|climb|jump|"
                   r"double|go up)\b|"
                   r"\b(?:could|would|may|might)\s+face\b", re.I),
    ),
    ("proposed", re.compile(r"\bpropos(?:e|es|ed|ing|al|als)\b|\boffer(?:s|ed|ing)?\s+to\b", re.I)),
    (
        "agreed",
        re.compile(r"\bagree[sd]?\b|\b(?:won|secured|obtained|clinched)\b|\b(?:strike|strikes|struck|reach|reached|seal|seals|sealed|clinch|clinched|"
                   r"sign|signed|conclude|concluded|finali[sz]ed)\s+(?:\w+\s+){0,3}?" + _AGREEMENT_NOUN + r"\b|"
                   r"\b(?:under|as part of|through)" + _THE_AGREEMENT, re.I),
    ),
    (
        "in force",
        re.compile(
            r"\b(?:implement\w*|imposed|impose[sd]?|in effect|in force|in place|took effect|taken effect|levied|"
            r"slapped|face[sd]?|facing|appl(?:y|ies|ied)|charges|existing|current(?:ly)?|still stands|stay(?:s|ed)? at|"
            r"remain(?:s|ed)? at|kept|keeps?|pay(?:s|ing)?|paid|attract(?:s|ed)?|charged|"
            # a change done: "Washington doubled its tariff", "which were raised to 30%"
            r"raised|doubled|tripled|hiked|lowered|reduced|increased|slashed)\b",
            re.I,
        ),
    ),
    (
        "announced",
        re.compile(r"\b(?:announc\w+|unveil\w*|rolled out|plan(?:s|ned)?)\b|"
                   r"\b(?:will|would|due to|set to|to)\s+take\s+effect\b", re.I),
    ),
]
_STATUS_RANK = {"suspended": 0, "threatened": 1, "proposed": 2, "agreed": 3, "in force": 4, "announced": 5}
# "did not apply", "failed to secure a reprieve", "without a pause": the status did not happen
_NEGATED = re.compile(
    r"\b(?:not|never|no longer|yet to)\s+(?:\w+\s+)?$|\b(?:fail(?:s|ed|ing)?\s+to|without)\s+(?:\w+\s+){0,2}$", re.I
)
# "will apply", "to impose": a measure to come is not in force (but "will stay at", "continue to pay" are)
_FUTURE = re.compile(r"\b(?:will|would|shall|to)\s+(?:also\s+|then\s+)?(?:be\s+)?$", re.I)
_CONTINUING = re.compile(r"\bcontinu\w*\s+to\s+$", re.I)
_ONGOING_CUE = re.compile(r"^(?:stay|remain|kept|keep|in place|existing|current|still)", re.I)
# "Under the deal, ...": a frame at the head of the sentence covers every clause that states no status
_FRAME = re.compile(
    r"^(?:under|as part of|through|with|in)" + _THE_AGREEMENT + r"[^,]{0,60},",
    re.I,
)
# "In return, the UK will give ...": the other half of a deal the article reports
_EXCHANGE = re.compile(r"^(?:in return|in exchange)\b", re.I)
# a time still to come for a change: "by the tenth year", "by 2030", "over six years", "within a decade"
_TIME_TO_COME = re.compile(
    r"\b(?:by|in)\s+the\s+(?:\w+\s+)?(?:year|years)\s+of\b|\bby\s+the\s+(?:first|second|third|fourth|fifth|sixth|"
    r"seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))\s+year\b|\bover\s+(?:the\s+next\s+)?(?:\w+|\d+)\s+years\b|"
    r"\bwithin\s+(?:a|\w+|\d+)\s+(?:years?|decades?)\b|\bphased\s+(?:in|out|down)\b",
    re.I,
)
_REMOVAL_BEFORE = re.compile(
    r"\b(?:remov|lift|scrap|drop|eliminat|end|withdraw|abolish|repeal|phas(?:e|es|ed|ing)\s+out)\w*\s+"
    r"(?:(?:most|all|some|part|half)\s+of\s+)?(?:(?:its|their|the|a|an|this|that|existing|remaining)\s+)*$",
    re.I,
)
_REMOVED_AFTER = re.compile(
    r"\s*(?:[\w\"“”'-]+\s+){0,3}?" + _MEASURE_WORD + r"\b\s+(?:[\w-]+\s+){0,3}?"
    r"(?:(?:will|would|is|are|to)\s+)?(?:be\s+)?(?:phased\s+out|eliminated|removed|scrapped|lifted|abolished|dropped)\b",
    re.I,
)
_ALL_PARTNERS = re.compile(r"\ball (?:(?:its|their|of its|of their)\s+)?(?:trading )?partners\b|\bevery country\b|"
                           r"\ball countries\b", re.I)
_UNTIL = re.compile(r"\b(until|through|before|ends?|expires?|deadline)\b", re.I)
# "took effect", "comes into force"; "from", "effective": words before the date a measure starts
_INTO_EFFECT = r"\s+(?:effect|into\s+(?:force|effect))"
_FROM_DATE = r"(?:from|since|effective|as of|starting|beginning)"
_EFFECT_CUE = re.compile(
    r"(?:\b(?:took|take|takes|taking|came|come|comes|went|go|goes)" + _INTO_EFFECT + r"(?:\s+(?:on|from|by))?"
    r"|\b" + _FROM_DATE + r")\s+$",
    re.I,
)
_OPENING_EFFECT = re.compile(r"^" + _FROM_DATE + r"\b", re.I)
# "That levy took effect on August 27", "The cuts take effect by May 14": a date for what the last
# tariff sentence stated
_EFFECT_ANAPHORA = re.compile(
    r"^(?:the|that|this|these|those)\s+(?:[\w.-]+\s+){0,2}?(?P<noun>cuts?|reductions?|increases?|hikes?|levy|levies|"
    r"tariffs?|dut(?:y|ies)|rates?|measures?)(?:\s*,[^,]{0,50},)?\s+(?:will\s+|would\s+)?(?P<verb>took|take|takes|"
    r"came|come|comes|went|go|goes)" + _INTO_EFFECT,
    re.I,
)
# Clause boundaries. Strong ones start a new proposition; weak ones (", and", ", averting") may share
# the verb of the clause before ("Steel faces 50 per cent, and lumber 10 per cent").
_STRONG = re.compile(
    r"\s*;\s*|\s+[-–—]\s+|,?\s+(?:while|whereas|but|although|though|instead of|rather than)\s+|"
    r",\s+(?=(?:leaving|taking|bringing|pushing|lifting|lowering|raising)\s)|"
    # "..., a week after Washington raised duties", "as Canberra keeps its levy": a subordinate clause
    # with its own subject
    r"(?<!such)(?<!well)(?<!much)(?<!\bas)\s+(?:after|before|when|because|as|unless|if|once)\s+"
    r"(?=(?:the\s+)?[A-Z])|"
    # ", when the higher rate was suspended": after a comma, one with a subject of its own
    r",\s+(?:when|after|before|because|once|unless|as)\s+(?=(?:the|a|an|its|their|this|that|these|those)\s)",
)
_WEAK = re.compile(
    r",\s+and\s+|,\s+(?=(?!including\b|excluding\b|according\b|notwithstanding\b|during\b)[a-z]+ing\s)"
)
_PRONOUN_START = re.compile(r"^(?:it|they|which|this|these|those|he|she)\b", re.I)
_COORDINATED = re.compile(r",|\band\b|\bas well as\b|\bplus\b|\bor\b", re.I)
_RELATIVE = re.compile(r"\b(?:which|that|where|who)\b", re.I)
_DATELINE = re.compile(r"^[A-Z][A-Z .'/-]+(?:,[^-–—\n]{0,60}?)?(?:\s*\([^)\n]{0,30}\))?\s[-–—]\s")
# Roles of a country mention, read from the words around it.
_TARGET_BEFORE = re.compile(
    r"\b(?:on|against|for|(?:imports?|goods|products|shipments|exports|" + PRODUCT_FORMS + r")\s+from|"
    # "the 15 percent applied to Japan", "goods transshipped through Vietnam"
    r"appl(?:y|ies|ied|ying)\s+to|(?:trans-?shipped|routed|re-?routed)\s+(?:through|via))\s+"
    r"(?:(?:the|most|many|all|some|certain|other|imports?|exports?|goods|products|shipments)\s+(?:(?:of|from)\s+)?)*$",
    re.I,
)
# "the 15% rate agreed by the EU", "the ceiling won by Japan": the party that obtained the rate for its goods
_TARGET_BY = re.compile(
    r"\b(?:rates?|tariffs?|ceiling|cap|levy|dut(?:y|ies)|terms)\s+(?:\w+\s+)?(?:agreed|won|secured|negotiated|"
    r"obtained|clinched|accepted|struck)\s+by\s+(?:the\s+)?$",
    re.I,
)
# "asked Washington (not) to", "urged the EU to": the party asked to set, cut or drop a tariff imposes it
_ASKED = re.compile(
    r"\b(?:ask(?:s|ed|ing)?|urg(?:e|es|ed|ing)|press(?:es|ed|ing)?|call(?:s|ed|ing)?\s+on|request(?:s|ed|ing)?|"
    r"lobb(?:y|ies|ied|ying)|persuad(?:e|es|ed|ing)|push(?:es|ed|ing)?)\s+(?:the\s+)?$",
    re.I,
)
_ASKED_TO = re.compile(r"^(?:['’]s\s+[\w-]+)?\s*(?:\([^)]{0,40}\)\s*)?,?\s*(?:not\s+)?to\b", re.I)
# what a request asks of a rate: to set one ("set a rate no higher than", "treat it on a par with")
_REQUEST_RATE = re.compile(
    r"\b(?:set|grant|give|offer|cap|treat|match|apply|lower|cut|reduce|limit|extend|bring\s+down)\b", re.I
)
# "its existing", "the current": the words between a verb and the rate it acts on (up to the rate)
_DETERMINERS = r"(?:(?:its|their|the|a|an|this|that|existing|current)\s+)*$"
# "asked Seoul to cut its 8% tariff": that rate is the one to go, not the one asked for
_OBJECT_OF_CUT = re.compile(
    r"\b(?:cut|lower|reduce|remove|withdraw|lift|scrap|drop|eliminate|end|suspend|waive|halve|abolish)\s+"
    + _DETERMINERS,
    re.I,
)
# "secured their 15 percent rates", "both of which won a 15% ceiling": the winners are the target
_WON_BEFORE = re.compile(
    r"\b(?:secured|won|obtained|got|landed|clinched|negotiated|secure|win|obtain|get|land|clinch|negotiate)\s+"
    r"(?:(?:their|its|his|her|a|an|the|same|lower|similar|own)\s+)*$",
    re.I,
)
_WINNER_RELATIVE = re.compile(
    r",\s*(?:(?:both|each|all|either|neither)\s+of\s+(?:which|whom|them)|which|who)\s+(?:have\s+|has\s+|had\s+)?$",
    re.I,
)
_COORDINATION_GAP = re.compile(r"^\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+|&\s+|as well as\s+)(?:the\s+)?$", re.I)
# "In return, the EU will", "Since August, Brazil has": an adverbial before the subject
_OPENER = re.compile(
    r"^(?:(?:In|On|Under|As|For|After|Since|By|With|At|From|Before|During|Following|Meanwhile|However|Earlier|Later|"
    r"Last|This|Next|Separately|Instead)\b[^,;]{0,40},\s*)"
)
_NOT_A_NAME = frozenset({"the", "a", "an", "it", "they", "this", "that", "these", "those", "its", "their", "our", "his",
                         "her", "such", "some", "most", "all", "each", "every", "both", "any", "other", "tariffs",
                         "duties", "levies", "rates", "exporters", "importers", "officials", "companies", "he", "she",
                         "we", "i", "you", "customs", "government", "authorities"})
_SHIPPED_TO = re.compile(
    r"\b(?:exports?|shipments?|sales|sent|sends|shipped|ships|goods|products)\s+to\s+(?:the\s+)?$", re.I
)
_PARTY_NOUN = (
    r"(?:goods|exports|imports|products|producers|exporters|importers|companies|firms|manufacturers|shipments|"
    r"businesses|automakers|carmakers|farmers|industries|sellers|suppliers|makers|brands|steelmakers)"
)
_TARGET_AFTER = re.compile(r"^(?:['’]s)?\s+(?:[\w-]+\s+){0,2}?" + _PARTY_NOUN + r"\b", re.I)
_TARGET_PRODUCT = re.compile(r"^\s+(?:[\w-]+\s+)?(?:" + PRODUCT_FORMS + r")\b", re.I)
# "Mexico would continue to pay", "Australian lamb will stay at", "Brazilian coffee, which had faced"
_TARGET_PAYS = re.compile(
    r"^(?:\s+[a-z][\w-]*){0,2}(?:\s*,\s*which)?[\s\"“”']+(?:(?:would|will|must|could|may|might|to|continue to|"
    r"continues to|have to|has to|had|has|have|still|now|also)\s+[\"“”']?)*(?:pay|pays|paid|paying|face|faces|faced|"
    r"facing|attract|attracts|enter|enters|stay at|stays at|remain at|remains at)\b",
)
# after a demonym, a noun that names the country's officials or markets, not its goods
_NOT_GOODS = re.compile(
    r"^\s+(?:negotiators?|delegations?|side|officials?|government|team|ministry|embassy|administration|leaders?|"
    r"authorities|counterparts?|envoys?|diplomats?|lawmakers|parliament|press|media|economy|markets?|stocks?|shares|"
    r"investors|currency|counterpart|trade|people|president|prime|minister|side's|capital)\b"
)
# "Beijing's levies", "Indonesia's 50% tariff", "Oslo's 12 per cent duty"
_IMPOSER_POSSESSIVE = re.compile(r"^['’]s\s+(?:[\w\"“”'%.-]+\s+){0,4}?" + _MEASURE_WORD + r"\b", re.I)
_IMPOSER_ADJECTIVE = re.compile(
    r"^\s+(?:(?:" + _ADJECTIVES + r"|[\"“”][\w-]+[\"“”]|" + PRODUCT_FORMS + r")\s+){0,2}" + _MEASURE_WORD + r"\b",
    re.I,
)
_IMPOSER_ADMINISTRATION = re.compile(r"^(?:['’]s)?\s+(?:administration|government)\b", re.I)
_IMPOSER_BY = re.compile(r"\bby\s+(?:the\s+)?$", re.I)
_IMPOSER_FROM = re.compile(r"\bfrom\s+(?:the\s+)?$", re.I)
_IMPOSER_DESTINATION = re.compile(r"\b(?:enter(?:s|ing|ed)?|into|sold in|arriving in)\s+(?:the\s+)?$", re.I)
_TARIFF_VERB = (
    r"(?:impos(?:e|es|ed|ing)|rais(?:e|es|ed|ing)|cut|cuts|cutting|reduc(?:e|es|ed|ing)|lower(?:s|ed|ing)?|"
    r"slash(?:es|ed|ing)?|hik(?:e|es|ed|ing)|announc(?:e|es|ed|ing)|threaten(?:s|ed|ing)?|lev(?:y|ies|ied|ying)|"
    r"slap(?:s|ped|ping)?|put(?:s|ting)?|set|sets|appl(?:y|ies|ied|ying)|remov(?:e|es|ed|ing)|drop(?:s|ped|ping)?|"
    r"kept|keep(?:s|ing)?|maintain(?:s|ed|ing)?|suspend(?:s|ed|ing)?|lift(?:s|ed|ing)?|scrap(?:s|ped|ping)?|"
    r"eliminat(?:e|es|ed|ing)|doubl(?:e|es|ed|ing)|tripl(?:e|es|ed|ing)|increas(?:e|es|ed|ing)|giv(?:e|es|ing)|gave|"
    r"grant(?:s|ed|ing)?|offer(?:s|ed|ing)?|charg(?:e|es|ed|ing)|propos(?:e|es|ed|ing)|retaliat(?:e|es|ed|ing)|"
    r"introduc(?:e|es|ed|ing)|unveil(?:s|ed|ing)?|extend(?:s|ed|ing)?|halv(?:e|es|ed|ing)|waiv(?:e|es|ed|ing)|"
    r"withdraw(?:s|n|ing)?|withdrew|exempt(?:s|ed|ing)?|hit|hits|hitting|target(?:s|ed|ing)?)"
)
_IMPOSER_VERB = re.compile(
    r"^\s*(?:,\s*which\s+)?(?:(?:on|last|this|next|earlier|later)\s+\w+\s+|(?:also|then|now|later|again|still|previously|already|"
    r"quickly|first|has|have|had|will|would|could|may|might|is|was|were|are|did|does|be|been|to|plans? to|"
    r"planned to|agreed to|agrees to|is set to|set to|intends? to|wants? to|vowed to|threatened to|decided to|"
    r"moved to|going to|expected to|likely to)\s+)*" + _TARIFF_VERB + r"\b",
    re.I,
)
# "Mercosur currently charges 35%": a subject kg cannot name as a country imposes; no other party is guessed
_SUBJECT_VERB = (
    r"(?:charges|charged|levies|levied|imposes|imposed|applies|applied|maintains|maintained|keeps|kept|raises|raised|"
    r"cuts|lowers|lowered|reduces|reduced|sets|slaps|slapped|hikes|hiked|collects|collected|doubles|doubled|triples|"
    r"tripled|increases|increased|slashes|slashed|puts|placed|places|extends|extended|threatens|threatened|announces|"
    r"announced|proposes|proposed)"
)
_SUBJECT_PREDICATE = (
    r"\s+(?:(?:currently|now|still|already|also|typically|usually|has|have|had|will|would)\s+)*" + _SUBJECT_VERB + r"\b"
)
_NAMED_SUBJECT = re.compile(
    r"^(?:The\s+)?(?P<name>[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,3})" + _SUBJECT_PREDICATE
)
_PRONOUN_SUBJECT = re.compile(r"^(?:It|They)" + _SUBJECT_PREDICATE)
_SUBJECT_LEAD = re.compile(r"^(?:(?:the|a|an|and|[A-Z][\w.'’-]*)[\s,]+){0,5}$")
_LOWER_WORD_AFTER = re.compile(r"^\s+[a-z]")
# "a 10% duty on Turkish steel": the rate names a party the article's countries do not include, so the
# paragraph's target is not carried to it
_UNKNOWN_PARTY = re.compile(
    r"^\s*(?:[\w\"“”'-]+\s+){0,3}?(?:on|from)\s+(?:the\s+)?"
    r"(?!(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\b)[A-Z][a-z]"
)


@dataclass
class _Rate:
    start: int
    end: int
    value: float


@dataclass
class _Clause:
    start: int
    end: int
    weak: bool  # joined to the clause before by ", and" or a participle: it may share that clause's verb


@dataclass
class _Mention:
    start: int  # offsets in the sentence
    end: int
    iso: str
    kind: str  # country|person|organization
    demonym: bool  # "Japanese", "American": an adjective, so the head noun it modifies says its role


@dataclass
class _Role:
    at: int  # offset of the mention in the sentence
    iso: str
    role: str  # imposer|target
    bound: bool = False  # "the 12% rate negotiated by Chile": the role of the nearest rate before it only


@dataclass
class _Said:
    tariff: Tariff
    sentence_index: int


def _rates(text: str) -> list[_Rate]:
    found = {m.start(): _Rate(m.start(), m.end(), float(m.group("rate"))) for m in _RATE.finditer(text)}
    for m in _BARE_FROM.finditer(text):
        found.setdefault(m.start("rate"), _Rate(m.start("rate"), m.end("rate"), float(m.group("rate"))))
    for m in _TO_ZERO.finditer(text):  # "from 5% to zero"
        found.setdefault(m.start("zero"), _Rate(m.start("zero"), m.end("zero"), 0.0))
    for m in _ZERO.finditer(text):
        if not any(r.start <= m.start() < r.end for r in found.values()):
            found[m.start()] = _Rate(m.start(), m.end(), 0.0)
    return [found[k] for k in sorted(found)]


def _clauses(text: str) -> list[_Clause]:
    cuts = [(m.start(), m.end(), False) for m in _STRONG.finditer(text)]
    cuts += [(m.start(), m.end(), True) for m in _WEAK.finditer(text)
             if not any(s <= m.start() < e for s, e, _ in cuts)]
    clauses: list[_Clause] = []
    begin, weak = 0, False
    for start, end, is_weak in sorted(cuts):
        if start > begin:
            clauses.append(_Clause(begin, start, weak))
        begin, weak = end, is_weak
    clauses.append(_Clause(begin, len(text), weak))
    # "..., but it was suspended for 90 days": a clause about "it" goes on with the clause before
    merged: list[_Clause] = []
    for clause in clauses:
        piece = text[clause.start : clause.end]
        if merged and _PRONOUN_START.match(piece) and not _rates(piece):
            merged[-1].end = clause.end
        else:
            merged.append(clause)
    return merged


def _clause_of(clauses: list[_Clause], at: int) -> int:
    return next((i for i, c in enumerate(clauses) if c.start <= at < c.end), len(clauses) - 1)


def _in_name(text: str, start: int, end: int) -> bool:
    """A country written inside a compound name: "Canada-United States-Mexico Agreement", "non-American"."""
    if start > 0 and text[start - 1] == "-":
        return True
    return text[end : end + 1] == "-" and text[end + 1 : end + 2].isupper()


def _role_of(text: str, mention: _Mention) -> str | None:
    """"imposer", "target" or None for a mention of a country, person or organization."""
    start, end = mention.start, mention.end
    before, after = text[max(0, start - 60) : start], text[end : end + 80]
    country = mention.kind == "country"
    if country and (_TARGET_BEFORE.search(before) or _TARGET_BY.search(before)):
        return "target"  # "levies on US goods", "tariffs on most EU goods", "imports from China"
    if _ASKED.search(before[-30:]) and _ASKED_TO.match(after):
        return "imposer"  # "asked Washington to set a rate", "urged the EU not to raise its levy"
    for pattern in (_IMPOSER_POSSESSIVE, _IMPOSER_ADJECTIVE):
        # "Beijing's levies", "a 27.5 per cent U.S. tariff", "the EU steel safeguard"
        found = pattern.match(after)
        if found and not _NOT_A_MEASURE.match(after[found.end() :]):
            return "imposer"
    if country and (_TARGET_AFTER.match(after) or _TARGET_PAYS.match(after) or _TARGET_PRODUCT.match(after)):
        return "target"  # "Canadian goods have faced", "Mexico would continue to pay", "British steel"
    if mention.demonym and _LOWER_WORD_AFTER.match(after) and not _NOT_GOODS.match(after) \
            and not _IMPOSER_VERB.match(after):
        return "target"  # "Brazilian coffee", "Chinese imports": the goods of that country
    if (
        _IMPOSER_BY.search(before)
        or (not country and _IMPOSER_FROM.search(before))  # "a letter from Trump"
        # "goods entering the U.S.", "exports to the US"
        or (country and (_IMPOSER_DESTINATION.search(before) or _SHIPPED_TO.search(before)))
        or _IMPOSER_VERB.match(after)  # "Washington will cut", "Canada dropped"
        or _IMPOSER_ADMINISTRATION.match(after)
    ):
        return "imposer"
    return None


def _roles(text: str, mentions: list[_Mention]) -> list[_Role]:
    roles: list[_Role] = []
    for mention in mentions:
        if _in_name(text, mention.start, mention.end):
            continue
        role = _role_of(text, mention)
        if role:
            bound = role == "target" and bool(_TARGET_BY.search(text[max(0, mention.start - 60) : mention.start]))
            roles.append(_Role(mention.start, mention.iso, role, bound))
    return roles


def _bound_to(text: str, role: _Role, rate: _Rate) -> bool:
    """Whether a role bound to the rate just before it ("the 12% rate negotiated by Chile") is `rate`'s."""
    return not role.bound or (rate.end <= role.at and not _RATE.search(text, rate.end, role.at))


def _subject_start(text: str) -> int:
    """Where the sentence's subject may begin: after a dateline and an adverbial opener ("In return, the
    EU will open quotas", "Since August, Brazil has")."""
    lead = _DATELINE.match(text)
    offset = lead.end() if lead else 0
    opener = _OPENER.match(text[offset:])
    return offset + (opener.end() if opener else 0)


def _subjects(text: str, mentions: list[_Mention], people: bool = False) -> list[str]:
    """Countries of the mentions that open the sentence ("U.S. President Donald Trump on Thursday gave");
    not a demonym before a noun ("Australian lamb will stay at 8 percent"), unless `people` and the noun
    names the country's people ("Turkish negotiators asked")."""
    offset = _subject_start(text)
    found: list[str] = []
    for mention in mentions:
        if mention.start < offset or _in_name(text, mention.start, mention.end):
            continue
        if not _SUBJECT_LEAD.match(text[offset : mention.start]):
            break
        if mention.demonym and _LOWER_WORD_AFTER.match(text[mention.end :]) \
                and not (people and _NOT_GOODS.match(text[mention.end :])):
            break
        if mention.iso not in found:
            found.append(mention.iso)
    return found


def _status_in(text: str, lo: int, hi: int) -> str | None:
    """The strongest status word in text[lo:hi]. A capitalised word inside the sentence is part of a
    name ("...-Mexico Agreement"), a negated one does not count, a measure to come is not in force."""
    best: str | None = None
    for status, pattern in _STATUS:
        for m in pattern.finditer(text, lo, hi):
            before = text[max(0, m.start() - 25) : m.start()]
            if m.start() > 0 and text[m.start()].isupper():
                continue
            if _NEGATED.search(before):
                continue
            if status == "in force" and _FUTURE.search(before) and not _CONTINUING.search(before) \
                    and not _ONGOING_CUE.match(m.group(0)):
                continue
            if best is None or _STATUS_RANK[status] < _STATUS_RANK[best]:
                best = status
            break
    return best


def _kind_near(text: str, rate: _Rate, lo: int, hi: int) -> str | None:
    """The kind word just after the rate ("25 percent sectoral tariffs"), else the one nearest before
    it in its stretch ("sectoral tariffs that include 25 percent levies")."""
    after = [(m.start(), k) for k, p in _KINDS if (m := p.search(text, rate.start, min(hi, rate.end + 25)))]
    if after:
        return min(after)[1]
    before = [(m.start(), k) for k, p in _KINDS for m in p.finditer(text, lo, rate.start)
              if not _not_this_kind(text, m)]
    return max(before)[1] if before else None


def _not_this_kind(text: str, match: re.Match[str]) -> bool:
    """"would not retaliate against a 10% levy", "retaliating against": that levy is not retaliatory."""
    return bool(_NEGATED.search(text[max(0, match.start() - 25) : match.start()])
                or _AGAINST_AFTER.match(text[match.end() :]))


_AGAINST_AFTER = re.compile(r"\s+(?:against|for)\b", re.I)


_LIST_GAP = re.compile(r"^(?:,\s*|\s+)(?:(?:and|or|as well as|plus)\s+)?(?:[\w-]+\s+){0,2}$", re.I)
# ", and American rice will enter": a new subject, not one more item of the list
_NEW_SUBJECT_GAP = re.compile(r",\s*and\s+[A-Z]")
_STARTS_CLAUSE = re.compile(r"^\s+(?:will|would|has|have|had|is|are|was|were|now|also|still)\b")
# what the left side of a rate may hold between its products and the rate: a verb phrase, no new clause
_LEFT_GAP_STOP = re.compile(r"\b(?:as|when|while|after|before|because|if|since|deal|agreement|that|which|who)\b", re.I)
# "15 per cent on American wheat": the rate names its own goods, so the products before it are another's
_OWN_OBJECT = re.compile(
    r"^\s+(?:[\w\"“”'-]+\s+){0,3}?on\s+(?!(?:their|its|his|her|top|the rest)\b)\w", re.I
)
_RELATIVE_GAP = re.compile(
    r"^(?:\s+[\w-]+){0,2},\s*(?:(?:under|in|for|on|of|by)\s+)?(?:which|that|where)\b[^,;]*$", re.I
)
# "duties on American poultry, currently as high as 62%": the goods in apposition before the rate
_APPOSITION_GAP = re.compile(
    r"^,\s*(?:(?:currently|now|still|already|often|sometimes)\s+)?(?:as\s+high\s+as|up\s+to|at|of|around|about|"
    r"reaching|running\s+at)?\s*$",
    re.I,
)
_INCLUDING_GAP = re.compile(r"^[^,;]*,\s*(?:including|such as|notably|especially|like)\s+[^,;]*$", re.I)


def _product_list(spans: list[tuple[int, int, str]], first: int, text: str, forward: bool) -> list[int]:
    """Indexes of the products coordinated with spans[first] ("steel, aluminum and autos")."""
    chosen = [first]
    i = first
    while True:
        j = i + 1 if forward else i - 1
        if not 0 <= j < len(spans):
            break
        gap = text[spans[i][1] : spans[j][0]] if forward else text[spans[j][1] : spans[i][0]]
        if not _LIST_GAP.match(gap) or _NEW_SUBJECT_GAP.search(gap):
            break
        if forward and _STARTS_CLAUSE.match(text[spans[j][1] :]):
            break
        chosen.append(j)
        i = j
    return sorted(chosen)


_WORD = re.compile(r"[\w.%-]+")


def _words(text: str) -> int:
    return len(_WORD.findall(text))


def _products_of(text: str, named: list[tuple[int, int, str]], rate: _Rate, lo: int, hi: int
                 ) -> tuple[list[str], int, int]:
    """The products named next to the rate, between the neighbouring rates lo..hi: the list on the nearer
    side ("Steel and aluminum face 50 per cent", "25 percent levies on automobiles, steel and aluminum",
    "cars, which currently face a 27.5 per cent tariff"), and the span it covers. `named`: the sentence's
    product_spans."""
    spans = [s for s in named if lo <= s[0] and s[1] <= hi and not (s[0] < rate.end and s[1] > rate.start)]
    best: tuple[int, list[int]] | None = None
    right = next((i for i, s in enumerate(spans) if s[0] >= rate.end), None)
    if right is not None:
        gap = text[rate.end : spans[right][0]]
        words = _words(gap)
        if ("," not in gap and ";" not in gap and words <= 6) or (_INCLUDING_GAP.match(gap) and words <= 8):
            best = (words, _product_list(spans, right, text, True))
    left = next((i for i in range(len(spans) - 1, -1, -1) if spans[i][1] <= rate.start), None)
    if left is not None and not _OWN_OBJECT.match(text[rate.end : hi]):
        gap = text[spans[left][1] : rate.start]
        words = _words(gap)
        plain = "," not in gap and ";" not in gap and words <= 6 and not _LEFT_GAP_STOP.search(gap)
        if (plain or (_RELATIVE_GAP.match(gap) and words <= 9) or _APPOSITION_GAP.match(gap)) \
                and (best is None or words < best[0]):
            best = (words, _product_list(spans, left, text, False))
    if best is None:
        return [], rate.start, rate.end
    keys: list[str] = []
    for index in best[1]:
        if spans[index][2] not in keys:
            keys.append(spans[index][2])
    return keys, min(spans[best[1][0]][0], rate.start), max(spans[best[1][-1]][1], rate.end)


# "from 27.5%", "from over 100%", "down from the 46% rate": the old rate of a change
_FROM = (
    r"from\s+(?:(?:over|more\s+than|about|around|nearly|almost|roughly|some|up\s+to|as\s+(?:much|high)\s+as|"
    r"the|a|an|its|their|current|previous|existing)\s+)*$"
)
_FROM_BEFORE = re.compile(r"\b" + _FROM, re.I)
_UP_DOWN_FROM = re.compile(r"\b(?:up|down|rising|falling|increased|reduced|lowered|cut)\s+" + _FROM, re.I)
# "% duty", "per cent sectoral tariff": the measure word of the rate just written
_RATE_MEASURE = r"^\s*(?:[\w\"“”'-]+\s+){0,2}?" + _MEASURE_WORD + r"\b"
# "the 150% duty on whisky will be halved to 75%": the rate of the measure named before the change
_SUBJECT_CHANGE = re.compile(
    _RATE_MEASURE + r"[^;%]{0,80}?\b(?:(?:will|would|shall|is|are|was|were|"
    r"has|have|had|to|set\s+to|due\s+to|expected\s+to)\s+(?:be\s+|been\s+)*)?(?:cut|halved|lowered|reduced|raised|"
    r"increased|slashed|hiked|lifted|brought\s+down|fall|fell|drop|dropped|come\s+down|came\s+down)\s+to\s+$",
    re.I,
)
# "to lower its 30% tariff on citrus to 10%": the change verb before the old rate, the new one after it
_VERB_BEFORE_CHANGE = re.compile(
    r"\b(?:lower(?:s|ed|ing)?|cut(?:s|ting)?|reduc(?:e|es|ed|ing)|rais(?:e|es|ed|ing)|increas(?:e|es|ed|ing)|"
    r"halv(?:e|es|ed|ing)|slash(?:es|ed|ing)?|hik(?:e|es|ed|ing)|lift(?:s|ed|ing)?|bring(?:s|ing)?\s+down|"
    r"brought\s+down)\s+" + _DETERMINERS,
    re.I,
)
_MEASURE_THEN_TO = re.compile(
    _RATE_MEASURE + r"[^;%]{0,60}?\s(?:down\s+|up\s+)?to\s+$", re.I
)
_REPLACED = re.compile(
    r"^\s*(?:[\w\"“”'-]+\s+){0,6}?(?:has\s+|have\s+|had\s+)?(?:replaced|replaces|superseded|supersedes|succeeded)\s+"
    r"(?:(?:the|a|an|its|their|earlier|previous)\s+)*$",
    re.I,
)
_APPOSITION_CHANGE = re.compile(
    r"\s*,\s*(?:(?:will|would|is\s+set\s+to|are\s+set\s+to|is\s+to|are\s+to|could|may)\s+)?(?:then\s+)?"
    r"(?:double|triple|rise|fall|drop|climb|jump|increase|decrease|go\s+up|come\s+down|be\s+(?:raised|cut|lowered|"
    r"reduced|increased))\s+to\s+",
    re.I,
)
# a change done or one to come before the old rate: "raising the duty from the 31%"
_CHANGE_VERB_BEFORE = re.compile(
    r"\b(?:rais|lower|cut|reduc|increas|hik|slash|bring|brought|lift|chang|halv|doubl|tripl)\w*\b[^;,%]{0,40}$", re.I
)
# "to fall from", "will be halved", "set to drop": the change is to come, so its old rate still applies
_FUTURE_CHANGE = re.compile(
    r"\b(?:will|would|shall|set\s+to|due\s+to|expected\s+to|is\s+to|are\s+to|to)\s+(?:be\s+)?(?:\w+\s+)?"
    r"(?:fall|drop|declin|decreas|cut|reduc|lower|halv|doubl|tripl|rais|increas|rise|climb|jump|go\b|come\s+down|move|"
    r"phas|slash|eliminat)",
    re.I,
)
# "to cut its duties on poultry, currently as high as 62%, to 20%": the change verb well before the old rate
_CHANGE_VERB_NEAR = re.compile(r"\b(?:rais|lower|cut|reduc|increas|hik|slash|bring|lift|halv)\w*\b[^;%]{0,60}$", re.I)
_COMMA_TO = re.compile(r"\s*,\s*to\s+")
# between the old rate and the new: "from 25 to about 15%", "from 27.5% - the 25% duty ... - to 15%"
_TO_GAP = re.compile(r"\s+to\s+(?:as (?:much|high|low) as\s+|about\s+|around\s+)?", re.I)
_ASIDE_TO_GAP = re.compile(r"\s*[-–—(][^;]*?[-–—)]\s*to\s+")
# "cut to 10% from 20%"
_FROM_GAP = re.compile(r"\s+from\s+", re.I)
_TO_BEFORE = re.compile(r"\bto\s+$", re.I)


def _changes(text: str, rates: list[_Rate]) -> dict[int, int]:
    """Old rate index -> new rate index: "from 27.5% (- ... -) to 10%", "to 10% from 20%", "35%, up from 25%",
    "the 150% duty will be halved to 75%"."""
    pairs: dict[int, int] = {}
    for i, old in enumerate(rates):
        before = text[max(0, old.start - 40) : old.start]
        gap = text[old.end : rates[i + 1].start] if i + 1 < len(rates) else None  # to the next rate
        if gap is not None and _REPLACED.match(gap):
            pairs[i + 1] = i  # "The 20 percent rate replaced the 32 percent"
            continue
        if gap is not None and not _FROM_BEFORE.search(before) and (
            _SUBJECT_CHANGE.match(gap)
            or (_VERB_BEFORE_CHANGE.search(before) and _MEASURE_THEN_TO.match(gap))
            # "duties on shrimp, already at 25%, will double to 50%"
            or _APPOSITION_CHANGE.fullmatch(gap)
            # "to cut its duties on poultry, currently as high as 62%, to 20%"
            or (_COMMA_TO.fullmatch(gap) and _CHANGE_VERB_NEAR.search(text[max(0, old.start - 70) : old.start]))
        ):
            pairs[i] = i + 1
            continue
        if not _FROM_BEFORE.search(before):
            continue
        for j in range(i + 1, len(rates)):
            between = text[old.end : rates[j].start]
            if _TO_GAP.fullmatch(between) or _ASIDE_TO_GAP.fullmatch(between):
                pairs[i] = j
                break
        else:
            if i == 0:
                continue
            previous = rates[i - 1]
            if _UP_DOWN_FROM.search(before) or (
                _FROM_GAP.fullmatch(text[previous.end : old.start])
                and _TO_BEFORE.search(text[max(0, previous.start - 10) : previous.start])
            ):
                pairs[i] = i - 1  # "35 per cent, up from 25 per cent", "cut to 10% from 20%"
    return pairs


def _chains(text: str, rates: list[_Rate], changes: dict[int, int]) -> dict[int, int]:
    """Later step -> the step before it: "halved from 150% to 75%, falling to 40% by 2030"."""
    steps: dict[int, int] = {}
    ends = set(changes.values())
    for j in range(len(rates) - 1):
        if (j in ends or j in steps) and j + 1 not in changes and j + 1 not in ends \
                and _CHAIN.match(text[rates[j].end : rates[j + 1].start]):
            steps[j + 1] = j
    return steps


def _dangling(text: str, rates: list[_Rate], changes: dict[int, int]) -> set[int]:
    """Old rates of a change whose new rate the sentence does not write ("raising the duty from the 31%")."""
    ends = set(changes.values())
    return {
        i for i, rate in enumerate(rates)
        if i not in changes and i not in ends and _FROM_BEFORE.search(text[max(0, rate.start - 40) : rate.start])
        and _CHANGE_VERB_BEFORE.search(text[max(0, rate.start - 70) : rate.start])
    }


def _effective(text: str, refs: list[DateRef], rate: _Rate, hi: int, clause: _Clause) -> date | None:
    """The date a rate takes effect: the nearest "took effect on / since / from <date>" after the rate in
    its stretch, or one that opens its clause ("From August 1, ...")."""
    opening = _OPENING_EFFECT.match(text[clause.start : clause.end])
    for ref in refs:
        if ref.first is None or ref.precision != "day":
            continue
        if not _EFFECT_CUE.search(text[max(0, ref.start - 40) : ref.start]):
            continue
        if rate.end <= ref.start < hi or (opening and ref.start - clause.start <= 25):
            return ref.first
    return None


def _stretch(text: str, rates: list[_Rate], i: int, clauses: list[_Clause], changes: dict[int, int]) -> tuple[int, int]:
    """The rate's own stretch of its clause, where its status and kind words are: from the rate before it
    to the last comma before the next one. Both rates of a change in one clause share theirs ("agreed to
    cut its tariff from 20 per cent to 10 per cent", "to 15 percent from 25 percent under a deal")."""
    clause = clauses[_clause_of(clauses, rates[i].start)]
    first = last = i
    partner = next((old for old, new in changes.items() if new == i), None)
    if partner is not None and clause.start <= rates[partner].start < clause.end:
        first, last = min(partner, i), max(partner, i)
    lo = max(clause.start, rates[first - 1].end if first else 0)
    next_start = rates[last + 1].start if last + 1 < len(rates) else len(text)
    hi = min(clause.end, next_start)
    comma = text.rfind(",", rates[last].end, hi)
    if last + 1 < len(rates) and comma > 0 and hi == next_start:
        hi = comma
    return lo, hi


def _is_coordinated(text: str, previous: _Rate, rate: _Rate) -> bool:
    gap = text[previous.end : rate.start]
    return bool(_COORDINATED.search(gap)) and not _RELATIVE.search(gap)


@dataclass
class TariffContext:
    """What one article has said about tariffs so far: the parties to carry forward, the tariffs of
    recent sentences, the status changes to apply at the end."""

    doc_id: str
    published: date | None
    text: str  # the whole document, to see paragraph breaks
    stated_imposers: set[str] = field(default_factory=set)  # imposers the article's clauses name
    paragraph_imposer: str | None = None
    paragraph_target: str | None = None
    sentence_index: int = 0
    last_end: int = 0
    said: list[_Said] = field(default_factory=list)
    mutual: set[str] = field(default_factory=set)  # local ids of tariffs both sides apply
    unknown_target: set[str] = field(default_factory=set)  # local ids whose target the article cannot name
    status_updates: list[tuple[str, str, date | None, Evidence]] = field(default_factory=list)
    agreement_reported: bool = False  # a sentence so far reports a deal agreed or signed
    unknown_imposer: set[str] = field(default_factory=set)  # local ids imposed by a party kg cannot name
    unknown_party_said: bool = False  # the sentence before had such a party as its subject
    pair: tuple[str, str] | None = None  # the two parties the article's opening is about
    paragraph: int = 0

    def add_sentence(
        self, sentence: SentenceSpan, mentions: list[Mention], person_country: dict[str, str], next_id: int
    ) -> list[Tariff]:
        """The tariffs with a rate stated in `sentence`; ids t<next_id>.. in order of appearance."""
        gap = self.text[self.last_end : sentence.start]
        if self.sentence_index == 0 or _PARAGRAPH_BREAK.search(gap):
            self.paragraph_imposer = self.paragraph_target = None
            self.unknown_party_said = False
            self.paragraph += 1
        self.last_end = sentence.start + len(sentence.text)
        self.sentence_index += 1
        self._effect_anaphora(sentence, mentions)
        if self.pair is None and self.paragraph <= _OPENING_PARAGRAPHS:
            self.pair = _pair(sentence, mentions)
        update = status_from_context(sentence, self.published, self.doc_id)
        if update is not None:
            self.status_updates.append(update)
        # read before this sentence's own: "It" stands for the subject of the sentence before
        unknown_subject = self._unknown_subject(sentence.text, mentions, sentence.start, person_country)
        found = self._extract(sentence, mentions, person_country, next_id, unknown_subject)
        self.unknown_party_said = unknown_subject
        if not self.agreement_reported and _status_in(sentence.text, 0, len(sentence.text)) == "agreed":
            self.agreement_reported = True
        for tariff in found:
            if tariff.imposed_by:
                self.paragraph_imposer = tariff.imposed_by
            if tariff.applies_to:
                self.paragraph_target = tariff.applies_to
        return found

    def finish(self, tariffs: list[Tariff]) -> None:
        """Status changes stated later, then parties completed from the article's pair and from its
        other tariffs."""
        apply_status_context(tariffs, self.status_updates)
        sided = [t for t in tariffs if t.local_id not in self.mutual]
        if self.pair is not None:
            _complete_from_pair(sided, self.pair, self.unknown_imposer)
        _complete_parties(sided, self.unknown_target, self.unknown_imposer, self.stated_imposers)
        _one_confidence_per_evidence(tariffs)

    # one sentence ---------------------------------------------------------------------------------

    def _accepts(self, text: str, rate: _Rate, clause: _Clause) -> bool:
        """A rate of a tariff, not a share or a market move: a tariff word in its clause or next to it,
        else a rate word or a continuing verb ("will stay at") just after a tariff sentence."""
        before = text[max(0, rate.start - 40) : rate.start]
        if _NOT_A_RATE_BEFORE.search(before) or _NOT_A_RATE_QUANTITY.search(before) or _NOT_A_RATE_AFTER.match(
            text[rate.end :]
        ):
            return False
        if _ZERO.fullmatch(text[rate.start : rate.end]):
            return True
        if _CHARGE_BEFORE.search(before):
            return True
        if _MEASURE.search(text, clause.start, clause.end) or _MEASURE.search(
            text[max(0, rate.start - 60) : rate.end + 60]
        ):
            return True
        if self.said and _RATE_NOUN.search(text, clause.start, clause.end):
            return True
        recent = bool(self.said) and self.said[-1].sentence_index >= self.sentence_index - 2
        return recent and bool(_ANAPHORIC.search(text[max(0, rate.start - 40) : rate.start]))

    def _accepted_rates(self, text: str, clauses: list[_Clause]) -> list[_Rate]:
        """The sentence's tariff rates; a rate next to an accepted one in a list of rates ("35% on cars,
        up to 20% on machinery") or a further step of its change ("falling to 40%") is one too."""
        found = _rates(text)
        accepted = [self._accepts(text, r, clauses[_clause_of(clauses, r.start)]) for r in found]
        for i in range(1, len(found)):
            if accepted[i] or not accepted[i - 1]:
                continue
            gap = text[found[i - 1].end : found[i].start]
            before = text[max(0, found[i].start - 40) : found[i].start]
            if _NOT_A_RATE_BEFORE.search(before) or _NOT_A_RATE_AFTER.match(text[found[i].end :]):
                continue
            clause = clauses[_clause_of(clauses, found[i].start)]
            # "... raised the levy from 18%, leaving olive oil above the 12% rate won by Spain"
            if _LIST_OF_RATES.match(gap) or _CHAIN.match(gap) or _RATE_NOUN.search(text, clause.start, clause.end):
                accepted[i] = True
        return [r for r, ok in zip(found, accepted, strict=True) if ok]

    def _extract(
        self, sentence: SentenceSpan, mentions: list[Mention], person_country: dict[str, str], next_id: int,
        unknown_imposer: bool,
    ) -> list[Tariff]:
        """The sentence's tariffs; `unknown_imposer`: its subject is a party kg cannot name."""
        text = sentence.text
        clauses = _clauses(text)
        rates = self._accepted_rates(text, clauses)
        if not rates:
            return []
        local: list[_Mention] = []
        for mention in mentions:
            iso = mention.ref if mention.kind == "country" else person_country.get(mention.ref or "")
            if iso:
                info = country_by_iso(iso) if mention.kind == "country" else None
                demonym = info is not None and mention.text.lower() in {d.lower() for d in info.demonyms}
                local.append(_Mention(mention.start - sentence.start, mention.end - sentence.start, iso,
                                      mention.kind, demonym))
        # a customs union is a party like a country: "Mercosur currently charges 35% on European cars"
        for start, end, code in customs_unions_in(text):
            if not any(m.start < end and m.end > start for m in local):
                local.append(_Mention(start, end, code, "country", False))
        local.sort(key=lambda m: (m.start, m.end))
        roles = _roles(text, local)
        subjects = _subjects(text, local)
        people = [(m.start - sentence.start, m.end - sentence.start) for m in mentions if m.kind == "person"]
        # the asker of a request may be written as its people: "Turkish negotiators asked Cairo to ..."
        request = _request(text, local, _subjects(text, local, people=True), people)
        changes = _changes(text, rates)
        steps = _chains(text, rates, changes)
        dangling = _dangling(text, rates, changes)
        ends = set(changes.values())
        lead = _DATELINE.match(text)
        frame = _FRAME.match(text[lead.end() :] if lead else text)
        exchange = _EXCHANGE.match(text[lead.end() :] if lead else text)
        refs = find_dates(text, self.published)
        named_products = product_spans(text)
        # a change is to come when its verb says so ("to fall from", "will be halved") or a time to
        # come is named for it ("halved from 150% to 75%, falling to 40% by the tenth year")
        to_come = bool(_TIME_TO_COME.search(text))
        found: list[Tariff] = []
        by_rate: dict[int, list[Tariff]] = {}
        statuses: dict[int, str | None] = {}
        kinds: dict[int, str | None] = {}
        seen: set[tuple[object, ...]] = set()
        for i, rate in enumerate(rates):
            ci = _clause_of(clauses, rate.start)
            clause = clauses[ci]
            prev_end = rates[i - 1].end if i else 0
            next_start = rates[i + 1].start if i + 1 < len(rates) else len(text)
            lo, hi = _stretch(text, rates, i, clauses, changes)
            products, span_start, span_end = _products_of(text, named_products, rate, prev_end, next_start)
            kind = _kind_near(text, rate, lo, hi)
            if kind is None and i and _clause_of(clauses, rates[i - 1].start) == ci \
                    and _LIST_OF_RATES.match(text[rates[i - 1].end : rate.start]):
                kind = kinds.get(i - 1)  # "reciprocal tariffs of 46% on X, 49% on Y and 36% on Z"
            kinds[i] = kind
            mutual = bool(_MUTUAL.search(text, clause.start, clause.end))
            # "Taipei asked Washington to set a rate no higher than the 15 percent applied to Japan": the
            # asker wants that rate for itself
            requested = request is not None and i not in changes and request.cue_end <= rate.start \
                and bool(_REQUEST_RATE.search(text, request.cue_end, rate.start)) \
                and not _OBJECT_OF_CUT.search(text[max(request.cue_end, rate.start - 40) : rate.start])
            asker = request.asker if request is not None else None
            unknown = unknown_imposer or (requested and request is not None and request.unknown)
            imposer, targets, imposer_from = (None, [], "none") if mutual else self._parties(
                text, roles, [s for s in subjects if s != asker], local, clauses, ci, rate, unknown
            )
            status = _status_in(text, lo, hi)
            if status is None and i and _clause_of(clauses, rates[i - 1].start) == ci \
                    and _is_coordinated(text, rates[i - 1], rate) and i not in ends and i not in steps \
                    and statuses.get(i - 1) != "previous":
                status = statuses.get(i - 1)  # "a 25% tariff on cars and a 25% tariff on steel"
            back = ci
            while status is None and clauses[back].weak and back > 0:
                back -= 1  # "Steel faces 50 per cent, and lumber a 10 per cent levy"
                status = _status_in(text, clauses[back].start, clauses[back].end)
            if status is None and i in steps:
                status = statuses.get(steps[i])  # "..., falling to 40% by 2030": the step before's
            if status is None and (frame or (exchange and self.agreement_reported)):
                status = "agreed"  # "Under the deal, ...", "In return, ..." in an article reporting one
            if i in changes or i in dangling:
                # the old rate of a change: gone once it is done, still applying while it is to come
                new_at = changes.get(i, i)
                between = text[clause.start : max(rate.start, rates[new_at].start)]
                status = "in force" if to_come or _FUTURE_CHANGE.search(between) else "previous"
            elif status is None and (i in ends or i in steps) and self.agreement_reported \
                    and (to_come or _FUTURE_CHANGE.search(text[clause.start : rate.start])):
                status = "agreed"  # a cut to come, in an article reporting the deal: its terms
            # "will remove its 25% counter-tariffs from Sept. 1" (that date ends the measure), "Indonesia's
            # 50% tariff phased out over five years": a rate to go applies until then
            removed = bool(_REMOVAL_BEFORE.search(text[max(clause.start, rate.start - 50) : rate.start]))
            if (removed or _REMOVED_AFTER.match(text, rate.end, hi)) and status in (None, "agreed") \
                    and i not in ends and i not in steps:
                status = "in force"
            requested_for: str | None = None
            if requested and request is not None:
                imposer = imposer if imposer != request.asker else request.asked
                if not targets or targets == [request.asker]:
                    targets, status = [request.asker], "proposed"
                elif request.asker not in targets:
                    requested_for = request.asker
            statuses[i] = status
            until = None
            if status == "suspended":
                for ref in refs:
                    if ref.first and clause.start <= ref.start < clause.end and _UNTIL.search(
                        text[max(0, ref.start - 40) : ref.start]
                    ):
                        until = ref.first
            # "on all trading partners" in the rate's own stretch; a universal rate takes no target from
            # another rate's words ("46% on Vietnam ..., on top of a 10% baseline duty on all partners")
            every = bool(_ALL_PARTNERS.search(text, lo, hi))
            all_partners = kind == "universal" or every
            own = max(lo, text.rfind(",", lo, rate.start) + 1)  # the rate's own words, after the last comma
            if all_partners and not any(own <= r.at < hi for r in roles if r.role == "target"):
                targets = [t for t in targets if t == self.paragraph_target] if not every else []
            if rate.value == 0 and not products and i not in changes and i not in ends and i not in steps:
                continue  # "85% of lines become tariff-free", "zero tariffs on US products": no measure on named goods
            confidence = {"clause": 0.9, "sentence": 0.85, "subject": 0.8}.get(imposer_from, 0.75)
            effective = _effective(text, refs, rate, hi, clause)
            if removed and until is None:
                until = effective  # the date of a removal ends the measure
            written: list[str | None] = list(targets) or [None]
            parties = [(imposer, target, status) for target in written]
            if requested_for is not None:
                parties.append((imposer, requested_for, "proposed"))
            for party_imposer, target, party_status in parties:
                key = (rate.value, kind, tuple(sorted(products)), party_imposer, target, party_status)
                if key in seen:
                    continue
                seen.add(key)
                tariff = Tariff(
                    local_id=f"t{next_id + len(found)}",
                    rate_percent=rate.value,
                    kind=kind or "other",  # settled below, once changes shared their words
                    products=list(products),
                    imposed_by=party_imposer,
                    applies_to=target,
                    all_partners=all_partners,
                    status=party_status,
                    effective_from=None if party_status in ("previous", "proposed") or removed else effective,
                    until=until,
                    evidence=[
                        sentence.evidence(self.doc_id, span_start, span_end, "tariff.rate_with_measure", confidence)
                        if party_status == status else
                        sentence.evidence(self.doc_id, span_start, span_end, "tariff.requested_rate", 0.7)
                    ],
                )
                if mutual:
                    self.mutual.add(tariff.local_id)
                if target is None and _UNKNOWN_PARTY.match(text[rate.end : clause.end]):
                    self.unknown_target.add(tariff.local_id)
                if party_imposer is None and unknown:
                    self.unknown_imposer.add(tariff.local_id)
                found.append(tariff)
                by_rate.setdefault(i, []).append(tariff)
        # a change shares its products and kind: "lowered the tariff on cars from 25 percent to 15 percent"
        for old, new in changes.items():
            if old not in by_rate or new not in by_rate:
                continue
            shared = by_rate[old][0].products or by_rate[new][0].products
            for b in by_rate[new]:
                b.replaces = by_rate[old][0].local_id
            for t in by_rate[old] + by_rate[new]:
                t.products = list(shared)
            kinds[old] = kinds[new] = kinds[old] or kinds[new]
            # "from 27.5% - the 25% duty on top of a 2.5% levy - to 15%": what lies between is about the same goods
            for k in range(min(old, new) + 1, max(old, new)):
                for t in by_rate.get(k, []):
                    t.products = t.products or list(shared)
        # a further step of a change is about the same goods, from the same parties
        for later, earlier in steps.items():
            if later not in by_rate or earlier not in by_rate:
                continue
            a = by_rate[earlier][0]
            for b in by_rate[later]:
                b.replaces = a.local_id
                b.products = b.products or list(a.products)
                b.imposed_by = b.imposed_by or a.imposed_by
                b.applies_to = b.applies_to or a.applies_to
            kinds[later] = kinds[later] or kinds[earlier]
        for i, tariffs in by_rate.items():
            for tariff in tariffs:
                # no kind word: a measure on named products is sectoral
                tariff.kind = kinds[i] or ("sectoral" if tariff.products else "other")
        for tariff in found:
            self.said.append(_Said(tariff, self.sentence_index))
        return found

    def _unknown_subject(self, text: str, mentions: list[Mention], offset: int, person_country: dict[str, str]
                         ) -> bool:
        """Whether the sentence's subject is a party kg cannot name as a country ("Mercosur currently
        charges 35% on cars"), or a pronoun standing for the one the sentence before named ("It levies
        27% on wine")."""
        begin = _subject_start(text)
        if _PRONOUN_SUBJECT.match(text[begin:]):
            return self.unknown_party_said
        named = _NAMED_SUBJECT.match(text[begin:])
        if named is None or named.group("name").split()[0].lower() in _NOT_A_NAME \
                or _UNION.search(named.group("name")):
            return False
        start, end = begin + named.start("name"), begin + named.end("name")
        # a person counts as named even when the article gives no country (the article's imposer is
        # theirs), an organization when it has one
        return not any(
            (m.kind in ("country", "person") or (m.kind == "organization" and person_country.get(m.ref or "")))
            and m.start - offset < end and m.end - offset > start
            for m in mentions
        )

    def _parties(
        self, text: str, roles: list[_Role], subjects: list[str], local: list[_Mention], clauses: list[_Clause],
        ci: int, rate: _Rate, unknown_imposer: bool
    ) -> tuple[str | None, list[str], str]:
        """(imposer, targets, where the imposer came from): the rate's clause, an earlier clause, the
        sentence's subject (imposer only), the paragraph, the article (imposer only). Targets written
        together ("applied to Japan and South Korea") are each one."""
        imposer, imposer_from = _pick(text, roles, clauses, ci, rate, "imposer", None)
        target, at = _pick_at(text, roles, clauses, ci, rate, "target", imposer)
        targets = _coordinated(text, local, at, imposer) if target else []
        winners = _winners(text, local, subjects, rate)
        if winners:
            targets = [w for w in winners if w != imposer]
            if imposer in winners:
                imposer, imposer_from = None, "none"
        if imposer is None and not unknown_imposer:
            # "EU and U.S. seal deal setting 15% levy on European exports": the subject that is not the
            # target; two ("Korea, US settle on 15% tariff") say nothing of who imposes, nor does one
            # beside the winners of a rate ("Rabat wants the terms won by Egypt")
            others = [s for s in subjects if s not in targets] if not winners else []
            if len(others) == 1:
                imposer, imposer_from = others[0], "subject"
            elif self.paragraph_imposer and self.paragraph_imposer not in targets:
                imposer, imposer_from = self.paragraph_imposer, "paragraph"
            elif len(self.stated_imposers) == 1 and not set(targets) & self.stated_imposers \
                    and not self.unknown_imposer:
                # across paragraphs only while the article has named a single imposer (and no party kg
                # cannot name)
                imposer, imposer_from = next(iter(self.stated_imposers)), "article"
        if imposer and imposer_from in ("clause", "sentence", "subject"):
            self.stated_imposers.add(imposer)
        if not targets and self.paragraph_target and self.paragraph_target != imposer \
                and not _UNKNOWN_PARTY.match(text[rate.end : clauses[ci].end]):
            targets = [self.paragraph_target]
        return imposer, targets, imposer_from

    def _effect_anaphora(self, sentence: SentenceSpan, mentions: list[Mention]) -> None:
        """"That levy took effect on August 27", "The U.S. measure, announced on July 30, took effect on
        August 6": the date (and, if unstated, the status) of the measure the last tariff sentence stated."""
        text = sentence.text
        match = _EFFECT_ANAPHORA.match(text)
        if match is None or not self.said or self.said[-1].sentence_index < self.sentence_index - 2:
            return
        first_rate = min((r.start for r in _rates(text)), default=len(text))
        refs = [r for r in find_dates(text, self.published)
                if r.first and r.precision == "day" and match.end() <= r.start < first_rate]
        if not refs:
            return
        last = self.said[-1].sentence_index
        recent = [s.tariff for s in self.said if s.sentence_index == last and s.tariff.status != "previous"]
        named = {m.ref for m in mentions if m.kind == "country" and m.ref
                 and sentence.start <= m.start < sentence.start + match.start("noun")}
        if named:
            recent = [t for t in recent if t.imposed_by in named]
        noun = match.group("noun").lower()
        if noun.startswith(("cut", "reduction", "increase", "hike")):
            recent = [t for t in recent if t.replaces] or recent  # the new rates of the changes
        elif noun in ("levy", "tariff", "duty", "rate", "measure"):
            recent = recent[-1:]  # "that levy": the last one named
        evidence = sentence.evidence(self.doc_id, match.start(), refs[0].end, "tariff.effect_from_context", 0.7)
        past = match.group("verb").lower() in ("took", "came", "went")
        for tariff in recent:
            if tariff.effective_from is None:
                tariff.effective_from = refs[0].first
            if past and tariff.status in (None, "announced"):
                tariff.status = "in force"
            tariff.evidence.append(evidence)


def _pick(text: str, roles: list[_Role], clauses: list[_Clause], ci: int, rate: _Rate, role: str,
          other: str | None) -> tuple[str | None, str]:
    """The country with `role` nearest the rate in its clause (on the side it usually takes), else the
    last one in an earlier clause."""
    iso, at = _pick_at(text, roles, clauses, ci, rate, role, other)
    return iso, ("none" if iso is None else "clause" if clauses[ci].start <= at < clauses[ci].end else "sentence")


def _pick_at(text: str, roles: list[_Role], clauses: list[_Clause], ci: int, rate: _Rate, role: str,
             other: str | None) -> tuple[str | None, int]:
    """_pick, with the offset of the chosen mention (-1 for none)."""
    clause = clauses[ci]
    roles = [r for r in roles if _bound_to(text, r, rate)]
    own = [r for r in roles if r.role == role and clause.start <= r.at < clause.end and r.iso != other]
    # the imposer is the clause's subject, before the rate ("Brazil imposed 40 per cent ... and 15 per
    # cent on American wheat"); the target its object, after it, unless it is the subject ("Canadian
    # goods have faced a 35 per cent tariff")
    first = [r for r in own if (r.at < rate.start) == (role == "imposer")]
    if first:
        chosen = min(first, key=lambda r: abs(r.at - rate.start))
        return chosen.iso, chosen.at
    if own:
        chosen = min(own, key=lambda r: (abs(r.at - rate.start), r.at))
        return chosen.iso, chosen.at
    earlier = [r for r in roles if r.role == role and r.at < clause.start and r.iso != other]
    if earlier:
        chosen = max(earlier, key=lambda r: r.at)
        return chosen.iso, chosen.at
    return None, -1



def _group(text: str, local: list[_Mention], index: int) -> list[_Mention]:
    """The countries written together with local[index]: "Japan and South Korea", "the EU, Japan and Korea"."""
    countries: list[_Mention] = []
    for mention in sorted((m for m in local if m.kind == "country" and not _in_name(text, m.start, m.end)),
                          key=lambda m: (m.start, -m.end)):
        if not countries or mention.start >= countries[-1].end:  # one of two overlapping mentions
            countries.append(mention)
    if local[index] not in countries:
        return [local[index]]
    k = countries.index(local[index])
    first = last = k
    while first > 0 and _COORDINATION_GAP.match(text[countries[first - 1].end : countries[first].start]):
        first -= 1
    while last + 1 < len(countries) and _COORDINATION_GAP.match(text[countries[last].end : countries[last + 1].start]):
        last += 1
    return countries[first : last + 1]


def _coordinated(text: str, local: list[_Mention], at: int, imposer: str | None) -> list[str]:
    """The target at offset `at` and the countries coordinated with it, in order, without the imposer."""
    index = next((k for k, m in enumerate(local) if m.start == at), None)
    if index is None:
        return []
    found: list[str] = []
    for mention in _group(text, local, index):
        if mention.iso != imposer and mention.iso not in found:
            found.append(mention.iso)
    return found


def _winners(text: str, local: list[_Mention], subjects: list[str], rate: _Rate) -> list[str]:
    """The parties that secured the rate for their goods: "Japan and South Korea ... secured their 15
    percent rates", "the EU and Japan, both of which won a 15% ceiling"."""
    won = _WON_BEFORE.search(text[max(0, rate.start - 50) : rate.start])
    if won is None:
        return []
    verb = max(0, rate.start - 50) + won.start()
    relative = _WINNER_RELATIVE.search(text[:verb])
    if relative is not None:
        before = [k for k, m in enumerate(local) if m.kind == "country" and m.end <= relative.start()
                  and not text[m.end : relative.start()].strip()]
        if not before:
            return []
        found: list[str] = []
        for mention in _group(text, local, before[-1]):
            if mention.iso not in found:
                found.append(mention.iso)
        return found
    return list(subjects)


@dataclass
class _Request:
    asked: str | None  # the party asked to set or drop the rate: it imposes it (None: one kg cannot name)
    asker: str  # the party asking: its goods are the target
    cue_end: int  # offset after "asked <party> to"
    unknown: bool = False  # the asked party is a name kg does not know: no other imposer is guessed


_REQUEST_CUE = re.compile(
    r"\b(?:ask(?:s|ed)?|urg(?:e|es|ed)|press(?:es|ed)?|call(?:s|ed)?\s+on|request(?:s|ed)?|lobb(?:y|ies|ied)|"
    r"persuad(?:e|es|ed)|push(?:es|ed)?)\s+(?P<asked>(?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})"
    r"(?:\s*\([^)]{0,40}\))?,?\s+(?:not\s+)?to\b"
)


def _request(text: str, local: list[_Mention], subjects: list[str], people: list[tuple[int, int]]
             ) -> _Request | None:
    """ "Taipei has asked Washington to set a rate ...", "Moroccan negotiators asked Sana'a to grant the
    9% rate": who asks whom. The asker is the sentence's one subject country; an asked person whose
    country the article does not give is no unknown party."""
    cue = _REQUEST_CUE.search(text)
    if cue is None:
        return None
    start, end = cue.span("asked")
    asked = next((m.iso for m in local if m.kind == "country" and m.start < end and m.end > start), None)
    askers = [s for s in subjects if s != asked]
    if len(askers) != 1:
        return None
    person = any(a < end and b > start for a, b in people)
    return _Request(asked, askers[0], cue.end(), unknown=asked is None and not person)


# the headline and the lede: where an article says which two parties it is about
_OPENING_PARAGRAPHS = 4
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
_BETWEEN_BEFORE = re.compile(r"\bbetween\s+(?:the\s+)?$", re.I)  # "talks between Seoul and Washington"
_PAIR_GAP = re.compile(r"\s*(?:and|,|-|–|—|/|&)\s*(?:the\s+)?")
_PAIR_WORDS = re.compile(
    r"^(?:['’]s)?\s+(?:[\w-]+\s+){0,3}?(?:deal|agreement|pact|accord|framework|trade|ties|talks|relations|"
    r"negotiations|sign(?:s|ed)?|agree[sd]?|seal(?:s|ed)?|strike|struck|reach(?:es|ed)?|conclude[sd]?|clinch(?:es|ed)?|"
    r"settle[sd]?)\b",
    re.I,
)


def _pair(sentence: SentenceSpan, mentions: list[Mention]) -> tuple[str, str] | None:
    """The two countries a sentence joins in a deal, talks or ties: "UK and India sign trade deal",
    "U.S.-Brazil Ties", "talks between Seoul and Washington"."""
    text = sentence.text
    parties = [(m.start - sentence.start, m.end - sentence.start, m.ref) for m in mentions
               if m.kind == "country" and m.ref]
    parties += [u for u in customs_unions_in(text) if not any(p[0] < u[1] and p[1] > u[0] for p in parties)]
    parties.sort()
    for (_, a_end, a_ref), (b_start, b_end, b_ref) in zip(parties, parties[1:], strict=False):
        if a_ref == b_ref or not _PAIR_GAP.fullmatch(text[a_end:b_start]):
            continue
        a_start = next(p[0] for p in parties if p[1] == a_end)
        between = _BETWEEN_BEFORE.search(text[:a_start])
        if (between and "and" in text[a_end:b_start]) or _PAIR_WORDS.match(text[b_end:]):
            return (a_ref, b_ref)
    return None


def _one_confidence_per_evidence(tariffs: list[Tariff]) -> None:
    """Tariffs read from one span by one rule ("applied to Japan and South Korea") share one evidence
    node in the graph, so they take one confidence: the lowest any of them was given."""
    lowest: dict[tuple[int, int, str], float] = {}
    for tariff in tariffs:
        for ev in tariff.evidence:
            key = (ev.start, ev.end, ev.rule)
            lowest[key] = min(lowest.get(key, ev.confidence), ev.confidence)
    for tariff in tariffs:
        tariff.evidence = [dataclasses.replace(ev, confidence=lowest[(ev.start, ev.end, ev.rule)])
                           for ev in tariff.evidence]


def _lowered(tariff: Tariff, by: float) -> None:
    first = tariff.evidence[0]
    tariff.evidence[0] = dataclasses.replace(first, confidence=round(max(0.5, first.confidence - by), 2))


def _complete_from_pair(tariffs: list[Tariff], pair: tuple[str, str], keep_imposer_open: set[str]) -> None:
    """An article about two parties ("UK and India sign trade deal", "U.S.-Brazil ties") that names the
    target of a tariff and not its imposer means the other party: "tariffs on UK cars to fall to 10%" are
    India's. The converse does not hold: "India's tariffs on cars" may be on every partner's cars."""
    for tariff in tariffs:
        if tariff.applies_to in pair and not tariff.imposed_by and tariff.local_id not in keep_imposer_open:
            tariff.imposed_by = pair[1] if tariff.applies_to == pair[0] else pair[0]
            _lowered(tariff, 0.15)


def _complete_parties(tariffs: list[Tariff], keep_target_open: set[str], keep_imposer_open: set[str],
                      named_imposers: set[str]) -> None:
    """A tariff whose sentence left a party open takes it from the article's other statements of it.

    "The 30% rate had been set out in a letter from Trump" is the 30% on Mexico stated earlier; a
    headline's "the 50% tariff wall still stands" is the 50% the body says the US levies on India.
    Then an article that names one target of an imposer's tariffs is about that target, and one that
    names one imposer of tariffs on a target is about that imposer; with none, in an article whose
    clauses name the target's own tariffs and those of one other imposer, that other imposer
    ("Brazilian beef now faces 76.4%" where Washington's and Brazil's tariffs are named). A tariff on a
    party the article's countries do not include ("a 10% duty on Turkish steel") keeps its target open,
    one imposed by a party kg cannot name ("Mercosur charges 35%") its imposer.
    """
    _complete_same_terms(tariffs, keep_target_open | keep_imposer_open)
    for tariff in tariffs:
        if tariff.imposed_by and not tariff.applies_to and tariff.local_id not in keep_target_open:
            targets = {t.applies_to for t in tariffs if t.imposed_by == tariff.imposed_by and t.applies_to}
            if len(targets) == 1:
                tariff.applies_to = next(iter(targets))
                _lowered(tariff, 0.15)
        if tariff.applies_to and not tariff.imposed_by and tariff.local_id not in keep_imposer_open:
            imposers = {t.imposed_by for t in tariffs if t.applies_to == tariff.applies_to and t.imposed_by}
            # the target itself among the named imposers: the article is about both sides' tariffs
            others = named_imposers - {tariff.applies_to} if tariff.applies_to in named_imposers else set()
            if len(imposers) == 1:
                tariff.imposed_by = next(iter(imposers))
                _lowered(tariff, 0.15)
            elif not imposers and len(others) == 1:
                tariff.imposed_by = next(iter(others))
                _lowered(tariff, 0.2)
    # a restatement whose fellows were completed just now
    _complete_same_terms(tariffs, keep_target_open | keep_imposer_open)


def _complete_same_terms(tariffs: list[Tariff], keep_open: set[str]) -> None:
    """A tariff with a party open takes both parties of the one other complete tariff of its terms."""
    for tariff in tariffs:
        if (tariff.imposed_by and tariff.applies_to) or tariff.local_id in keep_open:
            continue
        same = [
            t for t in tariffs
            if t is not tariff and t.rate_percent == tariff.rate_percent and t.imposed_by and t.applies_to
            and tariff.imposed_by in (None, t.imposed_by) and tariff.applies_to in (None, t.applies_to)
            and set(tariff.products) <= set(t.products) and tariff.kind in ("other", t.kind)
        ]
        parties = {(t.imposed_by, t.applies_to) for t in same}
        if len(parties) == 1:
            tariff.imposed_by, tariff.applies_to = next(iter(parties))
            _lowered(tariff, 0.1)


def status_from_context(
    sentence: SentenceSpan, published: date | None, doc_id: str
) -> tuple[str, str, date | None, Evidence] | None:
    """A sentence that changes the status of a kind of measure without restating its rate
    ("before July 8 when Trump's 90-day suspension of reciprocal tariffs ends"): (kind, status,
    until, evidence), or None."""
    text = sentence.text
    if _RATE.search(text) or not _MEASURE.search(text):
        return None
    kind_match = next(((k, m) for k, p in _KINDS if (m := p.search(text))), None)
    if kind_match is None:
        return None
    kind, where = kind_match
    status = _status_in(text, 0, len(text))
    if status is None or status in ("announced", "agreed", "proposed"):
        return None
    cue = next(m for s, p in _STATUS if s == status and (m := p.search(text)))
    until = None
    if status == "suspended":
        for ref in find_dates(text, published):
            if ref.first and _UNTIL.search(text[max(0, ref.start - 40) : ref.end + 60]):
                until = ref.first
    start, end = min(where.start(), cue.start()), max(where.end(), cue.end())
    return kind, status, until, sentence.evidence(doc_id, start, end, "tariff.status_from_context", 0.7)


def apply_status_context(tariffs: list[Tariff], updates: list[tuple[str, str, date | None, Evidence]]) -> None:
    """Give each update to the article's tariffs of that kind whose status the text left open or
    gave only as announced: a later "suspension of reciprocal tariffs" is where they stand."""
    for kind, status, until, evidence in updates:
        for tariff in tariffs:
            if tariff.kind != kind or tariff.status not in (None, "announced"):
                continue
            tariff.status = status
            if until is not None and tariff.until is None:
                tariff.until = until
            tariff.evidence.append(evidence)
