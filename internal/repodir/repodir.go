// Package repodir finds folders of this repository from a test's working
// directory, for the test tooling that needs files beside the Go code (the
// npm packages of the emulator and the oracles).
package repodir

import (
	"fmt"
	"os"
	"path/filepath"
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
