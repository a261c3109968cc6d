"""A tariff that lowers an older one, on a product with an HS chapter."""

from datetime import date

from kg.model import DocExtraction, Document, Evidence, Resolution, Tariff

DOC = "030_tariff.txt"
TEXT = "Washington will cut its tariff on Korean cars from 25% to 15% from Aug. 1."
PRODUCTS = {"automobiles": ("Automobiles", "87")}


def _evidence(span: str, rule: str, confidence: float) -> Evidence:
    start = TEXT.index(span)
    return Evidence(DOC, start, start + len(span), TEXT, 0, rule, confidence)


def resolution() -> Resolution:
    doc = Document(doc_id=DOC, text=TEXT, sha256="d" * 64)
    old = Tariff(
        "t1",
        25.0,
        kind="sectoral",
        products=["automobiles"],
        imposed_by="US",
        applies_to="KR",
        status="previous",
        evidence=[_evidence("from 25%", "tariff.rate_change", 0.9)],
    )
    new = Tariff(
        "t2",
        15.0,
        kind="sectoral",
        products=["automobiles"],
        imposed_by="US",
        applies_to="KR",
        status="agreed",
        effective_from=date(2025, 8, 1),
        replaces="t1",
        evidence=[_evidence("from 25% to 15%", "tariff.rate_change", 0.899)],
    )
    return Resolution(
        extractions=[DocExtraction(doc=doc, tariffs=[new, old])],
        ids={(DOC, "t1"): "tariff-aaaaaaaaaaaa", (DOC, "t2"): "tariff-bbbbbbbbbbbb"},
    )
