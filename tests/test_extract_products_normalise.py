import pytest

from kg.extract.products import PRODUCTS, normalise_product, products_in


@pytest.mark.parametrize(
    ("written", "key"),
    [
        ("cars", "automobiles"),
        ("autos", "automobiles"),
        ("vehicles", "automobiles"),
        ("automobile", "automobiles"),
        ("chips", "semiconductors"),
        ("auto parts", "auto parts"),
        ("Aluminium", "aluminum"),
        ("bourbon", "bourbon"),
        ("Japanese cars", "automobiles"),
        ("Scotch whisky", "whisky"),
        ("gin", "spirits"),
        ("vodka", "spirits"),
        ("chocolate", "chocolate"),
        ("watches", "watches"),
        ("machine tools", "machine tools"),
        ("salmon", "seafood"),
        ("crude palm oil", "palm oil"),
    ],
)
def test_extract_products_normalise_written_forms(written: str, key: str) -> None:
    assert normalise_product(written) == key
    assert key in PRODUCTS


def test_extract_products_normalise_unknown_is_none() -> None:
    assert normalise_product("goodwill") is None


def test_extract_products_in_keeps_order_and_prefers_longest() -> None:
    assert products_in("levies on auto parts, steel and cars") == ["auto parts", "steel", "automobiles"]
    assert PRODUCTS["automobiles"] == ("Automobiles", "87")


@pytest.mark.parametrize(
    ("written", "key"),
    [
        ("softwood lumber", "lumber"),
        ("aerospace parts", "aircraft parts"),
        ("jewelry", "jewellery"),
        ("generic drugs", "pharmaceuticals"),
        ("prawns", "shrimp"),
        ("wines", "wine"),
    ],
)
def test_extract_products_normalise_trade_categories(written: str, key: str) -> None:
    assert normalise_product(written) == key
    assert key in PRODUCTS


def test_extract_products_spans_give_offsets() -> None:
    from kg.extract.products import product_spans

    text = "duties on wine and aircraft parts"
    spans = [(text[s:e], key) for s, e, key in product_spans(text)]
    assert spans == [("wine", "wine"), ("aircraft parts", "aircraft parts")]
