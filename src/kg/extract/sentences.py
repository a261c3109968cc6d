"""Sentences of a document as the event extractors see them: text, offset and, when parsed, tokens."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from kg.model import Evidence

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

# A quotation of more than five words is reported speech; a shorter one is a name or scare quotes
# ("2+2" meeting, "technical discussions"), part of the reporter's own sentence.
# Typeset and straight quotes get mixed ("“2+2\" meeting"): any opening mark closes with any closing one.
_QUOTE = re.compile(r"[“\"][^”\"]*[”\"]")
_SPEECH_WORDS = 5


@dataclass
class SentenceSpan:
    start: int  # offset in Document.text
    text: str
    tokens: Span | None = None  # spaCy's parse of the sentence, when the document was parsed

    def evidence(self, doc_id: str, start: int, end: int, rule: str, confidence: float) -> Evidence:
        """Evidence for the span start..end of this sentence (offsets relative to the sentence)."""
        return Evidence(doc_id, self.start + start, self.start + end, self.text, self.start, rule, confidence)


def without_speech(text: str) -> str:
    """`text` with reported speech blanked out (same length, so offsets still hold).

    What someone says ("we will approach future consultations calmly") is not the reporter's account
    of an event: its tense and its meeting words must not make or date one.
    """

    def blank(match: re.Match[str]) -> str:
        quoted = match.group(0)
        return " " * len(quoted) if len(quoted.split()) > _SPEECH_WORDS else quoted

    masked = _QUOTE.sub(blank, text)
    # a quotation still open at the end of the sentence ("Minister Ahn stated, “With both sides ...")
    opening = masked.rfind("“")
    if opening >= 0 and not re.search(r"[”\"]", masked[opening:]) and len(masked[opening:].split()) > _SPEECH_WORDS:
        masked = masked[:opening] + " " * (len(masked) - opening)
    return masked


def sentences_of(text: str, sdoc: Doc | None) -> list[SentenceSpan]:
    """Sentences from spaCy, also cut at line breaks (captions and headlines are their own)."""
    bounds = [(s.start_char, s.end_char) for s in sdoc.sents] if sdoc is not None else [(0, len(text))]
    spans: list[SentenceSpan] = []
    for start, end in bounds:
        for piece in re.finditer(r"[^\n]+", text[start:end]):
            chunk = piece.group(0)
            if chunk.strip():
                lead = len(chunk) - len(chunk.lstrip())
                begin = start + piece.start() + lead
                stripped = chunk.strip()
                tokens = (
                    sdoc.char_span(begin, begin + len(stripped), alignment_mode="expand")
                    if sdoc is not None
                    else None
                )
                spans.append(SentenceSpan(begin, stripped, tokens))
    return spans
