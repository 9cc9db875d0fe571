package docshots

import (
	"github.com/cogwiz/cogwiz/internal/cmdutil/cmdtest"
	"os"
	"path/filepath"
	"testing"

	"github.com/cogwiz/cogwiz/internal/cmd/root"
)

// asCogwiz set in the environment makes the test binary run as cogwiz
// itself, so the docs' shell steps call the code under test without a
// separate go build.
const asCogwiz = "DOCSHOTS_AS_COGWIZ"

func TestMain(m *testing.M) {
	if os.Getenv(asCogwiz) == "1" {
		os.Exit(root.Main("dev", os.Args[1:]))
	}
	os.Exit(cmdtest.IsolateHome(m))
}

// cogwizOnPath returns a directory holding a "cogwiz" that is this test
// binary, and the environment entry that makes it act as cogwiz.
func cogwizOnPath(t *testing.T) (dir, env string) {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	dir = t.TempDir()
	if err := os.Symlink(exe, filepath.Join(dir, "cogwiz")); err != nil {
		t.Fatal(err)
	}
	return dir, asCogwiz + "=1"
}
