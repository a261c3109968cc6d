"""Write a large synthetic kg.trig with the shape of docs/graph-shape.md, for query benchmarks.

Deterministic: a seeded generator and sorted output, so the same arguments give byte-identical files.
Names are made of random syllables; nothing here describes real people or events.

    python benchmarks/generate_graph.py OUT_DIR [--docs 5000] [--people 20000] [--seed 7]
"""

from __future__ import annotations

import argparse
import hashlib
import random
from datetime import date, timedelta
from pathlib import Path

from kg.prefixes import turtle_prefixes

PREFIXES = turtle_prefixes()
SYLLABLES = (
    "ka min jo ra ne so lu te vi dan ho sung mar el ti go ber an li yu chen wa ko ri sa do fe na ju pe"
).split()
KINDS = ["reciprocal", "sectoral", "universal", "retaliatory"]
STATUSES = ["announced", "in force", "suspended", "threatened", "agreed"]
PRODUCTS = [
    "automobiles",
    "steel",
    "aluminum",
    "semiconductors",
    "pharmaceuticals",
    "lumber",
    "copper",
    "ships",
]
TITLES = [
    "Minister",
    "Deputy Minister",
    "Secretary",
    "Trade Representative",
    "Ambassador",
    "Director General",
]


def _h(*parts: object) -> str:
    return hashlib.sha1("|".join(map(str, parts)).encode()).hexdigest()[:12]


