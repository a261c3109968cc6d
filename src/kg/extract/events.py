"""Dated events of one article: meetings, tariffs, statements and figures (runs after entities)."""

from __future__ import annotations

from spacy.tokens import Doc

from kg.extract.dates import find_dates, infer_published
from kg.extract.meetings import MeetingBuilder, doc_country_order
from kg.extract.sentences import sentences_of
from kg.extract.statements import extract_figures, extract_statements
from kg.extract.tariffs import TariffContext
from kg.model import DocExtraction, Mention


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
    media = {o.local_id for o in ex.organizations if o.kind == "media"}
    titles: dict[str, list[str]] = {}
    for holding in ex.holdings:
        titles.setdefault(holding.person, []).extend({holding.title.lower(), holding.post_label.lower()})
    builder = MeetingBuilder(doc.doc_id, doc.published, doc_countries, doc.text, media,
                             {p.local_id for p in ex.persons}, titles)
    tariff_context = TariffContext(doc.doc_id, doc.published, doc.text)
    for sentence in sentences_of(doc.text, sdoc):
        end = sentence.start + len(sentence.text)
        inside: list[Mention] = [m for m in mentions if m.start >= sentence.start and m.end <= end]
        meeting_id = builder.add_sentence(sentence, inside)
        ex.tariffs.extend(tariff_context.add_sentence(sentence, inside, person_country, len(ex.tariffs) + 1))
        # a deadline or a start ("before July 8", "since Aug. 1") is not when a position was stated
        refs = [r for r in find_dates(sentence.text, doc.published)
                if r.first and r.precision == "day" and r.bound is None]
        stated_on = refs[0].first if refs else None
        ex.statements.extend(
            extract_statements(
                sentence, inside, doc.doc_id, stated_on, meeting_id, doc_countries, len(ex.statements) + 1
            )
        )
        ex.figures.extend(extract_figures(sentence, inside, doc.doc_id, doc.published, len(ex.figures) + 1))
    tariff_context.finish(ex.tariffs)
    labels = {p.local_id: p.name for p in ex.persons}
    labels.update({o.local_id: o.name for o in ex.organizations})
    ex.meetings = builder.finish(labels, person_country)
    kept = {m.local_id for m in ex.meetings}
    for statement in ex.statements:
        if statement.meeting not in kept:
            statement.meeting = None
