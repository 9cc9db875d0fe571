package repodir

import (
	"os"
	"path/filepath"
	"testing"
)

func TestFindWalksUpToTheModule(t *testing.T) {
	got, err := Find("internal", "repodir", "repodir.go")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(got); err != nil {
		t.Errorf("Find gave %s, which does not exist: %v", got, err)
	}
	if !filepath.IsAbs(got) {
		t.Errorf("Find gave a relative path %s", got)
	}
}

func TestFindOutsideAModule(t *testing.T) {
	wd, _ := os.Getwd()
	t.Chdir(t.TempDir())
	if _, err := Find("x"); err == nil {
		t.Errorf("Find found a module above a temporary directory (from %s)", wd)
	}
}
