# GNU make. Everything runs from the project's own venv; a fresh clone needs only python3 (and root
# or sudo once, for Debian's chromium used by the browser tests and Debian's nginx used by the
# deployment test).
PYTHON ?= python3
VENV = .venv
BIN = $(VENV)/bin
STAMP = $(VENV)/.installed
# npm ci writes this file last: node_modules/ is complete once it is newer than the lock file.
NODE_STAMP = node_modules/.package-lock.json
BENCH_SIZES ?= 1000
# Material prints an end-of-life banner on every build, which maintainers take for an error; its own
# switch turns it off for every command these targets run.
export NO_MKDOCS_2_WARNING = 1
# Paths that exist (bench/ arrives later); ruff fails on a missing path.
LINT_PATHS = $(wildcard nianbao hooks tests bench)

.PHONY: site province test chromium nginx lint serve bench clean distclean

site: $(STAMP)
	$(BIN)/mkdocs build --strict

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# A province-sized site, one MkDocs site per region (python -m nianbao shards): the plan written, its
# shards built JOBS at a time by xargs -P (a CI matrix runs the same jobs: ci/, .github/workflows/),
# then assembled. Only the pending shards are run: a kept one would cost a process start for nothing. A failed shard stops nothing else: the site is assembled (that shard listed as not
# yet published) and the target fails.
DATA ?= data
OUT ?= site
DEPTH ?= 2
PLAN ?= build/province-plan.json
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
NIANBAO_SHARDS = $(BIN)/python -m nianbao shards --plan $(PLAN)

province: $(STAMP)
	$(NIANBAO_SHARDS) --data "$(DATA)" --out "$(OUT)" --depth $(DEPTH)
	$(NIANBAO_SHARDS) --pending | xargs -r -P $(JOBS) -n 1 $(NIANBAO_SHARDS) --build; built=$$?; \
	  $(NIANBAO_SHARDS) --assemble && exit $$built

# Reinstall only when the declared or pinned dependencies change.
$(STAMP): pyproject.toml constraints.txt | $(BIN)/python
	$(BIN)/python -m pip install -c constraints.txt -e ".[test]"
	touch $@

# The browser test is never skipped, so a missing chromium is installed (root + apt) or is an error.
chromium:
	@if command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ]; then \
	  :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	  echo "chromium not found: installing Debian's chromium for the browser tests"; \
	  apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium fonts-wqy-microhei; \
	else \
	  echo "error: chromium is required by tests/test_browser.py and was not found." >&2; \
	  echo "Install it with:  sudo apt-get install chromium" >&2; \
	  exit 1; \
	fi

# tests/test_nginx.py serves the built site through Debian's nginx with the maintainer guide's example
# configuration; never skipped, so a missing nginx is installed (root + apt) or is an error. The test
# runs its own unprivileged nginx on a free port; the package's service is not used.
nginx:
	@if command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ]; then \
	  :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	  echo "nginx not found: installing Debian's nginx for the deployment test"; \
	  apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y nginx; \
	else \
	  echo "error: nginx is required by tests/test_nginx.py and was not found." >&2; \
	  echo "Install it with:  sudo apt-get install nginx" >&2; \
	  exit 1; \
	fi

# axe-core for tests/test_accessibility.py, exactly as package-lock.json pins it, into node_modules/.
# --ignore-scripts: nothing from the registry runs at install time.
$(NODE_STAMP): package.json package-lock.json
	@command -v npm >/dev/null 2>&1 || { \
	  echo "error: npm is required by tests/test_accessibility.py (axe-core) and was not found." >&2; \
	  echo "Install it with:  sudo apt-get install npm" >&2; \
	  exit 1; }
	npm ci --ignore-scripts --no-audit --no-fund
	touch $@

lint: $(STAMP)
	$(BIN)/ruff check $(LINT_PATHS)
	$(BIN)/mypy nianbao hooks bench

test: $(STAMP) chromium nginx $(NODE_STAMP) lint
	NIANBAO_CHROMIUM="$$(command -v chromium || echo /usr/bin/chromium)" $(BIN)/pytest -q

# --dirty: each save rebuilds only the pages (and open data) of what changed, in place (the hook
# keeps that exact). BODY=slug[,slug] previews just those bodies' pages.
serve: $(STAMP)
	NIANBAO_ONLY="$(BODY)" $(BIN)/mkdocs serve --dirty

bench: $(STAMP)
	$(BIN)/python bench/run.py $(BENCH_SIZES)
	$(BIN)/python bench/long_text.py
	$(BIN)/python bench/serve_errors.py
	$(BIN)/python bench/copies.py 10000

clean:
	rm -rf site build tests/artifacts .pytest_cache .mypy_cache .ruff_cache *.egg-info

distclean: clean
	rm -rf $(VENV) node_modules
