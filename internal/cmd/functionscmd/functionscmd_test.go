package functionscmd

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cogwiz/cogwiz/internal/cmdutil"
	"github.com/cogwiz/cogwiz/internal/config"
	"github.com/cogwiz/cogwiz/internal/iostreams"
)

// run executes `cogwiz functions args...` over file and returns stderr and the error.
func run(t *testing.T, file string, args ...string) (string, error) {
	t.Helper()
	ios, _, stdout, stderr := iostreams.Test()
	cmd := NewCmdFunctions(&cmdutil.Factory{IOStreams: ios, ConfigFile: file}, nil)
	cmd.SetArgs(args)
	cmd.SetOut(&bytes.Buffer{})
	cmd.SetErr(&bytes.Buffer{})
	err := cmd.Execute()
	if stdout.Len() > 0 {
		t.Errorf("stdout = %q; progress belongs on stderr", stdout.String())
	}
	return stderr.String(), err
}

func write(t *testing.T, caps ...config.Capability) string {
	t.Helper()
	c := config.Recommended()
	c.UserPool.Capabilities = caps
	c.UserPool.Groups = []config.Group{{Name: "members"}}
	file := filepath.Join(t.TempDir(), "cognito.yaml")
	if err := config.Save(file, c); err != nil {
		t.Fatal(err)
	}
	return file
}

func TestGenerateWritesAndThenKeepsTheSources(t *testing.T) {
	t.Parallel()
	file := write(t, config.Capability{Type: config.CapAddUserToGroup, Group: "members"})
	out, err := run(t, file, "generate")
	if err != nil {
		t.Fatal(err)
	}
	module := filepath.Join(filepath.Dir(file), "cognito-functions", "post_confirmation", "add-user-to-group.mjs")
	if !strings.Contains(out, "cognito-functions/post_confirmation/add-user-to-group.mjs: written") {
		t.Errorf("stderr:\n%s", out)
	}
	if err := os.WriteFile(module, []byte("// mine\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err = run(t, file, "generate")
	if err != nil || !strings.Contains(out, "add-user-to-group.mjs: edited by you, left alone") ||
		!strings.Contains(out, "post_confirmation/index.mjs: unchanged") {
		t.Fatalf("second run: %v\n%s", err, out)
	}
}

func TestGenerateRefusesAFileWithErrors(t *testing.T) {
	t.Parallel()
	file := write(t, config.Capability{Type: config.CapRecaptcha, Secret: "${env:RECAPTCHA_SECRET}"},
		config.Capability{Type: config.CapCustomAuthScaffolding})
	_, err := run(t, file, "generate")
	var le *config.LoadError
	if !errors.As(err, &le) || !strings.Contains(err.Error(), "cannot share the generated define_auth_challenge function") {
		t.Fatalf("err = %v", err)
	}
	if _, err := os.Stat(filepath.Join(filepath.Dir(file), "cognito-functions")); !os.IsNotExist(err) {
		t.Fatal("wrote sources for an invalid file")
	}
}

func TestGenerateWithNothingToGenerate(t *testing.T) {
	t.Parallel()
	out, err := run(t, write(t), "generate")
	if err != nil || !strings.Contains(out, "No trigger functions to generate") {
		t.Fatalf("%v\n%s", err, out)
	}
}

func TestGenerateWithoutAFile(t *testing.T) {
	t.Parallel()
	_, err := run(t, filepath.Join(t.TempDir(), "cognito.yaml"), "generate")
	var ee *cmdutil.ExitError
	if !errors.As(err, &ee) || !strings.Contains(err.Error(), "file not found") || !strings.Contains(ee.Hint, "cogwiz init") {
		t.Fatalf("err = %v", err)
	}
}
