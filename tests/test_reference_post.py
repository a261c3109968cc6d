"""Post lookup: written titles (without the holder's name) -> the post and its institution."""

from __future__ import annotations

import pytest

from kg import reference


@pytest.mark.parametrize(
    ("title", "country", "ref_id"),
    [
        ("Industry Minister", "KR", "kr-motie-minister"),
        ("Trade Minister", "KR", "kr-motie-minister"),
        ("Trade, Industry and Energy Minister", None, "kr-motie-minister"),
        ("Minister of Trade, Industry and Energy", None, "kr-motie-minister"),
        ("Minister of Knowledge Economy", None, "kr-motie-minister"),
        ("Treasury Secretary", None, "us-treasury-secretary"),
        ("Secretary of the Treasury", None, "us-treasury-secretary"),
        ("U.S. Treasury Secretary", None, "us-treasury-secretary"),
        ("Treasury Secretary", "KR", "us-treasury-secretary"),  # unambiguous title beats the hint
        ("Trade Representative", None, "us-ustr-representative"),
        ("U.S. Trade Representative", None, "us-ustr-representative"),
        ("United States Trade Representative", None, "us-ustr-representative"),
        ("U.S. Trade Rep.", None, "us-ustr-representative"),
        ("USTR", None, "us-ustr-representative"),
        ("Commerce Secretary", None, "us-commerce-secretary"),
        ("Finance Minister", "KR", "kr-moef-minister"),
        ("Finance Minister", "JP", "jp-mof-minister"),
        ("Korean Finance Minister", None, "kr-moef-minister"),
        ("South Korean Finance Minister", None, "kr-moef-minister"),
        ("Minister of Strategy and Finance", None, "kr-moef-minister"),
        ("Deputy Prime Minister for Economic Affairs", None, "kr-deputy-pm-economy"),
        ("Deputy Prime Minister", "KR", "kr-deputy-pm-economy"),
        ("President", "KR", "kr-president"),
        ("President", "US", "us-president"),
        ("U.S. President", None, "us-president"),
        ("President of the United States", None, "us-president"),
        ("President of Mexico", None, "mx-president"),
        ("Acting President", "KR", "kr-acting-president"),
        ("Prime Minister", "JP", "jp-prime-minister"),
        ("Japanese Prime Minister", None, "jp-prime-minister"),
        ("Minister of Economic Revitalization", None, "jp-economic-revitalization-minister"),
        ("Japanese Minister of Economic Revitalization", None, "jp-economic-revitalization-minister"),
        ("EU Trade Commissioner", None, "eu-trade-commissioner"),
        ("European Commissioner for Trade", None, "eu-trade-commissioner"),
        ("Trade Commissioner", None, "eu-trade-commissioner"),
        ("Director-General for Trade", None, "eu-dg-trade-director-general"),
        ("WTO Director-General", None, "int-wto-director-general"),
        ("Chancellor of the Exchequer", None, "gb-chancellor"),
        ("Trade Minister", "CA", "ca-trade-minister"),
        ("Commerce Minister", "IN", "in-commerce-minister"),
        # more governments
        ("Swiss President", None, "ch-president"),
        ("Economy Minister", "CH", "ch-economy-minister"),
        ("State Secretary for Economic Affairs", None, "ch-seco-state-secretary"),
        ("state secretary of the State Secretariat for Economic Affairs", None, "ch-seco-state-secretary"),
        ("head of the Federal Department of Economic Affairs, Education and Research", None,
         "ch-economy-minister"),
        ("Minister of Development, Industry, Trade and Services", None, "br-mdic-minister"),
        ("Brazilian Foreign Minister", None, "br-foreign-minister"),
        ("Vice President", "BR", "br-vice-president"),
        ("Minister of Industry and Trade", "VN", "vn-moit-minister"),
        ("Vietnamese Trade Minister", None, "vn-moit-minister"),
        ("Vice Premier", "TW", "tw-vice-premier"),
        ("Minister of Economic Affairs", "TW", "tw-moea-minister"),
        ("Coordinating Minister for Economic Affairs", None, "id-economic-affairs-coordinating-minister"),
        ("Australian Trade Minister", None, "au-trade-minister"),
        ("Agriculture Commissioner", "EU", "eu-agriculture-commissioner"),
        ("MP", "GB", "gb-mp"),
        ("British MP", None, "gb-mp"),
        ("MEP", None, "eu-mep"),
    ],
)
def test_reference_post_written_titles(title: str, country: str | None, ref_id: str) -> None:
    found = reference.post(title, country)
    assert found is not None, (title, country)
    assert found.ref_id == ref_id


