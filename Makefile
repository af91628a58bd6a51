# Taqrir — build, serve and test. Every tool step installs what is missing and skips what is there.
#   make run    build the release app and serve it at http://127.0.0.1:8080
#   make test   run every test (native unit/property tests, storage in Chromium, then end to end)
#   make bench  measure size and speed against the budgets in bench/bench.mjs

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)

TRUNK_VERSION := 0.21.14
WASM_BINDGEN_VERSION := $(shell sed -n '/^name = "wasm-bindgen"$$/{n;s/^version = "\(.*\)"/\1/p}' Cargo.lock)
PORT ?= 8080

.PHONY: run test bench build tools rust-tools node-tools chromium libreoffice lint unit wasm-unit e2e golden word-screenshots clean

run: build
	@echo "Serving Taqrir at http://127.0.0.1:$(PORT)"
	python3 -m http.server $(PORT) --bind 127.0.0.1 --directory dist

test: tools lint unit wasm-unit build e2e

# Formatting and lints on both targets: what fails here does not land.
lint: rust-tools
	cargo fmt --check
	cargo clippy --locked --all-targets -- -D warnings
	cargo clippy --locked --target wasm32-unknown-unknown --lib --bins --test web_storage -- -D warnings

# Timings are not tests: the bench is separate from `make test` (its harness is tested there).
bench: tools build
	node bench/bench.mjs --dist dist --runs $(or $(RUNS),5)

# The release app in dist/, with .gz and .br beside its hashed files for hosts that serve them.
build: rust-tools node-tools
	cargo fetch --locked --quiet
	trunk build --release
	node tools/precompress.mjs dist

# The Word export is read back by LibreOffice (tests/docx_export.rs).
unit: libreoffice
	cargo test --locked

# The storage adapter against the browser's real local storage, in Chromium (wasm-bindgen-test;
# webdriver.json carries Chromium's flags for this machine).
wasm-unit: rust-tools chromium
	CHROMEDRIVER=/usr/bin/chromedriver CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
	  cargo test --locked --target wasm32-unknown-unknown --test web_storage

e2e: chromium node-tools
	playwright test

# Rewrites the golden HTML files from the exporter; review the diff before committing it.
# A test run never writes them: the writer is an ignored test, run only here.
golden:
	cargo test --locked --test html_export write_golden_files -- --ignored --exact

# Renders the first page of the English and the Arabic sample's Word file, as LibreOffice shows
# it, to docs/screenshots/ (pdftoppm is Debian's poppler-utils).
word-screenshots: libreoffice
	cargo test --locked --test docx_export write_word_samples -- --ignored --exact
	soffice -env:UserInstallation=file://$(CURDIR)/target/word-samples/profile --headless \
	  --convert-to pdf --outdir target/word-samples target/word-samples/english.docx target/word-samples/arabic.docx
	mkdir -p docs/screenshots
	for sample in english arabic; do \
	  pdftoppm -png -r 60 -f 1 -l 1 -singlefile target/word-samples/$$sample.pdf docs/screenshots/word-$$sample; done

tools: rust-tools node-tools chromium libreoffice

rust-tools:
	@rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
	@trunk --version 2>/dev/null | grep -q " $(TRUNK_VERSION)$$" || cargo install trunk --version $(TRUNK_VERSION) --locked
	@wasm-bindgen --version 2>/dev/null | grep -q " $(WASM_BINDGEN_VERSION)$$" || cargo install wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION)

node-tools:
	@[ -x node_modules/.bin/wasm-opt ] && [ -x node_modules/.bin/playwright ] && [ -f node_modules/axe-core/axe.min.js ] \
	  || npm ci --no-audit --no-fund

chromium:
	@[ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ] || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq chromium chromium-driver; }

# An independent reader of the Word files the app writes (headless, no GUI).
libreoffice:
	@command -v soffice >/dev/null || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq libreoffice-writer-nogui; }

clean:
	rm -rf dist target test-results
