package functions

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestBundleChangesOnlyWithTheContent(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	c := project(denylist, allowlist)
	generate(t, dir, c)
	f := Functions(c)[0]
	first, err := BuildBundle(dir, f)
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(first.Zip)
	if first.CodeSHA256 != base64.StdEncoding.EncodeToString(sum[:]) {
		t.Fatal("CodeSHA256 is not the base64 SHA-256 of the zip")
	}

	// Lambda runs index.handler: index.mjs must sit at the zip's root.
	zr, err := zip.NewReader(bytes.NewReader(first.Zip), int64(len(first.Zip)))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, zf := range zr.File {
		names = append(names, zf.Name)
	}
	if want := []string{"email-domain-allowlist.mjs", "email-domain-denylist.mjs", "index.mjs"}; !slices.Equal(names, want) {
		t.Fatalf("zip holds %v, want %v", names, want)
	}

	// New times and an editor's leftovers change nothing.
	index := filepath.Join(dir, f.Dir, "index.mjs")
	if err := os.Chtimes(index, time.Now(), time.Now().Add(-time.Hour)); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, f.Dir, ".index.mjs.swp"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	again, err := BuildBundle(dir, f)
	if err != nil || again.CodeSHA256 != first.CodeSHA256 {
		t.Fatalf("same content, new hash: %v %s %s", err, again.CodeSHA256, first.CodeSHA256)
	}

	// An edit does.
	if err := os.WriteFile(index, []byte(strings.Replace(read(t, index), "run at the same", "run at one", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	edited, err := BuildBundle(dir, f)
	if err != nil || edited.CodeSHA256 == first.CodeSHA256 {
		t.Fatalf("edited content, same hash: %v", err)
	}
}

func TestBundleRefusesALink(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	c := project(addToGroup)
	generate(t, dir, c)
	f := Functions(c)[0]
	if err := os.Symlink(filepath.Join(t.TempDir(), "credentials"), filepath.Join(dir, f.Dir, "config.json")); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
	if _, err := BuildBundle(dir, f); err == nil || !strings.Contains(err.Error(), "is a link") {
		t.Fatalf("err = %v", err)
	}
}
