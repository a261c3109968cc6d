"""Time whole `kg` processes against the store of a large synthetic graph, and rdflib as a baseline.

    python benchmarks/bench_query.py [--dir /tmp/kg-bench] [--docs 5000] [--runs 5] [--no-rdflib]

Generates the graph with generate_graph.py when missing, builds the store once (timed), warms the
caches with one call each, then reports the median wall time of --runs processes per command. The
baseline loads kg.trig into rdflib's in-memory Dataset and runs the same SPARQL in one process.
"""

from __future__ import annotations

import argparse
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


def _time(args: list[str], runs: int) -> tuple[float, int]:
    times: list[float] = []
    status = 0
    for _ in range(runs):
        start = time.perf_counter()
        done = subprocess.run(args, capture_output=True, check=False)
        times.append(time.perf_counter() - start)
        status = done.returncode
    return statistics.median(times), status


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--dir", type=Path, default=Path("/tmp/kg-bench"))
    parser.add_argument("--docs", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-rdflib", action="store_true")
    args = parser.parse_args()
    graph_dir: Path = args.dir
    trig = graph_dir / "kg.trig"
    if not trig.is_file():
        generator = [sys.executable, str(HERE / "generate_graph.py"), str(graph_dir)]
        generator += ["--docs", str(args.docs)]
        subprocess.run(generator, check=True)
    sys.path.insert(0, str(HERE.parent / "src"))
    import pyoxigraph

    from kg.store import build_store, open_store

    start = time.perf_counter()
    build_store(graph_dir)
    build_s = time.perf_counter() - start
    quads = len(open_store(graph_dir))
    print(f"graph: {quads} quads; store build {build_s:.1f} s")
    people = _first_people(trig, 40)
    a, b = people[1], people[30]
    family, given = a.split(" ", 1)
    commands = {
        f"lookup exact ({a})": [*KG, "lookup", a, "--graph", str(graph_dir)],
        f"lookup reordered ({given} {family})": [
            *KG,
            "lookup",
            f"{given} {family}",
            "--graph",
            str(graph_dir),
        ],
        f"path ({a} -> {b})": [*KG, "path", a, b, "--graph", str(graph_dir)],
        "query aggregate (tariffs by kind)": [*KG, "query", AGGREGATE, "--graph", str(graph_dir)],
        "process start (kg --help)": [*KG, "--help"],
    }
    for label, command in commands.items():
        _time(command, 1)  # warm the label index and path caches
        median, status = _time(command, args.runs)
        print(f"{label}: {median:.3f} s median of {args.runs} (exit {status})")
    store = open_store(graph_dir)
    from kg.store import PREFIXES, sparql_prologue

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
    del pyoxigraph


if __name__ == "__main__":
    main()
