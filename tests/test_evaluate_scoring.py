"""The scorer on hand-built TriG graphs (tests/fixtures/eval/) and gold files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.errors import KgError
from kg.evaluate import CATEGORIES, evaluate, load_gold

FIXTURES = Path(__file__).parent / "fixtures" / "eval"
PERFECT = FIXTURES / "perfect"
MERGED = FIXTURES / "merged"


def _write_gold(tmp_path: Path, name: str, data: dict[str, object]) -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def _gold_a(**overrides: object) -> dict[str, object]:
    data = json.loads((FIXTURES / "gold" / "a.json").read_text(encoding="utf-8"))
    data.update(overrides)
    return data


@pytest.mark.parametrize("category", CATEGORIES)
def test_evaluate_perfect_graph_scores_one(category: str) -> None:
    report = evaluate(PERFECT, load_gold([FIXTURES / "gold"]))
    score = report.categories[category]
    assert (score.precision, score.recall, score.f1) == (1.0, 1.0, 1.0), report.to_json()
    assert score.tp > 0


@pytest.mark.parametrize("category", ["people", "organizations", "positions", "meetings",
                                      "meeting_dates", "meeting_places", "tariffs"])
def test_evaluate_wrong_gold_scores_low(category: str) -> None:
    report = evaluate(PERFECT, load_gold([FIXTURES / "gold_wrong"]))
    assert report.categories[category].f1 <= 0.5, report.to_json()["categories"][category]


def test_evaluate_wrong_gold_lists_misses_by_name() -> None:
    report = evaluate(PERFECT, load_gold([FIXTURES / "gold_wrong"]))
    article_a = report.articles[0]
    assert "Invented Person" in article_a.misses["people"]
    assert "Jamieson Greer" in article_a.false_positives["people"]
    assert any("99%" in miss for miss in article_a.misses["tariffs"])


@pytest.mark.parametrize("name", ["Dukgeun Ahn", "AHN duk-GEUN", "Ahn Dukgeun", "Duk-Geun Ahn",
                                  "Áhn Duk-geun"])
def test_evaluate_people_match_ignores_word_order_hyphens_case_accents(tmp_path: Path, name: str) -> None:
    gold = _gold_a(people=[{"name": name, "aliases": [], "positions": []}])
    report = evaluate(PERFECT, load_gold([_write_gold(tmp_path, "a.json", gold)]))
    assert report.categories["people"].tp == 1
    assert report.articles[0].misses["people"] == []


@pytest.mark.parametrize("alias", ["Ahn", "Greer"])
def test_evaluate_single_word_alias_never_matches(tmp_path: Path, alias: str) -> None:
    # The graph has a node labelled with this word only in another gold entity's alias list.
    gold = _gold_a(people=[{"name": "Somebody Unknown", "aliases": [alias], "positions": []}])
    report = evaluate(PERFECT, load_gold([_write_gold(tmp_path, "a.json", gold)]))
    assert report.categories["people"].tp == 0
    assert report.categories["people"].fn == 1


def test_evaluate_multi_word_alias_matches(tmp_path: Path) -> None:
    gold = _gold_a(people=[{"name": "Somebody Else", "aliases": ["Minister Ahn"], "positions": []}])
    report = evaluate(PERFECT, load_gold([_write_gold(tmp_path, "a.json", gold)]))
    assert report.categories["people"].tp == 1


def test_evaluate_minor_entities_not_in_recall_nor_false_positives() -> None:
    report = evaluate(PERFECT, load_gold([FIXTURES / "gold"]))
    article_b = report.articles[1]
    people = article_b.categories["people"]
    assert (people.tp, people.fn, people.fp) == (2, 0, 0)  # Lee Ji-won (minor) counted in neither
    assert people.matched == 3


def test_evaluate_minor_entity_missing_is_not_a_miss(tmp_path: Path) -> None:
    gold = _gold_a(people=[{"name": "Jamieson Greer", "aliases": [], "positions": []},
                           {"name": "Ahn Duk-geun", "aliases": [], "positions": []},
                           {"name": "Park Byline", "aliases": [], "positions": [], "minor": True}])
    report = evaluate(PERFECT, load_gold([_write_gold(tmp_path, "a.json", gold)]))
    assert report.categories["people"].recall == 1.0
    assert report.articles[0].misses["people"] == []


def test_evaluate_meeting_date_and_place_checked(tmp_path: Path) -> None:
    meeting = {"name": "talks", "date": "2025-04-25/2025-04-26", "date_confidence": "explicit",
               "location": "Geneva", "participants": ["Ahn Duk-geun", "Jamieson Greer"]}
    report = evaluate(PERFECT, load_gold([_write_gold(tmp_path, "a.json", _gold_a(meetings=[meeting]))]))
    assert report.categories["meetings"].tp == 1
    assert report.categories["meeting_dates"].tp == 0
    assert report.categories["meeting_places"].tp == 0


def test_evaluate_meeting_date_inferred_not_scored(tmp_path: Path) -> None:
    meeting = {"name": "talks", "date": "2025-01-01", "date_confidence": "inferred",
               "location": None, "participants": ["Ahn Duk-geun", "Jamieson Greer"]}
    report = evaluate(PERFECT, load_gold([_write_gold(tmp_path, "a.json", _gold_a(meetings=[meeting]))]))
    dates = report.categories["meeting_dates"]
    assert (dates.tp, dates.fn) == (0, 0)


@pytest.mark.parametrize(("tariff", "found"), [
    ({"rate_percent": 25, "imposed_by": "United States", "applies_to_country": "South Korea"}, True),
    ({"rate_percent": 25, "imposed_by": "US", "applies_to_country": None, "products": ["automobiles"]}, True),
    ({"rate_percent": 25, "imposed_by": "United States", "applies_to_country": "Japan"}, False),
    ({"rate_percent": 15, "imposed_by": "United States", "applies_to_country": "South Korea"}, False),
    ({"rate_percent": 25, "imposed_by": "China", "applies_to_country": "South Korea"}, False),
])
def test_evaluate_tariff_matching(tmp_path: Path, tariff: dict[str, object], found: bool) -> None:
    report = evaluate(PERFECT, load_gold([_write_gold(tmp_path, "a.json", _gold_a(tariffs=[tariff]))]))
    assert report.categories["tariffs"].tp == int(found)


def test_evaluate_split_detected() -> None:
    report = evaluate(MERGED, load_gold([FIXTURES / "gold"]))
    split = {name: nodes for name, _kind, nodes in report.resolution.split}
    assert sorted(split) == ["Jamieson Greer"]
    assert len(split["Jamieson Greer"]) == 2
    assert "Ahn Duk-geun" in report.resolution.unified


def test_evaluate_false_merge_detected() -> None:
    report = evaluate(MERGED, load_gold([FIXTURES / "gold"]))
    merges = report.resolution.false_merges
    assert [(kind, names) for _node, kind, names in merges] == [("person", ["Ahn Duk-geun", "Lee Ji-won"])]
    assert evaluate(PERFECT, load_gold([FIXTURES / "gold"])).resolution.false_merges == []


def test_evaluate_json_is_stable() -> None:
    gold = load_gold([FIXTURES / "gold"])
    first = json.dumps(evaluate(MERGED, gold).to_json())
    assert first == json.dumps(evaluate(MERGED, gold).to_json())
    data = json.loads(first)
    assert list(data) == ["categories", "articles", "resolution"]
    assert list(data["categories"]) == list(CATEGORIES)


def test_evaluate_article_missing_from_graph_counts_all_misses(tmp_path: Path) -> None:
    report = evaluate(PERFECT, load_gold([_write_gold(tmp_path, "z.json", _gold_a(article="zzz.txt"))]))
    assert report.articles[0].found_in_graph is False
    assert report.categories["people"].recall == 0.0


def test_evaluate_no_graph_is_e007(tmp_path: Path) -> None:
    with pytest.raises(KgError) as err:
        evaluate(tmp_path, load_gold([FIXTURES / "gold"]))
    assert err.value.code == "E007"


def test_evaluate_unreadable_graph_is_e008(tmp_path: Path) -> None:
    (tmp_path / "kg.trig").write_text("this is { not trig", encoding="utf-8")
    with pytest.raises(KgError) as err:
        evaluate(tmp_path, load_gold([FIXTURES / "gold"]))
    assert err.value.code == "E008"


@pytest.mark.parametrize("content", [
    "not json", "[]", '{"people": []}', '{"article": "a.txt", "people": [{"aliases": []}]}',
    '{"article": "a.txt", "tariffs": [{"rate_percent": "ten"}]}',
    '{"article": "a.txt", "meetings": [{"name": "x", "date": "May 5"}]}',
])
def test_evaluate_bad_gold_is_e016(tmp_path: Path, content: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(KgError) as err:
        load_gold([path])
    assert err.value.code == "E016"
