"""The caches beside the store (label index, path graph, timeline) are used only for the kg.trig and the
format they were written for."""

from __future__ import annotations

from pathlib import Path

from kg.lookup import resolve
from kg.store import STORE_NAME, ensure_store, read_cache, source_hash, write_cache
from query_trig import small_graph


def test_store_cache_round_trip_and_keys(tmp_path: Path) -> None:
    graph_dir = small_graph(tmp_path)
    assert read_cache(graph_dir, "x.pickle", 1) is None  # no store yet: nothing to key to
    ensure_store(graph_dir)
    write_cache(graph_dir, "x.pickle", 1, {"rows": [1, 2]})
    assert read_cache(graph_dir, "x.pickle", 1) == {"rows": [1, 2], "source": source_hash(graph_dir), "version": 1}
    assert read_cache(graph_dir, "x.pickle", 2) is None  # another format
    (graph_dir / STORE_NAME / "x.pickle").write_bytes(b"not a pickle")
    assert read_cache(graph_dir, "x.pickle", 1) is None
    assert not [p for p in (graph_dir / STORE_NAME).iterdir() if p.name.endswith(".tmp")]


def test_store_cache_follows_kg_trig(tmp_path: Path) -> None:
    graph_dir = small_graph(tmp_path)
    assert resolve(graph_dir, None, "Sato Ken").label == "Sato Ken"
    trig = graph_dir / "kg.trig"
    trig.write_text(trig.read_text(encoding="utf-8").replace('"Sato Ken"', '"Sato Kenji"'), encoding="utf-8")
    # The store is rebuilt for the new kg.trig, and with it the label index: the old name is gone.
    assert resolve(graph_dir, None, "Sato Kenji").label == "Sato Kenji"
    assert resolve(graph_dir, None, "Sato Ken").label == "Sato Kenji"  # now a near miss of the new name
