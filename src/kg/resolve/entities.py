"""Cross-article resolution of people and organizations.

People: one node per name after normalisation (case, accents, hyphens, spacing, word order).
A misspelt name joins another only with supporting evidence: misspelling_score > 0 (one name token
identical, the other within edit distance) AND the same post_key, or the same role in a compatible
country ("President" whose country the article does not say, and "U.S. President"), or the same
country and a shared title word. A surname alone never merges across articles unless exactly one
full-name person with that surname holds the same post or role. Organizations: one node per
reference id; otherwise per shared normalised name or alias, never joining two different reference ids
or two countries, and a name several governments use ("National Assembly") only within a country
both articles name.
"""

from __future__ import annotations

import importlib
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from kg.model import DocExtraction, MergeRecord, Resolution
from kg.resolve.names import (
    candidate_keys,
    is_full_name,
    misspelling_score,
    name_tokens,
    normalise_org_name,
    normalise_person_name,
    short_hash,
    slugify,
)

LocalRef = tuple[str, str]  # (doc_id, local_id)
_TITLE_WORD = re.compile(r"[a-z]+")
_GENERIC_TITLE_WORDS = frozenset({"of", "the", "and", "for", "former", "acting", "new", "deputy"})


class _UnionFind:
    def __init__(self, items: list[LocalRef]) -> None:
        self.parent: dict[LocalRef, LocalRef] = {item: item for item in items}

    def find(self, item: LocalRef) -> LocalRef:
        root = item
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[item] != root:
            self.parent[item], item = root, self.parent[item]
        return root

    def union(self, a: LocalRef, b: LocalRef) -> None:
        root_a, root_b = self.find(a), self.find(b)
        if root_a != root_b:
            # The smaller ref survives so the result does not depend on the order of unions.
            low, high = sorted((root_a, root_b))
            self.parent[high] = low

    def groups(self) -> list[list[LocalRef]]:
        by_root: dict[LocalRef, list[LocalRef]] = {}
        for item in sorted(self.parent):
            by_root.setdefault(self.find(item), []).append(item)
        return sorted(by_root.values())


@dataclass
class _PersonRecord:
    ref: LocalRef
    name: str
    forms: list[str]
    country: str | None
    post_keys: set[str] = field(default_factory=set)
    title_words: set[str] = field(default_factory=set)
    roles: set[tuple[str, str | None]] = field(default_factory=set)  # (role, country or None)


def _country_of(words: str) -> str | None:
    try:
        reference = importlib.import_module("kg.reference")
        found = reference.country(words)
    except Exception:  # noqa: BLE001 - reference data is optional for resolution
        return None
    iso = getattr(found, "iso", None)
    return iso if isinstance(iso, str) else None


def _role(title: str) -> str:
    """A title without its country word: "U.S. President" -> "president"."""
    words = title.split()
    for size in (2, 1):
        if len(words) > size and _country_of(" ".join(words[:size])):
            words = words[size:]
            break
    return " ".join(_TITLE_WORD.findall(" ".join(words).lower()))


def _same_role(a: list[_PersonRecord], b: list[_PersonRecord]) -> bool:
    """The same role in both groups, in the same country or in one whose country is unknown
    ("President", country not written, and "U.S. President")."""
    roles_b = set().union(*(r.roles for r in b))
    return any(role == other and (country == other_country or None in (country, other_country))
               for r in a for role, country in r.roles for other, other_country in roles_b)


def _person_records(extractions: list[DocExtraction]) -> list[_PersonRecord]:
    records: list[_PersonRecord] = []
    for ex in extractions:
        doc_id = ex.doc.doc_id
        for person in ex.persons:
            rec = _PersonRecord((doc_id, person.local_id), person.name,
                                [person.name, *person.aliases], person.country)
            for holding in ex.holdings:
                if holding.person != person.local_id:
                    continue
                rec.post_keys.add(holding.post_key)
                rec.roles.add((_role(holding.title), holding.country))
                rec.country = rec.country or holding.country
                for text in (holding.title, holding.post_label):
                    rec.title_words |= set(_TITLE_WORD.findall(text.lower())) - _GENERIC_TITLE_WORDS
            records.append(rec)
    return sorted(records, key=lambda r: r.ref)


