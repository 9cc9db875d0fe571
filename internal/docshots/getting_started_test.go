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
	"github.com/cogwiz/cogwiz/internal/outputs/clientjs"
	"github.com/cogwiz/cogwiz/internal/repodir"
)

// docEndpoint is the emulator address the docs use; the test's emulator
// listens on a free port instead.
const docEndpoint = "http://127.0.0.1:9229"

// TestGettingStarted runs every shell block of docs/getting-started.md
// marked <!-- test -->, in order and in one shell, against a fresh
// emulator, from where the guide puts the reader: it starts in this
// repository as in a clone, where the block marked <!-- test: clone -->
// installs cogwiz with go install and puts it on PATH as the guide says
// (into a GOPATH of the test's own), and the later blocks cd on from
// there. Any failing command fails the test and names the block.
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
	installs := 0
	for _, b := range Blocks(md) {
		if b.Marker == "test: clone" {
			installs++
		} else if b.Marker != "test" {
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
	for _, want := range []string{"cogwiz init", "cogwiz validate", "cogwiz plan", "cogwiz apply", "cogwiz try", "cogwiz outputs amplify_outputs.json", "node sign-in.mjs", "cogwiz destroy"} {
		if !strings.Contains(script.String(), want) {
			t.Errorf("no tested block runs %q", want)
		}
	}
	if n == 0 {
		t.Fatal("no <!-- test --> blocks found")
	}
	if installs != 1 {
		t.Fatalf("%d blocks marked <!-- test: clone -->, want the one that installs cogwiz from a clone", installs)
	}

	srv := emulator.Start(t)
	text := strings.ReplaceAll(script.String(), docEndpoint, srv.Endpoint)

	// go install writes into GOPATH/bin: a GOPATH of the test's own, with
	// the module and build caches of this run, so nothing is downloaded
	// and only the link is new.
	gopath := t.TempDir()
	caches := goEnv(t, "GOMODCACHE", "GOCACHE")
	work := t.TempDir()
	// The guide's `npm install aws-amplify@6` (not run here): the app's
	// node_modules is the one the client library tests install, pinned.
	app := filepath.Join(work, "my-app")
	if err := os.MkdirAll(app, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(clientjs.Modules(t), filepath.Join(app, "node_modules")); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, "bash", "-c", text)
	cmd.Dir = root
	cmd.Env = append(cleanEnv(), "PATH="+os.Getenv("PATH"), "HOME="+work, "NO_COLOR=1",
		"GOPATH="+gopath, "GOBIN=", "GOMODCACHE="+caches[0], "GOCACHE="+caches[1])
	var out bytes.Buffer
	cmd.Stdout = &out
	cmd.Stderr = &out
	err = cmd.Run()
	if err != nil {
		t.Fatalf("the getting-started steps failed: %v\n%s\nemulator log:\n%s", err, out.String(), srv.Log())
	}
	if _, err := os.Stat(filepath.Join(gopath, "bin", "cogwiz")); err != nil {
		t.Errorf("the guide's go install did not put cogwiz in GOPATH/bin: %v", err)
	}
	if _, err := os.Stat(filepath.Join(root, "my-app")); err == nil {
		t.Errorf("the guide made my-app inside the clone")
	}
	// Spot checks that the steps did what the guide says they do.
	for _, want := range []string{
		"cogwiz dev",
		"Plan: 2 to add, 0 to change, 0 to delete, 0 blocked.",
		"Apply complete: Cognito matches the file.",
		"No changes. Cognito matches the file.",
		"~ auth_flows:",
		"ada@example.com",
		"outputs written to amplify_outputs.json (amplify)",
		"signed in as grace (grace@example.com)",
		"Destroyed user pool myappuserpool", // my-app plus the random suffix
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
}

// goEnv reads go env values of the test's own environment.
func goEnv(t *testing.T, names ...string) []string {
	t.Helper()
	out, err := exec.Command("go", append([]string{"env"}, names...)...).Output()
	if err != nil {
		t.Fatalf("go env: %v", err)
	}
	vals := strings.Split(strings.TrimRight(string(out), "\n"), "\n")
	if len(vals) != len(names) {
		t.Fatalf("go env %v: %q", names, out)
	}
	return vals
}

// cleanEnv drops the AWS settings of the machine running the tests, so the
// guide's own exports are the only ones in force.
func cleanEnv() []string {
	var env []string
	for _, kv := range os.Environ() {
		k, _, _ := strings.Cut(kv, "=")
		if strings.HasPrefix(k, "AWS_") || k == "PATH" || k == "HOME" || k == "GOPATH" || k == "GOBIN" {
			continue
		}
		env = append(env, kv)
	}
	return env
}

// repoRoot is the directory holding go.mod.
func repoRoot(t *testing.T) string {
	t.Helper()
	root, err := repodir.Find()
	if err != nil {
		t.Fatalf("repository root not found: %v", err)
	}
	return root
}
