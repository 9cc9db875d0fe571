// Package repodir finds folders of this repository from a test's working
// directory, for the test tooling that needs files beside the Go code (the
// npm packages of the emulator and the oracles), and checks that those npm
// packages are installed.
package repodir

import (
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// Find returns the path rel (slash-separated parts) below the repository
// root: the first folder above the working directory that holds go.mod.
func Find(rel ...string) (string, error) {
	wd, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for dir := wd; ; dir = filepath.Dir(dir) {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return filepath.Join(append([]string{dir}, rel...)...), nil
		}
		if filepath.Dir(dir) == dir {
			return "", fmt.Errorf("go.mod not found above %s", wd)
		}
	}
}

// NodePackages returns the folder dir (slash-separated, below the
// repository root) once node is on PATH and every dependency its
// package.json pins is installed in its node_modules. Otherwise it skips
// tb with the command that installs them, or fails tb under CI=true: there
// a skipped check would pass unseen.
func NodePackages(tb testing.TB, dir string) string {
	tb.Helper()
	abs, err := nodePackages(dir)
	if err != nil {
		if os.Getenv("CI") != "" {
			tb.Fatalf("the npm packages of %s are not available: %v", dir, err)
		} else {
			tb.Skipf("the npm packages of %s are not available (%v); run `make test` or `npm ci --prefix %s`", dir, err, dir)
		}
	}
	return abs
}

// nodePackages says why the packages of dir cannot run, or returns its path.
func nodePackages(dir string) (string, error) {
	abs, err := Find(strings.Split(dir, "/")...)
	if err != nil {
		return "", err
	}
	if _, err := exec.LookPath("node"); err != nil {
		return abs, fmt.Errorf("node not found on PATH")
	}
	data, err := os.ReadFile(filepath.Join(abs, "package.json"))
	if err != nil {
		return abs, err
	}
	var pkg struct{ Dependencies map[string]string }
	if err := json.Unmarshal(data, &pkg); err != nil {
		return abs, fmt.Errorf("%s: %w", filepath.Join(abs, "package.json"), err)
	}
	if len(pkg.Dependencies) == 0 {
		return abs, fmt.Errorf("%s pins no dependencies", filepath.Join(abs, "package.json"))
	}
	for _, p := range slices.Sorted(maps.Keys(pkg.Dependencies)) {
		if _, err := os.Stat(filepath.Join(abs, "node_modules", filepath.FromSlash(p), "package.json")); err != nil {
			return abs, fmt.Errorf("%s is not installed in %s", p, abs)
		}
	}
	return abs, nil
}
