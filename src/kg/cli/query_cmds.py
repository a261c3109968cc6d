"""Commands that question a built graph: query, ask, lookup, path, neighbors, timeline.

Module-level imports stay light (typer and the shared options): pyoxigraph, networkx and the query
modules load inside each command, so `kg --help` and other commands do not pay for them.
"""

from __future__ import annotations

import itertools
import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from kg.cli.common import DEFAULT_GRAPH_DIR, GraphOption, JsonOption, handle_errors
from kg.errors import KgError

if TYPE_CHECKING:
    from kg.lookup import EntityReport
    from kg.query import QueryResult, Term
    from kg.timeline import Party

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
            from kg.prefixes import turtle_prefixes

            print(turtle_prefixes())
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


def _is_file(path: Path) -> bool:
    """Whether `path` names a file; a text too long or odd for a file name (an inline query) does not."""
    try:
        return path.is_file()
    except (OSError, ValueError):
        return False


def _query_text(text: str) -> str:
    candidate = Path(text)
    if "\n" not in text and len(text) < 4096 and (text.endswith((".rq", ".sparql")) or _is_file(candidate)):
        if not _is_file(candidate):
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


def _width() -> int:
    """Columns to fit: the terminal's when printing to one, else 100, so piped output never varies."""
    if sys.stdout.isatty():
        import shutil

        return max(60, min(shutil.get_terminal_size((100, 24)).columns, 160))
    return 100


def _wrap(text: str, indent: str, width: int) -> str:
    """A heading or list line wrapped at width, continuation lines indented (sentences are not wrapped)."""
    import textwrap

    if len(text) <= width:
        return text
    return textwrap.fill(
        text, width=width, subsequent_indent=indent, break_long_words=False, break_on_hyphens=False
    )


def _fit(items: list[str], room: int, sep: str = "; ") -> str:
    """As many items as fit in `room` columns (at least one), then "+N more"."""
    shown: list[str] = []
    for i, item in enumerate(items):
        left = len(items) - i - 1
        tail = len(f"{sep}+{left} more") if left else 0
        if shown and len(sep.join([*shown, item])) + tail > room:
            return f"{sep.join(shown)}{sep}+{len(items) - len(shown)} more"
        shown.append(item)
    return sep.join(shown)


def _list_lines(prefix: str, items: list[str], indent: str, width: int, lines: int = 2) -> str:
    """prefix + as many items as wrap onto at most `lines` lines (continuations at indent), then "+N more"."""
    best = ""
    for n in range(1, len(items) + 1):
        more = f"; +{len(items) - n} more" if n < len(items) else ""
        text = _wrap(prefix + "; ".join(items[:n]) + more, indent, width)
        if best and text.count("\n") >= lines:
            break  # the first item is always shown, however long
        best = text
    return best


def _without_date(label: str | None, day: str | None) -> str:
    """A label without a trailing " (date)" that repeats the date printed beside it."""
    text = label or ""
    suffix = f" ({day})"
    return text[: -len(suffix)] if day and text.endswith(suffix) and len(text) > len(suffix) else text


def _docs(docs: list[str]) -> str:
    """"  (a.txt, b.txt)", or "  (5 articles)" past two; "" for facts of the resolution graph only."""
    if not docs:
        return ""
    return f"  ({', '.join(docs) if len(docs) <= 2 else f'{len(docs)} articles'})"


def _print_source(source: dict[str, Any], indent: str = "      ") -> None:
    print(f"{indent}[{source.get('doc')}] {source.get('sentence')}")


RELATIONS_SHOWN = 8  # per relation and direction in kg lookup's text; --json lists them all
CONTINUED = " " * 8  # a wrapped heading goes on deeper than the "      [doc] sentence" lines beneath it


