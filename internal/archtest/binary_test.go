package archtest

import (
	"os/exec"
	"path/filepath"
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