def _q(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _name(rng: random.Random) -> tuple[str, str]:
    family = rng.choice(SYLLABLES).capitalize()
    given = "-".join(rng.choice(SYLLABLES) for _ in range(2)).capitalize()
    return family, given


def generate(out: Path, docs: int, people: int, seed: int) -> int:
    """Write out/kg.trig; returns the number of triples written."""
    rng = random.Random(seed)
    countries = [f"c{i:02d}" for i in range(40)]
    persons: list[tuple[str, str, str]] = []  # (id, label, country)
    seen: set[str] = set()
    while len(persons) < people:
        family, given = _name(rng)
        label = f"{family} {given}"
        if label in seen:
            label = f"{label} {rng.choice(SYLLABLES).capitalize()}"
            if label in seen:
                continue
        seen.add(label)
        slug = label.lower().replace(" ", "-")
        persons.append((f"person-{slug}", label, rng.choice(countries)))
    orgs = [(f"org-{c}-min{j}", c, f"Ministry {j} of {c.upper()}") for c in countries for j in range(10)]
    posts = [(f"post-{o[0][4:]}-{t.lower().replace(' ', '-')}", o, t) for o in orgs for t in TITLES[:5]]
    lines: list[str] = [PREFIXES]
    count = 0

    def emit(subject: str, pairs: list[tuple[str, str]]) -> None:
        nonlocal count
        count += len(pairs)
        body = " ;\n    ".join(f"{p} {o}" for p, o in pairs)
        lines.append(f"  {subject} {body} .")

    lines.append("kgr:graph-resolution {")
    for c in countries:
        emit(
            f"kgr:country-{c}",
            [
                ("a", "schema:Country"),
                ("schema:identifier", _q(c.upper())),
                ("skos:prefLabel", _q(f"Country {c.upper()}")),
                ("rdfs:label", _q(f"Country {c.upper()}")),
            ],
        )
    for i, (pid, label, _c) in enumerate(persons):
        family, given = label.split(" ", 1)
        pairs = [
            ("skos:prefLabel", _q(label)),
            ("rdfs:label", _q(label)),
            ("skos:altLabel", _q(f"{given} {family}")),
        ]
        if i % 5 == 0:
            pairs.append(("kgo:mergeDecision", f"kgr:merge-{_h(pid)}"))
            emit(
                f"kgr:merge-{_h(pid)}",
                [
                    ("a", "kgo:MergeDecision"),
                    ("kgo:mergedLabel", _q(f"{given} {family}")),
                    ("kgo:mergeRule", _q("name.order_insensitive")),
                    ("kgo:mergeScore", "0.93"),
                    ("prov:used", f"kgr:doc-{i % docs:05d}"),
                ],
            )
        emit(f"kgr:{pid}", pairs)
    for oid, _country, label in orgs:
        emit(f"kgr:{oid}", [("skos:prefLabel", _q(label)), ("rdfs:label", _q(label))])
    for post_id, o, title in posts:
        emit(
            f"kgr:{post_id}",
            [
                ("a", "org:Post"),
                ("skos:prefLabel", _q(f"{title}, {o[2]}")),
                ("org:postIn", f"kgr:{o[0]}"),
                ("kgo:country", f"kgr:country-{o[1]}"),
            ],
        )
    for product in PRODUCTS:
        emit(
            f"kgr:product-{product}",
            [("a", "skos:Concept"), ("skos:prefLabel", _q(product)), ("skos:inScheme", "kgr:products")],
        )
    lines.append("}")

    start = date(2025, 1, 1)
    for d in range(docs):
        doc = f"kgr:doc-{d:05d}"
        published = start + timedelta(days=d % 365)
        lines.append(f"kgr:graph-{d:05d} {{")
        cast = rng.sample(persons, 8)
        evs: list[tuple[str, str]] = []

        def ev(rule: str, sentence: str, d: int = d, evs: list[tuple[str, str]] = evs) -> str:
            iri = f"kgr:ev-{_h(d, len(evs), rule)}"
            evs.append((iri, f"{rule}\t{sentence}"))
            return iri

        mentions: list[str] = []
        for pid, label, c in cast:
            org = orgs[hash_index(pid, len(orgs))]
            post = posts[hash_index(pid, len(posts))]
            e = ev("post.title_before_name", f"{post[2]} {label} spoke on {published.isoformat()}.")
            emit(
                f"kgr:{pid}",
                [
                    ("a", "schema:Person"),
                    ("skos:altLabel", _q(label)),
                    ("schema:nationality", f"kgr:country-{c}"),
                    ("org:holds", f"kgr:{post[0]}"),
                    ("prov:wasDerivedFrom", doc),
                    ("prov:qualifiedDerivation", e),
                ],
            )
            m = f"kgr:membership-{_h(d, pid)}"
            emit(
                m,
                [
                    ("a", "org:Membership"),
                    ("org:member", f"kgr:{pid}"),
                    ("org:organization", f"kgr:{org[0]}"),
                    ("kgo:post", f"kgr:{post[0]}"),
                    ("schema:jobTitle", _q(post[2])),
                    ("kgo:tenure", _q("current")),
                    ("prov:wasDerivedFrom", doc),
                    ("prov:qualifiedDerivation", e),
                ],
            )
            mentions.append(f"kgr:{pid}")
        day = start + timedelta(days=hash_index(f"meeting{d // 3}", 365))  # one date per meeting
        meeting = f"kgr:meeting-{day.isoformat()}-{_h('m', d // 3)}"  # three articles report each meeting
        e = ev("meeting.met_verb", f"{cast[0][1]} met {cast[1][1]} on {day.isoformat()}.")
        attendees = ", ".join(f"kgr:{p[0]}" for p in cast[:4])
        emit(
            meeting,
            [
                ("a", "kgo:TradeMeeting"),
                ("rdfs:label", _q(f"Trade talks {_h('m', d // 3)[:4]}")),
                ("schema:attendee", attendees),
                ("schema:startDate", f'"{day.isoformat()}"^^xsd:date'),
                ("kgo:status", _q("held")),
                ("schema:keywords", _q(rng.choice(PRODUCTS))),
                ("prov:wasDerivedFrom", doc),
                ("prov:qualifiedDerivation", e),
            ],
        )
        mentions.append(meeting)
        for t in range(2):
            tariff = f"kgr:tariff-{_h(d, t)}"
            imposer, target = rng.sample(countries, 2)
            rate = rng.choice([10, 15, 25, 50])
            e = ev("tariff.rate_kind", f"Country {imposer.upper()} set a {rate} percent tariff.")
            emit(
                tariff,
                [
                    ("a", "kgo:Tariff"),
                    ("kgo:ratePercent", f"{rate}.0"),
                    ("kgo:measureKind", _q(rng.choice(KINDS))),
                    ("kgo:imposedBy", f"kgr:country-{imposer}"),
                    ("kgo:appliesTo", f"kgr:country-{target}"),
                    ("kgo:coversProduct", f"kgr:product-{rng.choice(PRODUCTS)}"),
                    ("kgo:status", _q(rng.choice(STATUSES))),
                    ("kgo:effectiveFrom", f'"{(day + timedelta(days=30)).isoformat()}"^^xsd:date'),
                    ("prov:wasDerivedFrom", doc),
                    ("prov:qualifiedDerivation", e),
                ],
            )
            mentions.append(tariff)
        e = ev("statement.request_verb", f"{cast[0][1]} asked {cast[4][1]} for relief.")
        emit(
            f"kgr:statement-{_h(d, 's')}",
            [
                ("a", "kgo:Request"),
                ("kgo:actor", f"kgr:{cast[0][0]}"),
                ("kgo:counterpart", f"kgr:{cast[4][0]}"),
                ("kgo:content", _q("relief")),
                ("kgo:madeAt", meeting),
                ("prov:wasDerivedFrom", doc),
                ("prov:qualifiedDerivation", e),
            ],
        )
        emit(
            doc,
            [
                ("a", "schema:NewsArticle"),
                ("kgo:fileName", _q(f"{d:05d}_synthetic.txt")),
                ("kgo:contentHash", _q(_h(d) * 5 + "abcd")),
                ("schema:headline", _q(f"Trade news {d}")),
                ("schema:datePublished", f'"{published.isoformat()}"^^xsd:date'),
                ("kgo:datePublishedSource", _q("index")),
                ("schema:mentions", ", ".join(mentions)),
            ],
        )
        count += len(mentions) - 1
        for offset, (iri, payload) in enumerate(evs):
            rule, sentence = payload.split("\t", 1)
            emit(
                iri,
                [
                    ("a", "kgo:Evidence, prov:Derivation"),
                    ("prov:entity", doc),
                    ("kgo:sentenceText", _q(sentence)),
                    ("kgo:sentenceOffset", str(offset * 100)),
                    ("kgo:startOffset", str(offset * 100)),
                    ("kgo:endOffset", str(offset * 100 + len(sentence))),
                    ("kgo:rule", _q(rule)),
                    ("kgo:confidence", f"0.{rng.randrange(50, 99)}"),
                ],
            )
            count += 1  # two types
        lines.append("}")
    out.mkdir(parents=True, exist_ok=True)
    (out / "kg.trig").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return count


def hash_index(key: str, size: int) -> int:
    """A stable index for a key (Python's hash() is salted per process)."""
    return int(hashlib.sha1(key.encode()).hexdigest()[:8], 16) % size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("out", type=Path)
    parser.add_argument("--docs", type=int, default=5000)
    parser.add_argument("--people", type=int, default=20000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    triples = generate(args.out, args.docs, args.people, args.seed)
    print(f"wrote {args.out / 'kg.trig'}: about {triples} triples")


if __name__ == "__main__":
    main()