@pytest.mark.parametrize(
    ("title", "country"),
    [
        ("Finance Minister", None),  # needs a country
        ("Trade Minister", None),
        ("President", None),
        ("Prime Minister", None),
        ("Chief Executive Officer", None),  # not a government post
        ("States Trade Representative", None),  # a fragment of "United States Trade Representative"
        ("Chief Executive Officer", "KR"),
        ("Minister of Silly Walks", "GB"),
        ("", None),
        ("Finance Minister", "NO"),  # no reference data for that country
        ("MP", None),  # whose parliament?
        ("Minister of Industry and Trade", None),  # Vietnam's, but also the Czech and Russian name
        ("Agriculture Commissioner", None),  # also a US state office
        ("Vice Premier", None),  # CN and TW
    ],
)
def test_reference_post_unknown_or_ambiguous_is_none(title: str, country: str | None) -> None:
    assert reference.post(title, country) is None


def test_reference_post_links_institution_and_country() -> None:
    minister = reference.post("Minister of Trade, Industry and Energy")
    assert minister is not None
    assert minister.institution == "kr-motie" and minister.country == "KR"
    assert "Industry Minister" in minister.titles
    secretary = reference.post("Treasury Secretary")
    assert secretary is not None and secretary.institution == "us-treasury"


@pytest.mark.parametrize(
    ("title", "country", "ref_id"),
    [
        ("MOTIE Minister", None, "kr-motie-minister"),
        ("Minister of MOTIE", None, "kr-motie-minister"),
        ("Ministry of Economy and Finance Minister", None, "kr-moef-minister"),
        ("Governor of the BOK", None, "kr-bok-governor"),
        ("Federal Reserve chairwoman", None, "us-fed-chair"),
        ("Commerce Department Secretary", None, "us-commerce-secretary"),
        ("trade ministry minister", "KR", "kr-motie-minister"),
    ],
)
def test_reference_post_institution_plus_role(title: str, country: str | None, ref_id: str) -> None:
    # Not listed as titles: found as "<institution> <role>" / "<role> of <institution>".
    found = reference.post(title, country)
    assert found is not None, (title, country)
    assert found.ref_id == ref_id


@pytest.mark.parametrize(
    ("title", "country"),
    [
        ("minister of motie", None),  # acronym in lower case
        ("MOTIE Spokesperson", None),  # no such post in the reference data
        ("WTO Minister", None),
        ("trade ministry minister", None),  # generic institution without a country
    ],
)
def test_reference_post_institution_plus_role_misses(title: str, country: str | None) -> None:
    assert reference.post(title, country) is None


@pytest.mark.parametrize(
    ("title", "country", "ref_id"),
    [
        ("Commerce Secretary", "IN", None),  # India's Commerce Secretary is not the US post
        ("Treasury Secretary", "GB", None),
        ("Commerce Minister", "IN", "in-commerce-minister"),
        ("Finance Minister", "JP", "jp-mof-minister"),
        ("WTO Director-General", "BR", "int-wto-director-general"),  # international posts stay
        ("Commerce Secretary", None, "us-commerce-secretary"),  # no written country: the US post
    ],
)
def test_reference_post_written_country_wins(title: str, country: str | None, ref_id: str | None) -> None:
    found = reference.post(title, country, strict=True)
    assert (found.ref_id if found else None) == ref_id
