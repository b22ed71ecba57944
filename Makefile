# The two commands a person needs: `make serve` and `make test`. Each sets up what it needs itself.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
WEB := calculator/web
VENV_STAMP := $(VENV)/.installed
NPM_STAMP := $(WEB)/node_modules/.installed
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: all setup build serve dist test test-fast lint bench system-deps clean

all: build

$(VENV_STAMP): requirements.txt calculator/pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e calculator
	touch $@

$(NPM_STAMP): $(WEB)/package.json $(WEB)/package-lock.json
	cd $(WEB) && npm ci --no-audit --no-fund --loglevel=error
	touch $@

setup: $(VENV_STAMP) $(NPM_STAMP)

## build: validate the rubrics, bundle the calculator, render both languages, build site/
build: setup
	$(BIN)/python -m build_scripts.build

## serve: build, then serve site/ at http://127.0.0.1:8000 (or a free port)
serve: build
	$(BIN)/python -m build_scripts.serve

## dist: the intranet archive, dist/zhiping-site-<version>.tar.gz and .zip (site/ + serve.py)
dist: build
	$(BIN)/python -m build_scripts.dist

## system-deps: Debian's Chromium and CJK fonts for the browser tests (apt-get, only when missing)
system-deps:
	@bash build_scripts/system_deps.sh

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

## test-fast: the package and build tests only (no browser, no Node)
test-fast: build
	$(BIN)/pytest -m "not e2e and not node"

## test: everything, end-to-end included
test: build system-deps lint
	$(BIN)/pytest

## bench: build time, bytes and timings against a bare Pyodide boot (prints a table)
bench: build system-deps
	$(BIN)/python -m build_scripts.bench

clean:
	rm -rf build site dist .bench calculator/zhiping/data calculator/build