def _print_report(report: EntityReport) -> None:
    """kg lookup's text: each section of the report, headings fitted to the width, sources beneath."""
    from kg.lookup import group_sources
    from kg.paths import relation_phrase

    width = _width()
    print(f"{report.label}  ({report.kind}, {report.id})")
    if report.matched != report.label or report.score < 1.0:
        print(f"  matched: {report.matched} (score {report.score:.2f})")
    if report.types:
        print(f"  types: {', '.join(report.types)}")
    if report.aliases:
        print(_wrap(f"  also written: {'; '.join(report.aliases)}", " " * 16, width))
    if report.merges:
        print("  merged:")
        for m in report.merge_groups():
            times = f", {m['count']} decisions" if m["count"] > 1 else ""
            line = f"    {m['label']} — rule {m['rule']}, score {m['score']}{times} ({', '.join(m['docs'])})"
            print(_wrap(line, CONTINUED, width))
    if report.posts:
        print("  posts:")
        for p in report.post_groups():
            post = p["post"] or ""
            line = f'    "{p["title"]}"'
            if post and post.casefold() != (p["title"] or "").casefold():
                line += f" → {post}"
            line += f" [{p['tenure'] or 'tenure unknown'}]"
            if p["organization"] and p["organization"] not in post:
                line += f" in {p['organization']}"
            print(_wrap(line, CONTINUED, width))
            for source in p["sources"]:
                _print_source(source)
    if report.meetings:
        print("  meetings:")
        for m in report.meetings:
            where = f", in {' / '.join(m['places'])}" if m["places"] else ""
            heading = f"    {m['date'] or 'undated'}  {_without_date(m['label'], m['date'])}{where}"
            print(_wrap(heading, CONTINUED, width))
            if m["counterparts"]:
                print(_list_lines("      with ", m["counterparts"], " " * 11, width))
            for source in m["sources"]:
                _print_source(source)
    if report.tariffs:
        print("  tariffs:")
        for t in group_sources(report.tariffs):
            rate = f"{t['rate_percent']:g}% " if t["rate_percent"] is not None else ""
            line = (
                f"    {rate}{t['kind'] or 'tariff'} by {t['imposed_by'] or 'unknown'} on"
                f" {t['applies_to'] or 'all/unknown'} [{t['status'] or 'status unknown'}] ({t['role']})"
            )
            print(_wrap(line, CONTINUED, width))
            for source in t["sources"]:
                _print_source(source)
    if report.statements:
        print("  positions:")
        for st in group_sources(report.statements):
            line = f"    {st['kind']} ({st['role']}, with {st['other'] or '—'}): {st['content']}"
            print(_wrap(line, CONTINUED, width))
            for source in st["sources"]:
                _print_source(source)
    if report.relations:
        print("  relations:")
        # Relations come sorted by direction and predicate: a hub (a country's nationals) is cut per group.
        for (direction, predicate), group in itertools.groupby(report.relations, lambda r: (r.direction, r.predicate)):
            items = list(group)
            phrase = relation_phrase(predicate, direction == "out")
            if phrase is None:
                arrow = f"—{predicate}→" if direction == "out" else f"←{predicate}—"
            else:
                arrow = f"—{phrase[0]}→" if phrase[1] else f"←{phrase[0]}—"
            for r in items[:RELATIONS_SHOWN]:
                other = r.other_label or r.other.rsplit("/", 1)[-1]
                print(_wrap(f"    {arrow} {other}{_docs(r.docs)}", CONTINUED, width))
            if len(items) > RELATIONS_SHOWN:
                print(f"    … {len(items) - RELATIONS_SHOWN} more {arrow} (kg lookup --json lists all)")


def lookup_cmd(
    name: Annotated[str, typer.Argument(help="A name, alias or label; fuzzy.", show_default=False)],
    as_json: JsonOption = False,
    graph: GraphOption = DEFAULT_GRAPH_DIR,
) -> None:
    """Find an entity by name and show what the graph says about it, with sources.

    Example: kg lookup "Dukgeun Ahn" --json
    """
    from kg.lookup import describe, resolve

    cand = resolve(graph, None, name)  # from the label index (built, with the store, when missing)
    report = describe(_store(graph), cand)
    if as_json:
        _dump(report.to_json())
        return
    _print_report(report)


