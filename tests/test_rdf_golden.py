"""Golden cases: tests/golden/<case>/input.py builds a Resolution; expected.ttl is the merged graph.

Reference data is switched off so the cases do not change when kg.reference's names change.
Regenerate a case after a deliberate change with: KG_REGEN_GOLDEN=1 pytest tests/test_rdf_golden.py
"""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path
from types import ModuleType

import pytest
from rdflib import Graph
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

import kg.rdf.build as build_module
from kg.rdf.build import build_dataset
from kg.rdf.serialize import turtle_text, union_graph

GOLDEN = Path(__file__).parent / "golden"
CASES = sorted(path.name for path in GOLDEN.iterdir() if (path / "input.py").is_file())


def load_case(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"golden_{name}", GOLDEN / name / "input.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(autouse=True)
def no_reference_data(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(build_module, "_country_label", lambda iso: iso)
    monkeypatch.setattr(build_module, "_reference_items", lambda name: {})


def _dump(graph: Graph) -> str:
    return "\n".join(sorted(line for line in graph.serialize(format="nt").splitlines() if line))


def test_rdf_golden_cases_exist() -> None:
    assert {"person_two_posts", "meeting_conflicting_dates", "tariff_replaces"} <= set(CASES)


@pytest.mark.parametrize("case", CASES)
def test_rdf_golden_case_matches_expected(case: str) -> None:
    module = load_case(case)
    built = union_graph(build_dataset(module.resolution(), getattr(module, "PRODUCTS", None)))
    expected_path = GOLDEN / case / "expected.ttl"
    if os.environ.get("KG_REGEN_GOLDEN") == "1":
        expected_path.write_text(turtle_text(built), encoding="utf-8")
    expected = Graph().parse(expected_path, format="turtle")
    if not isomorphic(built, expected):
        _both, only_built, only_expected = graph_diff(to_isomorphic(built), to_isomorphic(expected))
        pytest.fail(
            f"{case}: graph differs from expected.ttl\n--- only in built:\n{_dump(only_built)}"
            f"\n--- only in expected:\n{_dump(only_expected)}"
        )
