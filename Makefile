# Mediation Desk — the two commands a newcomer needs: `make run` and `make test`.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
STAMP_RUN := $(VENV)/.installed-run
STAMP_DEV := $(VENV)/.installed-dev
STAMP_BUILD := $(VENV)/.installed-build

.PHONY: run test lint check bench screenshots installer clean

$(PY):
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "需要 Python 3.11 (python3.11 not found; set PYTHON=...)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip

$(STAMP_RUN): pyproject.toml | $(PY)
	$(PY) -m pip install -q -e .
	@touch $@

$(STAMP_DEV): pyproject.toml | $(PY)
	$(PY) -m pip install -q -e '.[dev]'
	@touch $@ $(STAMP_RUN)

$(STAMP_BUILD): pyproject.toml | $(PY)
	$(PY) -m pip install -q -e '.[build]'
	@touch $@ $(STAMP_RUN)

## Set everything up and start the app.
run: $(STAMP_RUN)
	$(PY) -m app

## Set everything up and run the whole test suite.
test: $(STAMP_DEV)
	$(PY) -m pytest -n auto -q

lint: $(STAMP_DEV)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy

check: lint test

bench: $(STAMP_DEV)
	$(PY) benchmarks/recalc.py

## The onedir bundle dist/mediation-desk/ (PyInstaller, build_installer.spec), then its selftest.
## On Windows, installer/mediation-desk.iss turns that folder into the setup program.
installer: $(STAMP_BUILD)
	$(VENV)/bin/pyinstaller --noconfirm build_installer.spec
	dist/mediation-desk/mediation-desk-cli selftest

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache
