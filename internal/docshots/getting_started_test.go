package docshots

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/cogwiz/cogwiz/internal/emulator"
)

// docEndpoint is the emulator address the docs use; the test's emulator
// listens on a free port instead.
const docEndpoint = "http://127.0.0.1:9229"

// TestGettingStarted runs every shell block of docs/getting-started.md
// marked <!-- test -->, in order and in one shell, with a freshly built
// cogwiz on PATH, against a fresh emulator. Any failing command fails the
// test and names the block.
func TestGettingStarted(t *testing.T) {
	t.Parallel()
	root := repoRoot(t)
	md, err := os.ReadFile(filepath.Join(root, "docs", "getting-started.md"))
	if err != nil {
		t.Fatal(err)
	}
	var script strings.Builder
	script.WriteString("set -euo pipefail\n")
	n := 0
	for _, b := range Blocks(md) {
		if b.Marker != "test" {
			continue
		}
		if b.Lang != "sh" {
			t.Fatalf("getting-started.md:%d: a <!-- test --> block must be ```sh, not %q", b.Line, b.Lang)
		}
		n++
		fmt.Fprintf(&script, "echo \">>> getting-started.md:%d\" >&2\n", b.Line)
		script.WriteString(b.Text)
	}
	// The guide must keep walking through the whole flow.
	for _, want := range []string{"cogwiz init", "cogwiz validate", "cogwiz plan", "cogwiz apply", "cogwiz try", "cogwiz destroy"} {
		if !strings.Contains(script.String(), want) {
			t.Errorf("no tested block runs %q", want)
		}
	}
	if n == 0 {
		t.Fatal("no <!-- test --> blocks found")
	}

	binDir, asEnv := cogwizOnPath(t)
	srv := emulator.Start(t)
	text := strings.ReplaceAll(script.String(), docEndpoint, srv.Endpoint)

	work := t.TempDir()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, "bash", "-c", text)
	cmd.Dir = work
	cmd.Env = append(cleanEnv(), asEnv, "PATH="+binDir+string(os.PathListSeparator)+os.Getenv("PATH"), "HOME="+work, "NO_COLOR=1")
	var out bytes.Buffer
	cmd.Stdout = &out
	cmd.Stderr = &out
	err = cmd.Run()
	if err != nil {
		t.Fatalf("the getting-started steps failed: %v\n%s\nemulator log:\n%s", err, out.String(), srv.Log())
	}
	// Spot checks that the steps did what the guide says they do.
	for _, want := range []string{
		"Plan: 2 to add, 0 to change, 0 to delete, 0 blocked.",
		"Apply complete: Cognito matches the file.",
		"No changes. Cognito matches the file.",
		"~ auth_flows:",
		"ada@example.com",
		"Destroyed user pool myappuserpool", // my-app plus the random suffix
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
}

// cleanEnv drops the AWS settings of the machine running the tests, so the
// guide's own exports are the only ones in force.
func cleanEnv() []string {
	var env []string
	for _, kv := range os.Environ() {
		k, _, _ := strings.Cut(kv, "=")
		if strings.HasPrefix(k, "AWS_") || k == "PATH" || k == "HOME" {
			continue
		}
		env = append(env, kv)
	}
	return env
}

// repoRoot is the directory holding go.mod, two levels up.
func repoRoot(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		t.Fatalf("repository root not found: %v", err)
	}
	return root
}
