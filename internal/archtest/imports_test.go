// Package archtest holds the import rules of cogwiz as a test, so that the
// directions in CONTRIBUTING.md stay true as the code grows.
package archtest

import (
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

const module = "github.com/cogwiz/cogwiz/"

// rule: a package whose import path starts with one of the prefixes may be
// imported only by packages under the allowed directories.
type rule struct {
	imports string
	only    []string
	why     string
}

var rules = []rule{
	{"gopkg.in/yaml.v3", []string{"internal/config"}, "all YAML code lives in one package"},
	{"github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider", []string{"internal/cognito"}, "the Cognito layer is the only door to the SDK's Cognito service"},
	{"github.com/aws/aws-sdk-go-v2/service/cognitoidentity", []string{"internal/aws/cognitoidentity"}, "the identity pool edge is the only door to the SDK's Cognito identity service"},
	{"github.com/aws/aws-sdk-go-v2/service/iam", []string{"internal/aws/iam"}, "the IAM edge is the only door to the SDK's IAM service"},
	{"github.com/aws/aws-sdk-go-v2/service/lambda", []string{"internal/aws/lambda"}, "the Lambda edge is the only door to the SDK's Lambda service"},
	{"charm.land/huh", []string{"internal/prompt"}, "prompts are drawn in one place"},
	{"charm.land/bubbletea", []string{"internal/prompt"}, "prompts are drawn in one place"},
	{"charm.land/lipgloss", nil, "its package initialisation reads the terminal database on every start; style with internal/sgr"},
	{module + "internal/cmd/", []string{"internal/cmd/", "cmd/cogwiz"}, "commands are leaves: no engine package imports a command"},
}

// TestImportDirections checks every non-test Go file against the rules, and
// that internal/config, the hub, imports nothing of ours.
func TestImportDirections(t *testing.T) {
	root := filepath.Join("..", "..")
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			switch d.Name() {
			case "node_modules", "testdata", ".git", "dist":
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		rel, _ := filepath.Rel(root, path)
		dir := filepath.ToSlash(filepath.Dir(rel))
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		for _, spec := range f.Imports {
			imp, _ := strconv.Unquote(spec.Path.Value)
			if dir == "internal/config" && strings.HasPrefix(imp, module) {
				t.Errorf("%s imports %s: internal/config imports nothing of ours", rel, imp)
			}
			for _, r := range rules {
				if !importsPath(imp, r.imports) || allowed(dir, r.only) {
					continue
				}
				t.Errorf("%s imports %s: %s (allowed only under %s)", rel, imp, r.why, strings.Join(r.only, ", "))
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// importsPath reports whether imp is the package path p or below it
// (service/cognitoidentity is not service/cognitoidentityprovider).
func importsPath(imp, p string) bool {
	if strings.HasSuffix(p, "/") {
		return strings.HasPrefix(imp, p)
	}
	return imp == p || strings.HasPrefix(imp, p+"/")
}

func allowed(dir string, prefixes []string) bool {
	for _, p := range prefixes {
		p = strings.TrimSuffix(p, "/")
		if dir == p || strings.HasPrefix(dir, p+"/") {
			return true
		}
	}
	return false
}

func TestTheWalkSeesTheTree(t *testing.T) {
	// Guard against a rule test that passes because it reads nothing.
	if _, err := os.Stat(filepath.Join("..", "config", "model.go")); err != nil {
		t.Fatalf("the tree is not where the test expects it: %v", err)
	}
}
