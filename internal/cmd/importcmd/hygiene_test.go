package importcmd

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A cli-inputs.json that holds null, {} or a list imported "successfully"
// with every default. Each is an error naming the file and what is
// missing, and nothing is written.
func TestImportAmplifyRefusesFilesWithoutSettings(t *testing.T) {
	t.Parallel()
	for content, want := range map[string]string{
		"null":                        "the file holds JSON null: want the JSON object of an auth resource's settings",
		"{}":                          "no auth resource settings: the file has none of resourceName, serviceName, authSelections, userPoolName",
		`{"cognitoConfig": {}}`:       "no auth resource settings",
		`[{"resourceName": "a"}]`:     "the file holds a JSON array",
		`{"version": "1", "x": true}`: "no auth resource settings",
	} {
		dir := t.TempDir()
		in := filepath.Join(dir, "cli-inputs.json")
		if err := os.WriteFile(in, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		out := filepath.Join(dir, "cognito.yaml")
		f, _ := factory()
		r := run(t, f, "amplify", in, "-o", out)
		if r.err == nil || !strings.Contains(r.err.Error(), in+": "+want) {
			t.Errorf("%s: err %v, want %q", content, r.err, in+": "+want)
		}
		if _, err := os.Stat(out); err == nil {
			t.Errorf("%s: a file was written", content)
		}
	}
}

// Editors on Windows start JSON with a byte order mark, which gave
// "invalid character 'ï'". UTF-8 with a BOM imports; UTF-16 says what it
// is.
func TestImportAmplifyByteOrderMarks(t *testing.T) {
	t.Parallel()
	src, err := os.ReadFile(filepath.Join(fixtures, "default", "amplify", "backend", "auth", "shopapp1a2b3c4d", "cli-inputs.json"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	withBOM := filepath.Join(dir, "bom.json")
	if err := os.WriteFile(withBOM, append([]byte("\xEF\xBB\xBF"), src...), 0o644); err != nil {
		t.Fatal(err)
	}
	f, _ := factory()
	if r := run(t, f, "amplify", withBOM, "-o", filepath.Join(dir, "a.yaml")); r.err != nil {
		t.Errorf("UTF-8 with a BOM: %v", r.err)
	}
	utf16 := filepath.Join(dir, "utf16.json")
	if err := os.WriteFile(utf16, []byte("\xFF\xFE{\x00}\x00"), 0o644); err != nil {
		t.Fatal(err)
	}
	f, _ = factory()
	r := run(t, f, "amplify", utf16, "-o", filepath.Join(dir, "b.yaml"))
	if r.err == nil || !strings.Contains(r.err.Error(), "UTF-16: save it as UTF-8") {
		t.Errorf("UTF-16: %v", r.err)
	}
}

// An escape sequence in a folder name (a project from someone else) must
// not reach the terminal: every name and path printed is escaped.
func TestImportAmplifyEscapesNamesItPrints(t *testing.T) {
	t.Parallel()
	src, err := os.ReadFile(filepath.Join(fixtures, "default", "amplify", "backend", "auth", "shopapp1a2b3c4d", "cli-inputs.json"))
	if err != nil {
		t.Fatal(err)
	}
	root := t.TempDir()
	for _, name := range []string{"evil\x1b]0;pwned\x07\x1b[2J", "other\x1b[31m"} {
		d := filepath.Join(root, "amplify", "backend", "auth", name)
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(d, "cli-inputs.json"), src, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// Several resources without a terminal: the error lists the names.
	f, _ := factory()
	r := run(t, f, "amplify", root, "-o", "-")
	if r.err == nil || strings.ContainsRune(r.err.Error(), 0x1b) || !strings.Contains(r.err.Error(), `evil\x1b]0;pwned\a\x1b[2J`) {
		t.Errorf("the error shows the names raw or not at all: %q", r.err)
	}
	// One picked: the report names it.
	f, _ = factory()
	r = run(t, f, "amplify", filepath.Join(root, "amplify", "backend", "auth", "other\x1b[31m"), "-o", filepath.Join(root, "c.yaml"))
	if r.err != nil {
		t.Fatal(r.err)
	}
	if strings.ContainsRune(r.stderr, 0x1b) || !strings.Contains(r.stderr, `other\x1b[31m`) {
		t.Errorf("stderr shows the name raw: %q", r.stderr)
	}
	// A missing path with an escape in it.
	f, _ = factory()
	r = run(t, f, "amplify", filepath.Join(root, "gone\x1b[2J"), "-o", "-")
	if r.err == nil || strings.ContainsRune(r.err.Error(), 0x1b) {
		t.Errorf("missing path: %q", r.err)
	}
}
