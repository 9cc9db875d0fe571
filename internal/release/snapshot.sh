#!/usr/bin/env bash
# Builds the snapshot release: `snapshot.sh GORELEASER all` builds the six
# archives of .goreleaser.yaml; `snapshot.sh GORELEASER host` only this
# machine's (make test), from a copy of the configuration narrowed to this
# machine's GOOS and GOARCH, so a test run cross-compiles nothing. Then the
# archives are checked (check-archives.sh).
set -euo pipefail
goreleaser=$1
targets=${2:-all}
cd "$(dirname "$0")/../.."
config=.goreleaser.yaml
if [ "$targets" = host ]; then
	goos=$(go env GOOS)
	goarch=$(go env GOARCH)
	tmp=$(mktemp -d)
	trap 'rm -rf "$tmp"' EXIT
	config=$tmp/goreleaser.yaml
	sed -e "s/^\(    goos: \)\[.*\]$/\1[$goos]/" -e "s/^\(    goarch: \)\[.*\]$/\1[$goarch]/" .goreleaser.yaml >"$config"
	# The two lines must have been there to narrow: fail rather than
	# quietly build everything.
	if [ "$(grep -c -e "^    goos: \[$goos\]$" -e "^    goarch: \[$goarch\]$" "$config")" != 2 ]; then
		echo "snapshot.sh: .goreleaser.yaml has no 'goos: [...]' and 'goarch: [...]' lines under builds to narrow" >&2
		exit 1
	fi
fi
"$goreleaser" release --snapshot --clean --config "$config"
if [ "$targets" = host ]; then
	internal/release/check-archives.sh dist "${goos}_${goarch}"
else
	internal/release/check-archives.sh dist
fi
