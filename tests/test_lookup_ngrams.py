"""The trigram candidate step of kg lookup: misspellings and word-order swaps are still found, people who
share a surname stay distinct, and the answers are those of scoring every label."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from kg.errors import KgError
from kg.lookup import ACCEPT, MARGIN, LabelIndex, normalize, rank, resolve, trigrams
from query_trig import KGR, write_graph

SYLLABLES = "ka min jo ra ne so lu te vi dan ho sung mar el ti go ber an li yu chen wa ko ri sa do fe na ju pe".split()
REAL = ["Scott Bessent", "Jamieson Greer", "Ahn Duk-geun", "Ahn Do-geol", "Choi Sang-mok", "Yeo Han-koo"]


def _rows(names: list[str]) -> list[list[str]]:
    rows = []
    for name in names:
        slug = "person-" + normalize(name).replace(" ", "-")
        rows.append([KGR + slug, "person", name, normalize(name)])
    return rows


def _crowd(count: int, seed: int = 3) -> list[str]:
    """Made-up names of random syllables: many near-duplicates, the hard case for a candidate filter."""
    rng = random.Random(seed)
    names: set[str] = set()
    while len(names) < count:
        given = "-".join(rng.choice(SYLLABLES) for _ in range(2))
        names.add(f"{rng.choice(SYLLABLES).capitalize()} {given.capitalize()}")
    return sorted(names)


@pytest.fixture(scope="module")
def index() -> LabelIndex:
    return LabelIndex.build(_rows(_crowd(3000) + REAL))


def test_lookup_trigrams_are_per_word_and_padded() -> None:
    assert trigrams("ahn") == {" ah", "ahn", "hn "}
    assert trigrams("2 2") == {" 2 "}
    assert trigrams("ahn dukgeun") == trigrams("dukgeun ahn")


def test_lookup_candidates_are_few_and_hold_the_misspelled_name(index: LabelIndex) -> None:
    candidates = index.candidates(normalize("Scott Besant"))
    assert len(candidates) < len(index) // 5
    assert "Scott Bessent" in {index.labels[i] for i in candidates}
    best = rank("Scott Besant", index)[0]
    assert (best.label, best.score >= ACCEPT) == ("Scott Bessent", True)


@pytest.mark.parametrize(
    ("name", "label"),
    [
        ("Scott Besant", "Scott Bessent"),
        ("Besant Scott", "Scott Bessent"),  # swapped and misspelled
        ("Jamison Greer", "Jamieson Greer"),
        ("Greer Jamison", "Jamieson Greer"),
        ("Dukgeun Ahn", "Ahn Duk-geun"),
        ("Choi Sangmok", "Choi Sang-mok"),
    ],
)
def test_lookup_misspelled_or_reordered_is_found(index: LabelIndex, name: str, label: str) -> None:
    ranked = rank(name, index)
    assert ranked[0].label == label and ranked[0].score >= ACCEPT
    assert all(c.score < ranked[0].score - MARGIN or c.score < ACCEPT for c in ranked[1:])


def test_lookup_same_surname_stays_two_candidates(index: LabelIndex) -> None:
    ranked = rank("Ahn Dukgeon", index)  # a typo of Ahn Duk-geun; Ahn Do-geol shares the surname
    entities = [c.entity for c in ranked]
    assert entities[0] == KGR + "person-ahn-dukgeun"
    assert KGR + "person-ahn-dogeol" in entities  # a separate, weaker candidate, not merged into the first
    assert ranked[entities.index(KGR + "person-ahn-dogeol")].score < ranked[0].score
    surname_only = {c.entity for c in rank("Ahn", index)}
    assert {KGR + "person-ahn-dukgeun", KGR + "person-ahn-dogeol"} <= surname_only


def test_lookup_surname_alone_is_ambiguous(tmp_path: Path) -> None:
    write_graph(
        tmp_path,
        """  kgr:person-ahn-duk-geun skos:prefLabel "Ahn Duk-geun" ; rdfs:label "Ahn Duk-geun" .
  kgr:person-ahn-do-geol skos:prefLabel "Ahn Do-geol" ; rdfs:label "Ahn Do-geol" .""",
        "kgr:graph-000-a {\n  kgr:person-ahn-duk-geun a schema:Person . kgr:person-ahn-do-geol a schema:Person .\n}\n",
    )
    with pytest.raises(KgError) as err:
        resolve(tmp_path, None, "Ahn")
    assert err.value.code == "E014"
    assert "Ahn Duk-geun" in err.value.message and "Ahn Do-geol" in err.value.message
    assert resolve(tmp_path, None, "Ahn Dukgeun").entity == KGR + "person-ahn-duk-geun"


def _typo(rng: random.Random, text: str) -> str:
    chars = list(text)
    i = rng.randrange(len(chars))
    op = rng.randrange(4)
    if op == 0:
        chars.insert(i, rng.choice("aeioulnrst"))
    elif op == 1 and len(chars) > 4:
        del chars[i]
    elif op == 2:
        chars[i] = rng.choice("aeioulnrst")
    else:
        words = text.split(" ")
        rng.shuffle(words)
        return " ".join(words)
    return "".join(chars)


def _outcome(ranked: list) -> tuple:  # type: ignore[type-arg]
    """What resolve() would do: the accepted entity, the ambiguous candidates, or "unknown"."""
    if not ranked or ranked[0].score < ACCEPT:
        return ("unknown",)
    rivals = [c for c in ranked[1:] if c.score >= ranked[0].score - MARGIN and c.score >= ACCEPT]
    return ("ambiguous", tuple(c.entity for c in [ranked[0], *rivals][:6])) if rivals else ("ok", ranked[0].entity)


def test_lookup_candidates_give_the_exhaustive_answers(index: LabelIndex) -> None:
    """Accepted names and ambiguities match scoring every label with difflib, on near-duplicate names."""
    rng = random.Random(11)
    queries = [_typo(rng, index.labels[rng.randrange(len(index))]) for _ in range(80)]
    for query in queries:
        fast, slow = rank(query, index), rank(query, index, exhaustive=True)
        assert _outcome(fast) == _outcome(slow), query
        if slow and slow[0].score >= ACCEPT:
            assert (fast[0].entity, fast[0].score) == (slow[0].entity, slow[0].score), query


def test_lookup_index_round_trips_through_its_payload() -> None:
    rows = _rows(["Scott Bessent", "Jamieson Greer"]) + [[KGR + "odd", "other", "...", normalize("...")]]
    rows.append([KGR + "sep", "other", "a\x1fb", normalize("a b")])  # the column separator in a label
    built = LabelIndex.build(rows)
    loaded = LabelIndex(built.payload())
    assert loaded.labels == built.labels and loaded.keys == built.keys and loaded.entities == built.entities
    assert [c.entity for c in rank("Jamison Grear", loaded)] == [c.entity for c in rank("Jamison Grear", built)]
    assert rank("zzqx", loaded) == [] and rank("", loaded) == []


def test_lookup_exact_prefers_the_label_as_typed() -> None:
    rows = [[KGR + "person-jo", "person", label, normalize(label)] for label in ("Fe-an Jo", "Jo Fe-an")]
    best = rank("Jo Fe-an", LabelIndex.build(rows, {KGR + "person-jo": "Jo Fe-an"}))[0]
    assert (best.matched, best.label, best.score) == ("Jo Fe-an", "Jo Fe-an", 1.0)
