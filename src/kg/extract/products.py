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
}
PRODUCT_PATTERN = re.compile(
    r"\b(" + "|".join(re.escape(f) for f in sorted(_FORMS, key=len, reverse=True)) + r")\b", re.I
)


def normalise_product(text: str) -> str | None:
    """The product key for a written product name ("cars" -> "automobiles"), or None."""
    cleaned = re.sub(r"\s+", " ", text.strip().lower())
    cleaned = re.sub(r"^(u\.?s\.?|american|korean|japanese|chinese|imported|foreign)[- ]", "", cleaned)
    return _FORMS.get(cleaned)


def products_in(text: str) -> list[str]:
    """Product keys named in `text`, in order of first appearance, without repeats."""
    keys: list[str] = []
    for match in PRODUCT_PATTERN.finditer(text):
        key = _FORMS[match.group(1).lower()]
        if key not in keys:
            keys.append(key)
    return keys
