"""The query store is built from kg.trig, swapped in whole, and rebuilt when kg.trig changes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kg.errors import KgError
from kg.store import HASH_NAME, STORE_NAME, build_store, open_store, store_is_fresh

FIXTURE = Path(__file__).parent / "fixtures" / "query" / "kg.trig"


@pytest.fixture()
def graph_dir(tmp_path: Path) -> Path:
    shutil.copy(FIXTURE, tmp_path / "kg.trig")
    return tmp_path


def _count(graph_dir: Path) -> int:
    store = open_store(graph_dir)
    return len(list(store.quads_for_pattern(None, None, None, None)))


def test_store_build_records_hash_and_leaves_no_temp(graph_dir: Path) -> None:
    path = build_store(graph_dir)
    assert path == graph_dir / STORE_NAME
    assert len((path / HASH_NAME).read_text().strip()) == 64
    assert sorted(p.name for p in graph_dir.iterdir()) == ["kg.trig", STORE_NAME]
    assert _count(graph_dir) == 348


def test_store_open_builds_when_missing(graph_dir: Path) -> None:
    assert not (graph_dir / STORE_NAME).exists()
    assert _count(graph_dir) == 348
    assert store_is_fresh(graph_dir)


def test_store_open_rebuilds_when_stale(graph_dir: Path) -> None:
    build_store(graph_dir)
    kgr = "https://w3id.org/kg-trade/id/"
    extra = f'\n<{kgr}graph-x> {{ <{kgr}a> <{kgr}b> "c" . }}\n'
    with (graph_dir / "kg.trig").open("a", encoding="utf-8") as handle:
        handle.write(extra)
    assert not store_is_fresh(graph_dir)
    assert _count(graph_dir) == 349


def test_store_missing_graph_is_e007(tmp_path: Path) -> None:
    with pytest.raises(KgError) as err:
        open_store(tmp_path)
    assert err.value.code == "E007"


def test_store_unreadable_graph_is_e008_and_keeps_old_store(graph_dir: Path) -> None:
    build_store(graph_dir)
    (graph_dir / "kg.trig").write_text("this is { not trig", encoding="utf-8")
    with pytest.raises(KgError) as err:
        open_store(graph_dir)
    assert err.value.code == "E008"
    assert "\n" not in err.value.message
    # the failed build left the previous store in place and no temporary folder
    assert sorted(p.name for p in graph_dir.iterdir()) == ["kg.trig", STORE_NAME]
