"""Dated events of one article: meetings, tariffs, statements and figures (runs after entities)."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from kg.extract.dates import find_dates, infer_published
from kg.extract.meetings import MeetingBuilder, doc_country_order
from kg.extract.statements import extract_figures, extract_statements
from kg.extract.tariffs import SentenceSpan, extract_tariffs
from kg.model import DocExtraction, Mention


def sentences_of(text: str, sdoc: Doc | None) -> list[SentenceSpan]:
    """Sentences from spaCy, also cut at line breaks (captions and headlines are their own)."""
    bounds = [(s.start_char, s.end_char) for s in sdoc.sents] if sdoc is not None else [(0, len(text))]
    spans: list[SentenceSpan] = []
    for start, end in bounds:
        for piece in re.finditer(r"[^\n]+", text[start:end]):
            chunk = piece.group(0)
            if chunk.strip():
                lead = len(chunk) - len(chunk.lstrip())
                spans.append(SentenceSpan(start + piece.start() + lead, chunk.strip()))
    return spans


def extract_events(ex: DocExtraction, sdoc: Doc) -> None:
    """Fill ex.meetings, ex.tariffs, ex.statements and ex.figures from the document's sentences."""
    doc = ex.doc
    if doc.published is None:
        inferred, _note = infer_published(doc.text)
        if inferred is not None:
            doc.published, doc.published_source = inferred, "inferred"
    mentions = sorted(ex.mentions, key=lambda m: (m.start, m.end, m.kind, m.ref or ""))
    person_country = {p.local_id: p.country for p in ex.persons if p.country}
    person_country.update({o.local_id: o.country for o in ex.organizations if o.country})
    doc_countries = doc_country_order(mentions)
    builder = MeetingBuilder(doc.doc_id, doc.published, doc_countries, doc.text)
    previous_imposer: str | None = None
    for sentence in sentences_of(doc.text, sdoc):
        end = sentence.start + len(sentence.text)
        inside: list[Mention] = [m for m in mentions if m.start >= sentence.start and m.end <= end]
        meeting_id = builder.add_sentence(sentence, inside)
        tariffs = extract_tariffs(
            sentence, inside, doc.published, doc.doc_id, person_country, previous_imposer, len(ex.tariffs) + 1
        )
        ex.tariffs.extend(tariffs)
        for tariff in tariffs:
            previous_imposer = tariff.imposed_by or previous_imposer
        refs = [r for r in find_dates(sentence.text, doc.published) if r.first and r.precision == "day"]
        stated_on = refs[0].first if refs else None
        ex.statements.extend(
            extract_statements(
                sentence, inside, doc.doc_id, stated_on, meeting_id, doc_countries, len(ex.statements) + 1
            )
        )
        ex.figures.extend(extract_figures(sentence, inside, doc.doc_id, doc.published, len(ex.figures) + 1))
    labels = {p.local_id: p.name for p in ex.persons}
    labels.update({o.local_id: o.name for o in ex.organizations})
    ex.meetings = builder.finish(labels, {p.local_id for p in ex.persons})
    kept = {m.local_id for m in ex.meetings}
    for statement in ex.statements:
        if statement.meeting not in kept:
            statement.meeting = None
