"""The notebooks run top to bottom against the committed sample graph."""

from __future__ import annotations

import contextlib
import io
import json
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_notebooks_run_and_print_answers(notebook: Path) -> None:
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    namespace: dict[str, object] = {}
    out = io.StringIO()
    cwd = Path.cwd()
    os.chdir(notebook.parent)  # as Jupyter runs it
    try:
        with contextlib.redirect_stdout(out):
            for cell in cells:
                if cell["cell_type"] == "code":
                    exec(compile("".join(cell["source"]), f"{notebook.name}", "exec"), namespace)
    finally:
        os.chdir(cwd)
    printed = out.getvalue()
    assert "Jamieson Greer" in printed and "reciprocal" in printed and "—attended→" in printed, printed
