# Two entry points for a fresh machine with only Python 3.11+ and make:
#   make demo   installs salesroles into .venv and runs examples/quickstart.py
#   make test   installs the dev tools into .venv and runs lint, types, tests, docs
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: demo test lint typecheck tests docs bench mutation notebooks currencies messages clean

# pip 25.1 or newer reads [dependency-groups]; the venv's bundled pip may be older.
$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

demo: $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	$(BIN)/python examples/quickstart.py

test: $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[notebook,i18n,fastapi,fast,dask]" --group dev
	$(MAKE) --no-print-directory lint typecheck tests docs

lint:
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python tools/messages.py check de

typecheck:
	$(BIN)/mypy

tests:
	$(BIN)/pytest -n auto --cov --cov-report=term
	# Once more on the standard library's JSON alone, as without the fast extra (msgspec).
	SALESROLES_PURE_JSON=1 $(BIN)/pytest -n auto -q -p no:cacheprovider tests src

docs:
	$(BIN)/sphinx-build -W --keep-going -q -b html docs docs/_build/html

bench: $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[notebook,fast]" --group dev
	$(BIN)/python benchmarks/bench_service.py
	$(BIN)/python benchmarks/bench_validation.py
	$(BIN)/python benchmarks/bench_check.py

# Mutation testing of the judging code (about half an hour); prints the score.
mutation: $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[notebook]" --group dev --group mutation
	$(BIN)/python tools/mutation.py

# The notebooks of examples/ are made from the plain scripts beside them, without outputs.
notebooks:
	$(BIN)/jupytext --to ipynb --set-kernel python3 examples/which_key_accounts.py examples/what_if_we_lose_acme.py \
		examples/from_your_crm_to_findings.py examples/exploring_with_pandas.py \
		examples/wer_betreut_unsere_schluesselkunden.py

# The template of every text the library says (build/salesroles.pot, not committed), and
# babel's check of the German catalogue; `tools/messages.py init LANG` starts a new language.
messages: $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[i18n]"
	$(BIN)/python tools/messages.py pot
	$(BIN)/python tools/messages.py check de

# The ISO 4217 table of src/salesroles/_model/iso4217.py, from the standard's List One.
currencies: $(BIN)/python
	$(BIN)/python -m pip install --quiet --group data
	$(BIN)/python tools/currencies.py
	$(BIN)/ruff format src/salesroles/_model/iso4217.py

clean:
	rm -rf $(VENV) docs/_build .coverage .pytest_cache .mypy_cache .ruff_cache .hypothesis mutants
