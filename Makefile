# `make run` and `make test` each create .venv when it is missing and install the project.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test test-fast lint format fuzz bench bench-record screenshots translations holidays-data clean bundle bundle-test bundle-unopened

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Carte Planner needs Python 3.11 or newer; this is " + sys.version.split()[0])'
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV) || { echo "Could not create $(VENV): on Debian or Ubuntu, install python3-venv."; exit 1; }
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,dev]'
	@touch $(STAMP)

run: $(STAMP)
	$(BIN)/carte-planner

# Every test, on every core (pytest-xdist: each worker has its own calendar servers and folders).
test: $(STAMP) lint
	$(BIN)/python -m pytest -n auto --dist worksteal

# The tests that need neither Qt nor a calendar server, with Qt blocked so that none can sneak in,
# and hypothesis's quick profile: the domain, the exports, the plan files and the command line.
test-fast: $(STAMP)
	CARTE_TESTS_WITHOUT_QT=1 HYPOTHESIS_PROFILE=quick $(BIN)/python -m pytest -p no:pytest-qt -n auto --dist worksteal -q \
		-m "not bundle and not server"

lint: $(STAMP)
	$(BIN)/ruff check carte_planner tests benchmarks scripts packaging
	$(BIN)/ruff format --check carte_planner tests benchmarks scripts packaging
	$(BIN)/mypy
	$(BIN)/lint-imports --no-cache --no-logo

format: $(STAMP)
	$(BIN)/ruff format carte_planner tests benchmarks scripts packaging
	$(BIN)/ruff check --fix carte_planner tests benchmarks scripts packaging

fuzz: $(STAMP)
	HYPOTHESIS_PROFILE=fuzz $(BIN)/python -m pytest tests -k "property or fuzz"

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .hypothesis build dist

# The standalone program: dist/carte-planner/ and the archive beside it (packaging/).
BUNDLE_STAMP := $(VENV)/.bundle-installed
$(BUNDLE_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,dev,bundle]'
	@touch $(BUNDLE_STAMP)

bundle: $(BUNDLE_STAMP)
	$(BIN)/python packaging/bundle.py

# Builds the bundle, then runs it with no Python on the PATH and a fresh HOME.
bundle-test: bundle
	$(BIN)/python -m pytest -m bundle tests/test_bundle.py

# The files of the last bundle that its whole smoke test never opens (Linux, strace): the list
# to look through for what the bundle could still leave out.
bundle-unopened: $(BUNDLE_STAMP)
	$(BIN)/python packaging/unopened.py

# The figures change from run to run: `make bench` writes them to build/bench/RESULTS.md, and
# `make bench-record` to benchmarks/RESULTS.md, to be committed.
bench: $(STAMP)
	$(BIN)/python benchmarks/run.py

bench-record: $(STAMP)
	$(BIN)/python benchmarks/run.py --record

# Rewrite resources/holidays from the installed `holidays` library (after changing its version).
holidays-data: $(STAMP)
	$(BIN)/python scripts/update_holidays.py

screenshots: $(STAMP)
	$(BIN)/python scripts/screenshots.py
	$(BIN)/python scripts/screenshots.py --screen 1366x768 --scale 1.25
	$(BIN)/python scripts/screenshots.py --screen 1920x1080 --scale 2
	for lang in zh_CN ru ar; do $(BIN)/python scripts/screenshots.py --screen 1366x768 --lang $$lang || exit 1; done
	$(BIN)/python scripts/screenshots.py --screen 1366x768 --scale 1.25 --lang ar
	$(BIN)/python scripts/screenshots.py --screen 1920x1080 --scale 2 --lang ru

# Refresh the translation template from the code's tr() strings, merge it into each language's
# .po file and compile the .mo files (committed, so that a fresh clone needs no tools to run).
translations: $(STAMP)
	$(BIN)/python scripts/update_translations.py
