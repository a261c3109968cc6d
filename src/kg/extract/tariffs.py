"""Tariff measures: rate, kind, products, imposing and target country, status, dates."""

from __future__ import annotations

import re
from datetime import date

from kg.extract.dates import find_dates
from kg.extract.products import products_in
from kg.extract.sentences import SentenceSpan
from kg.model import Evidence, Mention, Tariff

_RATE = re.compile(r"\b(?P<rate>\d{1,3}(?:\.\d+)?)\s*(?:-\s*)?(?:percent|per cent|%)", re.I)
_MEASURE = re.compile(r"\b(tariffs?|duty|duties|levy|levies|tax(?:es)?)\b", re.I)
_CHANGE = re.compile(
    r"\bfrom\s+(?P<old>\d{1,3}(?:\.\d+)?)\s*(?:-\s*)?(?:percent|per cent|%)\s+to\s+"
    r"(?P<new>\d{1,3}(?:\.\d+)?)\s*(?:-\s*)?(?:percent|per cent|%)",
    re.I,
)
_KINDS = [
    ("retaliatory", re.compile(r"\b(retaliat\w*|counter-?tariffs?|countermeasures?)\b", re.I)),
    ("reciprocal", re.compile(r"\breciprocal\b", re.I)),
    ("universal", re.compile(r"\b(baseline|universal|across-the-board|blanket)\b", re.I)),
    (
        "sectoral",
        re.compile(r"\b(sectoral|sector-specific|product-specific|item-specific|product tariffs?)\b", re.I),
    ),
]
_STATUS = [
    ("suspended", re.compile(r"\b(suspen\w+|pause[ds]?|paused|postpone\w*|delay\w*)\b", re.I)),
    ("threatened", re.compile(r"\bthreat\w*\b|\bwarn\w*\b", re.I)),
    ("proposed", re.compile(r"\bpropos\w+\b", re.I)),
    ("agreed", re.compile(r"\bagree\w*\b|\bdeal\b", re.I)),
    (
        "in force",
        re.compile(
            r"\b(implement\w*|imposed|impose|in effect|in force|took effect|"
            r"levied|slapped|face[sd]?|facing|applied)\b",
            re.I,
        ),
    ),
    ("announced", re.compile(r"\b(announc\w+|unveil\w*|rolled out|plans?)\b", re.I)),
]
_UNTIL = re.compile(r"\b(until|through|before|ends?|expires?|deadline)\b", re.I)
_IMPOSER_AFTER = re.compile(
    r"^\s*(?:'s\b)?[\s\w\"'-]{0,25}?\b(tariffs?|dut(?:y|ies)|levies|levy|imposed|threaten\w*|"
    r"lowered|raised|cut|announced|slapped|administration)",
    re.I,
)
_IMPOSER_BEFORE = re.compile(r"\b(by|from)\s+(the\s+)?$", re.I)
_TARGET_BEFORE = re.compile(r"\b(on|against|for|to|from)\s+(the\s+)?(imports? from\s+)?$", re.I)


def _country_roles(
    sentence: SentenceSpan, mentions: list[Mention], person_country: dict[str, str]
) -> tuple[list[str], list[str]]:
    """ISO codes read as imposing (before tariff words, "by X", "X's administration") and as targets
    ("on X", "Japanese cars")."""
    imposers: list[str] = []
    targets: list[str] = []
    for mention in mentions:
        iso = mention.ref if mention.kind == "country" else person_country.get(mention.ref or "")
        if not iso:
            continue
        a, b = mention.start - sentence.start, mention.end - sentence.start
        before, after = sentence.text[max(0, a - 30) : a], sentence.text[b : b + 40]
        if mention.kind == "country" and _TARGET_BEFORE.search(before):
            targets.append(iso)
        elif _IMPOSER_BEFORE.search(before) or _IMPOSER_AFTER.match(after):
            imposers.append(iso)
        elif (
            mention.kind == "country"
            and re.match(r"^\s*[a-z]+\s", after)
            and re.search(r"\b(on|against)\s+$", before)
        ):
            targets.append(iso)
    return imposers, targets


