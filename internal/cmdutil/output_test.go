package cmdutil

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cogwiz/cogwiz/internal/iostreams"
)

// "-" and the paths that name stdout or stderr are written through the
// streams: never reopened, read back or replaced.
func TestCheckOutputStandardStreams(t *testing.T) {
	t.Parallel()
	for path, want := range map[string]string{"-": "out", "/dev/stdout": "out", "/dev/fd/1": "out", "/proc/self/fd/1": "out", "/dev/stderr": "err", "/dev/fd/2": "err"} {
		ios, _, stdout, stderr := iostreams.Test()
		out, err := CheckOutput(ios, path)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		if out.Exists() || out.IsFile() {
			t.Errorf("%s: counted as a file", path)
		}
		if head, err := out.Head(10); head != nil || err != nil {
			t.Errorf("%s: Head read %q, %v", path, head, err)
		}
		if err := out.Write(context.Background(), []byte("data"), 0o644, false); err != nil {
			t.Fatal(err)
		}
		got := map[string]string{"out": stdout.String(), "err": stderr.String()}
		if got[want] != "data" || out.IsStdout() != (want == "out") {
			t.Errorf("%s: stdout %q, stderr %q", path, stdout, stderr)
		}
	}
}

// Without replace an existing file is left alone, with the --force hint.
func TestOutputWriteWithoutReplace(t *testing.T) {
	t.Parallel()
	ios, _, _, _ := iostreams.Test()
	path := filepath.Join(t.TempDir(), "cognito.yaml")
	out, err := CheckOutput(ios, path)
	if err != nil || out.Exists() || !out.IsFile() {
		t.Fatalf("a new file: %+v, %v", out, err)
	}
	if err := out.Write(context.Background(), []byte("first"), 0o644, false); err != nil {
		t.Fatal(err)
	}
	err = out.Write(context.Background(), []byte("second"), 0o644, false)
	var ee *ExitError
	if !errors.Is(err, fs.ErrExist) || !errors.As(err, &ee) || err.Error() != path+" already exists" || !strings.Contains(ee.Hint, "--force") {
		t.Errorf("err %v, want %q with a --force hint", err, path+" already exists")
	}
	if got, _ := os.ReadFile(path); string(got) != "first" {
		t.Errorf("the file holds %q", got)
	}
	out, _ = CheckOutput(ios, path)
	if head, err := out.Head(3); !out.Exists() || string(head) != "fir" || err != nil {
		t.Errorf("Head = %q, %v", head, err)
	}
}

// A directory is refused before any work, with the fix as a hint.
func TestCheckOutputRefusesADirectory(t *testing.T) {
	t.Parallel()
	ios, _, _, _ := iostreams.Test()
	dir := t.TempDir()
	_, err := CheckOutput(ios, dir)
	var ee *ExitError
	if !errors.As(err, &ee) || err.Error() != "cannot write to "+dir+": it is a directory" || !strings.Contains(ee.Hint, "- for stdout") {
		t.Errorf("err %v", err)
	}
}
