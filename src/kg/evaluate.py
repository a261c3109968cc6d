"""Score a built graph (`<graph dir>/kg.trig`) against gold files (shared/gold/FORMAT.md).

Per article only the document's named graph counts: an entity, meeting or tariff is "from the
article" when it is typed (or derived from the document) in that graph; its labels may come from any
graph, so cross-article resolution counts. Names are normalised here, independently of the extractor.

Counting, per category and article:
- ``tp``: gold items (minor excluded) that were found; ``fn``: gold items (minor excluded) missed.
- ``matched``: extracted items that match some gold item (minor included); ``fp``: extracted items
  matching none.  precision = matched / (matched + fp), recall = tp / (tp + fn); an empty
  denominator gives 1.0.
- ``meeting_dates`` / ``meeting_places``: over found gold meetings whose date is explicit/resolved
  (resp. that have a location): ``tp`` correct, ``fn`` not correct, ``fp`` the graph gave a wrong one.
- Meetings are matched one-to-one (a maximum matching, see ``_score_meetings``), so a graph meeting
  counts for one gold meeting only; products are compared through ``product_match_keys``.

``EvalReport.to_json()`` returns, in this key order::

    {"categories": {<category>: {"tp", "fp", "fn", "matched", "precision", "recall", "f1"}},
     "articles": [{"article", "found_in_graph", "categories": {...as above...},
                   "misses": {<category>: [names]}, "false_positives": {<category>: [names]}}],
     "resolution": {"unified": [names], "split": [{"name", "class", "nodes": [iris]}],
                    "unresolved": [names], "false_merges": [{"node", "class", "names": [names]}]}}

with categories in CATEGORIES order, articles in gold order, every list sorted.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from rdflib import RDF, RDFS, SKOS, Dataset, Graph, Literal, URIRef
from rdflib.namespace import ORG, PROV, SDO
from rdflib.term import Node

from kg.errors import KgError
from kg.extract.products import normalise_product
from kg.rdf.namespace import KGO, KGR

CATEGORIES = ("people", "organizations", "positions", "meetings", "meeting_dates", "meeting_places",
              "tariffs")
RESOLUTION_GRAPH = KGR["graph-resolution"]
_LABEL_PREDICATES = (SKOS.prefLabel, SKOS.altLabel, RDFS.label, SDO.name)
_SCORED_DATE_CONFIDENCE = ("explicit", "resolved")
_DATE_CONFIDENCES = ("explicit", "resolved", "inferred", "unknown")


# ---------------------------------------------------------------- normalisation


def normalise(name: str) -> str:
    """Case folded, accents removed, hyphens and dots removed, spaces collapsed."""
    decomposed = unicodedata.normalize("NFKD", name)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    stripped = re.sub(r"[-\u2010-\u2015.]", "", stripped)
    return " ".join(stripped.split())


def normalise_person(name: str) -> str:
    """As normalise(), with word order ignored ("Dukgeun Ahn" = "Ahn Duk-geun")."""
    return " ".join(sorted(normalise(name).split()))


def gold_keys(name: str, aliases: list[str], person: bool) -> set[str]:
    """Normalised forms a gold entity is found by: its name and its multi-word aliases."""
    norm = normalise_person if person else normalise
    keys = {norm(name)} if normalise(name) else set()
    keys.update(norm(a) for a in aliases if len(normalise(a).split()) >= 2)
    return keys


def product_keys(name: str) -> set[str]:
    """Normalised forms of a product name, singular/plural-insensitive ("steels" ~ "steel")."""
    words = normalise(name.replace("_", " ").replace("-", " ")).split()
    if not words:
        return set()
    head, last = words[:-1], words[-1]
    # Forms of the last word with and without a plural ending; two names match when forms intersect.
    forms = {last, last + "s", last + "es"}
    if last.endswith("es"):
        forms.add(last[:-2])
    if last.endswith("s"):
        forms.add(last[:-1])
    if last.endswith("ies"):
        forms.add(last[:-3] + "y")
    if last.endswith("y"):
        forms.add(last[:-1] + "ies")
    return {" ".join([*head, form]) for form in forms}


# British spellings of product words the extractor's table does not cover ("aluminium" it does)
_AMERICAN = {"tyre": "tire", "tyres": "tires", "jewellery": "jewelry", "fibre": "fiber", "fibres": "fibers",
             "sulphur": "sulfur", "aluminium": "aluminum"}


def product_match_keys(name: str) -> set[str]:
    """product_keys() widened by the extractor's product normalisation (kg.extract.products): "cars",
    "autos" and "automobiles" share a key, as do "aluminium" and "aluminum"; so do British and
    American spellings ("tyres" ~ "tires")."""
    words = [_AMERICAN.get(w, w) for w in normalise(name.replace("_", " ").replace("-", " ")).split()]
    keys = product_keys(" ".join(words))
    for form in sorted(keys):
        canonical = normalise_product(form)
        if canonical:
            keys |= product_keys(canonical)
    return keys


# ---------------------------------------------------------------- gold


@dataclass(frozen=True)
class GoldPosition:
    title: str
    organization: str | None = None
    organization_implied: str | None = None


@dataclass(frozen=True)
class GoldEntity:
    name: str
    aliases: tuple[str, ...] = ()
    minor: bool = False
    positions: tuple[GoldPosition, ...] = ()


@dataclass(frozen=True)
class GoldMeeting:
    name: str
    date: str | None = None
    date_confidence: str = "unknown"
    location: str | None = None
    participants: tuple[str, ...] = ()
    participant_organizations: tuple[str, ...] = ()
    minor: bool = False


@dataclass(frozen=True)
class GoldTariff:
    rate_percent: float
    imposed_by: str | None = None
    applies_to_country: str | None = None
    products: tuple[str, ...] = ()
    minor: bool = False

    @property
    def label(self) -> str:
        parts = [f"{self.rate_percent:g}%", f"by {self.imposed_by or '?'}"]
        if self.applies_to_country:
            parts.append(f"on {self.applies_to_country}")
        if self.products:
            parts.append("[" + ", ".join(self.products) + "]")
        return " ".join(parts)


@dataclass(frozen=True)
class GoldArticle:
    path: Path
    article: str
    people: tuple[GoldEntity, ...]
    organizations: tuple[GoldEntity, ...]
    meetings: tuple[GoldMeeting, ...]
    tariffs: tuple[GoldTariff, ...]


def _str(value: Any, what: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{what}: must be a non-empty string, got {value!r}")
    return value


def _opt_str(value: Any, what: str) -> str | None:
    if value is None:
        return None
    return _str(value, what)


def _str_list(value: Any, what: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"{what}: must be a list of strings, got {value!r}")
    return tuple(value)


def _records(data: dict[str, Any], key: str) -> list[dict[str, Any]]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise ValueError(f"{key}: must be a list of objects")
    return value


def _entity(rec: dict[str, Any], where: str) -> GoldEntity:
    positions = []
    for j, pos in enumerate(rec.get("positions") or []):
        if not isinstance(pos, dict):
            raise ValueError(f"{where}.positions[{j}]: must be an object")
        positions.append(GoldPosition(
            title=_str(pos.get("title"), f"{where}.positions[{j}].title"),
            organization=_opt_str(pos.get("organization"), f"{where}.positions[{j}].organization"),
            organization_implied=_opt_str(pos.get("organization_implied"),
                                          f"{where}.positions[{j}].organization_implied"),
        ))
    return GoldEntity(name=_str(rec.get("name"), f"{where}.name"),
                      aliases=_str_list(rec.get("aliases"), f"{where}.aliases"),
                      minor=bool(rec.get("minor", False)), positions=tuple(positions))


def _parse_gold(path: Path, data: Any) -> GoldArticle:
    if not isinstance(data, dict):
        raise ValueError("top level: must be an object")
    people = tuple(_entity(r, f"people[{i}]") for i, r in enumerate(_records(data, "people")))
    orgs = tuple(_entity(r, f"organizations[{i}]")
                 for i, r in enumerate(_records(data, "organizations")))
    meetings = []
    for i, rec in enumerate(_records(data, "meetings")):
        where = f"meetings[{i}]"
        when = _opt_str(rec.get("date"), f"{where}.date")
        if when is not None:
            try:
                _date_range(when)
            except ValueError:
                raise ValueError(f"{where}.date: invalid ISO date {when!r} (expected YYYY-MM-DD or "
                                 "YYYY-MM-DD/YYYY-MM-DD)") from None
        confidence = rec.get("date_confidence") or "unknown"
        if confidence not in _DATE_CONFIDENCES:
            raise ValueError(f"{where}.date_confidence: expected one of {', '.join(_DATE_CONFIDENCES)}, "
                             f"got {confidence!r}")
        meetings.append(GoldMeeting(
            name=_str(rec.get("name"), f"{where}.name"), date=when,
            date_confidence=str(confidence),
            location=_opt_str(rec.get("location"), f"{where}.location"),
            participants=_str_list(rec.get("participants"), f"{where}.participants"),
            participant_organizations=_str_list(rec.get("participant_organizations"),
                                                f"{where}.participant_organizations"),
            minor=bool(rec.get("minor", False))))
    tariffs = []
    for i, rec in enumerate(_records(data, "tariffs")):
        rate = rec.get("rate_percent")
        if isinstance(rate, bool) or not isinstance(rate, int | float):
            raise ValueError(f"tariffs[{i}].rate_percent: must be a number, got {rate!r}")
        tariffs.append(GoldTariff(
            rate_percent=float(rate),
            imposed_by=_opt_str(rec.get("imposed_by"), f"tariffs[{i}].imposed_by"),
            applies_to_country=_opt_str(rec.get("applies_to_country"), f"tariffs[{i}].applies_to_country"),
            products=_str_list(rec.get("products"), f"tariffs[{i}].products"),
            minor=bool(rec.get("minor", False))))
    return GoldArticle(path=path, article=_str(data.get("article"), "article"), people=people,
                       organizations=orgs, meetings=tuple(meetings), tariffs=tuple(tariffs))


def load_gold(paths: list[Path]) -> list[GoldArticle]:
    """Read gold files (FORMAT.md); a folder stands for its *.json files, in name order."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(path.glob("*.json")))
        elif path.exists():
            files.append(path)
        else:
            raise KgError("E001", path=path)
    if not files:
        raise KgError("E016", path=", ".join(str(p) for p in paths), reason="no *.json gold files")
    articles = []
    for path in files:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            articles.append(_parse_gold(path, data))
        except (UnicodeDecodeError, json.JSONDecodeError, ValueError) as err:
            raise KgError("E016", path=path, reason=str(err)) from None
    return articles


