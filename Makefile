# The two commands a newcomer needs are `make html` and `make test`; everything
# else (the virtual environment, Debian packages for PDF and browser tests) is set
# up on demand by the targets below.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
SPHINXOPTS ?=
BUILD  ?= _build
STAMP  := $(VENV)/.installed

.PHONY: html live pdf tex-check test test-fast check clean system-deps bench help

help:
	@echo "make html       build the HTML book into $(BUILD)/html"
	@echo "make pdf        build the PDFs (whole book, one per collection) into $(BUILD)/latex"
	@echo "make test       run every test layer (unit, test roots, full site, PDF, browser)"
	@echo "make test-fast  run the fast layers only"
	@echo "make live       live preview with sphinx-autobuild"
	@echo "make check      check every post and collection without writing the site"
	@echo "make clean      remove $(BUILD)"

# The environment is rebuilt whenever the pins or the package metadata change. Installed
# editable, our package is not compiled by pip: it is compiled here, so that builds do not
# compile it each time where bytecode is not written (PYTHONDONTWRITEBYTECODE).
$(STAMP): requirements/constraints.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check \
		-c requirements/constraints.txt -e '.[test,dev]'
	$(BIN)/python -m compileall -q src
	touch $@

html: $(STAMP)
	$(BIN)/ppblog build --builder html --out $(BUILD)/html $(SPHINXOPTS)

# The Debian packages behind `make pdf`; scripts/install-system-deps.sh installs them.
PDF_PACKAGES ?= latexmk texlive-xetex texlive-fonts-recommended fonts-freefont-otf

# Checked first, so a machine without TeX is told what to run instead of a LaTeX error.
tex-check:
	@missing=""; for p in $(PDF_PACKAGES); do \
		dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; \
	done; \
	[ -z "$$missing" ] || { echo "make pdf needs TeX (missing:$$missing): run sudo bash scripts/install-system-deps.sh" >&2; exit 1; }

pdf: tex-check $(STAMP)
	$(BIN)/ppblog build --builder latex --out $(BUILD)/latex $(SPHINXOPTS)
	$(MAKE) -C $(BUILD)/latex all-pdf LATEXMKOPTS=-silent
	@ls -1 $(BUILD)/latex/*.pdf

live: $(STAMP)
	$(BIN)/sphinx-autobuild -n --keep-going . $(BUILD)/live $(SPHINXOPTS)

check: $(STAMP)
	$(BIN)/ppblog check

system-deps:
	bash scripts/install-system-deps.sh

# axe-core, injected into pages by the accessibility tests, pinned in package-lock.json.
AXE := node_modules/axe-core/axe.min.js
$(AXE): package.json package-lock.json | system-deps
	npm ci --ignore-scripts --no-audit --no-fund
	touch $@

# The fast layers first; then the slow ones in two processes, one per core: the build and print
# layers here, the browser layer beside them (its report is printed when both have ended).
test: $(STAMP) system-deps $(AXE)
	$(BIN)/python -m pytest -m "" tests/unit tests/sphinx $(PYTEST_ARGS)
	@mkdir -p $(BUILD)
	@$(BIN)/python -m pytest -m "" tests/browser $(PYTEST_ARGS) > $(BUILD)/browser-tests.log 2>&1 & browser=$$!; \
	$(BIN)/python -m pytest -m "" tests/builds tests/print $(PYTEST_ARGS); slow=$$?; \
	wait $$browser; browsers=$$?; cat $(BUILD)/browser-tests.log; \
	[ $$slow -eq 0 ] && [ $$browsers -eq 0 ]

test-fast: $(STAMP)
	$(BIN)/python -m pytest $(PYTEST_ARGS)

clean:
	rm -rf $(BUILD)
