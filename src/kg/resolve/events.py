"""Cross-article resolution of meetings, tariffs, statements and figures (after people/orgs).

Meetings: two meetings from different articles are one event when nothing blocks it and their
score reaches MEETING_THRESHOLD. Blocks: incompatible dates (two day/range dates that don't
overlap; a week- or month-precision date that doesn't contain the other), two different places,
two different formats, incompatible event types, no shared person/organization, or one
undated meeting sharing a single participant and not the same label. Score =
0.5 * participant Jaccard (people+orgs) + 0.2 * country Jaccard + 0.2 * date (1 overlap, 0.7
compatible imprecise, 0.4 one undated) + 0.1 * place/format agreement (1 equal, 0.5 unknown).
Clusters grow pair by pair in score order, and only when every cross pair is compatible.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta

from kg.extract.meetings import GENERIC_EVENT_TYPES
from kg.extract.products import PRODUCTS, product_spans
from kg.model import DocExtraction, Meeting, MergeRecord, Resolution, Tariff
from kg.resolve.names import normalise_org_name, short_hash, slugify


def _label_rank(label: str, count: int, composed: bool) -> tuple[bool, int, int, str]:
    """A name written in an article beats one kg composed; then the fuller name, then the commoner."""
    return (composed, -len(label), -count, label)

MEETING_THRESHOLD = 0.5
_PRECISION_RANK = {"day": 0, "range": 1, "week": 2, "month": 3, "year": 4}
_RESOLUTION_RANK = {"explicit": 0, "resolved": 1, "inferred": 2, "unknown": 3}


@dataclass
class _MeetingRecord:
    ref: tuple[str, str]
    meeting: Meeting
    people: frozenset[str]
    countries: frozenset[str]
    sides: dict[str, str]  # participant global id -> its country's ISO code, where the article says


def _interval(m: Meeting) -> tuple[date, date] | None:
    if m.start is None:
        return None
    end = m.end or m.start
    precision = m.date_precision or "day"
    if precision == "week":
        # "this week" resolves to one day of the week; allow the whole week around it.
        return m.start - timedelta(days=6), max(end, m.start + timedelta(days=6))
    if precision == "month":
        first = m.start.replace(day=1)
        nxt = (first + timedelta(days=32)).replace(day=1)
        return first, max(end, nxt - timedelta(days=1))
    if precision == "year":
        return m.start.replace(month=1, day=1), m.start.replace(month=12, day=31)
    return m.start, end


def _date_score(a: Meeting, b: Meeting) -> float | None:
    """1 same/overlapping dates, 0.7 compatible imprecise dates, 0.4 one undated, None blocked."""
    ia, ib = _interval(a), _interval(b)
    if ia is None or ib is None:
        return 0.4
    if ia[0] > ib[1] or ib[0] > ia[1]:
        return None
    precise = {"day", "range", None}
    return 1.0 if a.date_precision in precise and b.date_precision in precise else 0.7


def _place_key(text: str | None) -> set[str]:
    return set(normalise_org_name(text).replace("dc", "").split()) - {""} if text else set()


def _places_compatible(a: Meeting, b: Meeting) -> bool | None:
    """True same place (one contains the other's words), False different, None unknown."""
    pa, pb = _place_key(a.location), _place_key(b.location)
    if not pa or not pb:
        return None
    return pa <= pb or pb <= pa


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a | b else 0.0


def meeting_pair_score(a: _MeetingRecord, b: _MeetingRecord) -> float | None:
    """The score of two meetings being one event, or None when something rules it out."""
    if a.ref[0] == b.ref[0]:
        return None  # the extractor already separated the meetings of one article
    ma, mb = a.meeting, b.meeting
    if ma.event_type != mb.event_type and not {ma.event_type, mb.event_type} <= GENERIC_EVENT_TYPES:
        return None
    if ma.format and mb.format and ma.format.lower() != mb.format.lower():
        return None
    if ma.round and mb.round and ma.round != mb.round:
        return None
    place = _places_compatible(ma, mb)
    if place is False:
        return None
    date_score = _date_score(ma, mb)
    if date_score is None:
        return None
    shared = a.people & b.people
    if not shared:
        return None
    # One government's officials meet everybody: the shared people must come from two sides, unless
    # the two reports also agree on the day or the name.
    shared_sides = {a.sides.get(p) or b.sides.get(p) for p in shared} - {None}
    same_day = bool(ma.start and mb.start and ma.start == mb.start and date_score == 1.0)
    interviews = ma.event_type == mb.event_type == "interview"  # one person and one outlet: no two sides
    if (len(shared_sides) < 2 and not interviews and not same_day
            and normalise_org_name(ma.label) != normalise_org_name(mb.label)):
        return None
    if (ma.start is None or mb.start is None) and len(shared) < 2 \
            and normalise_org_name(ma.label) != normalise_org_name(mb.label):
        # Without a date, one shared person (an interviewee, a host) is too weak a link.
        return None
    same_format = bool(ma.format and mb.format)
    extra = (1.0 if place else 0.5) * 0.05 + (1.0 if same_format else 0.5) * 0.05
    return round(0.5 * _jaccard(a.people, b.people) + 0.2 * _jaccard(a.countries, b.countries)
                 + 0.2 * date_score + extra, 4)


def _best_date(meetings: list[Meeting]) -> str:
    dated = [m for m in meetings if m.start is not None]
    if not dated:
        return "undated"
    best = min(dated, key=lambda m: (_PRECISION_RANK.get(m.date_precision or "day", 5),
                                     _RESOLUTION_RANK.get(m.date_resolution, 4),
                                     -sum(1 for o in dated if o.start == m.start), m.start))
    assert best.start is not None
    return best.start.isoformat()


def resolve_meetings(extractions: list[DocExtraction], res: Resolution) -> None:
    records: list[_MeetingRecord] = []
    for ex in extractions:
        doc_id = ex.doc.doc_id
        nationality = {p.local_id: p.country for p in ex.persons if p.country}
        nationality.update({o.local_id: o.country for o in ex.organizations if o.country})
        for m in ex.meetings:
            people = frozenset(res.ids.get((doc_id, p), p) for p in m.participants
                               if (doc_id, p) in res.ids)
            countries = frozenset(f"country-{c.lower()}" for c in m.countries)
            sides = {res.ids[(doc_id, p)]: nationality[p] for p in m.participants
                     if (doc_id, p) in res.ids and p in nationality}
            records.append(_MeetingRecord((doc_id, m.local_id), m, people, countries, sides))
    records.sort(key=lambda r: r.ref)

    pairs: list[tuple[float, tuple[str, str], tuple[str, str]]] = []
    for i, a in enumerate(records):
        for b in records[i + 1:]:
            score = meeting_pair_score(a, b)
            if score is not None and score >= MEETING_THRESHOLD:
                pairs.append((score, a.ref, b.ref))
    pairs.sort(key=lambda p: (-p[0], p[1], p[2]))

    cluster_of: dict[tuple[str, str], int] = {r.ref: i for i, r in enumerate(records)}
    clusters: dict[int, list[_MeetingRecord]] = {i: [r] for i, r in enumerate(records)}
    merge_notes: list[tuple[tuple[str, str], str, float, tuple[str, ...]]] = []
    for score, ref_a, ref_b in pairs:
        ca, cb = cluster_of[ref_a], cluster_of[ref_b]
        if ca == cb:
            continue
        if any(meeting_pair_score(x, y) is None for x in clusters[ca] for y in clusters[cb]):
            continue
        keep, gone = min(ca, cb), max(ca, cb)
        for rec in clusters.pop(gone):
            cluster_of[rec.ref] = keep
            clusters[keep].append(rec)
        merged = next(r for r in records if r.ref == ref_b)
        merge_notes.append((ref_a, merged.meeting.label, score, tuple(sorted({ref_a[0], ref_b[0]}))))

    used: set[str] = set()
    for index in sorted(clusters):
        members = sorted(clusters[index], key=lambda r: r.ref)
        meetings = [r.meeting for r in members]
        formats = sorted({m.format.lower() for m in meetings if m.format})
        participants = sorted(set().union(*(r.people | r.countries for r in members)))
        key = json.dumps({"participants": participants, "format": formats}, sort_keys=True)
        gid = f"meeting-{_best_date(meetings)}-{short_hash(key)}"
        if gid in used:
            # Same people, format and date for two events: tell them apart by their sources.
            key += "|" + "|".join(f"{d}:{loc}" for d, loc in (r.ref for r in members))
            gid = f"meeting-{_best_date(meetings)}-{short_hash(key)}"
        used.add(gid)
        labels = Counter(m.label for m in meetings if m.label)
        written = {m.label for m in meetings if m.label and not m.label_composed}
        res.pref_labels[gid] = (min(labels, key=lambda t: _label_rank(t, labels[t], t not in written))
                                if labels else gid)
        res.alt_labels.setdefault(gid, set()).update(labels)
        for rec in members:
            res.ids[rec.ref] = gid
    for ref, label, score, doc_ids in merge_notes:
        res.merges.append(MergeRecord(res.ids[ref], label, "meeting.participants+date+place",
                                      min(1.0, score), doc_ids))


def _ref_gid(res: Resolution, doc_id: str, ref: str | None) -> str | None:
    if ref is None:
        return None
    try:
        return res.gid(doc_id, ref)
    except KeyError:
        return ref


def _normalise_content(text: str) -> str:
    return " ".join(normalise_org_name(text).split())


def _tariff_terms(t: Tariff) -> str:
    return json.dumps([t.imposed_by, t.rate_percent, t.kind, sorted(set(t.products))])


def _tariff_key(doc_id: str, t: Tariff, target: str) -> str:
    """Identity of a tariff across articles. Without a target, a kind or products, "a 30% tariff by the
    US" says too little to be another article's 30%: it stays its article's own."""
    key = ["tariff", t.imposed_by, target, t.rate_percent, t.kind, sorted(set(t.products))]
    if not target and t.kind == "other" and not t.products:
        key.append(doc_id)
    return json.dumps(key)


def _product_forms(res: Resolution, t: Tariff) -> None:
    """Each product's spellings in the tariff's own words ("cars", "aluminium") as labels of the product
    concept, so a question can name it as the articles do."""
    if not t.evidence:
        return
    evidence = t.evidence[0]
    span = evidence.sentence[evidence.start - evidence.sentence_start : evidence.end - evidence.sentence_start]
    for start, end, key in product_spans(span):
        written = span[start:end].lower()
        label = PRODUCTS.get(key, (key, None))[0]
        if key in t.products and written != label.lower():
            res.alt_labels.setdefault(f"product-{slugify(key)}", set()).add(written)


def resolve_facts(extractions: list[DocExtraction], res: Resolution) -> None:
    """Tariffs by their terms; statements and figures only when identical in content."""
    groups: dict[str, list[tuple[str, str, str]]] = {}  # gid -> [(doc_id, local_id, label)]
    # A report that names no target joins the one target other reports of the same terms name
    # ("25% sectoral tariffs on steel" is the measure another article says applies to Korea), when the
    # terms say more than a rate (a kind or products) and its own article names no target of that
    # imposer: an article about other partners is not about the one found elsewhere.
    known_targets: dict[str, set[str]] = {}
    for ex in extractions:
        for t in ex.tariffs:
            if t.applies_to:
                known_targets.setdefault(_tariff_terms(t), set()).add(t.applies_to)
    borrowed: set[tuple[str, str]] = set()
    for ex in extractions:
        doc_id = ex.doc.doc_id
        imposers_with_target = {t.imposed_by for t in ex.tariffs if t.applies_to}
        for t in ex.tariffs:
            _product_forms(res, t)
            target = "*all" if t.all_partners else (t.applies_to or "")
            candidates = known_targets.get(_tariff_terms(t), set())
            borrowable = (t.kind != "other" or t.products) and t.imposed_by not in imposers_with_target
            if not target and len(candidates) == 1 and borrowable:
                target = next(iter(candidates))
                borrowed.add((doc_id, t.local_id))
            key = _tariff_key(doc_id, t, target)
            rate = f"{t.rate_percent:g}% " if t.rate_percent is not None else ""
            products = f" on {', '.join(sorted(set(t.products)))}" if t.products else ""
            parties = f" ({t.imposed_by or '?'} on {'all partners' if t.all_partners else target or '?'})"
            groups.setdefault(f"tariff-{short_hash(key)}", []).append(
                (doc_id, t.local_id, f"{rate}{t.kind} tariff{products}{parties}"))
        for s in ex.statements:
            content = _normalise_content(s.content)
            parts = ["statement", s.kind, _ref_gid(res, doc_id, s.actor) or "", content]
            if not content:
                parts += [doc_id, s.local_id]  # nothing to compare: keep it to its article
            groups.setdefault(f"statement-{short_hash(json.dumps(parts))}", []).append(
                (doc_id, s.local_id, f"{s.kind}: {s.content}"[:120]))
        for f in ex.figures:
            parts_f = ["figure", f.kind, f.value, f.unit, _ref_gid(res, doc_id, f.subject), f.year]
            groups.setdefault(f"figure-{short_hash(json.dumps(parts_f))}", []).append(
                (doc_id, f.local_id, f"{f.kind}: {f.text}" if f.text else f"{f.kind}: {f.value:g} {f.unit}"))
    for gid in sorted(groups):
        members = sorted(groups[gid])
        labels = Counter(label for _, _, label in members)
        res.pref_labels[gid] = min(labels, key=lambda t: (-labels[t], t))
        res.alt_labels.setdefault(gid, set()).update(labels)
        for doc_id, local_id, _ in members:
            res.ids[(doc_id, local_id)] = gid
        docs = sorted({doc_id for doc_id, _, _ in members})
        if len(docs) > 1:
            rule = gid.split("-", 1)[0] + (".same_terms" if gid.startswith("tariff") else ".same_content")
            for doc_id, local_id, label in members[1:]:
                if (doc_id, local_id) in borrowed or (members[0][0], members[0][1]) in borrowed:
                    res.merges.append(MergeRecord(gid, label, rule + "+target_from_other_report", 0.8,
                                                  (members[0][0], doc_id)))
                else:
                    res.merges.append(MergeRecord(gid, label, rule, 1.0, (members[0][0], doc_id)))