def _date_range(text: str) -> tuple[date, date]:
    first, _, last = text.partition("/")
    start = date.fromisoformat(first.strip())
    end = date.fromisoformat(last.strip()) if last else start
    return (start, end) if start <= end else (end, start)


# ---------------------------------------------------------------- scores and report


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    matched: int = 0  # extracted items matching a gold item (minor included): precision's numerator

    @property
    def precision(self) -> float:
        return self.matched / (self.matched + self.fp) if self.matched + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Score) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        self.matched += other.matched

    def to_json(self) -> dict[str, Any]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "matched": self.matched,
                "precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4)}


def _empty_scores() -> dict[str, Score]:
    return {c: Score() for c in CATEGORIES}


def _empty_names() -> dict[str, list[str]]:
    return {c: [] for c in CATEGORIES}


@dataclass
class ArticleReport:
    article: str
    found_in_graph: bool
    categories: dict[str, Score] = field(default_factory=_empty_scores)
    misses: dict[str, list[str]] = field(default_factory=_empty_names)
    false_positives: dict[str, list[str]] = field(default_factory=_empty_names)

    def to_json(self) -> dict[str, Any]:
        return {"article": self.article, "found_in_graph": self.found_in_graph,
                "categories": {c: self.categories[c].to_json() for c in CATEGORIES},
                "misses": {c: sorted(self.misses[c]) for c in CATEGORIES},
                "false_positives": {c: sorted(self.false_positives[c]) for c in CATEGORIES}}


