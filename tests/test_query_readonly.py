"""kg query is read-only, reports malformed SPARQL on one line, stops slow queries and caps rows."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from kg.errors import KgError
from kg.query import check_read_only, run_query
from kg.store import open_store

FIXTURE = Path(__file__).parent / "fixtures" / "query" / "kg.trig"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Any:
    graph_dir = tmp_path_factory.mktemp("graph")
    shutil.copy(FIXTURE, graph_dir / "kg.trig")
    return open_store(graph_dir)


@pytest.mark.parametrize(
    ("sparql", "word"),
    [
        ("INSERT DATA { <a:b> <a:c> <a:d> }", "INSERT"),
        ("delete where { ?s ?p ?o }", "DELETE"),
        ("LOAD <http://example.org/x.ttl>", "LOAD"),
        ("CLEAR ALL", "CLEAR"),
        ("DROP GRAPH <a:b>", "DROP"),
        ("CREATE GRAPH <a:b>", "CREATE"),
        ("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }", "SERVICE"),
        ("SELECT * WHERE { ?s ?p ?o } # ok\nINSERT DATA { <a:b> <a:c> <a:d> }", "INSERT"),
    ],
)
def test_query_refuses_updates_and_service(store: Any, sparql: str, word: str) -> None:
    with pytest.raises(KgError) as err:
        run_query(store, sparql)
    assert err.value.code == "E010"
    assert word in err.value.message


@pytest.mark.parametrize(
    "sparql",
    [
        'SELECT ?s WHERE { ?s kgo:sentenceText ?t . FILTER(CONTAINS(?t, "SERVICE INSERT")) }',
        "SELECT ?s WHERE { ?s ?p ?o } # DELETE this comment is harmless",
        "SELECT ?s WHERE { ?s <https://example.org/SERVICE> ?o }",
        "SELECT ?insert WHERE { ?insert ?p ?o } LIMIT 1",
    ],
)
def test_query_allows_keywords_in_strings_iris_comments_variables(store: Any, sparql: str) -> None:
    check_read_only(sparql)
    assert run_query(store, sparql).form == "SELECT"


def test_query_malformed_is_e009_one_line(store: Any) -> None:
    with pytest.raises(KgError) as err:
        run_query(store, "SELECT ?s WHERE { ?s ?p ")
    assert err.value.code == "E009"
    assert "\n" not in err.value.message
    assert "1:" in err.value.message  # the parser's position


def test_query_timeout_is_e011(store: Any) -> None:
    # millions of joined rows: about a second of work, far beyond the 0.02 s allowed
    heavy = "SELECT (COUNT(*) AS ?n) WHERE { ?a a ?t . ?d ?e ?f . ?g ?h ?i }"
    with pytest.raises(KgError) as err:
        run_query(store, heavy, timeout=0.02)
    assert err.value.code == "E011"


def test_query_limit_cuts_rows(store: Any) -> None:
    result = run_query(store, "SELECT ?s ?p ?o WHERE { ?s ?p ?o }", limit=5)
    assert len(result.rows) == 5
    assert result.truncated
    full = run_query(
        store, "SELECT DISTINCT ?n WHERE { ?c a schema:Country ; skos:prefLabel ?n } ORDER BY ?n"
    )
    assert not full.truncated
    assert [row["n"].value for row in full.rows if row["n"]] == ["Mexico", "South Korea", "United States"]


def test_query_ask_construct_describe(store: Any) -> None:
    assert run_query(store, "ASK { kgr:person-ahn-duk-geun a schema:Person }").boolean is True
    built = run_query(
        store, "CONSTRUCT { ?p schema:name ?n } WHERE { ?p a schema:Person ; skos:prefLabel ?n }"
    )
    assert built.form == "CONSTRUCT"
    assert len({t[0].value for t in built.triples}) == 5
    described = run_query(store, "DESCRIBE kgr:country-mx")
    assert described.form == "DESCRIBE" and described.triples


def test_query_named_graphs_visible_with_graph(store: Any) -> None:
    result = run_query(
        store, "SELECT DISTINCT ?g WHERE { GRAPH ?g { kgr:person-ahn-duk-geun org:holds ?post } } ORDER BY ?g"
    )
    assert [row["g"].compact() for row in result.rows if row["g"]] == ["kgr:graph-000-a", "kgr:graph-001-b"]
