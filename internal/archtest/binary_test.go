package archtest

import (
	"maps"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// notInTheBinary are libraries cogwiz must not link: test code, and
// libraries whose package initialisation every command would pay for.
var notInTheBinary = map[string]string{
	"testing":                         "test code; test helpers take an interface instead",
	"github.com/google/go-cmp":        "a test library",
	"github.com/spf13/cobra/doc":      "man pages are written at release time by internal/cmd/man",
	"github.com/cpuguy83/go-md2man":   "man pages are written at release time by internal/cmd/man",
	"github.com/russross/blackfriday": "man pages are written at release time by internal/cmd/man",
	"github.com/hashicorp/hcl":        "the Terraform export writes HCL itself",
	"github.com/zclconf/go-cty":       "the Terraform export writes HCL itself",
	"charm.land/lipgloss":             "reads the terminal database while initialising; use internal/sgr",
	"charm.land/huh":                  "the prompter draws its own fields",
	// From lambda v1.109.0 and iam v1.65.0 on, the SDK builds its
	// serialisation schemas at package init: about 1 ms and 1.3 MB of
	// allocations on every start, --version included, for two services
	// only trigger functions and identity pool roles call. go.mod keeps
	// the versions before; move on when the SDK builds them lazily.
	"github.com/aws/aws-sdk-go-v2/service/lambda/schemas":                  "built at package init (keep service/lambda below v1.109.0)",
	"github.com/aws/aws-sdk-go-v2/service/iam/schemas":                     "built at package init (keep service/iam below v1.65.0)",
	"github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider/schemas": "built at package init (keep the version before schema serde)",
	"github.com/aws/aws-sdk-go-v2/service/cognitoidentity/schemas":         "built at package init (keep the version before schema serde)",
}

// TestTheBinaryLinksNoTestOrHeavyLibraries checks what cmd/cogwiz links,
// since every package linked is initialised on every start.
func TestTheBinaryLinksNoTestOrHeavyLibraries(t *testing.T) {
	t.Parallel()
	out, err := exec.Command("go", "list", "-deps", module+"cmd/cogwiz").CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	deps := strings.Fields(string(out))
	if len(deps) < 50 {
		t.Fatalf("go list found only %d packages: %s", len(deps), out)
	}
	for _, dep := range deps {
		for prefix, why := range notInTheBinary {
			if dep == prefix || strings.HasPrefix(dep, prefix+"/") {
				t.Errorf("cmd/cogwiz links %s: %s", dep, why)
			}
		}
	}
}

// TestTheBinaryLinksNoLibraryOnlyTestsImport finds the libraries that
// only tests and tools outside the binary import (the oracles' HCL parser,
// the schema validator, the man page writer) and checks that the binary
// links none of their packages: not through a dependency of the product
// either, as hclwrite once brought go-cmp.
func TestTheBinaryLinksNoLibraryOnlyTestsImport(t *testing.T) {
	t.Parallel()
	linked := map[string]bool{}
	for _, p := range goList(t, "-deps", module+"cmd/cogwiz") {
		linked[p] = true
	}
	// The module of every package the tests and tools reach.
	moduleOf := map[string]string{}
	for _, line := range goList(t, "-deps", "-test", "-f", "{{.ImportPath}} {{with .Module}}{{.Path}}{{end}}", module+"...") {
		f := strings.Fields(line)
		if len(f) == 3 { // a test variant: path [for.test] module
			f = []string{f[0], f[2]}
		}
		if len(f) == 2 {
			moduleOf[f[0]] = f[1]
		}
	}
	product := map[string]bool{}
	testOnly := map[string]string{} // module → a package of ours that imports it
	for _, line := range goList(t, "-f", "{{.ImportPath}}|{{join .Imports \" \"}}|{{join .TestImports \" \"}} {{join .XTestImports \" \"}}", module+"...") {
		f := strings.Split(line, "|")
		if len(f) != 3 {
			t.Fatalf("go list printed %q", line)
		}
		for i, imports := range f[1:] {
			for _, imp := range strings.Fields(imports) {
				m := moduleOf[imp]
				if m == "" || m+"/" == module {
					continue
				}
				if i == 0 && linked[f[0]] {
					product[m] = true
				} else if _, ok := testOnly[m]; !ok {
					testOnly[m] = f[0]
				}
			}
		}
	}
	for m := range product {
		delete(testOnly, m)
	}
	// The oracles' parsers and the schema validator are such libraries:
	// finding none means the walk above is broken.
	if len(testOnly) == 0 {
		t.Fatal("found no library that only tests and tools import")
	}
	t.Logf("libraries only tests and tools import: %v", slices.Sorted(maps.Keys(testOnly)))
	for _, dep := range goList(t, "-deps", module+"cmd/cogwiz") {
		if m, ok := moduleOf[dep]; ok {
			if by, only := testOnly[m]; only {
				t.Errorf("cmd/cogwiz links %s, of %s, which only tests and tools import (%s among them): a dependency of the binary brings it in", dep, m, by)
			}
		}
	}
}

// goList runs go list with args and returns its lines.
func goList(t *testing.T, args ...string) []string {
	t.Helper()
	out, err := exec.Command("go", append([]string{"list"}, args...)...).Output()
	if err != nil {
		var stderr []byte
		if ee, ok := err.(*exec.ExitError); ok {
			stderr = ee.Stderr
		}
		t.Fatalf("go list %s: %v\n%s", strings.Join(args, " "), err, stderr)
	}
	return strings.Split(strings.TrimSpace(string(out)), "\n")
}

// TestTheBinaryDropsUnusedMethods builds cogwiz and checks that nothing
// can call methods by name (text/template executing, reflect's
// MethodByName): then the linker must keep every exported method of every
// type, and the binary grows by half.
func TestTheBinaryDropsUnusedMethods(t *testing.T) {
	t.Parallel()
	bin := filepath.Join(t.TempDir(), "cogwiz")
	if out, err := exec.Command("go", "build", "-o", bin, module+"cmd/cogwiz").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	out, err := exec.Command("go", "tool", "nm", bin).CombinedOutput()
	if err != nil {
		t.Fatalf("go tool nm: %v\n%s", err, out)
	}
	if !strings.Contains(string(out), "main.main") {
		t.Fatal("the symbol table lists no main.main")
	}
	for _, sym := range []string{"reflect.Value.MethodByName", "reflect.Value.Method\n"} {
		if strings.Contains(string(out), " "+sym) {
			t.Errorf("cogwiz links %s: something calls methods by name (a cobra template set with SetVersionTemplate, SetUsageTemplate, SetHelpTemplate?), so the linker keeps every method", strings.TrimSpace(sym))
		}
	}
}
