from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from kg.errors import KgError
from kg.ingest import load_document, load_documents, strip_furniture


@pytest.mark.parametrize(
    "line",
    [
        "To write comments, please log in to one of the accounts.",
        "Standards Board Policy (0/250자)",
        "Log in to Twitter or Facebook account to connect",
        "help-image Social comment?",
        "lock icon",
        "print dictionary print",
        "Home > National > Diplomacy",
        "Related Article",
        "Updated: 21 May. 2025, 18:46",
    ],
)
def test_ingest_removes_page_furniture(line: str) -> None:
    text, removed = strip_furniture(f"Seoul and Washington met on Monday.\n{line}\nThey agreed.\n")
    assert line not in text
    assert line in removed
    assert "They agreed." in text


def test_ingest_markdown_image_dropped_when_caption_repeats() -> None:
    caption = "Minister Kim, left, meets Secretary Smith in Tokyo on May 2."
    raw = f"![{caption}](https://example.org/a.jpg)\n{caption}\nBody text.\n"
    text, removed = strip_furniture(raw)
    assert text.count(caption) == 1
    assert "https://example.org" not in text
    assert removed and removed[0].startswith("![")


def test_ingest_markdown_image_keeps_unique_alt_text() -> None:
    text, _ = strip_furniture("![A unique caption about talks](x.jpg)\nBody.\n")
    assert "A unique caption about talks" in text
    assert "x.jpg" not in text


def test_ingest_duplicated_caption_kept_once() -> None:
    caption = "Deputy Prime Minister Park, left, at the Government Complex on March 13"
    text, _ = strip_furniture(f"{caption}\n\n{caption}\n\nBody.\n")
    assert text.count(caption) == 1


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        ("Press Releases\n\nApr 25,2025\n\nBody text here.", date(2025, 4, 25)),
        ("Headline\nPublished: 21 May. 2025, 09:07\nBody.", date(2025, 5, 21)),
        ("Headline\nThe talks were held on April 24 in Washington.", None),
    ],
)
def test_ingest_publication_date_from_text(tmp_path: Path, head: str, expected: date | None) -> None:
    path = tmp_path / "a.txt"
    path.write_text(head, encoding="utf-8")
    doc = load_document(path)
    assert doc.published == expected
    assert doc.published_source == ("text" if expected else None)


def test_ingest_index_metadata_wins(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Published: 21 May. 2025\nBody.", encoding="utf-8")
    index = [{"file": "a.txt", "title": "T", "outlet": "O", "published": "2025-05-20", "url": None}]
    (tmp_path / "index.json").write_text(json.dumps(index), encoding="utf-8")
    [doc] = load_documents([tmp_path])
    assert (doc.title, doc.outlet, doc.published, doc.published_source) == ("T", "O", date(2025, 5, 20), "index")


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b"", "E005"),
        (b"   \n", "E005"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "E003"),
        (b"caf\xe9 au lait", "E004"),
    ],
)
def test_ingest_bad_files_raise_numbered_errors(tmp_path: Path, content: bytes, code: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(KgError) as err:
        load_document(path)
    assert err.value.code == code
    assert "\n" not in err.value.message


def test_ingest_missing_and_empty_folder(tmp_path: Path) -> None:
    with pytest.raises(KgError) as missing:
        load_documents([tmp_path / "nope"])
    assert missing.value.code == "E001"
    with pytest.raises(KgError) as empty:
        load_documents([tmp_path])
    assert empty.value.code == "E002"


def test_ingest_sample_corpus_metadata() -> None:
    docs = {d.doc_id: d for d in load_documents([Path(__file__).parents[1] / "corpus"])}
    assert len(docs) == 5
    assert docs["000_f91083b060d69e82.txt"].published == date(2025, 4, 25)
    # no index date and no dateline: unknown, never invented
    assert docs["002_ca6e38afccbc0d5d.txt"].published_source in (None, "inferred")


@pytest.mark.parametrize(
    "block",
    [
        "READ MORE\nChile, Peru agree to cut copper duties\nNorway weighs salmon levy",
        "Read more\n\nChile, Peru agree to cut copper duties\n\nNorway weighs salmon levy",
        "Related\nKenya opens talks with Britain on 10% levy",
        "Related Articles\nKenya opens talks with Britain on 10% levy",
        "Read more: Kenya opens talks with Britain on 10% levy",
        "Media contacts:\nAnna LINDQVIST\nPhone\n+46 8 405 10 00\nEmail\nanna.lindqvist@example.org",
        "For more information\nSweden-Chile trade agreement",
        "Join our Telegram channel for the latest trade news",
        "Follow us on WhatsApp for breaking news",
        "Topics: Chile, Peru, Tariffs",
        "Tags: trade, copper",
        "Share  Tweet  Email",
        "Tel: +1 613 555 0199",
        "press@example.gov",
    ],
)
def test_ingest_removes_furniture_blocks_with_their_headlines(block: str) -> None:
    raw = f"Peru's minister met his Chilean counterpart in Lima on Monday.\n\n{block}\n\nThey agreed to meet again.\n"
    text, removed = strip_furniture(raw)
    assert text == "Peru's minister met his Chilean counterpart in Lima on Monday.\n\nThey agreed to meet again.\n"
    assert [ln for ln in block.split("\n") if ln.strip()] == [ln for ln in removed if ln.strip()]


@pytest.mark.parametrize(
    "line",
    [
        "Ghana's trade minister said a deal on cocoa was close.",
        "Related talks will follow in Accra next week.",
        "Kenya and Britain join forces on a new trade channel for tea exports.",
    ],
)
def test_ingest_keeps_prose_after_and_like_furniture(line: str) -> None:
    text, _removed = strip_furniture(f"Related\n{line}\n")
    assert line in text


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        ("Chile and Peru sign pact\n\nLIMA, March 14, 2025 (Andina) - Ministers met.", date(2025, 3, 14)),
        ("Chile and Peru sign pact\n\nLima, 14 March 2025 – Ministers met.", date(2025, 3, 14)),
        # month and day only: left to inference from the whole text, not guessed here
        ("Chile and Peru sign pact\n\nLIMA, March 14 (Andina) - Ministers met.", None),
    ],
)
def test_ingest_publication_date_from_dateline(tmp_path: Path, head: str, expected: date | None) -> None:
    path = tmp_path / "a.txt"
    path.write_text(head, encoding="utf-8")
    doc = load_document(path)
    assert (doc.published, doc.published_source) == (expected, "text" if expected else None)


@pytest.mark.parametrize(("dateline", "published"), [
    ("GENEVA, Feb. 29, 2025 (AFP) - Officials met.", None),  # no such day: no date, and no crash
    ("GENEVA, Feb. 28, 2025 (AFP) - Officials met.", date(2025, 2, 28)),
])
def test_ingest_dateline_that_is_no_calendar_day(tmp_path: Path, dateline: str, published: date | None) -> None:
    path = tmp_path / "a.txt"
    path.write_text(f"Trade talks resume\n\n{dateline}\n", encoding="utf-8")
    assert load_document(path).published == published
