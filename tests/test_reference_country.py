"""Country lookup: names, aliases, demonyms and capitals as written, and ISO codes."""

from __future__ import annotations

import pytest

from kg import reference


@pytest.mark.parametrize(
    ("written", "iso"),
    [
        ("Korea", "KR"),
        ("South Korea", "KR"),
        ("Republic of Korea", "KR"),
        ("the Republic of Korea", "KR"),
        ("ROK", "KR"),
        ("South Korean", "KR"),
        ("Korean", "KR"),
        ("Seoul", "KR"),
        ("North Korea", "KP"),
        ("North Korean", "KP"),
        ("DPRK", "KP"),
        ("U.S.", "US"),
        ("US", "US"),
        ("USA", "US"),
        ("U.S.A.", "US"),
        ("the United States", "US"),
        ("United States of America", "US"),
        ("America", "US"),
        ("American", "US"),
        ("the States", "US"),
        ("Washington", "US"),
        ("Washington, D.C.", "US"),
        ("Japanese", "JP"),
        ("Tokyo", "JP"),
        ("Chinese", "CN"),
        ("Beijing", "CN"),
        ("Britain", "GB"),
        ("UK", "GB"),
        ("Polish", "PL"),
        ("Dutch", "NL"),
        ("the Netherlands", "NL"),
        ("Slovak", "SK"),
        ("Turkey", "TR"),
        ("Emirati", "AE"),
        ("British", "GB"),
        ("London", "GB"),
        ("EU", "EU"),
        ("European Union", "EU"),
        ("European", "EU"),
        ("Brussels", "EU"),
        ("Canadian", "CA"),
        ("Ottawa", "CA"),
        ("Mexican", "MX"),
        ("Mexico City", "MX"),
        ("Indian", "IN"),
        ("New Delhi", "IN"),
        ("SOUTH KOREA", "KR"),
        ("south korean", "KR"),
        ("Viet Nam", "VN"),  # pycountry's name for a country without curated aliases
        ("Korea, Republic of", "KR"),  # pycountry's ISO name still resolves
        ("Norway", "NO"),  # only in pycountry
    ],
)
def test_reference_country_written_forms(written: str, iso: str) -> None:
    found = reference.country(written)
    assert found is not None, written
    assert found.iso == iso


@pytest.mark.parametrize("written", ["us", "Atlantis", "", "Ministry of Finance", "the", "States"])
def test_reference_country_unknown_is_none(written: str) -> None:
    # Lower-case "us" is the pronoun, not the acronym; "States" is a fragment of "United States".
    assert reference.country(written) is None


@pytest.mark.parametrize(
    ("iso", "name"),
    [("KR", "South Korea"), ("kp", "North Korea"), ("EU", "European Union"), ("US", "United States"),
     ("NO", "Norway")],
)
def test_reference_country_by_iso(iso: str, name: str) -> None:
    found = reference.country_by_iso(iso)
    assert found is not None and found.name == name


def test_reference_country_by_iso_unknown() -> None:
    assert reference.country_by_iso("XX") is None


def test_reference_country_table_is_sorted_and_complete() -> None:
    table = reference.countries()
    codes = [c.iso for c in table]
    assert codes == sorted(codes)
    assert len(codes) == len(set(codes))
    assert {"KR", "KP", "US", "JP", "CN", "GB", "EU", "CA", "MX", "IN"} <= set(codes)
    korea = reference.country_by_iso("KR")
    assert korea is not None and "Seoul" in korea.capitals and "Korean" in korea.demonyms