@dataclass
class Resolution:
    unified: list[str] = field(default_factory=list)
    split: list[tuple[str, str, list[str]]] = field(default_factory=list)  # (name, class, node IRIs)
    unresolved: list[str] = field(default_factory=list)  # gold in ≥2 articles, found in fewer
    false_merges: list[tuple[str, str, list[str]]] = field(default_factory=list)  # (node, class, names)

    def to_json(self) -> dict[str, Any]:
        return {"unified": sorted(self.unified),
                "split": [{"name": n, "class": c, "nodes": sorted(ns)} for n, c, ns in sorted(self.split)],
                "unresolved": sorted(self.unresolved),
                "false_merges": [{"node": n, "class": c, "names": sorted(ns)}
                                 for n, c, ns in sorted(self.false_merges)]}


@dataclass
class EvalReport:
    categories: dict[str, Score]
    articles: list[ArticleReport]
    resolution: Resolution

    def to_json(self) -> dict[str, Any]:
        return {"categories": {c: self.categories[c].to_json() for c in CATEGORIES},
                "articles": [a.to_json() for a in self.articles],
                "resolution": self.resolution.to_json()}


# ---------------------------------------------------------------- graph access


class _GraphView:
    """The dataset, its union (for labels) and per-document graphs."""

    def __init__(self, dataset: Dataset) -> None:
        self.dataset = dataset
        self.union = Graph()
        for s, p, o, _g in dataset.quads((None, None, None, None)):
            self.union.add((s, p, o))
        self._labels: dict[Node, list[str]] = {}

    def labels(self, node: Node) -> list[str]:
        if node not in self._labels:
            found = {str(o) for p in _LABEL_PREDICATES for o in self.union.objects(node, p)
                     if isinstance(o, Literal)}
            self._labels[node] = sorted(found)
        return self._labels[node]

    def display(self, node: Node) -> str:
        for pred in (SKOS.prefLabel, RDFS.label, SDO.name):
            values = sorted(str(o) for o in self.union.objects(node, pred))
            if values:
                return values[0]
        labels = self.labels(node)
        return labels[0] if labels else str(node).rsplit("/", 1)[-1]

    def doc_graph(self, article: str) -> Graph | None:
        docs = sorted(s for s in self.union.subjects(KGO.fileName, Literal(article)) if isinstance(s, URIRef))
        if not docs:
            return None
        local = str(docs[0]).rsplit("/", 1)[-1]
        candidates = [KGR["graph-" + local.removeprefix("doc-")]]
        # Fallback: whichever graph states the document's file name.
        candidates += sorted(g for _s, _p, _o, g in self.dataset.quads((docs[0], KGO.fileName, None, None))
                             if isinstance(g, URIRef) and g != RESOLUTION_GRAPH)
        for iri in candidates:
            graph = self.dataset.graph(iri)
            if len(graph):
                return graph
        return None

    def members(self, doc_graph: Graph, cls: URIRef) -> list[Node]:
        """Nodes of a class from the article: typed in its graph, or derived from it and typed anywhere."""
        typed = set(doc_graph.subjects(RDF.type, cls))
        derived = set(doc_graph.subjects(PROV.wasDerivedFrom, None))
        derived |= set(doc_graph.objects(None, SDO.mentions))
        typed.update(n for n in derived if (n, RDF.type, cls) in self.union)
        return sorted(typed, key=str)


