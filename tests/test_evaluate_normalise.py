"""Name normalisation used by the scorer."""

from __future__ import annotations

import pytest

from kg.evaluate import gold_keys, normalise, normalise_person, product_keys


@pytest.mark.parametrize(("a", "b"), [
    ("Ahn Duk-geun", "Dukgeun Ahn"), ("Yeo Han-koo", "YEO Hankoo"), ("José  Núñez", "nunez jose"),
])
def test_evaluate_normalise_person_equal(a: str, b: str) -> None:
    assert normalise_person(a) == normalise_person(b)


@pytest.mark.parametrize(("a", "b"), [("U.S. Trade Representative", "US Trade  Representative"),
                                      ("Ministry of Trade", "MINISTRY OF TRADE")])
def test_evaluate_normalise_org_equal(a: str, b: str) -> None:
    assert normalise(a) == normalise(b)


def test_evaluate_normalise_org_keeps_word_order() -> None:
    assert normalise("Trade Ministry") != normalise("Ministry Trade")


def test_evaluate_gold_keys_drop_single_word_aliases() -> None:
    assert gold_keys("Ahn Duk-geun", ["Ahn", "Minister Ahn"], person=True) == {"ahn dukgeun", "ahn minister"}


@pytest.mark.parametrize(("a", "b", "same"), [
    ("automobiles", "automobile", True), ("steel", "steels", True), ("batteries", "battery", True),
    ("auto parts", "auto part", True), ("steel", "aluminum", False),
    ("semiconductors", "semiconductor", True),
])
def test_evaluate_product_keys_plural_insensitive(a: str, b: str, same: bool) -> None:
    assert bool(product_keys(a) & product_keys(b)) is same
