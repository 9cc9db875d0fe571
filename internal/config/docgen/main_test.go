package main

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/cogwiz/cogwiz/internal/config"
)

// The generated files are committed so that editors and readers find them
// on GitHub; these tests fail when the registry or the model moved on.

func TestSchemaFileUpToDate(t *testing.T) {
	want, err := config.JSONSchema()
	if err != nil {
		t.Fatal(err)
	}
	assertFile(t, "../../../docs/cognito.schema.json", want)
}

func TestReferenceFileUpToDate(t *testing.T) {
	assertFile(t, "../../../docs/reference.md", Reference(config.Settings()))
}

func assertFile(t *testing.T, path string, want []byte) {
	t.Helper()
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v; run `%s` to create it", err, refreshCommand)
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("%s is stale; run `%s` to refresh it", path, refreshCommand)
	}
}

func TestReferenceContent(t *testing.T) {
	ref := string(Reference(config.Settings()))
	for _, s := range config.Settings() {
		if !strings.Contains(ref, "### `"+s.Key+"`") {
			t.Errorf("reference lacks a heading for %s", s.Key)
		}
		if !strings.Contains(ref, "](#"+anchor(s.Key)+")") {
			t.Errorf("contents lack a link to %s", s.Key)
		}
	}
	for _, want := range []string{
		"## Contents", "## user_pool", "## app_clients", "## file",
		"| ⚠️ Create-only | Cognito has no API to change the sign-in identifiers",
		"`CreateUserPool.UsernameAttributes`",
		"custom:&lt;name&gt;",
	} {
		if !strings.Contains(ref, want) {
			t.Errorf("reference lacks %q", want)
		}
	}
}

func TestRunWritesBothFiles(t *testing.T) {
	dir := t.TempDir()
	if err := run(dir+"/s.json", dir+"/r.md"); err != nil {
		t.Fatal(err)
	}
	s, _ := os.ReadFile(dir + "/s.json")
	r, _ := os.ReadFile(dir + "/r.md")
	if !bytes.HasPrefix(s, []byte("{")) || !bytes.HasPrefix(r, []byte("# cognito.yaml")) {
		t.Fatalf("unexpected output: %.40q / %.40q", s, r)
	}
}
