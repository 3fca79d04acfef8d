# Two commands on a fresh machine: `make run` (start the app on the bundled Klara area)
# and `make test` (the full test suite, as CI runs it). Both bootstrap .venv themselves.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
APP    := $(VENV)/.installed-app
DEV    := $(VENV)/.installed-dev

# Translations: .ts sources are kept in git; the .qm files the app loads are built by the package
# build (setup.py: every pip install, editable or wheel); the rule below refreshes them after a
# .ts edit without reinstalling.
TS     := resources/translations/kompassen_sv.ts resources/translations/kompassen_en.ts
QM     := $(TS:.ts=.qm)
TEST_WORKERS ?= 2
GUI_PY  = $(shell find app/kompassen/gui -name '*.py' | sort)

.PHONY: run test lint bench screenshots clean translations ts wheel wheel-check dist dist-check

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# The app alone (no server extras: the tablet never needs FastAPI).
$(APP): pyproject.toml setup.py | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $(APP)

# Everything for tests, benchmarks and the sync server.
$(DEV): pyproject.toml setup.py | $(BIN)/python
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

# pytest's own exit status: 5 (no tests collected) fails too. Two workers (pytest-xdist): the
# suite took 23 of CI's 30 minutes in one process; a test that must not run beside another of
# its kind names an xdist_group (--dist loadgroup keeps a group on one worker).
test: $(DEV) $(QM) lint
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -n $(TEST_WORKERS) --dist loadgroup

# The wheel (packs, translations and icons inside; .qm compiled by the build) in dist/.
wheel: $(BIN)/python
	rm -rf build dist
	$(BIN)/python -m pip wheel . -w dist --no-deps --quiet

# What CI proves about the wheel: installed alone (no extras) into a fresh virtualenv outside
# the checkout, it finds its bundled areas and passes its self-test.
wheel-check: wheel
	set -e; tmp=$$(mktemp -d); trap 'rm -rf "$$tmp"' EXIT; \
	  $(PYTHON) -m venv "$$tmp/venv"; \
	  "$$tmp/venv/bin/python" -m pip install --quiet dist/kompassen-*.whl; \
	  cd "$$tmp"; export KOMPASSEN_HOME="$$tmp/home" KOMPASSEN_KEYRING=0 QT_QPA_PLATFORM=offscreen; \
	  "$$tmp/venv/bin/kompassen" selftest; \
	  "$$tmp/venv/bin/kompassen" areas --json

# The Linux deliverables in dist/ (packaging/linux/build.py): the PyInstaller one-folder bundle
# kompassen-<version>-linux-<arch>/, its .tar.gz (with .desktop file, icon, INSTALL.txt) and the
# .deb (/opt/kompassen, /usr/bin/kompassen, menu entry, icons). Fails over the size ceilings.
dist: $(DEV) $(QM)
	$(BIN)/python packaging/linux/build.py --out dist --work build/pyinstaller

# The frozen app's self-test from the bundle just built, offscreen, in a throw-away home
# (tests/test_bundle.py also installs and removes the .deb as root).
dist-check: dist
	set -e; tmp=$$(mktemp -d); trap 'rm -rf "$$tmp"' EXIT; \
	  app=$$(ls -d dist/kompassen-*-linux-*/ | head -n1); \
	  export KOMPASSEN_HOME="$$tmp/home" KOMPASSEN_KEYRING=0 QT_QPA_PLATFORM=offscreen; \
	  "$$app/kompassen" --version; "$$app/kompassen" selftest

bench: $(DEV) $(QM)
	for b in bench/bench_*.py; do QT_QPA_PLATFORM=offscreen $(BIN)/python $$b || exit 1; done

screenshots: $(DEV) $(QM)
	QT_QPA_PLATFORM=offscreen $(BIN)/python scripts/screenshots.py docs/screenshots

clean:
	rm -rf $(VENV) build dist *.egg-info app/*.egg-info
