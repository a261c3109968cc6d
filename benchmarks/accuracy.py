"""Extraction accuracy on every evaluation set: build each corpus and score it with `kg eval`.

    python benchmarks/accuracy.py [--sets dev audit-1 heldout-1 heldout-2] [--markdown]

Sets: `dev` is the sample corpus (corpus/ against shared gold in tests/gold/); the others live in
eval/<name>/{corpus,gold} (see eval/README.md for which were read while the rules were written).
Prints F1 and tp/fp/fn per category and set. Measured, never asserted: the test suite does not run it.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from kg.evaluate import CATEGORIES

ROOT = Path(__file__).resolve().parents[1]
KG = [sys.executable, "-m", "kg.cli.main"]


def _sources(name: str) -> tuple[Path, Path]:
    if name == "dev":
        return ROOT / "corpus", ROOT / "tests" / "gold"
    return ROOT / "eval" / name / "corpus", ROOT / "eval" / name / "gold"


def score(name: str, workdir: Path) -> dict[str, dict[str, float]]:
    corpus, gold = _sources(name)
    out = workdir / name
    subprocess.run([*KG, "build", str(corpus), "--out", str(out)], check=True, capture_output=True)
    done = subprocess.run([*KG, "eval", str(gold), "--graph", str(out), "--json"], check=True,
                          capture_output=True, text=True)
    categories: dict[str, dict[str, float]] = json.loads(done.stdout)["categories"]
    return categories


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sets", nargs="+", default=["dev", "audit-1", "heldout-1", "heldout-2"])
    parser.add_argument("--markdown", action="store_true", help="print a Markdown table")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        results = {name: score(name, Path(tmp)) for name in args.sets}
    if args.markdown:
        print("| category | " + " | ".join(args.sets) + " |")
        print("|---|" + "---:|" * len(args.sets))
    for category in CATEGORIES:
        cells = []
        for name in args.sets:
            c = results[name][category]
            cells.append(f"{c['f1']:.3f} ({int(c['tp'])}/{int(c['fp'])}/{int(c['fn'])})")
        print(f"| {category} | " + " | ".join(cells) + " |" if args.markdown else f"{category:15} " + "  ".join(cells))


if __name__ == "__main__":
    main()
