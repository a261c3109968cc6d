"""Named queries: one `queries/<name>.rq` each, with a header saying what it answers and its parameters.

Header lines: `# <what it answers>` then `# param: <name> [<type>] [= <default>] — <description>`;
type is `string` (default), `date`, `decimal`, `integer` or `country`. In the body `{{name}}` is replaced
by the value as an escaped, typed literal, never as raw text. A `country` is read as any name, alias,
demonym, capital or ISO code the reference data knows ("Korea", "U.S.", "Seoul") and bound as its ISO
code, which the query matches against `schema:identifier`; an unknown country is refused with the
closest names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from kg import resources
from kg.errors import KgError
from kg.query import QueryResult, escape_literal, run_query

if TYPE_CHECKING:
    import pyoxigraph

QUERIES_DIR = resources.queries_dir()  # queries/ in a checkout, kg/_data/queries in a wheel

_PARAM = re.compile(
    r"#\s*param:\s*(?P<name>[A-Za-z_][\w-]*)\s*(?:\[(?P<type>\w+)\])?\s*(?:=\s*(?P<default>[^—]*?))?\s*(?:—|--)\s*(?P<desc>.*)"
)
_PLACEHOLDER = re.compile(r"\{\{([A-Za-z_][\w-]*)\}\}")
_TYPES = ("string", "date", "decimal", "integer", "country")


@dataclass(frozen=True)
class Param:
    name: str
    type: str
    description: str
    default: str | None = None


@dataclass
class NamedQuery:
    name: str
    description: str
    params: list[Param] = field(default_factory=list)
    body: str = ""


def parse_named_query(name: str, text: str) -> NamedQuery:
    """Read a .rq file's header (description and params) and keep its body."""
    description: list[str] = []
    params: list[Param] = []
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped.startswith("#"):
            break
        match = _PARAM.match(stripped)
        if match:
            kind = match["type"] or "string"
            if kind not in _TYPES:
                raise KgError("E019", path=f"{name}.rq", reason=f"unknown parameter type '{kind}'")
            default = match["default"].strip() if match["default"] is not None else None
            params.append(Param(match["name"], kind, match["desc"].strip(), default))
        elif stripped.lstrip("#").strip():
            description.append(stripped.lstrip("#").strip())
    return NamedQuery(name, " ".join(description), params, text)


def list_queries(queries_dir: Path | None = None) -> list[NamedQuery]:
    """Every named query, sorted by name."""
    folder = queries_dir or QUERIES_DIR
    return [
        parse_named_query(path.stem, path.read_text(encoding="utf-8")) for path in sorted(folder.glob("*.rq"))
    ]


def load_query(name: str, queries_dir: Path | None = None) -> NamedQuery:
    folder = queries_dir or QUERIES_DIR
    path = folder / f"{name}.rq"
    if not re.fullmatch(r"[A-Za-z0-9_-]+", name) or not path.is_file():
        known = ", ".join(query.name for query in list_queries(folder))
        raise KgError("E017", name=name, known=known)
    return parse_named_query(name, path.read_text(encoding="utf-8"))


def country_code(value: str, option: str = "--param") -> str:
    """The ISO code of a country written any way the reference data knows ("South Korea", "KR",
    "Korea", "the United States", "Seoul"); KgError E019 with the closest names otherwise."""
    import difflib

    from kg import reference

    written = value.strip()
    info = reference.country_by_iso(written) if len(written) == 2 else None
    # a parameter typed in lower case is still a name ("united states"), not the pronoun "us"
    info = info or reference.country(written) or reference.country(written.title())
    if info is not None:
        return info.iso
    names = sorted({name for c in reference.countries() for name in (c.name, *c.aliases)})
    closest = difflib.get_close_matches(written, names, n=3, cutoff=0.6)
    hint = f"; closest: {', '.join(closest)}" if closest else ""
    raise KgError("E019", path=option, reason=f"'{written}' is not a country kg knows{hint}")


def typed_literal(param: Param, value: str) -> str:
    """The value as a SPARQL literal of the parameter's type; bad values are refused, never pasted."""
    if param.type == "country":
        return '"' + escape_literal(country_code(value, f"--param {param.name}")) + '"'
    if param.type == "date":
        try:
            date.fromisoformat(value.strip())
        except ValueError:
            raise KgError(
                "E019", path=f"--param {param.name}", reason=f"'{value}' is not a date (YYYY-MM-DD)"
            ) from None
        return f'"{value.strip()}"^^xsd:date'
    if param.type in ("decimal", "integer"):
        pattern = r"[+-]?\d+" if param.type == "integer" else r"[+-]?(\d+(\.\d*)?|\.\d+)"
        if not re.fullmatch(pattern, value.strip()):
            raise KgError("E019", path=f"--param {param.name}", reason=f"'{value}' is not a number")
        return f'"{value.strip()}"^^xsd:{param.type}'
    return '"' + escape_literal(value) + '"'


def bind(query: NamedQuery, values: dict[str, str]) -> str:
    """The query text with every {{param}} replaced by a typed literal of its value (or default)."""
    by_name = {param.name: param for param in query.params}
    for key in sorted(values):
        if key not in by_name:
            known = ", ".join(sorted(by_name)) or "none"
            raise KgError(
                "E019",
                path=f"--param {key}",
                reason=f"query '{query.name}' takes no such parameter (takes: {known})",
            )
    literals: dict[str, str] = {}
    for param in query.params:
        value = values.get(param.name, param.default)
        if value is None:
            raise KgError("E018", param=param.name, name=query.name)
        literals[param.name] = typed_literal(param, value)

    def substitute(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in literals:
            raise KgError(
                "E019", path=f"{query.name}.rq", reason=f"placeholder {{{{{name}}}}} has no '# param:' line"
            )
        return literals[name]

    body = "\n".join(line for line in query.body.splitlines() if not line.lstrip().startswith("# param:"))
    return _PLACEHOLDER.sub(substitute, body)


def parse_params(pairs: list[str]) -> dict[str, str]:
    """`key=value` strings from the command line into a dict."""
    values: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise KgError("E019", path="--param", reason=f"'{pair}' is not key=value")
        values[key.strip()] = value
    return values


def ask(
    store: pyoxigraph.Store,
    name: str,
    values: dict[str, str],
    *,
    queries_dir: Path | None = None,
    timeout: float | None = 30.0,
    limit: int | None = 1000,
) -> QueryResult:
    """Run the named query `name` with its parameters bound."""
    query = load_query(name, queries_dir)
    return run_query(store, bind(query, values), timeout=timeout, limit=limit)
