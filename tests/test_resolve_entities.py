from datetime import date

import pytest

from kg.model import DocExtraction, Document, Organization, Person, PostHolding
from kg.resolve import resolve


def _doc(doc_id: str) -> DocExtraction:
    return DocExtraction(doc=Document(doc_id=doc_id, text="", sha256="0", published=date(2025, 4, 20)))


def _person(ex: DocExtraction, local_id: str, name: str, country: str | None = None,
            post: str | None = None, title: str = "Minister", aliases: list[str] | None = None) -> None:
    ex.persons.append(Person(local_id, name, aliases or [], country))
    if post:
        ex.holdings.append(PostHolding(local_id, title, post, title, country=country))


@pytest.mark.parametrize("name_a,name_b", [
    ("Dukgeun Ahn", "Ahn Duk-geun"),
    ("AHN DUK-GEUN", "Ahn Duk-geun"),
    ("Lee Jae Myung", "Lee Jae-myung"),
])
def test_resolve_people_merge_written_variants(name_a: str, name_b: str) -> None:
    a, b = _doc("a.txt"), _doc("b.txt")
    _person(a, "p1", name_a)
    _person(b, "p1", name_b)
    res = resolve([a, b])
    gid = res.ids[("a.txt", "p1")]
    assert gid == res.ids[("b.txt", "p1")]
    assert {name_a, name_b} <= res.alt_labels[gid]
    assert [m.rule for m in res.merges if m.into == gid][0].startswith("person.name")


def test_resolve_people_canonical_label_most_frequent_then_hyphenated() -> None:
    docs = [_doc(f"{i}.txt") for i in range(3)]
    _person(docs[0], "p1", "Dukgeun Ahn")
    _person(docs[1], "p1", "Ahn Duk-geun")
    _person(docs[2], "p1", "Ahn Duk-geun")
    res = resolve(docs)
    assert res.ids[("0.txt", "p1")] == "person-ahn-duk-geun"
    assert res.pref_labels["person-ahn-duk-geun"] == "Ahn Duk-geun"
    tie = resolve(docs[:2])
    assert tie.pref_labels[tie.ids[("0.txt", "p1")]] == "Ahn Duk-geun"


def test_resolve_people_same_surname_and_country_stay_apart() -> None:
    a, b = _doc("a.txt"), _doc("b.txt")
    _person(a, "p1", "Chang Sung-gil", "KR", "kr-trade-minister")
    _person(b, "p1", "Chang Sang-sik", "KR", "kr-trade-minister")
    res = resolve([a, b])
    assert res.ids[("a.txt", "p1")] != res.ids[("b.txt", "p1")]
    assert res.merges == []


@pytest.mark.parametrize("post_a,post_b,country_b,merged", [
    ("us-treasury-secretary", "us-treasury-secretary", "US", True),
    ("us-treasury-secretary", None, None, False),
    ("us-treasury-secretary", "us-commerce-secretary", "KR", False),
])
def test_resolve_people_misspelling_needs_post_evidence(post_a: str, post_b: str | None,
                                                        country_b: str | None, merged: bool) -> None:
    a, b = _doc("a.txt"), _doc("b.txt")
    _person(a, "p1", "Scott Bessent", "US", post_a, "Treasury Secretary")
    _person(b, "p1", "Scott Besant", country_b, post_b, "Commerce Secretary")
    res = resolve([a, b])
    assert (res.ids[("a.txt", "p1")] == res.ids[("b.txt", "p1")]) is merged
    if merged:
        assert res.merges[0].rule == "person.misspelling+same_post"
        assert 0 < res.merges[0].score <= 1


def test_resolve_people_surname_only_never_merges_without_post() -> None:
    a, b, c = _doc("a.txt"), _doc("b.txt"), _doc("c.txt")
    _person(a, "p1", "Jamieson Greer")
    _person(b, "p1", "Greer")
    _person(c, "p1", "Greer")
    res = resolve([a, b, c])
    ids = {res.ids[(d, "p1")] for d in ("a.txt", "b.txt", "c.txt")}
    assert len(ids) == 3