def _load(graph_dir: Path) -> Dataset:
    trig = graph_dir / "kg.trig"
    if not trig.is_file():
        raise KgError("E007", path=graph_dir)
    dataset = Dataset()
    try:
        dataset.parse(trig, format="trig")
    except Exception as err:  # rdflib raises many parser types; any means an unreadable graph
        reason = str(err).splitlines()[0] if str(err) else type(err).__name__
        raise KgError("E008", path=trig, reason=reason) from None
    return dataset


# ---------------------------------------------------------------- matching


def _node_keys(view: _GraphView, node: Node, person: bool) -> set[str]:
    norm = normalise_person if person else normalise
    return {norm(label) for label in view.labels(node)} - {""}


def _match_entities(view: _GraphView, nodes: list[Node], gold: tuple[GoldEntity, ...], person: bool
                    ) -> dict[Node, list[int]]:
    """Extracted node -> indices of the gold entities it matches."""
    gold_key_sets = [gold_keys(g.name, list(g.aliases), person) for g in gold]
    matches: dict[Node, list[int]] = {}
    for node in nodes:
        keys = _node_keys(view, node, person)
        matches[node] = [i for i, gk in enumerate(gold_key_sets) if keys & gk]
    return matches


def _score_entities(view: _GraphView, nodes: list[Node], gold: tuple[GoldEntity, ...], person: bool,
                    score: Score, misses: list[str], fps: list[str]) -> dict[int, list[Node]]:
    matches = _match_entities(view, nodes, gold, person)
    found: dict[int, list[Node]] = defaultdict(list)
    for node, idxs in matches.items():
        for i in idxs:
            found[i].append(node)
        if idxs:
            score.matched += 1
        else:
            score.fp += 1
            fps.append(view.display(node))
    for i, g in enumerate(gold):
        if g.minor:
            continue
        if i in found:
            score.tp += 1
        else:
            score.fn += 1
            misses.append(g.name)
    return found


