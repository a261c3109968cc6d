"""The whole pipeline, end to end: documents -> mentions -> resolved facts -> RDF -> files and store.

Outputs are written into a fresh folder beside the target and moved into place only when every
step succeeded, so a failed build leaves the previous graph intact.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from kg.ingest import load_documents
from kg.model import DocExtraction, Document, Resolution

OUTPUT_FILES = ("kg.ttl", "kg.trig", "kg.html")

Progress = Callable[[str, int, int], None]  # (what, done, total)


@dataclass
class BuildSummary:
    out_dir: Path
    documents: int
    triples: int
    entities_per_class: dict[str, int] = field(default_factory=dict)
    facts_per_document: dict[str, dict[str, int]] = field(default_factory=dict)
    files: list[Path] = field(default_factory=list)
    conforms: bool | None = None


def extract_document(document: Document, nlp: object) -> DocExtraction:
    """Run the extractors on one document."""
    from kg.extract.entities import extract_entities
    from kg.extract.events import extract_events

    ex = DocExtraction(doc=document)
    sdoc = nlp(document.text)  # type: ignore[operator]
    extract_entities(ex, sdoc)
    extract_events(ex, sdoc)
    return ex


def extract_all(documents: list[Document], model: str | None = None,
                progress: Progress | None = None) -> list[DocExtraction]:
    from kg.nlp import load_pipeline

    nlp = load_pipeline(model)
    extractions = []
    for i, document in enumerate(documents):
        extractions.append(extract_document(document, nlp))
        if progress:
            progress(document.doc_id, i + 1, len(documents))
    return extractions


def _facts(ex: DocExtraction) -> dict[str, int]:
    return {
        "people": len(ex.persons), "organizations": len(ex.organizations),
        "posts": len(ex.holdings), "meetings": len(ex.meetings), "tariffs": len(ex.tariffs),
        "statements": len(ex.statements), "figures": len(ex.figures),
    }


def _entities_per_class(res: Resolution) -> dict[str, int]:
    counts: Counter[str] = Counter(gid.split("-", 1)[0] for gid in set(res.ids.values()))
    return dict(sorted(counts.items()))


def _move_into_place(staging: Path, out_dir: Path) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    for entry in sorted(staging.iterdir()):
        target = out_dir / entry.name
        if entry.is_dir():
            old = out_dir / f".old-{entry.name}"
            if target.exists():
                shutil.rmtree(old, ignore_errors=True)
                os.replace(target, old)
            os.replace(entry, target)
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.replace(entry, target)


def build(sources: list[Path], out_dir: Path, model: str | None = None,
          progress: Progress | None = None, store: bool = True) -> BuildSummary:
    """Build the graph of the articles under `sources` into `out_dir`."""
    from kg.extract.products import PRODUCTS
    from kg.rdf.build import build_dataset
    from kg.rdf.serialize import union_graph, write_graph_files
    from kg.resolve import resolve
    from kg.view import render_view

    documents = load_documents(sources)
    extractions = extract_all(documents, model, progress)
    resolution = resolve(extractions)
    dataset = build_dataset(resolution, PRODUCTS)

    out_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".build-", dir=out_dir.parent))
    try:
        files = write_graph_files(dataset, staging)
        union = union_graph(dataset)
        render_view(union, staging / "kg.html")
        if store:
            from kg.store import build_store

            build_store(staging)
        _move_into_place(staging, out_dir)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return BuildSummary(
        out_dir=out_dir,
        documents=len(documents),
        triples=len(union),
        entities_per_class=_entities_per_class(resolution),
        facts_per_document={ex.doc.doc_id: _facts(ex) for ex in extractions},
        files=[out_dir / f.name for f in files] + [out_dir / "kg.html"],
    )