def test_resolve_people_ids_independent_of_document_order() -> None:
    a, b = _doc("a.txt"), _doc("b.txt")
    _person(a, "p1", "Dukgeun Ahn", "KR", "kr-motie-minister")
    _person(b, "p2", "Ahn Duk-geun", "KR", "kr-motie-minister")
    _person(b, "p3", "Choi Sang-mok", "KR", "kr-mof-minister")
    forward, backward = resolve([a, b]), resolve([b, a])
    assert forward.ids == backward.ids
    assert forward.merges == backward.merges
    assert forward.pref_labels == backward.pref_labels


def test_resolve_organizations_ref_id_and_acronym() -> None:
    a, b, c = _doc("a.txt"), _doc("b.txt"), _doc("c.txt")
    a.organizations.append(Organization("o1", "Office of the United States Trade Representative",
                                        ["USTR"], "agency", "US"))
    b.organizations.append(Organization("o1", "USTR", [], "agency", "US"))
    a.organizations.append(Organization("o2", "Ministry of Trade, Industry and Energy", [], "ministry",
                                        "KR", "kr-motie"))
    c.organizations.append(Organization("o5", "MOTIE", [], "ministry", "KR", "kr-motie"))
    c.organizations.append(Organization("o6", "Ministry of Economy and Finance", [], "ministry", "KR",
                                        "kr-moef"))
    res = resolve([a, b, c])
    assert res.ids[("a.txt", "o1")] == res.ids[("b.txt", "o1")]
    assert res.ids[("a.txt", "o1")] == "org-office-of-the-united-states-trade-representative"
    assert res.ids[("a.txt", "o2")] == res.ids[("c.txt", "o5")] == "org-kr-motie"
    assert res.ids[("c.txt", "o6")] == "org-kr-moef"
    rules = {m.rule for m in res.merges}
    assert {"org.acronym", "org.ref_id"} <= rules


def test_resolve_organizations_shared_alias_never_joins_two_ref_ids() -> None:
    a, b = _doc("a.txt"), _doc("b.txt")
    a.organizations.append(Organization("o1", "Ministry of Trade", ["MOT"], "ministry", "KR", "kr-mot"))
    b.organizations.append(Organization("o1", "Ministry of Transport", ["MOT"], "ministry", "JP", "jp-mot"))
    res = resolve([a, b])
    assert res.ids[("a.txt", "o1")] == "org-kr-mot"
    assert res.ids[("b.txt", "o1")] == "org-jp-mot"


def test_resolve_organizations_use_reference_name_as_label(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys
    import types

    class Institution:
        ref_id = "kr-motie"
        name = "Ministry of Trade, Industry and Energy"

    fake = types.ModuleType("kg.reference")
    fake.institutions = lambda: [Institution()]  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "kg.reference", fake)
    a = _doc("a.txt")
    a.organizations.append(Organization("o1", "Industry Ministry", [], "ministry", "KR", "kr-motie"))
    res = resolve([a])
    assert res.pref_labels["org-kr-motie"] == "Ministry of Trade, Industry and Energy"


def test_resolve_merge_log_points_at_existing_nodes_with_scores_in_range() -> None:
    a, b = _doc("a.txt"), _doc("b.txt")
    _person(a, "p1", "Dukgeun Ahn", "KR", "kr-motie-minister")
    _person(b, "p1", "Ahn Duk-geun", "KR", "kr-motie-minister")
    _person(a, "p2", "Han Duk-soo", "KR", "kr-prime-minister", "Prime Minister")
    _person(b, "p2", "Han Duck-soo", "KR", "kr-prime-minister", "Prime Minister")
    res = resolve([a, b])
    assert len(res.merges) == 2
    for merge in res.merges:
        assert merge.into in res.pref_labels
        assert 0 <= merge.score <= 1
        assert merge.doc_ids == ("a.txt", "b.txt")


@pytest.mark.parametrize("country_a,country_b,merged", [
    (None, None, True),  # the same role, neither article says whose: a misspelling may join them
    ("MX", None, True),
    ("MX", "AR", False),  # the same role in two countries is two posts
])
def test_resolve_people_misspelling_with_same_role(country_a: str | None, country_b: str | None,
                                                   merged: bool) -> None:
    a, b = _doc("a.txt"), _doc("b.txt")
    _person(a, "p1", "Carla Alvarez", country_a, f"{(country_a or 'xx').lower()}-president-a", "President")
    _person(b, "p1", "Carla Alvares", country_b, f"{(country_b or 'xx').lower()}-president-b", "President")
    res = resolve([a, b])
    assert (res.ids[("a.txt", "p1")] == res.ids[("b.txt", "p1")]) is merged


