package outputscmd_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cogwiz/cogwiz/internal/cmd/clitest"
	"github.com/cogwiz/cogwiz/internal/cmd/root"
	"github.com/cogwiz/cogwiz/internal/cmdutil"
	"github.com/cogwiz/cogwiz/internal/cognito"
	"github.com/cogwiz/cogwiz/internal/cognito/cognitofake"
	"github.com/cogwiz/cogwiz/internal/emulator"
	"github.com/cogwiz/cogwiz/internal/iostreams"
)

type result struct {
	code           int
	stdout, stderr string
	calls          int
}

// run runs the whole cogwiz command line over api.
func run(t *testing.T, api cognito.API, args ...string) result {
	t.Helper()
	ios, _, out, errOut := iostreams.Test()
	r := result{}
	f := &cmdutil.Factory{IOStreams: ios, Cognito: func(context.Context) (cognito.API, error) { r.calls++; return api, nil }}
	r.code = root.Run(context.Background(), f, args)
	r.stdout, r.stderr = out.String(), errOut.String()
	return r
}

// cogwiz outputs writes, from the pool alone, the very files apply wrote
// after applying: same state, same bytes. Without a file it prints
// cogwiz's JSON, or the format asked for.
func TestOutputsWritesWhatApplyWrote(t *testing.T) {
	t.Parallel()
	s := emulator.Start(t)
	api := s.Client(t)
	file := clitest.WriteConfig(t, t.TempDir(), cognitofake.FullConfig("OutCmd"))
	names := []string{"amplify_outputs.json", "aws-exports.js", ".env", "cognito-outputs.json"}
	applied, later := t.TempDir(), t.TempDir()
	args := []string{"apply", "--auto-approve", "-f", file}
	for _, n := range names {
		args = append(args, "--outputs", filepath.Join(applied, n))
	}
	if r := run(t, api, args...); r.code != 0 {
		t.Fatalf("apply: exit %d\n%s", r.code, r.stderr)
	}
	args = []string{"outputs", "-f", file}
	for _, n := range names {
		args = append(args, filepath.Join(later, n))
	}
	r := run(t, api, args...)
	if r.code != 0 || r.stdout != "" {
		t.Fatalf("outputs: exit %d, stdout %q\n%s", r.code, r.stdout, r.stderr)
	}
	for _, n := range names {
		a, err1 := os.ReadFile(filepath.Join(applied, n))
		b, err2 := os.ReadFile(filepath.Join(later, n))
		if err1 != nil || err2 != nil || string(a) != string(b) {
			t.Errorf("%s: apply wrote\n%s\ncogwiz outputs wrote\n%s(%v, %v)", n, a, b, err1, err2)
		}
		if !strings.Contains(r.stderr, "outputs written to "+filepath.Join(later, n)) {
			t.Errorf("stderr does not name %s:\n%s", n, r.stderr)
		}
	}

	json, _ := os.ReadFile(filepath.Join(applied, "cognito-outputs.json"))
	if r := run(t, api, "outputs", "-f", file); r.code != 0 || r.stdout != string(json) {
		t.Errorf("outputs to stdout: exit %d\n%s\nwant\n%s", r.code, r.stdout, json)
	}
	env, _ := os.ReadFile(filepath.Join(applied, ".env"))
	if r := run(t, api, "outputs", "-f", file, "--format", "env", "-"); r.code != 0 || r.stdout != string(env) {
		t.Errorf("--format env to stdout: exit %d\n%s\nwant\n%s", r.code, r.stdout, env)
	}
	// --client names another public client; the server's has a secret.
	if r := run(t, api, "outputs", "-f", file, "--format", "amplify", "--client", "server"); r.code != 1 || !strings.Contains(r.stderr, "app client server has a secret") || r.calls != 0 {
		t.Errorf("--client server: exit %d, %d calls\n%s", r.code, r.calls, r.stderr)
	}
}

// Before the first apply there is nothing to read: the error says to
// apply first, and nothing is written.
func TestOutputsBeforeApply(t *testing.T) {
	t.Parallel()
	fake := cognitofake.New(t)
	file := clitest.WriteConfig(t, t.TempDir(), cognitofake.FullConfig("OutNone"))
	dir := t.TempDir()
	out := filepath.Join(dir, "amplify_outputs.json")
	r := run(t, fake.Client(t), "outputs", "-f", file, out)
	if r.code != 1 || !strings.Contains(r.stderr, "error: user pool OutNonePool does not exist yet") || !strings.Contains(r.stderr, "hint: run cogwiz apply first") {
		t.Errorf("exit %d\n%s", r.code, r.stderr)
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("a file was written although the pool does not exist")
	}
	// A pinned pool that is not there is a wrong id, region or profile.
	if r := run(t, fake.Client(t), "outputs", "-f", file, "--pool-id", "us-east-1_Missing1", out); r.code != 1 ||
		!strings.Contains(r.stderr, "error: user pool us-east-1_Missing1 (user_pool.id or --pool-id) does not exist here") || !strings.Contains(r.stderr, "hint: check the id") {
		t.Errorf("--pool-id of a missing pool: exit %d\n%s", r.code, r.stderr)
	}
	if len(fake.PoolIDs()) != 0 {
		t.Error("cogwiz outputs created something")
	}
}

// Bad arguments stop the command before it calls Cognito.
func TestOutputsChecksItsArgumentsFirst(t *testing.T) {
	t.Parallel()
	fake := cognitofake.New(t)
	file := clitest.WriteConfig(t, t.TempDir(), cognitofake.FullConfig("OutArgs"))
	dir := t.TempDir()
	for _, tc := range []struct {
		args []string
		want string
		code int
	}{
		{[]string{"--format", "yaml"}, `unknown outputs format "yaml": use one of amplify, aws-exports, env, json`, 3},
		{[]string{filepath.Join(dir, "a.json"), filepath.Join(dir, ".", "a.json")}, "is named twice", 3},
		{[]string{filepath.Join(dir, "missing", "amplify_outputs.json")}, "the directory " + filepath.Join(dir, "missing") + " does not exist", 3},
		{[]string{dir}, "it is a directory", 1},
		{[]string{"--client", "mobile"}, `no app client named "mobile" in the file`, 1},
	} {
		r := run(t, fake.Client(t), append([]string{"outputs", "-f", file}, tc.args...)...)
		if r.code != tc.code || !strings.Contains(r.stderr, tc.want) || r.calls != 0 {
			t.Errorf("%v: exit %d, %d calls\n%s\nwant exit %d and %q", tc.args, r.code, r.calls, r.stderr, tc.code, tc.want)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("files left in %s: %v", dir, entries)
	}
}
