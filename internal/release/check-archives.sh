#!/usr/bin/env bash
# Checks the archives `goreleaser release --snapshot --clean` left in dist/:
# by default six of them (linux, darwin, windows × amd64, arm64), or the
# targets named after the directory (make test builds only this machine's),
# each holding the binary, the four shell completions and the man page; the
# binary for this machine answers --version.
set -euo pipefail
dist=${1:-dist}
want=(linux_amd64 linux_arm64 darwin_amd64 darwin_arm64 windows_amd64 windows_arm64)
if [ $# -gt 1 ]; then
	want=("${@:2}")
fi
host="$(go env GOOS)_$(go env GOARCH)"
fail=0
for target in "${want[@]}"; do
	archive=$(ls "$dist"/cogwiz_*_"$target".tar.gz "$dist"/cogwiz_*_"$target".zip 2>/dev/null | head -n1 || true)
	if [ -z "$archive" ]; then
		echo "missing archive for $target"; fail=1; continue
	fi
	tmp=$(mktemp -d)
	case "$archive" in
	*.zip) (cd "$tmp" && unzip -q "$OLDPWD/$archive") ;;
	*) tar -xzf "$archive" -C "$tmp" ;;
	esac
	bin=cogwiz; [ "${target%%_*}" = windows ] && bin=cogwiz.exe
	for f in "$bin" completions/cogwiz.bash completions/cogwiz.zsh completions/cogwiz.fish completions/cogwiz.ps1 manpages/cogwiz.1 LICENSE README.md; do
		[ -s "$tmp/$f" ] || { echo "$archive: $f missing or empty"; fail=1; }
	done
	if [ "$target" = "$host" ]; then
		out=$("$tmp/$bin" --version)
		case "$out" in cogwiz\ *) echo "$archive: runs: $out" ;; *) echo "$archive: --version printed '$out'"; fail=1 ;; esac
	fi
	rm -rf "$tmp"
	echo "$archive: ok"
done
[ -s "$dist/checksums.txt" ] || { echo "checksums.txt missing"; fail=1; }
exit $fail
