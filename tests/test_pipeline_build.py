"""End to end: the committed sample graph is exactly what a build produces, and it conforms."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from rdflib import Graph

from kg.errors import KgError
from kg.pipeline import OUTPUT_FILES, build
from kg.rdf.validate import validate

ROOT = Path(__file__).parents[1]
COMMITTED = ROOT / "graph"


@pytest.fixture(scope="module")
def rebuilt(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("build") / "graph"
    build([ROOT / "corpus"], out, store=False)
    return out


@pytest.mark.parametrize("name", OUTPUT_FILES)
def test_pipeline_rebuild_is_byte_identical_to_committed(rebuilt: Path, name: str) -> None:
    # both the determinism check and the staleness check: run `make demo` and commit graph/
    assert (rebuilt / name).read_bytes() == (COMMITTED / name).read_bytes(), (
        f"graph/{name} is stale or the build is not deterministic"
    )


def test_pipeline_graph_conforms_to_shapes() -> None:
    graph = Graph().parse(COMMITTED / "kg.ttl", format="turtle")
    conforms, report = validate(graph)
    assert conforms, report


def test_pipeline_failed_build_leaves_previous_graph(tmp_path: Path) -> None:
    out = tmp_path / "graph"
    out.mkdir()
    (out / "kg.ttl").write_text("previous", encoding="utf-8")
    bad = tmp_path / "articles"
    bad.mkdir()
    shutil.copy(ROOT / "corpus" / "000_f91083b060d69e82.txt", bad)
    (bad / "broken.txt").write_bytes(b"\xff\xfe\x00binary")
    with pytest.raises(KgError):
        build([bad], out, store=False)
    assert (out / "kg.ttl").read_text(encoding="utf-8") == "previous"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["articles", "graph"]
