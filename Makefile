# cogwiz — `make test` runs every test on a fresh machine: it installs the
# Cognito emulator the integration tests talk to (npm ci, pinned by the
# lockfile), vets, tests, checks the release configuration, builds the six
# release archives as a snapshot and checks what is inside them.

GO ?= go
GORELEASER ?= github.com/goreleaser/goreleaser/v2@v2.15.1
EMULATOR := internal/emulator
EMULATOR_STAMP := $(EMULATOR)/node_modules/.package-lock.json

.PHONY: test build vet unit emulator release-check release-snapshot fuzz bench generate

test: emulator vet unit release-check release-snapshot

build:
	$(GO) build -o bin/cogwiz ./cmd/cogwiz

vet:
	@test -z "$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go'))" || { echo "gofmt needed:"; gofmt -l .; exit 1; }
	$(GO) vet ./...

unit:
	$(GO) test -count=1 ./...

emulator: $(EMULATOR_STAMP)

$(EMULATOR_STAMP): $(EMULATOR)/package.json $(EMULATOR)/package-lock.json internal/export/oracle/package-lock.json
	npm ci --prefix $(EMULATOR) --no-audit --no-fund --loglevel=error
	npm ci --prefix internal/functions/jsenv --no-audit --no-fund --loglevel=error
	npm ci --prefix internal/export/oracle --no-audit --no-fund --loglevel=error

release-check:
	$(GO) run $(GORELEASER) check

# Builds all six archives locally and checks them: each holds the binary,
# its completions and man page, and this machine's binary runs. The first
# run cross-compiles six times (a few minutes); later runs use the cache.
release-snapshot:
	$(GO) run $(GORELEASER) release --snapshot --clean
	internal/release/check-archives.sh dist

generate:
	$(GO) generate ./...

# Minimising each new input is capped at 2s: with Go's default (60s) one
# slow-to-shrink input can eat the whole run.
fuzz:
	$(GO) test ./internal/config -run '^$$' -fuzz FuzzLoad -fuzztime 60s -fuzzminimizetime 2s

bench: emulator
	$(GO) test -run '^$$' -bench . -benchmem ./...