def extract_tariffs(
    sentence: SentenceSpan,
    mentions: list[Mention],
    published: date | None,
    doc_id: str,
    person_country: dict[str, str],
    previous_imposer: str | None,
    next_id: int,
) -> list[Tariff]:
    """The tariffs with a rate stated in one sentence; ids t<next_id>.. in order of appearance."""
    text = sentence.text
    if not _MEASURE.search(text):
        return []
    rates = list(_RATE.finditer(text))
    if not rates:
        return []
    imposers, targets = _country_roles(sentence, mentions, person_country)
    imposer = imposers[0] if imposers else previous_imposer
    target_iso = next((t for t in targets if t != imposer), None)
    changes = {m.start("old"): m for m in _CHANGE.finditer(text)}
    found: list[Tariff] = []
    seen: set[tuple[float, str, tuple[str, ...]]] = set()
    dates = find_dates(text, published)
    old_ids: dict[int, str] = {}
    for i, rate in enumerate(rates):
        seg_start = rates[i - 1].end() if i else max(0, rate.start() - 60)
        seg_end = rates[i + 1].start() if i + 1 < len(rates) else len(text)
        after = text[rate.end() : seg_end]
        window = text[max(seg_start, rate.start() - 40) : seg_end]
        if not _MEASURE.search(text[max(0, rate.start() - 60) : rate.end() + 60]):
            continue
        # a rate that ends a "from X to Y" change shares its products and words with the pair
        change = next((c for c in changes.values() if c.start("new") == rate.start()), None)
        old_of = changes.get(rate.start())
        scope = text[change.start() : seg_end] if change else after
        if old_of is not None:
            scope = text[rate.end() : rates[i + 2].start() if i + 2 < len(rates) else len(text)]
        products = products_in(scope.split(";")[0]) or (
            products_in(text[: rate.start()]) if change or old_of else []
        )
        # the kind word nearest after the rate ("25 percent sectoral tariffs"), else one just before it
        # ("sectoral tariffs that include 25 percent levies")
        own = text[rate.start() : seg_end]
        after_rate = [(m.start(), k) for k, p in _KINDS if (m := p.search(own))]
        kind = min(after_rate)[1] if after_rate else next((k for k, p in _KINDS if p.search(window)), None)
        if kind is None:
            kind = "sectoral" if products else "other"
        status = next((s for s, p in _STATUS if p.search(text)), None)
        if old_of is not None:
            status = "previous"
        value = float(rate.group("rate"))
        key = (value, kind, tuple(sorted(products)))
        if key in seen:
            continue
        seen.add(key)
        until = None
        for ref in dates:
            if ref.first and _UNTIL.search(text[max(0, ref.start - 40) : ref.start]):
                until = ref.first
        all_partners = kind == "universal" or bool(
            re.search(r"\ball (trading )?partners\b|\bevery country\b", text, re.I)
        )
        local_id = f"t{next_id + len(found)}"
        tariff = Tariff(
            local_id=local_id,
            rate_percent=value,
            kind=kind,
            products=products,
            imposed_by=imposer,
            applies_to=None if all_partners else target_iso,
            all_partners=all_partners,
            status=status,
            until=until if status == "suspended" else None,
            evidence=[
                sentence.evidence(
                    doc_id,
                    rate.start(),
                    rate.end() + len(scope.split(".")[0][:80]),
                    "tariff.rate_with_measure",
                    0.9 if imposer in imposers else 0.75,
                )
            ],
        )
        if old_of is not None:
            old_ids[old_of.start("new")] = local_id
        if change is not None and change.start("new") in old_ids:
            tariff.replaces = old_ids[change.start("new")]
        found.append(tariff)
    for t in found:
        # the evidence span must stay inside the sentence
        ev = t.evidence[0]
        t.evidence[0] = Evidence(
            ev.doc_id,
            ev.start,
            min(ev.end, sentence.start + len(text)),
            ev.sentence,
            ev.sentence_start,
            ev.rule,
            ev.confidence,
        )
    return found


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
    status_match = next(((s, m) for s, p in _STATUS if s not in ("announced", "agreed", "proposed")
                         and (m := p.search(text))), None)
    if status_match is None:
        return None
    status, cue = status_match
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
