"""Entity extraction on hand-built sentences, with a small stand-in for kg.reference."""

from __future__ import annotations

import importlib
import sys
import types
from dataclasses import dataclass

import pytest

from handmade import entities_of


@dataclass
class _Country:
    iso: str
    name: str


@dataclass
class _Inst:
    ref_id: str
    name: str
    country: str
    kind: str


@dataclass
class _Post:
    ref_id: str
    label: str
    institution: str
    country: str


_COUNTRIES = {"japan": "JP", "japanese": "JP", "eu": "EU", "canada": "CA", "india": "IN",
              "korea": "KR", "south korea": "KR", "seoul": "KR", "u.s.": "US",
              "united states": "US", "washington": "US", "american": "US", "korean": "KR"}


def _country(text: str) -> _Country | None:
    iso = _COUNTRIES.get(text.lower().strip())
    return _Country(iso, iso) if iso else None


def _institution(text: str, country: str | None = None) -> _Inst | None:
    if text in ("Ministry of Trade, Industry and Energy", "kr-motie"):
        return _Inst("kr-motie", "Ministry of Trade, Industry and Energy", "KR", "ministry")
    return None


def _post(title: str, country: str | None = None, strict: bool = False) -> _Post | None:
    found = None
    if title in ("Minister of Trade, Industry and Energy", "Industry Minister") and country in (
            None, "KR") and (country or title.startswith("Minister")):
        found = _Post("kr-motie-minister", "Minister of Trade, Industry and Energy", "kr-motie", "KR")
    # with `strict`, as kg.reference.post: only a post of the given country (or of none)
    return found if found is None or not strict or found.country in (country, None) else None


@pytest.fixture(autouse=True)
def stub_reference(monkeypatch: pytest.MonkeyPatch) -> None:
    """Replace the reference look-ups with the small tables above, whatever ships."""
    try:
        module = importlib.import_module("kg.reference")
    except ImportError:
        module = types.ModuleType("kg.reference")
        monkeypatch.setitem(sys.modules, "kg.reference", module)
    monkeypatch.setattr(module, "country", _country, raising=False)
    monkeypatch.setattr(module, "institution", _institution, raising=False)
    monkeypatch.setattr(module, "post", _post, raising=False)


@pytest.mark.parametrize(("text", "name", "title", "iso"), [
    ("Japanese Trade Minister Yoji Muto met EU Trade Commissioner Maros Sefcovic on Monday.",
     "Yoji Muto", "Japanese Trade Minister", "JP"),
    ("Japanese Trade Minister Yoji Muto met EU Trade Commissioner Maros Sefcovic on Monday.",
     "Maros Sefcovic", "EU Trade Commissioner", "EU"),
    ("Canada's Finance Minister François-Philippe Champagne said talks would resume.",
     "François-Philippe Champagne", "Finance Minister", "CA"),
    ("Piyush Goyal, India's commerce minister, said the deal was close.",
     "Piyush Goyal", "commerce minister", "IN"),
    ("Finance Minister Choi Sang-mok spoke to reporters.", "Choi Sang-mok", "Finance Minister",
     None),
])
def test_extract_entities_title_and_name(text: str, name: str, title: str, iso: str | None) -> None:
    ex = entities_of(text)
    person = next(p for p in ex.persons if p.name == name)
    held = [h for h in ex.holdings if h.person == person.local_id]
    assert [h.title for h in held] == [title]
    if iso is not None:
        assert held[0].country == iso and person.country == iso
    assert person.evidence and text[person.evidence[0].start:person.evidence[0].end] in (
        name, f"{title} {name}")


def test_extract_entities_coordinated_titles_give_two_posts() -> None:
    ex = entities_of("Deputy Prime Minister and Finance Minister Kim Min-jun met reporters.")
    (person,) = ex.persons
    assert person.name == "Kim Min-jun"
    assert sorted(h.title for h in ex.holdings) == ["Deputy Prime Minister", "Finance Minister"]


def test_extract_entities_reference_post_and_implied_org() -> None:
    ex = entities_of("Minister of Trade, Industry and Energy Dukgeun Ahn met his counterpart in Seoul. "
                  "Minister Ahn said the talks went well.")
    (person,) = ex.persons
    assert person.name == "Dukgeun Ahn" and "Minister Ahn" in person.aliases
    (holding,) = ex.holdings
    assert holding.post_key == "kr-motie-minister" and holding.org_ref == "kr-motie"
    assert any(o.ref_id == "kr-motie" for o in ex.organizations)
    assert any(m.text == "Minister Ahn" and m.ref == person.local_id for m in ex.mentions)


def test_extract_entities_shared_surname_stays_unresolved() -> None:
    ex = entities_of("Finance Minister Park Ji-hoon met Trade Minister Park Seo-yeon. Park said little.")
    assert len(ex.persons) == 2
    bare = [m for m in ex.mentions if m.kind == "person" and m.text == "Park"]
    assert bare and all(m.ref is None for m in bare)


def test_extract_entities_acronym_is_alias() -> None:
    text = ("Officials of the Korea Automobile Manufacturers Association (KAMA) were present. "
            "KAMA said exports fell.")
    ex = entities_of(text)
    org = next(o for o in ex.organizations if o.name == "Korea Automobile Manufacturers Association")
    assert "KAMA" in org.aliases and org.kind == "association"


def test_extract_entities_ministry_list_yields_each_ministry() -> None:
    ex = entities_of("Officials from the Ministry of Science and ICT, the Ministry of Land, "
                  "Infrastructure and Transport and the Ministry of Environment attended.")
    names = sorted(o.name for o in ex.organizations)
    assert names == ["Ministry of Environment", "Ministry of Land, Infrastructure and Transport",
                     "Ministry of Science and ICT"]


def test_extract_entities_byline_in_caps_is_proper_case() -> None:
    ex = entities_of("BY KIM SOO-JIN\nThe talks ended on Friday.")
    assert [p.name for p in ex.persons] == ["Kim Soo-jin"]


def test_extract_entities_is_deterministic() -> None:
    text = "U.S. Trade Representative Jamieson Greer met Industry Minister Lee Jae-won in Seoul."
    assert repr(entities_of(text)) == repr(entities_of(text))


@pytest.mark.parametrize(("text", "tenure"), [
    ("Former Trade Minister Yoo Myung-hee criticised the deal.", "former"),
    ("Then-Finance Minister Hong Nam-ki led the delegation.", "former"),
    ("Acting President Lee Ju-ho signed the order.", "acting"),
    ("Trade Minister Yoo Myung-hee criticised the deal.", "current"),
])
def test_extract_entities_tenure_from_prefix(text: str, tenure: str) -> None:
    ex = entities_of(text)
    assert [h.tenure for h in ex.holdings] == [tenure]


def test_extract_entities_person_not_taken_from_institution_words() -> None:
    ex = entities_of("Officials met the director-general for trade policy at the Ministry of Finance.")
    assert ex.persons == []