def _org_keys_for(name: str, orgs: tuple[GoldEntity, ...]) -> set[str]:
    """A gold organization or country name, widened by the aliases of the gold org of that name."""
    keys = {normalise(name)}
    for org in orgs:
        if normalise(org.name) == normalise(name):
            keys |= gold_keys(org.name, list(org.aliases), person=False)
    return keys


def _score_positions(view: _GraphView, doc: Graph, gold: GoldArticle, people_found: dict[int, list[Node]],
                     report: ArticleReport) -> None:
    score = report.categories["positions"]
    # person node -> [(normalised written titles, normalised organization labels, display)]
    held: dict[Node, list[tuple[set[str], set[str], str]]] = defaultdict(list)
    for membership in sorted(doc.subjects(RDF.type, ORG.Membership), key=str):
        titles = {normalise(str(t)) for t in doc.objects(membership, SDO.jobTitle)}
        orgs: set[Node] = set(doc.objects(membership, ORG.organization))
        orgs |= set(view.union.objects(membership, ORG.organization))
        for post in doc.objects(membership, KGO.post):
            orgs |= set(view.union.objects(post, ORG.postIn))
            titles |= {normalise(str(t)) for t in view.union.objects(post, SKOS.prefLabel)}
        org_keys = {k for o in orgs for k in _node_keys(view, o, person=False)}
        written = sorted(str(t) for t in doc.objects(membership, SDO.jobTitle))
        for member in doc.objects(membership, ORG.member):
            held[member].append((titles, org_keys, written[0] if written else "?"))
    matched_holdings: set[tuple[Node, int]] = set()
    for i, gold_person in enumerate(gold.people):
        nodes = people_found.get(i, [])
        for pos in gold_person.positions:
            wanted_orgs: set[str] = set()
            for org_name in (pos.organization, pos.organization_implied):
                if org_name:
                    wanted_orgs |= _org_keys_for(org_name, gold.organizations)
            hit = False
            for node in nodes:
                for j, (titles, org_keys, _shown) in enumerate(held.get(node, [])):
                    if normalise(pos.title) in titles or (wanted_orgs & org_keys):
                        hit = True
                        matched_holdings.add((node, j))
            if gold_person.minor:
                continue
            if hit:
                score.tp += 1
            else:
                score.fn += 1
                report.misses["positions"].append(f"{gold_person.name}: {pos.title}")
    for node in sorted(held, key=str):
        for j, (_titles, _orgs, shown) in enumerate(held[node]):
            if (node, j) in matched_holdings:
                score.matched += 1
            else:
                score.fp += 1
                report.false_positives["positions"].append(f"{view.display(node)}: {shown}")


def _graph_dates(doc: Graph, meeting: Node) -> list[tuple[date, date]]:
    def days(pred: URIRef) -> list[date]:
        out = []
        for value in doc.objects(meeting, pred):
            try:
                out.append(date.fromisoformat(str(value)[:10]))
            except ValueError:
                continue
        return sorted(out)

    starts, ends = days(SDO.startDate), days(SDO.endDate)
    if not starts:
        return []
    # Pair each start with the earliest end not before it (a document may state two dates).
    ranges = []
    for start in starts:
        later = [e for e in ends if e >= start]
        ranges.append((start, later[0] if later else start))
    return ranges


