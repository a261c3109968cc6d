import pytest

from kg.resolve.names import misspelling_score, name_key, normalise_person_name, same_person_name


@pytest.mark.parametrize("a,b", [
    ("Dukgeun Ahn", "Ahn Duk-geun"),
    ("AHN DUK-GEUN", "Ahn Duk-geun"),
    ("Lee Jae Myung", "Lee Jae-myung"),
    ("Jae-myung Lee", "Lee Jae-myung"),
    ("Howard W. Lutnick", "Howard Lutnick"),
    ("José Díaz", "Jose Diaz"),
])
def test_names_same_person_name_matches_variants(a: str, b: str) -> None:
    assert same_person_name(a, b)
    assert name_key(a) == name_key(b)


@pytest.mark.parametrize("a,b", [
    ("Chang Sung-gil", "Chang Sang-sik"),
    ("Scott Besant", "Scott Bessent"),
    ("Ahn", "Ahn Duk-geun"),
])
def test_names_different_names_do_not_match(a: str, b: str) -> None:
    assert not same_person_name(a, b)


def test_names_normalise_person_name_folds_case_accents_hyphens() -> None:
    assert normalise_person_name("AHN  DUK-GEUN") == "ahn dukgeun"
    assert normalise_person_name("Éric Dupont") == "eric dupont"


@pytest.mark.parametrize("a,b,close", [
    ("Scott Besant", "Scott Bessent", True),
    ("Han Duk-soo", "Han Duck-soo", True),
    ("Chang Sung-gil", "Chang Sang-sik", False),
    ("Chang Sang-sik", "Chang Sang-soo", False),
    ("Lee Jae-myung", "Lee Jae-yong", False),
])
def test_names_misspelling_score(a: str, b: str, close: bool) -> None:
    assert (misspelling_score(a, b) > 0) is close


@pytest.mark.parametrize("a,b", [
    ("Pieter van den Broek", "Pieter Van Den Broek"),
    ("Mohammed bin Salman", "Mohammed Bin Salman"),
    ("Lord Hannan", "Hannan"),
    ("Sir Anand Rao", "Anand Rao"),
])
def test_names_particles_and_titles_of_address(a: str, b: str) -> None:
    assert same_person_name(a, b)


@pytest.mark.parametrize("name,full", [
    ("van den Broek", False),  # a surname with its particles, not a given name and a surname
    ("Pieter van den Broek", True),
    ("Lord Hannan", False),
    ("Nguyễn Hồng Diên", True),
])
def test_names_full_name_with_particles(name: str, full: bool) -> None:
    from kg.resolve.names import is_full_name

    assert is_full_name(name) is full
