"""The on-disk query store (pyoxigraph) built from `<graph dir>/kg.trig`, so commands never re-parse Turtle.

The store lives in `<graph dir>/store/` next to a `source.sha256` file naming the kg.trig it was built
from; a store whose hash differs from the current kg.trig is stale and is rebuilt. A build goes into a
temporary folder that is swapped in whole, so a reader never sees a half-written store.
"""

from __future__ import annotations

import contextlib
import os
import pickle
from array import array
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.errors import KgError
from kg.prefixes import PREFIXES  # re-exported: kg.store.PREFIXES

if TYPE_CHECKING:
    import pyoxigraph

TRIG_NAME = "kg.trig"
STORE_NAME = "store"
HASH_NAME = "source.sha256"


def sparql_prologue() -> str:
    """PREFIX lines for every project prefix, sorted, for engines that take no prefix table (rdflib)."""
    return "".join(f"PREFIX {name}: <{iri}>\n" for name, iri in sorted(PREFIXES.items()))


def _sha256(path: Path) -> str:
    import hashlib  # here, like tempfile and shutil below: commands served from caches never need them

    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _trig_path(graph_dir: Path) -> Path:
    trig = graph_dir / TRIG_NAME
    if not trig.is_file():
        raise KgError("E007", path=graph_dir)
    return trig


def build_store(graph_dir: Path) -> Path:
    """Load kg.trig into a fresh store in a temporary folder, then swap it in; returns the store path."""
    import shutil
    import tempfile

    import pyoxigraph

    trig = _trig_path(graph_dir)
    source_hash = _sha256(trig)
    target = graph_dir / STORE_NAME
    tmp = Path(tempfile.mkdtemp(prefix=".store-", dir=graph_dir))
    try:
        store = pyoxigraph.Store(str(tmp / STORE_NAME))
        try:
            store.bulk_load(path=str(trig), format=pyoxigraph.RdfFormat.TRIG)
        except (SyntaxError, ValueError, OSError) as err:
            raise KgError(
                "E008", path=trig, reason=str(err).splitlines()[0] if str(err) else repr(err)
            ) from None
        store.flush()
        del store
        (tmp / STORE_NAME / HASH_NAME).write_text(source_hash + "\n", encoding="utf-8")
        old = graph_dir / f".store-old-{os.getpid()}"
        if target.exists():
            os.replace(target, old)
        os.replace(tmp / STORE_NAME, target)
        shutil.rmtree(old, ignore_errors=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return target


def store_is_fresh(graph_dir: Path) -> bool:
    """True when store/ exists and was built from the current kg.trig."""
    trig = _trig_path(graph_dir)
    recorded = source_hash(graph_dir)
    if not recorded:
        return False
    # Hashing a large kg.trig on every call is slow; a store newer than kg.trig with a hash is trusted
    # only after the hash matched once, so compare the mtime first and the hash when in doubt.
    stamp = graph_dir / STORE_NAME / ".verified"
    if (
        stamp.is_file()
        and stamp.stat().st_mtime >= trig.stat().st_mtime
        and stamp.read_text().strip() == recorded
    ):
        return True
    if recorded != _sha256(trig):
        return False
    try:
        stamp.write_text(recorded + "\n", encoding="utf-8")
    except OSError:
        pass
    return True


def ensure_store(graph_dir: Path) -> None:
    """Build the store when it is missing or stale, without opening it (commands served from caches)."""
    if not store_is_fresh(graph_dir):
        build_store(graph_dir)


def source_hash(graph_dir: Path) -> str:
    """The sha256 of the kg.trig the store was built from ("" when there is no store yet)."""
    hash_file = graph_dir / STORE_NAME / HASH_NAME
    try:
        return hash_file.read_text(encoding="utf-8").strip()
    except OSError:
        return ""


def read_cache(graph_dir: Path, name: str, version: int) -> dict[str, Any] | None:
    """A cache written by write_cache for the store's current source and this format version, or None.

    Call after ensure_store/open_store, so the recorded source hash is the current kg.trig's.
    """
    source = source_hash(graph_dir)
    cache = graph_dir / STORE_NAME / name
    if not source or not cache.is_file():
        return None
    try:
        # A private cache written and read only by kg (never user input), so unpickling it is safe.
        data = pickle.loads(cache.read_bytes())
    except (OSError, ValueError, EOFError, pickle.UnpicklingError, AttributeError, ImportError):
        return None
    if not isinstance(data, dict) or data.get("source") != source or data.get("version") != version:
        return None
    return data


def write_cache(graph_dir: Path, name: str, version: int, payload: dict[str, Any]) -> None:
    """Write a cache beside the store, keyed to its source hash; atomic, and silent when not writable."""
    source = source_hash(graph_dir)
    if not source:
        return
    target = graph_dir / STORE_NAME / name
    tmp = target.with_name(f".{name}.{os.getpid()}.tmp")
    try:
        tmp.write_bytes(pickle.dumps({**payload, "source": source, "version": version}, protocol=5))
        os.replace(tmp, target)  # a concurrent reader sees the old file or the new one, never half
    except OSError:
        with contextlib.suppress(OSError):  # a read-only graph folder still answers, without the cache
            tmp.unlink()


COLUMN_SEP = "\x1f"  # joins a string column of a cache: one split() at load is cheaper than a pickled list


def join_column(items: list[str]) -> str | None:
    """A string column of a cache as one string (a separator inside an item becomes a space); None for
    no items, which keeps [] apart from [""]."""
    return None if not items else COLUMN_SEP.join(item.replace(COLUMN_SEP, " ") for item in items)


def split_column(text: str | None) -> list[str]:
    """The items of a column written by join_column."""
    return [] if text is None else text.split(COLUMN_SEP)


def int_array(data: bytes) -> array[int]:
    """An integer column of a cache, stored as the bytes of an array("i")."""
    out = array("i")
    out.frombytes(data)
    return out


def open_store(graph_dir: Path, read_only: bool = True) -> pyoxigraph.Store:
    """Open the query store of a graph folder, building it first when missing or stale."""
    import pyoxigraph

    ensure_store(graph_dir)
    path = str(graph_dir / STORE_NAME)
    try:
        return pyoxigraph.Store.read_only(path) if read_only else pyoxigraph.Store(path)
    except OSError as err:
        raise KgError(
            "E008", path=graph_dir, reason=str(err).splitlines()[0] if str(err) else repr(err)
        ) from None
