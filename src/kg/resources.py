"""Files that travel with the package: the ontology, the sample corpus, the named queries.

In a wheel they sit under kg/_data/ (see pyproject's force-include); in a source checkout they are
read from the repository's top-level folders.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE_DATA = Path(__file__).resolve().parent / "_data"
_REPO_ROOT = Path(__file__).resolve().parents[2]


def _locate(name: str) -> Path:
    packaged = _PACKAGE_DATA / name
    if packaged.is_dir():
        return packaged
    return _REPO_ROOT / name


def ontology_dir() -> Path:
    return _locate("ontology")


def corpus_dir() -> Path:
    return _locate("corpus")


def queries_dir() -> Path:
    return _locate("queries")
