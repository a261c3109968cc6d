"""Time whole `kg` processes against the store of a large synthetic graph, and rdflib as a baseline.

    python benchmarks/bench_query.py [--dir /tmp/kg-bench] [--docs 5000] [--runs 5] [--only REGEX]
                                     [--timeout 60] [--no-rdflib] [--against SRC --against-dir DIR]

Generates the graph with generate_graph.py when missing, builds the store once (timed), byte-compiles
the kg package the processes import (as an installed package would be), times the first
call of each command (it writes that command's cache: label index, path graph, timeline), then reports
the median, min and max wall time of --runs further processes per command. The machine is shared and
noisy: the spread is printed so a figure can be judged, and the whole script is best run twice. The
baseline loads kg.trig into rdflib's in-memory Dataset and runs the same SPARQL in one process.

With --against SRC (another checkout's src/, e.g. from `git archive HEAD src`) each command also runs
with that code, against a copy of the graph in --against-dir, alternating run by run with the current
code: on a shared machine the two then see the same load, which separate runs do not.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
KG = [sys.executable, "-m", "kg.cli.main"]

AGGREGATE = (
    "SELECT ?kind (COUNT(?t) AS ?n) (AVG(?r) AS ?avg) WHERE "
    "{ ?t a kgo:Tariff ; kgo:measureKind ?kind ; kgo:ratePercent ?r } GROUP BY ?kind ORDER BY ?kind"
)
LABEL_SCAN = "SELECT ?e ?l WHERE { ?e skos:prefLabel|skos:altLabel ?l }"


def _first_people(trig: Path, count: int) -> list[str]:
    names: list[str] = []
    with trig.open(encoding="utf-8") as handle:
        for line in handle:
            if line.lstrip().startswith("kgr:person-") and 'skos:prefLabel "' in line:
                names.append(line.split('skos:prefLabel "', 1)[1].split('"', 1)[0])
                if len(names) >= count:
                    break
    return names


def _misspell(name: str) -> str:
    """Double the first vowel of the given name ("Jo Fe-an" -> "Jo Fee-an"): a typo lookup still accepts."""
    family, given = name.split(" ", 1)
    match = re.search(r"[aeiou]", given)
    if match is None:
        return f"{family} {given}{given[-1]}"
    i = match.start()
    return f"{family} {given[: i + 1]}{given[i:]}"


def _run(args: list[str], timeout: float, env: dict[str, str] | None = None) -> tuple[float, int]:
    start = time.perf_counter()
    try:
        status = subprocess.run(args, capture_output=True, check=False, timeout=timeout, env=env).returncode
    except subprocess.TimeoutExpired:
        return float("inf"), -1
    return time.perf_counter() - start, status


def _time(args: list[str], runs: int, timeout: float) -> tuple[list[float], int]:
    times: list[float] = []
    status = 0
    for _ in range(runs):
        elapsed, status = _run(args, timeout)
        times.append(elapsed)
        if status == -1:
            break  # one timeout is enough to know
    return times, status


def _compare(label: str, command: list[str], args: argparse.Namespace, graph_dir: Path, env: dict[str, str]) -> None:
    """Runs alternating between the --against code (on its own graph copy) and the current code."""
    theirs = [str(args.against_dir) if part == str(graph_dir) else part for part in command]
    before: list[float] = []
    after: list[float] = []
    skip_before = _run(theirs, args.timeout, env)[1] == -1  # first calls write the caches
    _run(command, args.timeout)
    for _ in range(args.runs):
        if not skip_before:
            elapsed, status = _run(theirs, args.timeout, env)
            before.append(elapsed)
            skip_before = status == -1
        after.append(_run(command, args.timeout)[0])
    b, a = statistics.median(before or [float("inf")]), statistics.median(after)

    def spread(times: list[float]) -> str:
        return f"({min(times):.3f}–{max(times):.3f})" if times and min(times) != float("inf") else ""

    ratio = f"{a / b:.2f}" if b != float("inf") else "—"
    print(f"| `{label}` | {_fmt(b, args.timeout)} {spread(before)} | {_fmt(a, args.timeout)} {spread(after)} "
          f"| {ratio} |", flush=True)  # fmt: skip


def _fmt(seconds: float, timeout: float) -> str:
    return f"> {timeout:g} s" if seconds == float("inf") else f"{seconds:.3f} s"


def _compile(env: dict[str, str] | None) -> None:
    """Byte-compile the kg package a process would import, as an installed package is: this machine sets
    PYTHONDONTWRITEBYTECODE, and without .pyc files every process compiles kg's modules (~20 ms)."""
    package = subprocess.run(
        [sys.executable, "-c", "import kg, os; print(os.path.dirname(kg.__file__))"],
        capture_output=True, text=True, check=True, env=env,
    ).stdout.strip()  # fmt: skip
    subprocess.run([sys.executable, "-m", "compileall", "-q", package], check=True, env=env)
    print(f"kg from {package} (byte-compiled)")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--dir", type=Path, default=Path("/tmp/kg-bench"))
    parser.add_argument("--docs", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--only", default="", help="Time only the commands whose label matches this regex.")
    parser.add_argument("--timeout", type=float, default=60.0, help="Give up on a process after this long.")
    parser.add_argument("--no-build", action="store_true", help="Reuse the store (and caches) as they are.")
    parser.add_argument("--no-rdflib", action="store_true")
    parser.add_argument("--against", type=Path, help="src/ folder of the code to compare with.")
    parser.add_argument("--against-dir", type=Path, default=Path("/tmp/kg-bench-against"))
    args = parser.parse_args()
    graph_dir: Path = args.dir
    trig = graph_dir / "kg.trig"
    if not trig.is_file():
        generator = [sys.executable, str(HERE / "generate_graph.py"), str(graph_dir)]
        generator += ["--docs", str(args.docs)]
        subprocess.run(generator, check=True)
    sys.path.insert(0, str(HERE.parent / "src"))
    from kg.store import PREFIXES, build_store, open_store, sparql_prologue

    if not args.no_build:
        start = time.perf_counter()
        build_store(graph_dir)  # a fresh store: the first call of each command below writes its cache
        print(f"store build {time.perf_counter() - start:.1f} s")
    store = open_store(graph_dir)
    print(f"graph: {len(store)} quads")
    del store
    _compile(None)
    env_against: dict[str, str] | None = None
    if args.against is not None:
        env_against = {**os.environ, "PYTHONPATH": str(args.against.resolve())}
        _compile(env_against)
        args.against_dir.mkdir(parents=True, exist_ok=True)
        if not (args.against_dir / "kg.trig").is_file() or not args.no_build:
            shutil.copy(trig, args.against_dir / "kg.trig")
            build_store(args.against_dir)
    people = _first_people(trig, 40)
    a, b = people[1], people[30]
    family, given = a.split(" ", 1)
    g = ["--graph", str(graph_dir)]
    commands = {
        f"lookup exact ({a})": [*KG, "lookup", a, *g],
        f"lookup reordered ({given} {family})": [*KG, "lookup", f"{given} {family}", *g],
        f"lookup misspelled ({_misspell(a)})": [*KG, "lookup", _misspell(a), *g],
        "lookup unknown, suggestions (Zyx Wvut-qo)": [*KG, "lookup", "Zyx Wvut-qo", *g],
        f"path ({a} -> {b})": [*KG, "path", a, b, *g],
        f"neighbors depth 1 ({a})": [*KG, "neighbors", a, *g],
        f"neighbors depth 2 ({a})": [*KG, "neighbors", a, "--depth", "2", *g],
        f"timeline participant ({a})": [*KG, "timeline", "--participant", a, *g],
        "timeline countries + dates (C06,C19; 2025-03-01..2025-06-30)": [
            *KG, "timeline", "--countries", "Country C06,Country C19", "--from", "2025-03-01",
            "--to", "2025-06-30", *g,
        ],
        "timeline everything": [*KG, "timeline", *g],
        "query aggregate (tariffs by kind)": [*KG, "query", AGGREGATE, *g],
        "process start (kg --help)": [*KG, "--help"],
    }  # fmt: skip
    only = re.compile(args.only) if args.only else None
    if env_against is None:
        print(f"| command | first call | median of {args.runs} | min | max | exit |")
        print("|---|---:|---:|---:|---:|---:|")
    else:
        print(f"| command | before: median of {args.runs} (min–max) | after: median (min–max) | after/before |")
        print("|---|---:|---:|---:|")
    for label, command in commands.items():
        if only is not None and not only.search(label):
            continue
        if env_against is not None:
            _compare(label, command, args, graph_dir, env_against)
            continue
        first, status = _run(command, args.timeout)  # writes the command's cache when missing
        times, status = _time(command, args.runs, args.timeout) if status != -1 else ([first], -1)
        print(
            f"| `{label}` | {_fmt(first, args.timeout)} | {_fmt(statistics.median(times), args.timeout)} "
            f"| {_fmt(min(times), args.timeout)} | {_fmt(max(times), args.timeout)} | {status} |",
            flush=True,
        )
    if only is not None:
        return
    store = open_store(graph_dir)
    for label, sparql in (("aggregate", AGGREGATE), ("label scan", LABEL_SCAN)):
        start = time.perf_counter()
        rows = list(store.query(sparql, prefixes=PREFIXES, use_default_graph_as_union=True))
        print(f"pyoxigraph {label}: {time.perf_counter() - start:.3f} s ({len(rows)} rows)")
    if args.no_rdflib:
        return
    import rdflib

    start = time.perf_counter()
    dataset = rdflib.Dataset(default_union=True)
    dataset.parse(trig, format="trig")
    print(f"rdflib load: {time.perf_counter() - start:.1f} s")
    for label, sparql in (("aggregate", AGGREGATE), ("label scan", LABEL_SCAN)):
        start = time.perf_counter()
        rows_rdflib = list(dataset.query(sparql_prologue() + sparql))
        print(f"rdflib {label}: {time.perf_counter() - start:.3f} s ({len(rows_rdflib)} rows)")


if __name__ == "__main__":
    main()
