"""Ingest: read articles, strip page furniture, attach metadata.

Metadata comes from an `index.json` beside the articles (title, outlet, published, url), else from
the text where it says so ("Published: 21 May. 2025", a date line such as "Apr 25,2025", a dateline
such as "GENEVA, May 12, 2025 (AFP) -"), else it stays unknown here; a dateline without its year
("MEXICO CITY, July 31 (Reuters) -") is read later by kg.extract.dates.infer_published.
"""

from __future__ import annotations

import hashlib
import json
import re
from datetime import date
from pathlib import Path
from typing import Any

from kg.errors import KgError
from kg.model import Document
from kg.textdate import PUBLISHED_LINE, head_lines, parse_dateline, parse_full_date, valid_date

ARTICLE_SUFFIXES = (".txt", ".md")

# Whole lines that are page furniture, not article text: comment and sign-in boxes, share and
# print widgets, breadcrumbs, character counters, invitations to follow a channel, topic tags, and
# the phone, e-mail and reference lines of a press-contact block.
_FURNITURE = [
    re.compile(p, re.I)
    for p in (
        r"^to (write|post|leave) (a )?comments?\b",
        r"\blog ?in\b.*\b(account|to comment|to connect)\b",
        r"^sign ?in\b|^subscribe\b|^share (this|on)\b",
        r"comment\?$|^help-image\b|^lock icon$",
        # a row of widget labels: "print  share  A A", "Share  Tweet  Email"
        r"^(?:(?:print|dictionary|share|email|e-mail|tweet|facebook|twitter|linkedin|whatsapp|copy link"
        r"|font size|save|listen|a|a\+|a-)(?:\s+|$))+$",
        r"^home\s*>\s*\w",  # breadcrumb
        r"\(\d+/\d+[^)]*\)$",  # comment box counter "(0/250자)"
        r"^updated:?\s",
        r"^advertisement$",
        r"^(?:join|follow)\b.{0,80}\b(?:whatsapp|telegram|channel|newsletter|google news)\b",
        r"^(?:sign up|subscribe)\b.{0,80}\b(?:newsletter|alerts?|updates)\b",
        r"^(?:topics|tags|keywords|filed under)\s*:",
        r"^(?:phone|tel|telephone|mobile|fax|mail|e-?mail)\s*:?$",  # labels of a contact block
        # a phone number: labelled, or international ("+32 2 29 59128"), or with an area code in
        # brackets; a bare "2025-05-08" or "12/05/2025" is a date line, not a phone
        r"^(?:(?:phone|tel|telephone|mobile|fax)\s*:?\s*\+?\(?|\+|\()\d[\d\s().\-/]{6,}\d$",
        r"^(?:(?:mail|e-?mail)\s*:?\s*)?[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+$",  # an e-mail address
        r"^general (?:public )?(?:inquiries|enquiries)\b",
        r"^[A-Z]{2,8}/\d{2}/\d{1,6}$",  # a press release reference ("IP/25/2517")
    )
]
# Headings of a box of links to other stories, or of contacts, whose following lines (headlines,
# names) go with them: "READ MORE", "Related Articles", "For more information", "Press contacts:".
_BLOCK_HEADING = re.compile(
    r"^(?:read more|read also|also read|see also|related(?: articles?| stories| news| content| coverage)?"
    r"|more on this (?:story|topic)|recommended(?: stories)?|for more information"
    r"|(?:press|media) contacts?)\s*:?$",
    re.I,
)
# "Read more: EU readies counter-tariff list" on one line
_INLINE_LINK = re.compile(r"^(?:read more|read also|also read|related|see also)\s*:\s*\S", re.I)
_MARKDOWN_IMAGE = re.compile(r"!\[(?P<alt>[^\]]*(?:\[[^\]]*\][^\]]*)*)\]\([^)]*\)")
_BLOCK_LINES = 12  # at most this many headline or name lines follow one heading
_SENTENCE_END = re.compile(r"\.[\"”’')]*$")


def _is_prose(line: str) -> bool:
    """A sentence of the article, as opposed to a headline, a link title or a name: headlines do
    not end with a full stop."""
    return len(line) > 200 or bool(_SENTENCE_END.search(line))


def read_text(path: Path) -> tuple[str, str]:
    """The UTF-8 text of `path` and the sha256 of its bytes; a KgError for anything else."""
    if not path.exists():
        raise KgError("E001", path=path)
    data = path.read_bytes()
    if not data.strip():
        raise KgError("E005", path=path)
    if b"\x00" in data[:8192]:
        raise KgError("E003", path=path)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise KgError("E004", path=path, offset=err.start) from None
    return text.replace("\r\n", "\n").replace("\r", "\n"), hashlib.sha256(data).hexdigest()