def _canonical_person_label(names: list[str]) -> str:
    """The most frequent full written form; ties: hyphenated (family-first) form, then lexical."""
    full = [n for n in names if is_full_name(n)] or names
    counts = Counter(full)
    return min(counts, key=lambda n: (-counts[n], "-" not in n, n))


def _supporting_evidence(a: list[_PersonRecord], b: list[_PersonRecord]) -> str | None:
    """The rule whose evidence lets two groups with close names merge, or None."""
    posts_a = set().union(*(r.post_keys for r in a))
    posts_b = set().union(*(r.post_keys for r in b))
    if posts_a & posts_b:
        return "person.misspelling+same_post"
    if _same_role(a, b):
        return "person.misspelling+same_role"
    countries_a = {r.country for r in a if r.country}
    countries_b = {r.country for r in b if r.country}
    titles_a = set().union(*(r.title_words for r in a))
    titles_b = set().union(*(r.title_words for r in b))
    if countries_a & countries_b and titles_a & titles_b:
        return "person.misspelling+country_title"
    return None


def resolve_people(extractions: list[DocExtraction], res: Resolution) -> None:
    records = _person_records(extractions)
    by_ref = {r.ref: r for r in records}
    uf = _UnionFind([r.ref for r in records])
    # (ref of a member, merged label, rule, score, docs); the global id is known only at the end.
    pending: list[tuple[LocalRef, str, str, float, tuple[str, ...]]] = []
    full = [r for r in records if is_full_name(r.name)]

    # 1. Same name after normalisation (candidate keys intersect).
    by_key: dict[tuple[str, ...], list[_PersonRecord]] = {}
    for rec in full:
        for key in sorted(candidate_keys(rec.name)):
            by_key.setdefault(key, []).append(rec)
    for key in sorted(by_key):
        group = by_key[key]
        for other in group[1:]:
            if uf.find(group[0].ref) != uf.find(other.ref):
                uf.union(group[0].ref, other.ref)
                if other.name != group[0].name:
                    rule = ("person.name_normalised" if normalise_person_name(other.name)
                            == normalise_person_name(group[0].name) else "person.name_order_insensitive")
                    pending.append((group[0].ref, other.name, rule, 1.0,
                                    tuple(sorted({group[0].ref[0], other.ref[0]}))))

    # 2. Misspellings, only with supporting post/title evidence.
    def members(root: LocalRef) -> list[_PersonRecord]:
        return [by_ref[ref] for ref in sorted(by_ref) if uf.find(ref) == root]

    # A misspelling keeps one key token exact, so only distinct names sharing a key token are
    # compared; then the records bearing two close names are paired.
    by_name: dict[str, list[_PersonRecord]] = {}
    for rec in full:
        by_name.setdefault(rec.name, []).append(rec)
    by_token: dict[str, list[str]] = {}
    for written in sorted(by_name):
        for token in sorted({t for key in candidate_keys(written) for t in key}):
            by_token.setdefault(token, []).append(written)
    close_names = sorted({(a, b) for group in by_token.values() for i, a in enumerate(group)
                          for b in group[i + 1:] if misspelling_score(a, b) > 0})
    candidate_pairs = sorted({tuple(sorted((x.ref, y.ref))) for a, b in close_names
                              for x in by_name[a] for y in by_name[b] if x.ref[0] != y.ref[0]})
    for ref_a, ref_b in candidate_pairs:
        rec_a, rec_b = by_ref[ref_a], by_ref[ref_b]
        if uf.find(rec_a.ref) == uf.find(rec_b.ref):
            continue
        score = misspelling_score(rec_a.name, rec_b.name)
        if score <= 0:
            continue
        group_a, group_b = members(uf.find(rec_a.ref)), members(uf.find(rec_b.ref))
        evidence = _supporting_evidence(group_a, group_b)
        if evidence is None:
            continue
        uf.union(rec_a.ref, rec_b.ref)
        pending.append((rec_a.ref, rec_b.name, evidence, round(score, 3),
                        tuple(sorted({rec_a.ref[0], rec_b.ref[0]}))))

    # 3. A surname-only person joins the single full-name person of another article with that
    #    surname and the same post; never on the surname alone.
    for rec in records:
        if is_full_name(rec.name) or not rec.post_keys:
            continue
        tokens = name_tokens(rec.name)
        if not tokens:
            continue
        roots = sorted({uf.find(f.ref) for f in full if tokens[0] in name_tokens(f.name)
                        and (f.post_keys & rec.post_keys or _same_role([f], [rec]))})
        if len(roots) == 1 and uf.find(rec.ref) != roots[0]:
            uf.union(rec.ref, roots[0])
            pending.append((roots[0], rec.name, "person.surname+same_post", 0.7,
                            tuple(sorted({rec.ref[0], roots[0][0]}))))

    root_gid: dict[LocalRef, str] = {}
    used: set[str] = set()
    for cluster in uf.groups():
        recs = [by_ref[ref] for ref in cluster]
        label = _canonical_person_label([r.name for r in recs])
        slug = slugify(label) or "unnamed"
        if not is_full_name(label):
            # A lone surname is only known within its article(s): keep it apart from any other.
            slug = f"{slug}-{short_hash('|'.join(f'{d}:{loc}' for d, loc in cluster), 8)}"
        gid = f"person-{slug}"
        if gid in used:
            gid = f"person-{slug}-{short_hash('|'.join(f'{d}:{loc}' for d, loc in cluster), 8)}"
        used.add(gid)
        root_gid[uf.find(cluster[0])] = gid
        _assign(res, gid, label, recs)
    _record_merges(res, pending, root_gid, uf)


