"""Inputs built by hand, shared by the extraction tests."""

from __future__ import annotations

from datetime import date

from kg.model import DocExtraction, Document, Mention, Person, PostHolding


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


def entities_of(text: str) -> DocExtraction:
    """The people, posts and organizations the entity rules read from `text` (spaCy parse included)."""
    from kg.extract.entities import extract_entities
    from kg.nlp import load_pipeline

    ex = DocExtraction(Document("t.txt", text, "0"))
    extract_entities(ex, load_pipeline()(text))
    return ex


def holdings_of(ex: DocExtraction, name: str) -> list[PostHolding]:
    """The posts the person called `name` holds in `ex`."""
    person = next(p for p in ex.persons if p.name == name)
    return [h for h in ex.holdings if h.person == person.local_id]


def extracted(text: str, published: date | None) -> DocExtraction:
    """Everything the whole extractor (spaCy pipeline, entity and event rules) reads from `text`."""
    from kg.nlp import load_pipeline
    from kg.pipeline import extract_document

    return extract_document(Document("t.txt", text, "0", published=published), load_pipeline())
