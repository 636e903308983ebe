# Two commands for a fresh machine: `make demo` (build the bundled letters, answer a query)
# and `make test`. Both create or reuse the virtual environment in .venv themselves.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STORE ?= demo-store

.PHONY: demo test venv java virtuoso chromium fonts clean

venv: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

# The OWL reasoner (HermiT, run by owlready2) needs a Java runtime.
java:
	@command -v java >/dev/null 2>&1 || { \
	  echo "installing a Java runtime for the reasoner"; \
	  if [ "$$(id -u)" = 0 ]; then S=""; else S="sudo"; fi; \
	  $$S apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$S apt-get install -y -qq default-jre-headless >/dev/null; }

# The SPARQL server the publishing tests start on loopback (Debian's Virtuoso Open Source).
virtuoso:
	@command -v virtuoso-t >/dev/null 2>&1 || { \
	  echo "installing Virtuoso Open Source for the publishing tests"; \
	  if [ "$$(id -u)" = 0 ]; then S=""; else S="sudo"; fi; \
	  echo "virtuoso-opensource-7 virtuoso-opensource-7/dba-password password dba" | $$S debconf-set-selections; \
	  echo "virtuoso-opensource-7 virtuoso-opensource-7/dba-password-again password dba" | $$S debconf-set-selections; \
	  $$S apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$S apt-get install -y -qq virtuoso-opensource >/dev/null; }

# Headless Chromium renders the viz page and drives the serve pages in tests (Playwright with
# Debian's browser); `make test` requires it (JBZGRAPH_REQUIRE_BROWSER=1).
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then S=""; else S="sudo"; fi; \
	  $$S apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$S apt-get install -y -qq chromium >/dev/null \
	  || echo "chromium could not be installed: the browser tests will fail"; }

# The PDF-reader tests draw letters with a Unicode TrueType font (DejaVu Sans).
fonts:
	@test -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf || { \
	  echo "installing the DejaVu fonts for the PDF tests"; \
	  if [ "$$(id -u)" = 0 ]; then S=""; else S="sudo"; fi; \
	  $$S apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$S apt-get install -y -qq fonts-dejavu-core >/dev/null; }

demo: venv
	$(BIN)/jbzgraph build data/letters --store $(STORE)
	$(BIN)/jbzgraph query letters --store $(STORE) --format table

test: venv java virtuoso chromium fonts
	JBZGRAPH_REQUIRE_VIRTUOSO=1 JBZGRAPH_REQUIRE_BROWSER=1 $(BIN)/python -m pytest

clean:
	rm -rf $(VENV) $(STORE) .pytest_cache