@dataclass
class _OrgRecord:
    ref: LocalRef
    name: str
    forms: list[str]
    ref_id: str | None
    country: str | None = None
    doc_countries: frozenset[str] = frozenset()


def _generic_forms() -> dict[str, frozenset[str]]:
    """Normalised generic institution names ("national assembly", "department of commerce",
    "federal council") -> the countries whose shipped institutions are called so."""
    try:
        reference = importlib.import_module("kg.reference")
        institutions = list(reference.institutions())
    except Exception:  # noqa: BLE001 - reference data is optional for resolution
        return {}
    owners: dict[str, set[str]] = {}
    for inst in institutions:
        for form in getattr(inst, "scoped_aliases", ()):
            if inst.country:
                owners.setdefault(normalise_org_name(form), set()).add(inst.country)
    return {form: frozenset(isos) for form, isos in sorted(owners.items())}


def _may_share_form(a: _OrgRecord, b: _OrgRecord, form: str, generic: dict[str, frozenset[str]]) -> bool:
    """Two organizations written the same way are one, unless their countries differ, or the name
    is one several governments use ("National Assembly") and the two articles have no country
    with such a body in common: Vietnam's National Assembly is not Korea's."""
    if a.country and b.country and a.country != b.country:
        return False
    owners = generic.get(form)
    if owners is None:
        return True
    if a.country and a.country == b.country:
        return True
    known = {c for c in (a.country, b.country) if c}
    return bool((a.doc_countries | known) & (b.doc_countries | known) & owners)


