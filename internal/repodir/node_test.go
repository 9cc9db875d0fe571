package repodir

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// outcome records what NodePackages did to a test instead of ending it.
type outcome struct {
	testing.TB
	skipped, failed string
}

func (o *outcome) Helper() {}

func (o *outcome) Skipf(format string, args ...any) { o.skipped = fmt.Sprintf(format, args...) }

func (o *outcome) Fatalf(format string, args ...any) { o.failed = fmt.Sprintf(format, args...) }

// A module with a folder whose package.json pins one package, and a node
// on PATH that is only a file: NodePackages checks that node is there,
// not what it runs.
func nodeModule(t *testing.T) string {
	t.Helper()
	root, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	write := func(rel, content string, mode os.FileMode) {
		t.Helper()
		p := filepath.Join(root, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), mode); err != nil {
			t.Fatal(err)
		}
	}
	write("go.mod", "module example.com/m\n", 0o644)
	write("tools/js/package.json", `{"dependencies": {"@scope/lib": "1.0.0"}}`, 0o644)
	node := "bin/node"
	if runtime.GOOS == "windows" {
		node += ".exe"
	}
	write(node, "", 0o755)
	t.Setenv("PATH", filepath.Join(root, "bin"))
	t.Chdir(root)
	return root
}

func TestNodePackagesFailsUnderCIWhenAPackageIsMissing(t *testing.T) {
	nodeModule(t)
	t.Setenv("CI", "true")
	var o outcome
	NodePackages(&o, "tools/js")
	if o.failed == "" || o.skipped != "" {
		t.Errorf("under CI=true a missing package must fail the test: failed %q, skipped %q", o.failed, o.skipped)
	}
}

func TestNodePackagesSkipsLocallyWithTheInstallCommand(t *testing.T) {
	nodeModule(t)
	t.Setenv("CI", "")
	var o outcome
	NodePackages(&o, "tools/js")
	if o.failed != "" || o.skipped == "" {
		t.Fatalf("a missing package must skip the test locally: failed %q, skipped %q", o.failed, o.skipped)
	}
	for _, want := range []string{"@scope/lib is not installed", "npm ci --prefix tools/js"} {
		if !strings.Contains(o.skipped, want) {
			t.Errorf("the skip says %q, not %q", o.skipped, want)
		}
	}
}

func TestNodePackagesReturnsTheFolderOnceInstalled(t *testing.T) {
	root := nodeModule(t)
	t.Setenv("CI", "true")
	installed := filepath.Join(root, "tools", "js", "node_modules", "@scope", "lib", "package.json")
	if err := os.MkdirAll(filepath.Dir(installed), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(installed, []byte(`{"name": "@scope/lib"}`), 0o644); err != nil {
		t.Fatal(err)
	}
	var o outcome
	got := NodePackages(&o, "tools/js")
	if o.failed != "" || o.skipped != "" {
		t.Fatalf("failed %q, skipped %q", o.failed, o.skipped)
	}
	if want := filepath.Join(root, "tools", "js"); got != want {
		t.Errorf("NodePackages = %s, want %s", got, want)
	}
}

func TestNodePackagesFailsUnderCIWithoutNode(t *testing.T) {
	nodeModule(t)
	t.Setenv("PATH", t.TempDir())
	t.Setenv("CI", "true")
	var o outcome
	NodePackages(&o, "tools/js")
	if !strings.Contains(o.failed, "node not found") {
		t.Errorf("without node under CI=true: failed %q, skipped %q", o.failed, o.skipped)
	}
}
