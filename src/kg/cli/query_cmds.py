"""Commands that question a built graph: query, ask, lookup, path, neighbors, timeline.

Module-level imports stay light (typer and the shared options): pyoxigraph, networkx and the query
modules load inside each command, so `kg --help` and other commands do not pay for them.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from kg.cli.common import DEFAULT_GRAPH_DIR, GraphOption, JsonOption, handle_errors
from kg.errors import KgError

if TYPE_CHECKING:
    from kg.query import QueryResult, Term

FORMATS = ("table", "json", "csv", "tsv", "turtle")


def _store(graph_dir: Path) -> Any:
    from kg.store import open_store

    return open_store(graph_dir)


def _dump(data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False))


def _term_json(term: Term | None) -> dict[str, str] | None:
    if term is None:
        return None
    out = {"type": "uri" if term.kind == "iri" else term.kind, "value": term.value}
    if term.language:
        out["xml:lang"] = term.language
    elif term.kind == "literal" and term.datatype:
        out["datatype"] = term.datatype
    return out


def _cell(term: Term | None) -> str:
    return "" if term is None else term.compact()


def _table(headers: list[str], rows: list[list[str]]) -> str:
    widths = [len(h) for h in headers]
    for row in rows:
        for i, cell in enumerate(row):
            widths[i] = max(widths[i], len(cell))
    lines = ["  ".join(h.ljust(widths[i]) for i, h in enumerate(headers)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)).rstrip() for row in rows]
    return "\n".join(lines)


def print_result(result: QueryResult, fmt: str) -> None:
    """Print a query result in one of FORMATS; the row-cap note goes to stderr for machine formats."""
    import csv

    if fmt not in FORMATS:
        raise KgError(
            "E019", path="--format", reason=f"unknown format '{fmt}'; use one of {', '.join(FORMATS)}"
        )
    note = f"(cut at {result.limit} rows; use --limit)" if result.truncated else None
    if result.form == "ASK":
        if fmt == "json":
            _dump({"head": {}, "boolean": bool(result.boolean)})
        else:
            print("true" if result.boolean else "false")
        return
    if result.form == "SELECT":
        if fmt == "turtle":
            raise KgError(
                "E019", path="--format turtle", reason="turtle output is for CONSTRUCT and DESCRIBE queries"
            )
        if fmt == "json":
            bindings = [{k: _term_json(v) for k, v in row.items() if v is not None} for row in result.rows]
            _dump({"head": {"vars": result.variables}, "results": {"bindings": bindings}})
        elif fmt in ("csv", "tsv"):
            writer = csv.writer(sys.stdout, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
            writer.writerow(result.variables)
            for row in result.rows:
                writer.writerow([_cell(row.get(var)) for var in result.variables])
        else:
            print(
                _table(
                    result.variables, [[_cell(row.get(v)) for v in result.variables] for row in result.rows]
                )
            )
            print(f"{len(result.rows)} row{'s' if len(result.rows) != 1 else ''}")
            if note:
                print(note)
                note = None
    else:
        if fmt == "json":
            _dump(
                {
                    "triples": [
                        {"subject": _term_json(s), "predicate": _term_json(p), "object": _term_json(o)}
                        for s, p, o in result.triples
                    ]
                }
            )
        elif fmt in ("csv", "tsv"):
            writer = csv.writer(sys.stdout, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
            writer.writerow(["subject", "predicate", "object"])
            for s, p, o in result.triples:
                writer.writerow([s.compact(), p.compact(), o.n3() if o.kind == "literal" else o.compact()])
        else:
            from kg.store import PREFIXES

            for name, iri in sorted(PREFIXES.items()):
                print(f"@prefix {name}: <{iri}> .")
            print()
            for s, p, o in result.triples:
                print(f"{s.n3()} {p.n3()} {o.n3()} .")
    if note:
        print(note, file=sys.stderr)


def _run_or_exit(func: Any) -> Any:
    """Run a query; on timeout print the error and end the process at once, which stops the worker."""
    try:
        return func()
    except KgError as err:
        if err.code != "E011":
            raise
        print(f"error[{err.code}]: {err.message}", file=sys.stderr)
        sys.stderr.flush()
        sys.stdout.flush()
        os._exit(int(err.status))


def _query_text(text: str) -> str:
    candidate = Path(text)
    if "\n" not in text and len(text) < 4096 and (text.endswith((".rq", ".sparql")) or candidate.is_file()):
        if not candidate.is_file():
            raise KgError("E001", path=text)
        try:
            return candidate.read_text(encoding="utf-8")
        except UnicodeDecodeError as err:
            raise KgError("E004", path=text, offset=err.start) from None
    return text


def query_cmd(
    sparql: Annotated[
        str | None, typer.Argument(help="SPARQL text, or a file holding it.", show_default=False)
    ] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table|json|csv|tsv|turtle")] = "table",
    timeout: Annotated[float, typer.Option(help="Stop the query after this many seconds.")] = 30.0,
    limit: Annotated[int, typer.Option(help="Print at most this many rows.")] = 1000,
    prefixes: Annotated[
        bool, typer.Option("--prefixes", help="List the predeclared prefixes and exit.")
    ] = False,
    graph: GraphOption = DEFAULT_GRAPH_DIR,
) -> None:
    """Run a read-only SPARQL query (SELECT, ASK, CONSTRUCT, DESCRIBE) with the project prefixes.

    Example: kg query 'SELECT DISTINCT ?name WHERE { ?p a schema:Person ; skos:prefLabel ?name }' --format csv
    """
    if prefixes:
        from kg.store import PREFIXES

        for name, iri in sorted(PREFIXES.items()):
            print(f"PREFIX {name}: <{iri}>")
        return
    if sparql is None:
        raise KgError("E019", path="kg query", reason="give a SPARQL query or a file (or --prefixes)")
    from kg.query import check_read_only, run_query

    text = _query_text(sparql)
    check_read_only(text)
    store = _store(graph)
    result = _run_or_exit(lambda: run_query(store, text, timeout=timeout, limit=limit))
    print_result(result, fmt)


def ask_cmd(
    name: Annotated[str | None, typer.Argument(help="Named query (see --list).", show_default=False)] = None,
    param: Annotated[list[str] | None, typer.Option("--param", "-p", help="key=value, repeatable.")] = None,
    list_: Annotated[
        bool, typer.Option("--list", help="List the named queries and their parameters.")
    ] = False,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table|json|csv|tsv")] = "table",
    timeout: Annotated[float, typer.Option(help="Stop the query after this many seconds.")] = 30.0,
    limit: Annotated[int, typer.Option(help="Print at most this many rows.")] = 1000,
    graph: GraphOption = DEFAULT_GRAPH_DIR,
) -> None:
    """Run a named query from queries/ with its parameters bound as typed literals.

    Example: kg ask tariffs-on --param imposer="United States" --param target="South Korea"
    """
    from kg.ask import ask, list_queries, load_query, parse_params

    if list_ or name is None:
        for query in list_queries():
            print(f"{query.name}: {query.description}")
            for p in query.params:
                default = f" (default {p.default})" if p.default is not None else ""
                print(f"    --param {p.name}=<{p.type}>{default}  {p.description}")
        return
    load_query(name)  # unknown names fail before the store is opened
    values = parse_params(param or [])
    store = _store(graph)
    result = _run_or_exit(lambda: ask(store, name, values, timeout=timeout, limit=limit))
    print_result(result, fmt)


def _print_source(source: dict[str, Any], indent: str = "      ") -> None:
    print(f"{indent}[{source.get('doc')}] {source.get('sentence')}")


def lookup_cmd(
    name: Annotated[str, typer.Argument(help="A name, alias or label; fuzzy.", show_default=False)],
    as_json: JsonOption = False,
    graph: GraphOption = DEFAULT_GRAPH_DIR,
) -> None:
    """Find an entity by name and show what the graph says about it, with sources.

    Example: kg lookup "Dukgeun Ahn" --json
    """
    from kg.lookup import lookup

    report = lookup(graph, _store(graph), name)
    if as_json:
        _dump(report.to_json())
        return
    print(f"{report.label}  ({report.kind}, {report.id})")
    if report.matched != report.label or report.score < 1.0:
        print(f"  matched: {report.matched} (score {report.score:.2f})")
    if report.types:
        print(f"  types: {', '.join(report.types)}")
    if report.aliases:
        print(f"  also written: {'; '.join(report.aliases)}")
    if report.merges:
        print("  merged:")
        for m in report.merges:
            print(f"    {m['label']} — rule {m['rule']}, score {m['score']} ({', '.join(m['docs'])})")
    if report.posts:
        print("  posts:")
        for p in report.posts:
            org = f", {p['organization']}" if p["organization"] else ""
            print(f'    "{p["title"]}" → {p["post"]}{org} [{p["tenure"]}]')
            _print_source(p["source"])
    if report.meetings:
        print("  meetings:")
        for m in report.meetings:
            where = f" in {' / '.join(m['places'])}" if m["places"] else ""
            others = ", ".join(m["counterparts"]) or "—"
            print(f"    {m['date'] or 'undated'} {m['label']}{where}; with {others}")
            for source in m["sources"]:
                _print_source(source)
    if report.tariffs:
        print("  tariffs:")
        for t in report.tariffs:
            rate = f"{t['rate_percent']:g}% " if t["rate_percent"] is not None else ""
            print(
                f"    {rate}{t['kind'] or ''} by {t['imposed_by']} on {t['applies_to'] or 'all/unknown'}"
                f" [{t['status']}] ({t['role']})"
            )
            _print_source(t["source"])
    if report.statements:
        print("  positions:")
        for s in report.statements:
            print(f"    {s['kind']} ({s['role']}, with {s['other'] or '—'}): {s['content']}")
            _print_source(s["source"])
    if report.relations:
        print("  relations:")
        for r in report.relations:
            other = r.other_label or r.other.rsplit("/", 1)[-1]
            arrow = f"—{r.predicate}→ {other}" if r.direction == "out" else f"←{r.predicate}— {other}"
            print(f"    {arrow}  ({', '.join(r.docs)})")


def path_cmd(
    a: Annotated[str, typer.Argument(help="From (a name).", show_default=False)],
    b: Annotated[str, typer.Argument(help="To (a name).", show_default=False)],
    k: Annotated[int, typer.Option("--k", help="How many shortest paths.")] = 3,
    max_length: Annotated[int, typer.Option("--max-length", help="Most edges in a path.")] = 6,
    include: Annotated[list[str] | None, typer.Option("--include", help="Only these relations.")] = None,
    exclude: Annotated[list[str] | None, typer.Option("--exclude", help="Not these relations.")] = None,
    as_json: JsonOption = False,
    graph: GraphOption = DEFAULT_GRAPH_DIR,
) -> None:
    """Shortest chains of relations between two entities (e.g. via a meeting both attended).

    Example: kg path "Choi Sang-mok" "Jamieson Greer" --k 3 --exclude nationality
    """
    from kg.lookup import resolve
    from kg.paths import find_paths, format_path, load_graph, path_json

    store = _store(graph)
    start, end = resolve(graph, store, a), resolve(graph, store, b)
    entity_graph = load_graph(graph, store)
    paths = find_paths(
        entity_graph,
        start.entity,
        end.entity,
        k=k,
        max_length=max_length,
        include=include or [],
        exclude=exclude or [],
    )
    if as_json:
        _dump({"from": start.entity, "to": end.entity, "paths": [path_json(p) for p in paths]})
        return
    for steps in paths:
        print(format_path(steps))


def neighbors_cmd(
    name: Annotated[str, typer.Argument(help="A name.", show_default=False)],
    depth: Annotated[int, typer.Option(help="How many relations away.")] = 1,
    include: Annotated[list[str] | None, typer.Option("--include", help="Only these relations.")] = None,
    exclude: Annotated[list[str] | None, typer.Option("--exclude", help="Not these relations.")] = None,
    as_json: JsonOption = False,
    graph: GraphOption = DEFAULT_GRAPH_DIR,
) -> None:
    """Entities within --depth relations of a name, nearest first.

    Example: kg neighbors "Jamieson Greer" --depth 2
    """
    from kg.lookup import resolve
    from kg.paths import format_path, load_graph, neighbors, path_json

    store = _store(graph)
    start = resolve(graph, store, name)
    found = neighbors(load_graph(graph, store), start.entity, depth, include or [], exclude or [])
    if as_json:
        _dump({"from": start.entity, "neighbors": [{"distance": d, "path": path_json(s)} for d, s in found]})
        return
    print(f"{start.label} ({start.kind})")
    for dist, steps in found:
        print(f"  {dist}  {format_path(steps)}")


def timeline_cmd(
    participant: Annotated[str | None, typer.Option(help="Only events this entity takes part in.")] = None,
    countries: Annotated[
        str | None, typer.Option(help="A,B: only events involving all these countries.")
    ] = None,
    date_from: Annotated[str | None, typer.Option("--from", help="First day, YYYY-MM-DD.")] = None,
    date_to: Annotated[str | None, typer.Option("--to", help="Last day, YYYY-MM-DD.")] = None,
    as_json: JsonOption = False,
    graph: GraphOption = DEFAULT_GRAPH_DIR,
) -> None:
    """Meetings, tariff dates and statements in date order, with sources.

    Example: kg timeline --countries "South Korea,United States" --from 2025-04-01 --to 2025-08-31
    """
    from kg.lookup import resolve
    from kg.timeline import events_json, timeline

    store = _store(graph)
    who = resolve(graph, store, participant).entity if participant else None
    country_iris: list[str] = []
    for part in (countries or "").split(","):
        if part.strip():
            cand = resolve(graph, store, part.strip())
            if cand.kind != "country":
                raise KgError(
                    "E019", path="--countries", reason=f"'{part.strip()}' is a {cand.kind}, not a country"
                )
            country_iris.append(cand.entity)
    events = timeline(store, participant=who, countries=country_iris, date_from=date_from, date_to=date_to)
    if as_json:
        _dump({"events": events_json(events)})
        return
    for ev in events:
        print(f"{ev.date}  {ev.kind:<15} {ev.label}")
        print(f"            [{ev.doc}] {ev.sentence}")
    if not events:
        print("no dated events match")


def register(app: typer.Typer) -> None:
    app.command("query")(handle_errors(query_cmd))
    app.command("ask")(handle_errors(ask_cmd))
    app.command("lookup")(handle_errors(lookup_cmd))
    app.command("path")(handle_errors(path_cmd))
    app.command("neighbors")(handle_errors(neighbors_cmd))
    app.command("timeline")(handle_errors(timeline_cmd))