def _place_names(view: _GraphView, doc: Graph, meeting: Node) -> set[str]:
    names: set[str] = set()
    places = list(doc.objects(meeting, SDO.location))
    for place in places:
        names |= _node_keys(view, place, person=False)
        for city in view.union.objects(place, SDO.containedInPlace):
            names |= _node_keys(view, city, person=False)
    return names


def _place_matches(gold_location: str, names: set[str]) -> bool:
    want = normalise(gold_location)
    return any(n == want or n in want or want in n for n in names if n)


def _max_weight_matching(weights: list[list[int]]) -> dict[int, int]:
    """Row -> column of a maximum-weight one-to-one matching; a weight of 0 means "may not pair".

    The Hungarian algorithm on the square matrix padded with zeros (rows and columns taken in
    order, so ties are broken the same way every run).
    """
    rows = len(weights)
    cols = len(weights[0]) if rows else 0
    size = max(rows, cols)
    if size == 0:
        return {}
    top = max((w for row in weights for w in row), default=0)
    # minimise top - weight; padded cells weigh 0
    cost = [[top - (weights[i][j] if i < rows and j < cols else 0) for j in range(size)] for i in range(size)]
    inf = float("inf")
    u = [0.0] * (size + 1)
    v = [0.0] * (size + 1)
    owner = [0] * (size + 1)  # column -> row (1-based; 0 = free)
    way = [0] * (size + 1)
    for i in range(1, size + 1):
        owner[0] = i
        j0 = 0
        minv = [inf] * (size + 1)
        used = [False] * (size + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = owner[j0], inf, 0
            for j in range(1, size + 1):
                if used[j]:
                    continue
                cur = cost[i0 - 1][j - 1] - u[i0] - v[j]
                if cur < minv[j]:
                    minv[j], way[j] = cur, j0
                if minv[j] < delta:
                    delta, j1 = minv[j], j
            for j in range(size + 1):
                if used[j]:
                    u[owner[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if owner[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            owner[j0] = owner[j1]
            j0 = j1
    pairs = {}
    for j in range(1, size + 1):
        i = owner[j] - 1
        if 0 <= i < rows and j - 1 < cols and weights[i][j - 1] > 0:
            pairs[i] = j - 1
    return pairs


# A pair's weight: _PAIR (so that the matching is first of all as large as possible), plus how well
# the two agree: each participant in common, an overlapping date, a matching place.
_PAIR, _PER_PARTICIPANT, _SAME_DATE, _SAME_PLACE = 1000, 10, 4, 2


def _score_meetings(view: _GraphView, doc: Graph, gold: GoldArticle, report: ArticleReport) -> None:
    """One-to-one: a graph meeting stands for at most one gold meeting (minor ones included) and a
    gold meeting is found by at most one graph meeting; among the largest such matchings, the one
    where participants, dates and places agree best."""
    meetings = view.members(doc, KGO.TradeMeeting)
    attendees = {m: sorted(doc.objects(m, SDO.attendee), key=str) for m in meetings}
    meeting_dates = {m: _graph_dates(doc, m) for m in meetings}
    meeting_places = {m: _place_names(view, doc, m) for m in meetings}
    gold_ranges = [_date_range(gm.date) if gm.date else None for gm in gold.meetings]
    weights: list[list[int]] = []
    for gm, gold_range in zip(gold.meetings, gold_ranges, strict=True):
        wanted: list[tuple[set[str], bool]] = []  # (keys, is a person)
        for name in gm.participants:
            people = [p for p in gold.people if normalise_person(p.name) == normalise_person(name)]
            aliases = list(people[0].aliases) if people else []
            wanted.append((gold_keys(name, aliases, person=True), True))
        for name in gm.participant_organizations:
            wanted.append((_org_keys_for(name, gold.organizations), False))
        need = min(2, len(wanted))
        row = []
        for m in meetings:
            count = sum(1 for keys, person in wanted
                        if any(_node_keys(view, a, person) & keys for a in attendees[m]))
            same_date = gold_range is not None and _dates_overlap(gold_range, meeting_dates[m])
            same_place = gm.location is not None and _place_matches(gm.location, meeting_places[m])
            # No gold participants: fall back on the date, else the place.
            ok = (same_date or same_place) if need == 0 else count >= need
            row.append(_PAIR + _PER_PARTICIPANT * count + _SAME_DATE * same_date + _SAME_PLACE * same_place
                       if ok else 0)
        weights.append(row)
    pairs = _max_weight_matching(weights)
    matched_nodes = {meetings[j] for j in pairs.values()}
    for i, (gm, gold_range) in enumerate(zip(gold.meetings, gold_ranges, strict=True)):
        if gm.minor:
            continue
        score = report.categories["meetings"]
        if i not in pairs:
            score.fn += 1
            report.misses["meetings"].append(gm.name)
            continue
        score.tp += 1
        hit = meetings[pairs[i]]
        if gold_range is not None and gm.date_confidence in _SCORED_DATE_CONFIDENCE:
            dates = report.categories["meeting_dates"]
            given = meeting_dates[hit]
            if _dates_overlap(gold_range, given):
                dates.tp += 1
                dates.matched += 1
            else:
                dates.fn += 1
                report.misses["meeting_dates"].append(f"{gm.name} ({gm.date})")
                if given:
                    dates.fp += 1
                    report.false_positives["meeting_dates"].append(
                        f"{gm.name}: " + ", ".join(sorted(_show_range(r) for r in given)))
        if gm.location:
            places = report.categories["meeting_places"]
            names = meeting_places[hit]
            if _place_matches(gm.location, names):
                places.tp += 1
                places.matched += 1
            else:
                places.fn += 1
                report.misses["meeting_places"].append(f"{gm.name} ({gm.location})")
                if names:
                    places.fp += 1
                    report.false_positives["meeting_places"].append(f"{gm.name}: " + ", ".join(sorted(names)))
    score = report.categories["meetings"]
    for m in meetings:
        if m in matched_nodes:
            score.matched += 1
        else:
            score.fp += 1
            report.false_positives["meetings"].append(view.display(m))


def _show_range(r: tuple[date, date]) -> str:
    return r[0].isoformat() if r[0] == r[1] else f"{r[0].isoformat()}/{r[1].isoformat()}"


def _dates_overlap(gold_range: tuple[date, date], given: list[tuple[date, date]]) -> bool:
    return any(start <= gold_range[1] and gold_range[0] <= end for start, end in given)


def _country_keys(view: _GraphView, node: Node) -> set[str]:
    keys = _node_keys(view, node, person=False)
    keys |= {normalise(str(i)) for i in view.union.objects(node, SDO.identifier)}
    return keys


def _gold_country_keys(name: str) -> set[str]:
    keys = {normalise(name)}
    try:
        import pycountry

        country = pycountry.countries.lookup(name)
        keys.add(normalise(country.alpha_2))
    except LookupError:
        pass
    return keys


def _score_tariffs(view: _GraphView, doc: Graph, gold: GoldArticle, report: ArticleReport) -> None:
    tariffs = view.members(doc, KGO.Tariff)
    facts = []
    for t in tariffs:
        rates = set()
        for value in doc.objects(t, KGO.ratePercent):
            try:
                rates.add(float(str(value)))
            except ValueError:
                continue
        imposers = {k for c in doc.objects(t, KGO.imposedBy) for k in _country_keys(view, c)}
        targets = {k for c in doc.objects(t, KGO.appliesTo) for k in _country_keys(view, c)}
        products: set[str] = set()
        for p in doc.objects(t, KGO.coversProduct):
            for label in view.labels(p):
                products |= product_match_keys(label)
            products |= product_match_keys(str(p).rsplit("/", 1)[-1].removeprefix("product-"))
        facts.append((t, rates, imposers, targets, products))
    matched_nodes: set[Node] = set()
    for gt in gold.tariffs:
        imposer_keys = _gold_country_keys(gt.imposed_by) if gt.imposed_by else set()
        target_keys = _gold_country_keys(gt.applies_to_country) if gt.applies_to_country else set()
        gold_products = set().union(*(product_match_keys(p) for p in gt.products))
        hit = False
        for t, rates, imposers, targets, products in facts:
            if gt.rate_percent not in rates:
                continue
            if gt.imposed_by and not (imposer_keys & imposers):
                continue
            same_target = bool(target_keys & targets)
            shared_product = bool(gold_products & products)
            if (gt.applies_to_country or gt.products) and not (same_target or shared_product):
                continue
            hit = True
            matched_nodes.add(t)
        if gt.minor:
            continue
        score = report.categories["tariffs"]
        if hit:
            score.tp += 1
        else:
            score.fn += 1
            report.misses["tariffs"].append(gt.label)
    score = report.categories["tariffs"]
    for t, rates, _imposers, _targets, _products in facts:
        if t in matched_nodes:
            score.matched += 1
        else:
            score.fp += 1
            shown = ", ".join(f"{r:g}%" for r in sorted(rates)) or "no rate"
            report.false_positives["tariffs"].append(f"{view.display(t)} ({shown})")


# ---------------------------------------------------------------- evaluation


def evaluate(graph_dir: Path, gold: list[GoldArticle]) -> EvalReport:
    """Score `<graph_dir>/kg.trig` against gold articles (see the module docstring)."""
    view = _GraphView(_load(graph_dir))
    totals = _empty_scores()
    articles: list[ArticleReport] = []
    # class -> normalised canonical name -> [(article, matched nodes)]
    resolution_nodes: dict[str, dict[str, list[tuple[str, list[Node]]]]] = {
        "person": defaultdict(list), "organization": defaultdict(list)}
    display_names: dict[tuple[str, str], str] = {}
    for ga in gold:
        doc = view.doc_graph(ga.article)
        report = ArticleReport(article=ga.article, found_in_graph=doc is not None)
        articles.append(report)
        if doc is None:
            doc = Graph()
        for cls, rdf_cls, gold_entities, person in (
                ("people", SDO.Person, ga.people, True),
                ("organizations", ORG.Organization, ga.organizations, False)):
            found = _score_entities(view, view.members(doc, rdf_cls), gold_entities, person,
                                    report.categories[cls], report.misses[cls], report.false_positives[cls])
            kind = "person" if person else "organization"
            norm = normalise_person if person else normalise
            for i, entity in enumerate(gold_entities):
                key = norm(entity.name)
                display_names.setdefault((kind, key), entity.name)
                resolution_nodes[kind][key].append((ga.article, sorted(found.get(i, []), key=str)))
            if person:
                _score_positions(view, doc, ga, found, report)
        _score_meetings(view, doc, ga, report)
        _score_tariffs(view, doc, ga, report)
        for c in CATEGORIES:
            totals[c].add(report.categories[c])
    return EvalReport(categories=totals, articles=articles,
                      resolution=_resolution(resolution_nodes, display_names))


def _resolution(nodes_by_name: dict[str, dict[str, list[tuple[str, list[Node]]]]],
                display_names: dict[tuple[str, str], str]) -> Resolution:
    result = Resolution()
    for kind in sorted(nodes_by_name):
        names_by_node: dict[Node, set[str]] = defaultdict(set)
        for key in sorted(nodes_by_name[kind]):
            occurrences = nodes_by_name[kind][key]
            name = display_names[(kind, key)]
            for _article, nodes in occurrences:
                for node in nodes:
                    names_by_node[node].add(name)
            articles = {a for a, _n in occurrences}
            if len(articles) < 2:
                continue
            found_in = {a for a, n in occurrences if n}
            distinct = sorted({str(n) for _a, ns in occurrences for n in ns})
            if len(distinct) > 1:
                result.split.append((name, kind, distinct))
            elif len(found_in) < 2:
                result.unresolved.append(name)
            else:
                result.unified.append(name)
        for node in sorted(names_by_node, key=str):
            if len(names_by_node[node]) > 1:
                result.false_merges.append((str(node), kind, sorted(names_by_node[node])))
    return result
