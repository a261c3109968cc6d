"""Traded products named in tariff sentences, normalised to keys with HS chapters or headings."""

from __future__ import annotations

import re

# key -> (label, HS chapter or heading); institutions-style reference data, no events.
PRODUCTS: dict[str, tuple[str, str | None]] = {
    "aircraft": ("Aircraft", "88"),
    "aluminum": ("Aluminum", "76"),
    "auto parts": ("Auto parts", "8708"),
    "automobiles": ("Automobiles", "87"),
    "beef": ("Beef", "0201"),
    "copper": ("Copper", "74"),
    "electronics": ("Electronics", "85"),
    "lng": ("Liquefied natural gas", "2711"),
    "lumber": ("Lumber", "44"),
    "pharmaceuticals": ("Pharmaceuticals", "30"),
    "semiconductors": ("Semiconductors", "8541"),
    "ships": ("Ships", "89"),
    "smartphones": ("Smartphones", "8517"),
    "steel": ("Steel", "72"),
    "textiles": ("Textiles", "50-63"),
    "bourbon": ("Bourbon whiskey", "2208"),
    "agricultural products": ("Agricultural products", None),
    "aircraft parts": ("Aircraft parts", "8803"),
    "aircraft engines": ("Aircraft engines", "8411"),
    "canola": ("Canola", "1205"),
    "chemicals": ("Chemicals", "28-38"),
    "corn": ("Corn", "1005"),
    "dairy": ("Dairy products", "04"),
    "ethanol": ("Ethanol", "2207"),
    "footwear": ("Footwear", "64"),
    "furniture": ("Furniture", "94"),
    "jewellery": ("Gems and jewellery", "71"),
    "leather": ("Leather goods", "41-43"),
    "machinery": ("Machinery", "84"),
    "rare earths": ("Rare earths", "2805"),
    "rice": ("Rice", "1006"),
    "shrimp": ("Shrimp", "0306"),
    "seafood": ("Seafood", "03"),
    "soybeans": ("Soybeans", "1201"),
    "spirits": ("Spirits", "2208"),
    "wine": ("Wine", "2204"),
    "pork": ("Pork", "0203"),
    "lamb": ("Lamb and mutton", "0204"),
    "poultry": ("Poultry", "0207"),
    "wheat": ("Wheat", "1001"),
    "coffee": ("Coffee", "0901"),
    "sugar": ("Sugar", "17"),
    "cotton": ("Cotton", "52"),
}

# Written forms (lower case, singular or plural) -> key. Longest forms are tried first.
_FORMS: dict[str, str] = {
    "aircraft": "aircraft",
    "airplanes": "aircraft",
    "planes": "aircraft",
    "aluminum": "aluminum",
    "aluminium": "aluminum",
    "auto parts": "auto parts",
    "car parts": "auto parts",
    "automotive parts": "auto parts",
    "vehicle parts": "auto parts",
    "autoparts": "auto parts",
    "automobiles": "automobiles",
    "automobile": "automobiles",
    "autos": "automobiles",
    "auto": "automobiles",
    "cars": "automobiles",
    "car": "automobiles",
    "vehicles": "automobiles",
    "vehicle": "automobiles",
    "automotive": "automobiles",
    "beef": "beef",
    "copper": "copper",
    "electronics": "electronics",
    "lng": "lng",
    "liquefied natural gas": "lng",
    "lumber": "lumber",
    "timber": "lumber",
    "wood": "lumber",
    "pharmaceuticals": "pharmaceuticals",
    "pharmaceutical": "pharmaceuticals",
    "drugs": "pharmaceuticals",
    "medicines": "pharmaceuticals",
    "semiconductors": "semiconductors",
    "semiconductor": "semiconductors",
    "chips": "semiconductors",
    "chip": "semiconductors",
    "ships": "ships",
    "vessels": "ships",
    "smartphones": "smartphones",
    "steel": "steel",
    "textiles": "textiles",
    "apparel": "textiles",
    "bourbon": "bourbon",
    "whiskey": "bourbon",
    "agricultural products": "agricultural products",
    "farm products": "agricultural products",
    "farm goods": "agricultural products",
    "aircraft parts": "aircraft parts",
    "aerospace parts": "aircraft parts",
    "airplane parts": "aircraft parts",
    "aircraft engines": "aircraft engines",
    "aerospace engines": "aircraft engines",
    "jet engines": "aircraft engines",
    "canola": "canola",
    "rapeseed": "canola",
    "chemicals": "chemicals",
    "chemical products": "chemicals",
    "corn": "corn",
    "maize": "corn",
    "dairy": "dairy",
    "dairy products": "dairy",
    "ethanol": "ethanol",
    "footwear": "footwear",
    "shoes": "footwear",
    "furniture": "furniture",
    "gems": "jewellery",
    "gemstones": "jewellery",
    "jewellery": "jewellery",
    "jewelry": "jewellery",
    "leather": "leather",
    "leather goods": "leather",
    "machinery": "machinery",
    "rare earths": "rare earths",
    "rare earth": "rare earths",
    "rice": "rice",
    "shrimp": "shrimp",
    "shrimps": "shrimp",
    "prawns": "shrimp",
    "seafood": "seafood",
    "soybeans": "soybeans",
    "soybean": "soybeans",
    "soya beans": "soybeans",
    "spirits": "spirits",
    "wine": "wine",
    "wines": "wine",
    "generic drugs": "pharmaceuticals",
    "generics": "pharmaceuticals",
    "softwood lumber": "lumber",
    "softwood": "lumber",
    "electric vehicles": "automobiles",
    "clothing": "textiles",
    "garments": "textiles",
    "pork": "pork",
    "lamb": "lamb",
    "mutton": "lamb",
    "poultry": "poultry",
    "chicken": "poultry",
    "wheat": "wheat",
    "coffee": "coffee",
    "sugar": "sugar",
    "cotton": "cotton",
    "cheese": "dairy",
}
# every written form, longest first, as one regex alternation (for patterns built around products)
PRODUCT_FORMS = "|".join(re.escape(f) for f in sorted(_FORMS, key=len, reverse=True))
PRODUCT_PATTERN = re.compile(r"\b(" + PRODUCT_FORMS + r")\b", re.I)


def normalise_product(text: str) -> str | None:
    """The product key for a written product name ("cars" -> "automobiles"), or None."""
    cleaned = re.sub(r"\s+", " ", text.strip().lower())
    cleaned = re.sub(r"^(u\.?s\.?|american|korean|japanese|chinese|imported|foreign)[- ]", "", cleaned)
    return _FORMS.get(cleaned)


def product_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, key) of every product named in `text`, in order."""
    return [(m.start(), m.end(), _FORMS[m.group(1).lower()]) for m in PRODUCT_PATTERN.finditer(text)]


def products_in(text: str) -> list[str]:
    """Product keys named in `text`, in order of first appearance, without repeats."""
    keys: list[str] = []
    for match in PRODUCT_PATTERN.finditer(text):
        key = _FORMS[match.group(1).lower()]
        if key not in keys:
            keys.append(key)
    return keys
