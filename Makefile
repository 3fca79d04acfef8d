# Two commands on a fresh machine: `make run` (start the app on the bundled Klara area)
# and `make test` (the full test suite, as CI runs it). Both bootstrap .venv themselves.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
APP    := $(VENV)/.installed-app
DEV    := $(VENV)/.installed-dev

# Translations: .ts sources are kept in git; the .qm files the app loads are built here.
TS     := resources/translations/kompassen_sv.ts resources/translations/kompassen_en.ts
QM     := $(TS:.ts=.qm)
GUI_PY  = $(shell find app/kompassen/gui -name '*.py' | sort)

.PHONY: run test lint bench screenshots clean translations ts

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# The app alone (no server extras: the tablet never needs FastAPI).
$(APP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $(APP)

# Everything for tests, benchmarks and the sync server.
$(DEV): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev,server]'
	touch $(DEV) $(APP)

resources/translations/%.qm: resources/translations/%.ts | $(APP)
	$(BIN)/pyside6-lrelease -silent $< -qm $@

translations: $(QM)

# After changing user-visible strings: refresh the .ts sources, then translate in them.
ts: $(APP)
	$(BIN)/pyside6-lupdate -silent -locations none -no-obsolete $(GUI_PY) -ts $(TS)

run: $(APP) $(QM)
	$(BIN)/kompassen --area klara

lint: $(DEV)
	$(BIN)/ruff check app tests bench scripts
	$(BIN)/lint-imports
	$(BIN)/python -m pytest -q -p no:cacheprovider tests/test_import_cycles.py tests/test_import_rules.py
	$(BIN)/mypy

test: $(DEV) $(QM) lint
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest; rc=$$?; \
	  if [ $$rc -eq 5 ]; then echo "pytest: no tests collected"; exit 0; fi; exit $$rc

bench: $(DEV) $(QM)
	for b in bench/bench_*.py; do QT_QPA_PLATFORM=offscreen $(BIN)/python $$b || exit 1; done

screenshots: $(DEV) $(QM)
	QT_QPA_PLATFORM=offscreen $(BIN)/python scripts/screenshots.py docs/screenshots

clean:
	rm -rf $(VENV) build *.egg-info app/*.egg-info
