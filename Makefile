# datavis: `make run` starts everything locally, `make test` runs the suite, `make bench`
# measures. Each target creates the virtual environment in .venv first when needed.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat requirements.txt requirements-dev.txt | cksum | cut -d' ' -f1)

.PHONY: install lock check-lock lint test bench run qstash-dev clean

install: $(STAMP)

$(STAMP): requirements.txt requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt -r requirements-dev.txt
	rm -f $(VENV)/.installed-*
	touch $@

# The locks (requirements*.txt) are compiled from requirements*.in; see README, "Dependencies".
lock: install
	tools/lock.sh $(LOCK_ARGS)

check-lock: install
	tools/lock.sh --check

lint: install
	$(BIN)/ruff check .
	$(BIN)/mypy

test: check-lock lint
	$(BIN)/python -m pytest $(PYTEST_ARGS)

run: install
	$(BIN)/python -m datavis.local

bench: install
	$(BIN)/python bench/qstash_dev_bench.py
	$(BIN)/python bench/analysis_quality.py
	$(BIN)/python bench/analysis_speed.py
	$(BIN)/python bench/e2e_bench.py
	$(BIN)/python bench/web_latency.py
	$(BIN)/python bench/queue_backends.py

qstash-dev: install
	$(BIN)/python -m datavis.qstash_dev

clean:
	rm -rf $(VENV) .pytest_cache
