# The two commands a newcomer needs are `make html` and `make test`; everything
# else (the virtual environment, Debian packages for PDF and browser tests) is set
# up on demand by the targets below.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
SPHINXOPTS ?=
BUILD  ?= _build
STAMP  := $(VENV)/.installed

.PHONY: html live pdf test test-fast check clean system-deps bench help

help:
	@echo "make html       build the HTML book into $(BUILD)/html"
	@echo "make test       run every test layer (unit, test roots, full site, PDF, browser)"
	@echo "make test-fast  run the fast layers only"
	@echo "make live       live preview with sphinx-autobuild"
	@echo "make check      validate every post's front matter without building"
	@echo "make clean      remove $(BUILD)"

# The environment is rebuilt whenever the pins or the package metadata change.
$(STAMP): requirements/constraints.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check \
		-c requirements/constraints.txt -e '.[test,dev]'
	touch $@

html: $(STAMP)
	$(BIN)/ppblog build --builder html --out $(BUILD)/html $(SPHINXOPTS)

live: $(STAMP)
	$(BIN)/sphinx-autobuild -n --keep-going . $(BUILD)/live $(SPHINXOPTS)

check: $(STAMP)
	$(BIN)/ppblog check

system-deps:
	bash scripts/install-system-deps.sh

test: $(STAMP) system-deps
	$(BIN)/python -m pytest -m "" $(PYTEST_ARGS)

test-fast: $(STAMP)
	$(BIN)/python -m pytest $(PYTEST_ARGS)

clean:
	rm -rf $(BUILD)
