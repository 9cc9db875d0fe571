package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The generator documents the real command tree: a page per command, the
// version in the footer, nothing else left in the directory.
func TestManWritesOnePagePerCommand(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "manpages")
	var stderr bytes.Buffer
	if code := run([]string{"-version", "1.2.3", dir}, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	page, err := os.ReadFile(filepath.Join(dir, "cogwiz-plan.1"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(page), "cogwiz 1.2.3") || !strings.Contains(string(page), "--detailed-exitcode") {
		t.Errorf("the plan page lacks the version or the command's flags:\n%s", page)
	}
	entries, _ := os.ReadDir(dir)
	names := map[string]bool{}
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".1") {
			t.Errorf("unexpected %s in the output directory", e.Name())
		}
		names[e.Name()] = true
	}
	for _, want := range []string{"cogwiz.1", "cogwiz-init.1", "cogwiz-completion-bash.1", "cogwiz-users-list.1"} {
		if !names[want] {
			t.Errorf("no %s among %v", want, names)
		}
	}
}

func TestManNeedsADirectory(t *testing.T) {
	var stderr bytes.Buffer
	if code := run(nil, &stderr); code != 2 || !strings.Contains(stderr.String(), "usage:") {
		t.Errorf("exit %d, stderr %q: want 2 and the usage", code, stderr.String())
	}
}