def path_cmd(
    a: Annotated[str, typer.Argument(help="From (a name).", show_default=False)],
    b: Annotated[str, typer.Argument(help="To (a name).", show_default=False)],
    k: Annotated[int, typer.Option("--k", help="How many shortest paths.")] = 3,
    max_length: Annotated[int, typer.Option("--max-length", help="Most edges in a path.")] = 6,
    include: Annotated[
        list[str] | None, typer.Option("--include", help="Only these relations (e.g. attendee, member).")
    ] = None,
    exclude: Annotated[
        list[str] | None, typer.Option("--exclude", help="Not these relations (e.g. nationality).")
    ] = None,
    as_json: JsonOption = False,
    graph: GraphOption = DEFAULT_GRAPH_DIR,
) -> None:
    """Shortest chains of relations between two entities (e.g. via a meeting both attended).

    Example: kg path "Choi Sang-mok" "Jamieson Greer" --k 3 --exclude nationality
    """
    from kg.lookup import resolve
    from kg.paths import find_paths, format_path, load_graph, path_json

    # Names and relations come from the caches beside the store: the store itself is opened only to
    # build a missing cache.
    start, end = resolve(graph, None, a), resolve(graph, None, b)
    paths = find_paths(
        load_graph(graph),
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

    start = resolve(graph, None, name)
    found = neighbors(load_graph(graph), start.entity, depth, include or [], exclude or [])
    if as_json:
        _dump({"from": start.entity, "neighbors": [{"distance": d, "path": path_json(s)} for d, s in found]})
        return
    print(f"{start.label} ({start.kind})")
    # Distinct nodes that read the same (e.g. several "10% reciprocal tariff" of one country) print once.
    lines: dict[str, int] = {}
    for dist, steps in found:
        line = f"  {dist}  {format_path(steps)}"
        lines[line] = lines.get(line, 0) + 1
    for line, count in lines.items():
        print(line if count == 1 else f"{line}  (×{count})")
    if not found:
        print("  (no relations)")


def _parties_line(kind: str, parties: list[Party], indent: str, width: int) -> str:
    """Who takes part, shortly: attendees for meetings (people first, at most two lines), imposer on
    target for tariffs, actor to counterpart for statements."""

    def names(role: str) -> list[str]:
        return [p.label for p in parties if p.role == role]

    room = width - len(indent)
    if kind == "meeting":
        attendees = names("attendee")
        return _list_lines(f"{indent}with ", attendees, indent + "     ", width) if attendees else ""
    if kind.startswith("tariff"):
        imposers, targets = names("imposer"), names("target")
        if not imposers and not targets:
            return ""
        return f"{indent}{_fit(imposers or ['?'], room // 2)} on {_fit(targets or ['all/unknown'], room // 2)}"
    actors, others = names("actor"), names("counterpart")
    if not actors and not others:
        return ""
    to = f" to {_fit(others, room // 2)}" if others else ""
    return f"{indent}by {_fit(actors or ['?'], room // 2)}{to}"


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
    """Meetings, tariff dates and statements in date order, each once with its sources.

    Example: kg timeline --countries "South Korea,United States" --from 2025-04-01 --to 2025-08-31
    """
    from kg.lookup import resolve
    from kg.store import ensure_store
    from kg.timeline import events_json, timeline

    ensure_store(graph)
    who = resolve(graph, None, participant).entity if participant else None
    country_iris: list[str] = []
    for part in (countries or "").split(","):
        if part.strip():
            cand = resolve(graph, None, part.strip())
            if cand.kind != "country":
                raise KgError(
                    "E019", path="--countries", reason=f"'{part.strip()}' is a {cand.kind}, not a country"
                )
            country_iris.append(cand.entity)
    events = timeline(
        None, graph_dir=graph, participant=who, countries=country_iris, date_from=date_from, date_to=date_to
    )
    if as_json:
        _dump({"events": events_json(events)})
        return
    width = _width()
    indent = " " * 12
    for ev in events:
        where = f", in {' / '.join(ev.places)}" if ev.places else ""
        print(_wrap(f"{ev.date}  {ev.kind:<15} {_without_date(ev.label, ev.date)}{where}", " " * 28, width))
        who_line = _parties_line(ev.kind, ev.parties, indent, width)
        if who_line:
            print(who_line)
        for source in ev.sources:
            print(f"{indent}[{source.doc}] {source.sentence}")
    if not events:
        print("no dated events match")


def register(app: typer.Typer) -> None:
    app.command("query")(handle_errors(query_cmd))
    app.command("ask")(handle_errors(ask_cmd))
    app.command("lookup")(handle_errors(lookup_cmd))
    app.command("path")(handle_errors(path_cmd))
    app.command("neighbors")(handle_errors(neighbors_cmd))
    app.command("timeline")(handle_errors(timeline_cmd))
