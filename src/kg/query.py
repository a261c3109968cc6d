"""Read-only SPARQL over the store: refuse updates and SERVICE, enforce a timeout and a row cap.

The library returns data (QueryResult); the command line formats it.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from kg.errors import KgError
from kg.store import PREFIXES

if TYPE_CHECKING:
    import pyoxigraph

# Keywords that only appear in SPARQL Update, or that reach the network (SERVICE) or files (LOAD).
# Checked on tokens after removing strings, IRIs and comments, so "SERVICE" inside a literal still runs.
_FORBIDDEN = ("SERVICE", "INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH")
_TOKEN = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""'  # long strings
    r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"(?:[^"\\\n]|\\.)*"'  # short strings
    r"|'(?:[^'\\\n]|\\.)*'"
    r"|<[^<>\"{}|^`\\\s]*>"  # IRIs
    r"|#[^\n]*"  # comments
    r"|[?$][A-Za-z0-9_]+"  # variables
    r"|[A-Za-z_][\w.-]*:[\w.%-]*|:[\w.%-]+"  # prefixed names
    r"|[A-Za-z_]\w*"  # bare words: keywords
    r"|\S",
    re.DOTALL,
)
_WORD = re.compile(r"[A-Za-z_]\w*\Z")


def _bare_keywords(sparql: str) -> list[str]:
    return [tok.upper() for tok in _TOKEN.findall(sparql) if _WORD.match(tok)]


def check_read_only(sparql: str) -> None:
    """Raise E010 when the text uses an update operation, LOAD or SERVICE outside strings/IRIs/comments."""
    for word in _bare_keywords(sparql):
        if word in _FORBIDDEN:
            raise KgError("E010", what=word)


def query_form(sparql: str) -> str:
    """SELECT, ASK, CONSTRUCT or DESCRIBE: the first query-form keyword."""
    for word in _bare_keywords(sparql):
        if word in ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE"):
            return word
    return "UNKNOWN"


@dataclass
class QueryResult:
    """A query's answer: `rows` for SELECT (variable -> term), `boolean` for ASK, `triples` for graphs."""

    form: str
    variables: list[str] = field(default_factory=list)
    rows: list[dict[str, Term | None]] = field(default_factory=list)
    boolean: bool | None = None
    triples: list[tuple[Term, Term, Term]] = field(default_factory=list)
    truncated: bool = False
    limit: int | None = None


@dataclass(frozen=True, order=True)
class Term:
    """An RDF term reduced to plain data: kind is 'iri', 'literal' or 'bnode'."""

    kind: str
    value: str
    datatype: str | None = None
    language: str | None = None

    def compact(self) -> str:
        """The term for people: a prefixed name for IRIs under a known prefix, the text for literals."""
        if self.kind == "iri":
            return compact_iri(self.value)
        if self.kind == "bnode":
            return f"_:{self.value}"
        return self.value

    def n3(self) -> str:
        if self.kind == "iri":
            return f"<{self.value}>"
        if self.kind == "bnode":
            return f"_:{self.value}"
        text = '"' + escape_literal(self.value) + '"'
        if self.language:
            return f"{text}@{self.language}"
        if self.datatype and self.datatype != XSD_STRING:
            return f"{text}^^<{self.datatype}>"
        return text


XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def compact_iri(iri: str) -> str:
    best = ""
    for name, base in sorted(PREFIXES.items()):
        if iri.startswith(base) and len(base) > len(best):
            best = base
            compacted = f"{name}:{iri[len(base) :]}"
    return compacted if best else f"<{iri}>"


def escape_literal(text: str) -> str:
    """Escape a string for a SPARQL/Turtle double-quoted literal."""
    return (
        text.replace("\\", "\\\\")
        .replace('"', '\\"')
        .replace("\n", "\\n")
        .replace("\r", "\\r")
        .replace("\t", "\\t")
    )


def to_term(node: Any) -> Term | None:
    import pyoxigraph

    if node is None:
        return None
    if isinstance(node, pyoxigraph.NamedNode):
        return Term("iri", node.value)
    if isinstance(node, pyoxigraph.BlankNode):
        return Term("bnode", node.value)
    if isinstance(node, pyoxigraph.Literal):
        return Term("literal", node.value, node.datatype.value if node.datatype else None, node.language)
    return Term("literal", str(node))


def _one_line(err: BaseException) -> str:
    text = " ".join(str(err).split())
    # The parser lists every token it expected; the position and the first few are what a person needs.
    if len(text) > 160:
        text = text[:157] + "..."
    return text or type(err).__name__


def _execute(store: pyoxigraph.Store, sparql: str, limit: int | None) -> QueryResult:
    import pyoxigraph

    try:
        answer = store.query(sparql, prefixes=PREFIXES, use_default_graph_as_union=True)
    except SyntaxError as err:
        raise KgError("E009", reason=_one_line(err)) from None
    form = query_form(sparql)
    if isinstance(answer, pyoxigraph.QueryBoolean):
        return QueryResult(form="ASK", boolean=bool(answer))
    if isinstance(answer, pyoxigraph.QuerySolutions):
        variables = [var.value for var in answer.variables]
        rows: list[dict[str, Term | None]] = []
        truncated = False
        for solution in answer:
            if limit is not None and len(rows) >= limit:
                truncated = True
                break
            rows.append({name: to_term(solution[name]) for name in variables})
        return QueryResult(form="SELECT", variables=variables, rows=rows, truncated=truncated, limit=limit)
    triples: list[tuple[Term, Term, Term]] = []
    for triple in answer:
        triples.append((to_term(triple.subject), to_term(triple.predicate), to_term(triple.object)))  # type: ignore[arg-type]
    triples.sort()  # a graph has no order; sort for byte-identical output
    truncated = limit is not None and len(triples) > limit
    if limit is not None:
        triples = triples[:limit]
    return QueryResult(
        form=form if form in ("CONSTRUCT", "DESCRIBE") else "CONSTRUCT",
        triples=triples,
        truncated=truncated,
        limit=limit,
    )


def run_query(
    store: pyoxigraph.Store, sparql: str, *, timeout: float | None = 30.0, limit: int | None = 1000
) -> QueryResult:
    """Run a read-only SPARQL query with the project prefixes over the union of the named graphs.

    Raises E010 for updates/LOAD/SERVICE, E009 for malformed SPARQL, E011 past `timeout` seconds.
    The query runs in a daemon worker thread; on timeout the caller gets E011 at once and the worker is
    abandoned (the command line exits right after, which stops it).
    """
    check_read_only(sparql)
    outcome: dict[str, Any] = {}

    def work() -> None:
        try:
            outcome["result"] = _execute(store, sparql, limit)
        except KgError as err:
            outcome["error"] = err
        except (OSError, ValueError, RuntimeError) as err:
            outcome["error"] = KgError("E009", reason=_one_line(err))

    if timeout is None:
        work()
    else:
        worker = threading.Thread(target=work, daemon=True, name="kg-query")
        worker.start()
        worker.join(timeout)
        if worker.is_alive():
            raise KgError("E011", seconds=f"{timeout:g}")
    if "error" in outcome:
        raise outcome["error"]
    result: QueryResult = outcome["result"]
    return result


def select(store: pyoxigraph.Store, sparql: str) -> list[dict[str, Term | None]]:
    """Rows of a trusted internal SELECT, with no cap or thread (for lookup, paths, timeline)."""
    return _execute(store, sparql, None).rows
