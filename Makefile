# Two commands on a fresh machine: `make serve` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: install serve admin test build check bench schema publish-urls clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Reinstall only when the pins or the package metadata change.
$(STAMP): $(BIN)/python constraints.txt pyproject.toml
	$(BIN)/pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[test]'
	touch $(STAMP)

# From package-lock.json: Pagefind 1.6 for the search index, qrcode-generator for the QR codes of
# filtered addresses (copied into the site), axe-core and vnu.jar for the quality gates, remark for
# the editors. --ignore-scripts: vnu-jar's postinstall would try to download a
# Java runtime; the system's is used. Without npm, serve and build use Pagefind 1.5 from PyPI.
NODE_STAMP := node_modules/.installed
NODE := $(if $(shell command -v npm),$(NODE_STAMP))
$(NODE_STAMP): package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $(NODE_STAMP)

install: $(STAMP) $(NODE_STAMP)

serve: $(STAMP) $(NODE)
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

# The web form at http://127.0.0.1:8000/admin/ against this folder: decap-server (the CMS's local proxy,
# only on 127.0.0.1:8081) writes the files the form saves straight into content/; the live preview shows them.
admin: $(STAMP) $(NODE_STAMP)
	@echo "Webformulier: http://127.0.0.1:8000/admin/ (stoppen met Ctrl+C)"
	@BIND_HOST=127.0.0.1 PORT=8081 GIT_REPO_DIRECTORY="$(CURDIR)" LOG_LEVEL=warn node_modules/.bin/decap-server & \
	  proxy=$$!; trap 'kill $$proxy' EXIT INT TERM; \
	  $(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

build: $(STAMP) $(NODE)
	$(BIN)/mkdocs build --strict --clean

check: $(STAMP)
	$(BIN)/kennisbank check

# Only for the publish workflow on main (.github/workflows/publiceren.yml): add the addresses of the site
# just built to published-urls.txt and commit that to main, so editors never keep the list by hand.
# [skip ci]: the commit does not start another publication.
publish-urls: $(STAMP)
	$(BIN)/kennisbank urls
	@git diff --quiet -- published-urls.txt || { \
	  git -c user.name="github-actions[bot]" -c user.email="41898282+github-actions[bot]@users.noreply.github.com" \
	    commit -m "Gepubliceerde adressen bijgewerkt [skip ci]" -- published-urls.txt && \
	  git pull --rebase origin main && git push origin HEAD:main; }

schema: $(STAMP)
	$(BIN)/kennisbank schema --output schema/kennisbank.schema.json

test: $(STAMP) $(NODE_STAMP)
	$(BIN)/pytest -q

bench: $(STAMP) $(NODE)
	$(BIN)/python -m benchmarks.bench

clean:
	rm -rf site $(VENV)
