"""Institution lookup: names, acronyms, aliases, former names and country-scoped generic aliases."""

from __future__ import annotations

import pytest

from kg import reference


@pytest.mark.parametrize(
    ("written", "country", "ref_id"),
    [
        ("Ministry of Trade, Industry and Energy", None, "kr-motie"),
        ("ministry of trade industry and energy", None, "kr-motie"),
        ("MOTIE", None, "kr-motie"),
        ("Ministry of Knowledge Economy", None, "kr-motie"),  # former name
        ("Ministry of Economy and Finance", None, "kr-moef"),
        ("MOEF", None, "kr-moef"),
        ("Ministry of Strategy and Finance", None, "kr-moef"),  # former name
        ("the Ministry of Strategy and Finance", None, "kr-moef"),
        ("USTR", None, "us-ustr"),
        ("the Fed", None, "us-fed"),
        ("Office of the U.S. Trade Representative", None, "us-ustr"),
        ("Office of the United States Trade Representative", None, "us-ustr"),
        ("U.S. Department of the Treasury", None, "us-treasury"),
        ("Treasury Department", None, "us-treasury"),
        ("U.S. Department of Commerce", None, "us-doc"),
        ("Commerce Department", None, "us-doc"),
        ("USDA", None, "us-usda"),
        ("METI", None, "jp-meti"),
        ("MOFCOM", None, "cn-mofcom"),
        ("European Commission", None, "eu-commission"),
        ("DG Trade", None, "eu-dg-trade"),
        ("Directorate-General for Trade", None, "eu-dg-trade"),
        ("Directorate General for Trade", None, "eu-dg-trade"),
        ("the White House", None, "us-white-house"),
        ("WTO", None, "int-wto"),
        ("International Monetary Fund", None, "int-imf"),
        ("G20", None, "int-g20"),
        ("G-20", None, "int-g20"),
        ("OECD", None, "int-oecd"),
        ("APEC", None, "int-apec"),
        # generic aliases need a country, passed in ...
        ("the trade ministry", "KR", "kr-motie"),
        ("the finance ministry", "KR", "kr-moef"),
        ("the Treasury", "US", "us-treasury"),
        ("the Treasury", "GB", "gb-hmt"),
        ("Ministry of Foreign Affairs", "KR", "kr-mofa"),
        ("Ministry of Foreign Affairs", "JP", "jp-mofa"),
        ("MOFA", "KR", "kr-mofa"),
        ("the National Assembly", "KR", "kr-national-assembly"),
        ("Congress", "US", "us-congress"),
        ("the trade ministry", "South Korea", "kr-motie"),  # a written country works as the hint too
        # ... or written in the text
        ("Korean Finance Ministry", None, "kr-moef"),
        ("South Korea's trade ministry", None, "kr-motie"),
        ("Japan's Ministry of Foreign Affairs", None, "jp-mofa"),
        ("the U.S. government", None, "us-government"),
        ("the Japanese government", None, "jp-government"),
        ("Ministry of Finance of India", None, "in-mof"),
        # an unambiguous name wins over an unrelated country hint
        ("USTR", "KR", "us-ustr"),
        # more governments
        ("Federal Department of Economic Affairs, Education and Research", None, "ch-eaer"),
        ("Federal Department of Economic Affairs", None, "ch-eaer"),  # former name
        ("SECO", None, "ch-seco"),
        ("State Secretariat for Economic Affairs", None, "ch-seco"),
        ("the Federal Council", "CH", "ch-federal-council"),
        ("Swiss Federal Council", None, "ch-federal-council"),
        ("Ministry of Development, Industry, Trade and Services", None, "br-mdic"),
        ("MDIC", None, "br-mdic"),
        ("Brazilian Presidency", None, "br-presidency"),
        ("Itamaraty", None, "br-mre"),
        ("Ministry of Industry and Trade", "VN", "vn-moit"),
        ("Vietnam's Ministry of Industry and Trade", None, "vn-moit"),
        ("Executive Yuan", None, "tw-executive-yuan"),
        ("Legislative Yuan", None, "tw-legislative-yuan"),
        ("Office of Trade Negotiations", "TW", "tw-otn"),
        ("Office of Trade Negotiations", "KR", "kr-otn"),
        ("Ministry of Economic Affairs", "TW", "tw-moea"),
        ("DFAT", None, "au-dfat"),
        ("Mercosur", None, "int-mercosur"),
        ("MERCOSUR", None, "int-mercosur"),
        ("Prime Minister's Office, 10 Downing Street", None, "gb-pmo"),
    ],
)
def test_reference_institution_written_forms(written: str, country: str | None, ref_id: str) -> None:
    found = reference.institution(written, country)
    assert found is not None, (written, country)
    assert found.ref_id == ref_id


@pytest.mark.parametrize(
    ("written", "country"),
    [
        ("the trade ministry", None),  # generic: whose?
        ("the Treasury", None),  # US and UK
        ("Ministry of Foreign Affairs", None),  # KR, JP, CN
        ("MOFA", None),
        ("motie", None),  # acronyms need a capital letter
        ("fed", None),
        ("Ministry of Silly Walks", None),
        ("", None),
        ("the trade ministry", "NO"),  # no reference data for that country
        ("Office of Trade Negotiations", None),  # KR and TW
        ("Ministry of Industry and Trade", None),  # VN, and the Czech and Russian ministries' name
        ("Federal Council", None),  # Switzerland's government, Austria's and Germany's upper houses
    ],
)
def test_reference_institution_unknown_or_ambiguous_is_none(written: str, country: str | None) -> None:
    assert reference.institution(written, country) is None


def test_reference_institution_record_fields() -> None:
    motie = reference.institution("MOTIE")
    assert motie is not None
    assert motie.country == "KR" and motie.kind == "ministry"
    assert "Ministry of Knowledge Economy" in motie.former_names
    assert "MOTIE" in motie.aliases
    dg_trade = reference.institution("DG Trade")
    assert dg_trade is not None and dg_trade.parent == "eu-commission"
    wto = reference.institution("WTO")
    assert wto is not None and wto.country is None and wto.kind == "international"


@pytest.mark.parametrize(
    ("written", "country", "ref_id"),
    [
        ("Commerce Department", "IN", None),  # India's Commerce Department is not the US one
        ("USTR", "JP", None),
        ("commerce ministry", "IN", "in-moci"),
        ("WTO", "IN", "int-wto"),
    ],
)
def test_reference_institution_written_country_wins(written: str, country: str, ref_id: str | None) -> None:
    found = reference.institution(written, country, strict=True)
    assert (found.ref_id if found else None) == ref_id


def test_reference_institution_scoped_aliases_kept_apart() -> None:
    commission = reference.institution_by_id("eu-commission")
    assert commission is not None
    assert "Commission" in commission.scoped_aliases and "Commission" in commission.aliases
    assert "EC" not in commission.scoped_aliases
