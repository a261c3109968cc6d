"""`kg view --query FILE`: the graph a SPARQL CONSTRUCT query returns, ready to render."""

from __future__ import annotations

from pathlib import Path

from rdflib import Dataset, Graph

from kg.errors import KgError
from kg.store import STORE_NAME, TRIG_NAME, sparql_prologue


def _read_query(query_file: Path) -> str:
    if not query_file.is_file():
        raise KgError("E001", path=query_file)
    try:
        text = query_file.read_text(encoding="utf-8")
    except UnicodeDecodeError as err:
        raise KgError("E004", path=query_file, offset=err.start) from None
    if not text.strip():
        raise KgError("E005", path=query_file)
    return text


def _first_line(err: Exception) -> str:
    text = str(err).strip()
    return text.splitlines()[0] if text else type(err).__name__


def construct_view(graph_dir: Path, query_file: Path) -> Graph:
    """Run a CONSTRUCT query over the graph in `graph_dir` (store if built, else kg.trig)."""
    query = _read_query(query_file)
    if not (graph_dir / TRIG_NAME).is_file() and not (graph_dir / STORE_NAME).is_dir():
        raise KgError("E007", path=graph_dir)
    full_query = sparql_prologue() + query
    result = Graph()
    if (graph_dir / STORE_NAME).is_dir() and (graph_dir / TRIG_NAME).is_file():
        import pyoxigraph

        from kg.store import open_store

        store = open_store(graph_dir, read_only=True)
        try:
            answer = store.query(full_query, use_default_graph_as_union=True)
        except SyntaxError as err:
            raise KgError("E009", reason=_first_line(err)) from None
        if not isinstance(answer, pyoxigraph.QueryTriples):
            raise KgError("E009", reason="kg view --query needs a CONSTRUCT (or DESCRIBE) query")
        data = answer.serialize(format=pyoxigraph.RdfFormat.N_TRIPLES)
        if data:
            result.parse(data=data.decode("utf-8"), format="nt")
        return result
    dataset = Dataset(default_union=True)
    try:
        dataset.parse(graph_dir / TRIG_NAME, format="trig")
    except Exception as err:  # rdflib raises many parser types; any of them means an unreadable graph
        raise KgError("E008", path=graph_dir / TRIG_NAME, reason=_first_line(err)) from None
    try:
        answer_rdflib = dataset.query(full_query)
    except Exception as err:  # pyparsing/rdflib errors: a malformed query
        raise KgError("E009", reason=_first_line(err)) from None
    if answer_rdflib.type not in ("CONSTRUCT", "DESCRIBE") or answer_rdflib.graph is None:
        raise KgError("E009", reason="kg view --query needs a CONSTRUCT (or DESCRIBE) query")
    for triple in answer_rdflib.graph:
        result.add(triple)
    return result


def load_graph(graph_dir: Path) -> Graph:
    """The union of every named graph in `<graph_dir>/kg.trig` as one Graph."""
    trig = graph_dir / TRIG_NAME
    if not trig.is_file():
        raise KgError("E007", path=graph_dir)
    dataset = Dataset()
    try:
        dataset.parse(trig, format="trig")
    except Exception as err:  # any parser error means the file cannot be read as TriG
        raise KgError("E008", path=trig, reason=_first_line(err)) from None
    merged = Graph()
    for subj, pred, obj, _ctx in dataset.quads((None, None, None, None)):
        merged.add((subj, pred, obj))
    return merged