def strip_furniture(text: str) -> tuple[str, list[str]]:
    """Text without page furniture, and the lines removed.

    A markdown image becomes its alt text unless that text is repeated as a caption line; a
    repeated line (a duplicated caption or headline) is kept once. A "READ MORE", "Related" or
    "Press contacts:" heading goes with the headlines or names under it, up to the first line of
    prose.
    """
    lines = text.split("\n")
    stripped = [ln.strip() for ln in lines]
    kept: list[str] = []
    removed: list[str] = []
    seen: set[str] = set()
    in_block = 0  # lines left in a READ MORE / Related / contacts block
    for i, line in enumerate(stripped):
        if in_block and line:
            if not _is_prose(line) and not _MARKDOWN_IMAGE.search(line):
                in_block -= 1
                removed.append(lines[i])
                continue
            in_block = 0
        if _BLOCK_HEADING.match(line):
            in_block = _BLOCK_LINES
            removed.append(lines[i])
            continue
        if _INLINE_LINK.match(line):
            removed.append(lines[i])
            continue
        image = _MARKDOWN_IMAGE.search(line)
        if image:
            alt = image.group("alt").strip()
            if not alt or alt in stripped[i + 1 : i + 4]:
                removed.append(lines[i])
                continue
            line = _MARKDOWN_IMAGE.sub(alt, line).strip()
        if line and (any(p.search(line) for p in _FURNITURE) or len(line) <= 2):
            removed.append(lines[i])
            continue
        if len(line) >= 30 and line in seen:
            removed.append(lines[i])
            continue
        seen.add(line)
        kept.append(line)
    cleaned = re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip() + "\n"
    return cleaned, removed


def load_index(folder: Path) -> dict[str, dict[str, Any]]:
    """Article metadata from `folder/index.json`, keyed by file name; {} when there is none."""
    index_path = folder / "index.json"
    if not index_path.is_file():
        return {}
    try:
        entries = json.loads(index_path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        raise KgError("E015", path=index_path, reason=str(err).splitlines()[0]) from None
    if not isinstance(entries, list) or not all(isinstance(e, dict) and "file" in e for e in entries):
        raise KgError("E015", path=index_path, reason="expected a list of objects with a 'file' key")
    return {str(e["file"]): e for e in entries}


def _date_from_index(value: object) -> date | None:
    if not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return parse_full_date(value)


def _metadata_from_text(text: str) -> tuple[str | None, date | None]:
    """A headline and publication date written at the top of the article, when it has them."""
    head = head_lines(text)
    published: date | None = None
    for line in head:
        match = PUBLISHED_LINE.match(line)
        candidate = match.group("rest") if match else line
        # a dateline is a short line that is (almost) only a date
        if match or len(line) <= 25:
            published = parse_full_date(candidate)
            if published:
                break
        # a dateline with its year: "GENEVA, May 12, 2025 (AFP) - ..."
        dateline = parse_dateline(line)
        if dateline and dateline[0] is not None:
            # "Feb. 29, 2025" is no calendar day: no publication date from it, and no crash
            published = valid_date(dateline[0], dateline[1], dateline[2])
            if published:
                break
    title = None
    if head and len(head[0]) <= 160 and not head[0].endswith((".", "”", '"')):
        title = head[0]
    return title, published


def load_document(path: Path, index: dict[str, dict[str, Any]] | None = None) -> Document:
    raw, sha = read_text(path)
    cleaned, removed = strip_furniture(raw)
    meta = (index or {}).get(path.name, {})
    # furniture (breadcrumbs, "Updated:" lines) is no headline and gives no publication date
    text_title, text_date = _metadata_from_text(cleaned)
    published = _date_from_index(meta.get("published"))
    source = "index" if published else None
    if published is None and text_date is not None:
        published, source = text_date, "text"
    return Document(
        doc_id=path.name,
        text=cleaned,
        sha256=sha,
        title=meta.get("title") or text_title,
        outlet=meta.get("outlet"),
        published=published,
        published_source=source,
        url=meta.get("url"),
        removed_lines=removed,
    )


def discover(sources: list[Path]) -> list[Path]:
    """Article files named by `sources` (files, or folders searched one level deep), sorted."""
    found: list[Path] = []
    for source in sources:
        if not source.exists():
            raise KgError("E001", path=source)
        if source.is_dir():
            files = sorted(p for p in source.iterdir() if p.suffix.lower() in ARTICLE_SUFFIXES)
            if not files:
                raise KgError("E002", path=source)
            found.extend(files)
        else:
            found.append(source)
    return sorted(set(found), key=lambda p: (p.name, str(p)))


def load_documents(sources: list[Path]) -> list[Document]:
    """Every article under `sources`, in file-name order, with metadata."""
    documents = []
    indexes: dict[Path, dict[str, dict[str, Any]]] = {}
    for path in discover(sources):
        folder = path.parent
        if folder not in indexes:
            indexes[folder] = load_index(folder)
        documents.append(load_document(path, indexes[folder]))
    return documents