def resolve_organizations(extractions: list[DocExtraction], res: Resolution,
                          reference_names: dict[str, str] | None = None) -> None:
    records = sorted(
        (_OrgRecord((ex.doc.doc_id, org.local_id), org.name, [org.name, *org.aliases], org.ref_id,
                    org.country, frozenset(c.iso for c in ex.countries))
         for ex in extractions for org in ex.organizations),
        key=lambda r: r.ref,
    )
    generic = _generic_forms()
    by_ref = {r.ref: r for r in records}
    uf = _UnionFind([r.ref for r in records])
    pending: list[tuple[LocalRef, str, str, float, tuple[str, ...]]] = []

    def ref_ids(root: LocalRef) -> set[str]:
        return {r.ref_id for r in records if r.ref_id and uf.find(r.ref) == root}

    def join(a: _OrgRecord, b: _OrgRecord, rule: str, score: float) -> None:
        root_a, root_b = uf.find(a.ref), uf.find(b.ref)
        if root_a == root_b or len(ref_ids(root_a) | ref_ids(root_b)) > 1:
            return
        uf.union(a.ref, b.ref)
        if normalise_org_name(a.name) != normalise_org_name(b.name) or a.ref_id != b.ref_id:
            pending.append((a.ref, b.name, rule, score, tuple(sorted({a.ref[0], b.ref[0]}))))

    by_ref_id: dict[str, list[_OrgRecord]] = {}
    for rec in records:
        if rec.ref_id:
            by_ref_id.setdefault(rec.ref_id, []).append(rec)
    for ref_id in sorted(by_ref_id):
        group = by_ref_id[ref_id]
        for other in group[1:]:
            join(group[0], other, "org.ref_id", 1.0)

    # Any written form (name, alias, acronym) shared by two organizations ties them.
    by_form: dict[str, list[_OrgRecord]] = {}
    for rec in records:
        for form in sorted({normalise_org_name(f) for f in rec.forms if f}):
            if form:
                by_form.setdefault(form, []).append(rec)
    def members_of(rec: _OrgRecord) -> list[_OrgRecord]:
        root = uf.find(rec.ref)
        return [r for r in records if uf.find(r.ref) == root]

    def compatible(a: _OrgRecord, b: _OrgRecord, form: str) -> bool:
        # every member of one cluster with every member of the other: no article bridges two
        # countries' bodies of one generic name (each cluster listed once, not once per member)
        members_a, members_b = members_of(a), members_of(b)
        return all(_may_share_form(x, y, form, generic) for x in members_a for y in members_b)

    for form in sorted(by_form):
        group = by_form[form]
        for i, other in enumerate(group[1:], 1):
            # the first earlier record this one may be joined with (a generic name may tie only some)
            first = next((g for g in group[:i] if compatible(g, other, form)), None)
            if first is None:
                continue
            is_acronym = " " not in form and form.upper() in {f.upper() for f in first.forms}
            join(first, other, "org.acronym" if is_acronym else "org.name_normalised", 0.9)

    reference_names = reference_names or {}
    root_gid: dict[LocalRef, str] = {}
    used: set[str] = set()
    for cluster in uf.groups():
        recs = [by_ref[ref] for ref in cluster]
        ids = sorted({r.ref_id for r in recs if r.ref_id})
        if ids:
            gid = f"org-{slugify(ids[0])}"
            label = reference_names.get(ids[0]) or _canonical_org_label([r.name for r in recs])
        else:
            label = _canonical_org_label([r.name for r in recs])
            gid = f"org-{slugify(label) or 'unnamed'}"
            if gid in used:
                gid = f"{gid}-{short_hash('|'.join(f'{d}:{loc}' for d, loc in cluster), 8)}"
        used.add(gid)
        root_gid[uf.find(cluster[0])] = gid
        _assign(res, gid, label, recs)
    _record_merges(res, pending, root_gid, uf)


def _canonical_org_label(names: list[str]) -> str:
    """The most frequent written name; ties: the longest (acronyms lose), then lexical."""
    counts = Counter(names)
    return min(counts, key=lambda n: (-counts[n], -len(n), n))


def _assign(res: Resolution, gid: str, label: str, recs: Sequence[Any]) -> None:
    """Give every record of a cluster the cluster's global id, label and written forms."""
    res.pref_labels[gid] = label
    alts = res.alt_labels.setdefault(gid, set())
    for rec in recs:
        res.ids[rec.ref] = gid
        alts.update(f for f in rec.forms if f)


def _record_merges(res: Resolution, pending: Sequence[Any], root_gid: dict[Any, str], uf: Any) -> None:
    """The merge log, once each decision's cluster has its global id."""
    for ref, label, rule, score, doc_ids in pending:
        res.merges.append(MergeRecord(root_gid[uf.find(ref)], label, rule, score, doc_ids))