def test_resolve_people_titled_surname_joins_same_role_of_unknown_country() -> None:
    a, b = _doc("a.txt"), _doc("b.txt")
    _person(a, "p1", "Carla Alvarez", "MX", "mx-president", "Mexican President")
    _person(b, "p1", "Alvarez", None, "xx-president-alvarez", "President")
    res = resolve([a, b])
    assert res.ids[("a.txt", "p1")] == res.ids[("b.txt", "p1")]


@pytest.mark.parametrize("name_a,name_b", [
    ("Li Qiang", "Li Xi"),  # a shared surname, the same role: two people
    ("Wang Hong", "Wang Yong"),
])
def test_resolve_people_shared_surname_same_role_stay_apart(name_a: str, name_b: str) -> None:
    a, b = _doc("a.txt"), _doc("b.txt")
    _person(a, "p1", name_a, "CN", "cn-vice-premier", "Vice Premier")
    _person(b, "p1", name_b, "CN", "cn-vice-premier", "Vice Premier")
    res = resolve([a, b])
    assert res.ids[("a.txt", "p1")] != res.ids[("b.txt", "p1")]


def test_resolve_people_particle_surname_stays_a_surname() -> None:
    a, b, c = _doc("a.txt"), _doc("b.txt"), _doc("c.txt")
    _person(a, "p1", "Pieter van den Broek", "NL", "nl-trade-minister", "Trade Minister")
    _person(b, "p1", "van den Broek")  # no post: a surname alone never merges
    _person(c, "p1", "Pieter van den Broek")
    res = resolve([a, b, c])
    assert res.ids[("a.txt", "p1")] == res.ids[("c.txt", "p1")] != res.ids[("b.txt", "p1")]


def _org_doc(doc_id: str, countries: list[str]) -> DocExtraction:
    from kg.model import CountryMention

    ex = _doc(doc_id)
    ex.countries = [CountryMention(iso) for iso in countries]
    return ex


@pytest.mark.parametrize(("countries_a", "countries_b", "joined"), [
    (["KR", "US"], ["KR", "JP"], True),  # both articles name Korea, which has a National Assembly
    (["VN", "US"], ["KR", "US"], False),  # the only common country has none of that name
    (["FR"], ["FR"], False),  # no shipped "National Assembly" of France: no telling
])
def test_resolve_organizations_generic_name_joins_only_within_a_country(
        countries_a: list[str], countries_b: list[str], joined: bool) -> None:
    a, b = _org_doc("a.txt", countries_a), _org_doc("b.txt", countries_b)
    a.organizations.append(Organization("o1", "National Assembly", [], "legislature"))
    b.organizations.append(Organization("o1", "National Assembly", [], "legislature"))
    res = resolve([a, b])
    assert (res.ids[("a.txt", "o1")] == res.ids[("b.txt", "o1")]) is joined


def test_resolve_organizations_same_name_of_two_countries_stay_apart() -> None:
    a, b = _org_doc("a.txt", ["NO"]), _org_doc("b.txt", ["DK"])
    a.organizations.append(Organization("o1", "Ministry of Fisheries", [], "ministry", "NO"))
    b.organizations.append(Organization("o1", "Ministry of Fisheries", [], "ministry", "DK"))
    b.organizations.append(Organization("o2", "Copenhagen Business Forum", [], "association", "DK"))
    c = _org_doc("c.txt", ["DK"])
    c.organizations.append(Organization("o1", "Copenhagen Business Forum", [], "association"))
    res = resolve([a, b, c])
    assert res.ids[("a.txt", "o1")] != res.ids[("b.txt", "o1")]
    assert res.ids[("b.txt", "o2")] == res.ids[("c.txt", "o1")]


def test_resolve_organizations_no_article_bridges_two_countries_bodies() -> None:
    a, b, c = _org_doc("a.txt", ["KR", "US"]), _org_doc("b.txt", ["KR", "VN"]), _org_doc("c.txt", ["VN"])
    for ex in (a, b, c):
        ex.organizations.append(Organization("o1", "National Assembly", [], "legislature"))
    res = resolve([a, b, c])
    assert res.ids[("a.txt", "o1")] != res.ids[("c.txt", "o1")]
