# cogwiz — `make test` runs every test on a fresh machine: it installs the
# npm packages the tests use (the Cognito emulator and the test oracles,
# pinned by their lockfiles), vets, tests, checks the release configuration,
# builds this machine's release archive as a snapshot and checks what is
# inside it. `make release-snapshot` builds and checks all six archives.

GO ?= go
GORELEASER_VERSION := v2.15.1
TOOLS := internal/release/bin
GORELEASER := $(TOOLS)/goreleaser-$(GORELEASER_VERSION)

# One set of build flags for everything: the tests, the goreleaser build of
# the release binary and its hooks then share the compiled packages in the
# Go cache, so nothing is compiled twice (the release binary is built with
# -trimpath and without cgo, and so is everything else here).
export CGO_ENABLED := 0
ifeq (,$(findstring -trimpath,$(GOFLAGS)))
export GOFLAGS := $(strip $(GOFLAGS) -trimpath)
endif

# Every folder below internal/ with a package-lock.json holds npm packages
# the tests need; adding such a folder is all it takes for make test to
# install it.
NPM_DIRS := $(patsubst %/package-lock.json,%,$(shell find internal -name package-lock.json -not -path '*/node_modules/*' | sort))
NPM_STAMPS := $(addsuffix /node_modules/.package-lock.json,$(NPM_DIRS))

.PHONY: test setup build vet unit npm emulator godeps release-check release-snapshot release-snapshot-host fuzz bench generate

# Network first, all at once: the npm packages, our Go modules and the
# goreleaser build (its modules download while ours compile). Then the
# checks, one after another, each with both cores.
test: setup
	$(MAKE) --no-print-directory vet unit release-check release-snapshot-host

setup:
	$(MAKE) --no-print-directory -j3 npm godeps $(GORELEASER)

build:
	$(GO) build -o bin/cogwiz ./cmd/cogwiz

vet:
	@test -z "$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go'))" || { echo "gofmt needed:"; gofmt -l .; exit 1; }
	$(GO) vet ./...

unit:
	$(GO) test -count=1 ./...

# Downloads our modules and compiles the packages the tests and vet need.
godeps:
	$(GO) mod download
	$(GO) build ./...

npm: $(NPM_STAMPS)
emulator: npm

%/node_modules/.package-lock.json: %/package.json %/package-lock.json
	npm ci --prefix $* --no-audit --no-fund --loglevel=error

# goreleaser is built once per version into internal/release/bin. It is a
# build tool that checks one file and packs one archive here: it is
# compiled without optimisations, which takes a fraction of the time; the
# standard library keeps the flags of our own build, so it is shared.
$(GORELEASER):
	mkdir -p $(TOOLS)
	GOBIN=$(CURDIR)/$(TOOLS) $(GO) install -ldflags='-s -w' '-gcflags=all=-N -l' '-gcflags=std=' github.com/goreleaser/goreleaser/v2@$(GORELEASER_VERSION)
	mv $(TOOLS)/goreleaser $@

release-check: $(GORELEASER)
	$(GORELEASER) check

# This machine's archive only (make test); release-snapshot builds all six.
release-snapshot-host: $(GORELEASER)
	internal/release/snapshot.sh $(GORELEASER) host

# All six archives, cross-compiled, and checked: each holds the binary, its
# completions and man page, and this machine's binary runs. The first run
# cross-compiles six times (several minutes); later runs use the cache.
release-snapshot: $(GORELEASER)
	internal/release/snapshot.sh $(GORELEASER) all

generate:
	$(GO) generate ./...

# Minimising each new input is capped at 2s: with Go's default (60s) one
# slow-to-shrink input can eat the whole run.
fuzz:
	$(GO) test ./internal/config -run '^$$' -fuzz FuzzLoad -fuzztime 60s -fuzzminimizetime 2s

bench: npm
	$(GO) test -run '^$$' -bench . -benchmem ./...
