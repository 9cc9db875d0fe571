package initcmd_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cogwiz/cogwiz/internal/iostreams"
)

// --answers is as strict as cognito.yaml: a key written twice is an error
// naming both lines (the YAML library kept the last one silently), and a
// rejected answer is placed at its file:line:col.
func TestInitAnswersPlacesEveryProblem(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	for name, c := range map[string]struct{ answers, want string }{
		"duplicate key":  {"mode: manual\nsign_in: email\nmode: defaults\n", `:3:1: duplicate key "mode" (first written at line 1)`},
		"rejected value": {"mode: defaultSocial\ndomain_prefix: my-cognito\n", `:2:16: answer for domain_prefix: `},
		"not yes or no":  {"mode: manual\nsign_in: email\ndeletion_protection: maybe\n", `:3:22: answer for deletion_protection: want yes or no, got maybe`},
		"NUL byte":       {"mode: manual\nsign_in: \"a\x00b\"\n", `:2:12: the file contains a NUL byte (0x00), which YAML does not allow`},
		"invalid UTF-8":  {"mode: manual\n# caf\xe9\n", `:2:6: byte 0xE9 is not valid UTF-8`},
	} {
		answers := filepath.Join(dir, strings.ReplaceAll(name, " ", "-")+".yaml")
		if err := os.WriteFile(answers, []byte(c.answers), 0o644); err != nil {
			t.Fatal(err)
		}
		file := filepath.Join(dir, strings.ReplaceAll(name, " ", "-")+"-cognito.yaml")
		ios, _, _, _ := iostreams.Test()
		err := runInit(t, ios, nil, file, "--answers", answers)
		if err == nil || !strings.HasPrefix(err.Error(), answers+c.want) {
			t.Errorf("%s: err %v, want it to start with %q", name, err, answers+c.want)
		}
		if _, serr := os.Stat(file); serr == nil {
			t.Errorf("%s: a failed --answers run wrote %s", name, file)
		}
	}
}

// A file written over keeps its mode: `init --force` over a 0600 file
// left it 0644.
func TestInitForceKeepsTheFileMode(t *testing.T) {
	t.Parallel()
	file := filepath.Join(t.TempDir(), "cognito.yaml")
	if err := os.WriteFile(file, []byte("version: 1\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(file, 0o600); err != nil {
		t.Fatal(err)
	}
	ios, _, _, _ := iostreams.Test()
	if err := runInit(t, ios, nil, file, "--defaults", "--force"); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Stat(file); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, %v; want 0600 as before", fi.Mode(), err)
	}
}

// -f - writes the file to stdout and nothing else there.
func TestInitToStdout(t *testing.T) {
	t.Parallel()
	ios, _, stdout, stderr := iostreams.Test()
	if err := runInit(t, ios, nil, "-", "--defaults"); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(stdout.String(), "# yaml-language-server:") || stderr.Len() != 0 {
		t.Errorf("stdout %.60q…, stderr %q", stdout.String(), stderr.String())
	}
}
