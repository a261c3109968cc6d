"""Inputs built by hand, shared by the extraction tests."""

from __future__ import annotations

from datetime import date

from kg.model import DocExtraction, Document, Mention, Person


def extraction_from_names(text: str, published: date | None, names: dict[str, tuple[str, str]]) -> DocExtraction:
    """A DocExtraction with mentions built by hand: every occurrence of each written form -> (kind, ref)."""
    ex = DocExtraction(doc=Document(doc_id="t.txt", text=text, sha256="0", published=published))
    for written, (kind, ref) in sorted(names.items()):
        start = text.find(written)
        while start >= 0:
            ex.mentions.append(Mention(start, start + len(written), written, kind, ref, "test"))
            start = text.find(written, start + 1)
        if kind == "person" and all(p.local_id != ref for p in ex.persons):
            ex.persons.append(Person(ref, written))
    return ex
