package config

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestWriteFileAtomic(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := filepath.Join(dir, "cognito.yaml")
	if err := WriteFileAtomic(path, []byte("one\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, 0o640); err != nil {
		t.Fatal(err)
	}
	if err := WriteFileAtomic(path, []byte("two\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(path)
	if err != nil || string(got) != "two\n" {
		t.Errorf("content %q, %v; want %q", got, err, "two\n")
	}
	// perm is for a new file; the file written over keeps its mode.
	if fi, err := os.Stat(path); err != nil || fi.Mode().Perm() != 0o640 {
		t.Errorf("mode %v, %v; want 0640", fi.Mode(), err)
	}
	assertOnlyFiles(t, dir, "cognito.yaml")
}

func TestWriteFileAtomicKeepsSymlink(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	real := filepath.Join(dir, "real.yaml")
	link := filepath.Join(dir, "cognito.yaml")
	if err := os.WriteFile(real, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("real.yaml", link); err != nil {
		t.Skipf("symlinks unavailable: %v", err)
	}
	if err := WriteFileAtomic(link, []byte("new"), 0o644); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link was replaced by a file")
	}
	if got, _ := os.ReadFile(real); string(got) != "new" {
		t.Errorf("target content %q, want %q", got, "new")
	}
}

// TestWriteFileAtomicFailures makes each step fail and checks the old
// file is byte-identical and no temp file is left behind. It swaps package
// seams, so it does not run in parallel.
func TestWriteFileAtomicFailures(t *testing.T) {
	boom := errors.New("disk on fire")
	tests := []struct {
		name  string
		setup func()
	}{
		{"write fails halfway", func() {
			writeTemp = func(f *os.File, data []byte) (int, error) {
				n, _ := f.Write(data[:len(data)/2])
				return n, boom
			}
		}},
		{"short write", func() {
			writeTemp = func(f *os.File, data []byte) (int, error) { return f.Write(data[:1]) }
		}},
		{"sync fails", func() { syncTemp = func(*os.File) error { return boom } }},
		{"rename fails", func() { renameTemp = func(string, string) error { return boom } }},
	}
	old := []byte("version: 1\nresource_name: Keep\n")
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w, s, r := writeTemp, syncTemp, renameTemp
			defer func() { writeTemp, syncTemp, renameTemp = w, s, r }()
			dir := t.TempDir()
			path := filepath.Join(dir, "cognito.yaml")
			if err := os.WriteFile(path, old, 0o644); err != nil {
				t.Fatal(err)
			}
			tt.setup()
			err := WriteFileAtomic(path, bytes.Repeat([]byte("new content\n"), 1000), 0o644)
			if err == nil || !strings.HasPrefix(err.Error(), "writing "+path+": ") {
				t.Errorf("error %v, want one naming the file", err)
			}
			if got, _ := os.ReadFile(path); !bytes.Equal(got, old) {
				t.Errorf("the old file changed: %q", got)
			}
			assertOnlyFiles(t, dir, "cognito.yaml")
		})
	}
}

func TestWriteFileAtomicRefuses(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	if err := WriteFileAtomic(dir, []byte("x"), 0o644); err == nil || !strings.Contains(err.Error(), "is a directory") {
		t.Errorf("writing over a directory: %v", err)
	}
	if err := WriteFileAtomic(filepath.Join(dir, "missing", "cognito.yaml"), []byte("x"), 0o644); err == nil {
		t.Error("writing into a missing directory should fail")
	}
	assertOnlyFiles(t, dir)
}

func assertOnlyFiles(t *testing.T, dir string, want ...string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range entries {
		got = append(got, e.Name())
	}
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("files in dir: %q, want %q", got, want)
	}
}
