"""Named-query parameters are bound as escaped, typed literals; bad or missing ones are one-line errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.ask import bind, load_query, parse_named_query, parse_params
from kg.errors import KgError

HEADER = """# Tariffs after a date.
# param: who — a name
# param: since [date] = 2025-01-01 — first day
# param: rate [decimal] — a rate
SELECT * WHERE { ?t kgo:imposedBy ?c . ?c skos:prefLabel {{who}} . ?t kgo:effectiveFrom ?d .
  FILTER(?d > {{since}} && ?r = {{rate}}) }
"""


def test_ask_params_header_parsed() -> None:
    query = parse_named_query("demo", HEADER)
    assert query.description == "Tariffs after a date."
    assert [(p.name, p.type, p.default) for p in query.params] == [
        ("who", "string", None),
        ("since", "date", "2025-01-01"),
        ("rate", "decimal", None),
    ]


def test_ask_params_bound_as_typed_literals() -> None:
    text = bind(parse_named_query("demo", HEADER), {"who": "Korea", "rate": "25"})
    assert 'skos:prefLabel "Korea"' in text
    assert '"2025-01-01"^^xsd:date' in text
    assert '"25"^^xsd:decimal' in text
    assert "{{" not in text


@pytest.mark.parametrize(
    "hostile", ['x" } DROP ALL { "', 'a"\n} ; INSERT DATA { <a:b> <a:c> "d', "back\\slash"]
)
def test_ask_params_cannot_break_out_of_literal(hostile: str) -> None:
    text = bind(parse_named_query("demo", HEADER), {"who": hostile, "rate": "1"})
    line = next(line for line in text.splitlines() if "prefLabel" in line)
    inner = line.split("skos:prefLabel ", 1)[1].split(" . ?t", 1)[0]
    # one literal: starts and ends with a quote, every inner quote escaped
    assert inner.startswith('"') and inner.endswith('"')
    body = inner[1:-1].replace("\\\\", "").replace('\\"', "")
    assert '"' not in body and "\n" not in body


@pytest.mark.parametrize(
    ("values", "code"),
    [
        ({"rate": "1"}, "E018"),  # who is missing and has no default
        ({"who": "x", "rate": "1", "since": "yesterday"}, "E019"),
        ({"who": "x", "rate": "1 OR 1"}, "E019"),
        ({"who": "x", "rate": "1", "nope": "1"}, "E019"),
    ],
)
def test_ask_params_bad_values(values: dict[str, str], code: str) -> None:
    with pytest.raises(KgError) as err:
        bind(parse_named_query("demo", HEADER), values)
    assert err.value.code == code


def test_ask_params_unknown_query_lists_known(tmp_path: Path) -> None:
    (tmp_path / "one.rq").write_text("# One.\nASK {}\n", encoding="utf-8")
    with pytest.raises(KgError) as err:
        load_query("../one", tmp_path)
    assert err.value.code == "E017" and "one" in err.value.message


def test_ask_params_parse_pairs() -> None:
    assert parse_params(["imposer=United States", "target=a=b"]) == {
        "imposer": "United States",
        "target": "a=b",
    }
    with pytest.raises(KgError):
        parse_params(["novalue"])


COUNTRY_HEADER = """# Tariffs of a country.
# param: imposer [country] — the imposing country
SELECT * WHERE { ?t kgo:imposedBy ?c . ?c schema:identifier ?i . FILTER(?i = {{imposer}}) }
"""


@pytest.mark.parametrize(
    ("written", "code"),
    [("South Korea", "KR"), ("Korea", "KR"), ("kr", "KR"), ("U.S.", "US"), ("the United States", "US"),
     ("Brussels", "EU"), ("Japan", "JP")],
)
def test_ask_params_country_bound_as_iso_code(written: str, code: str) -> None:
    text = bind(parse_named_query("demo", COUNTRY_HEADER), {"imposer": written})
    assert f'FILTER(?i = "{code}")' in text


def test_ask_params_unknown_country_is_refused_with_closest_names() -> None:
    with pytest.raises(KgError) as info:
        bind(parse_named_query("demo", COUNTRY_HEADER), {"imposer": "Untied States"})
    assert info.value.code == "E019"
    message = str(info.value)
    assert "--param imposer" in message and "United States" in message and "\n" not in message
