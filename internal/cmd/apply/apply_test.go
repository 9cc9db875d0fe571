package apply

import (
	"github.com/cogwiz/cogwiz/internal/cmdutil/cmdtest"

	"github.com/spf13/cobra"

	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cogwiz/cogwiz/internal/cmdutil"
	"github.com/cogwiz/cogwiz/internal/cognito"
	"github.com/cogwiz/cogwiz/internal/cognito/cognitofake"
	"github.com/cogwiz/cogwiz/internal/config"
	"github.com/cogwiz/cogwiz/internal/emulator"
	"github.com/cogwiz/cogwiz/internal/iostreams"
)

type run struct {
	stdout, stderr string
	err            error
	calls          int
}

// writeConfig saves cfg as cognito.yaml in a fresh directory.
func writeConfig(t *testing.T, cfg *config.Config) string {
	t.Helper()
	b, err := config.Marshal(cfg)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "cognito.yaml")
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// runApply runs `cogwiz apply args...` over api with the given environment.
func runApply(t *testing.T, api cognito.API, file string, env map[string]string, stdin string, tty bool, args ...string) run {
	t.Helper()
	ios, in, out, errOut := iostreams.Test()
	in.WriteString(stdin)
	ios.SetStdinTTY(tty)
	ios.SetStderrTTY(tty)
	ios.SetColorEnabled(false)
	r := run{}
	f := &cmdutil.Factory{IOStreams: ios, ConfigFile: file}
	f.Cognito = func(context.Context) (cognito.API, error) {
		r.calls++
		return api, nil
	}
	cmd := NewCmdApply(f, func(o *Options) error {
		o.LookupEnv = func(k string) (string, bool) { v, ok := env[k]; return v, ok }
		o.AskSecret = nil
		return applyRun(context.Background(), o)
	})
	cmd.SetArgs(args)
	cmd.SetOut(out)
	cmd.SetErr(errOut)
	r.err = cmd.Execute()
	r.stdout, r.stderr = out.String(), errOut.String()
	return r
}

func TestApplyCommandAgainstEmulator(t *testing.T) {
	t.Parallel()
	s := emulator.Start(t)
	api, rec := cognitofake.Connect(t, s.Options())
	file := writeConfig(t, cognitofake.FullConfig("CmdApply"))
	outputs := filepath.Join(filepath.Dir(file), "outputs.json")

	r := runApply(t, api, file, nil, "", false, "--auto-approve", "--outputs", outputs)
	if r.err != nil {
		t.Fatalf("apply: %v\n%s", r.err, r.stderr)
	}
	for _, want := range []string{"+ user_pool", "Plan: 5 to add, 0 to change, 0 to delete, 0 blocked.", "Outputs:", "client web", "aws lambda add-permission --function-name arn:aws:lambda:us-east-1:123456789012:function:pre-sign-up"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("stdout lacks %q:\n%s", want, r.stdout)
		}
	}
	if !strings.Contains(r.stderr, "creating user pool CmdApplyPool") {
		t.Errorf("progress is not on stderr:\n%s", r.stderr)
	}
	var o struct {
		UserPoolID   string            `json:"user_pool_id"`
		AppClientIDs map[string]string `json:"app_client_ids"`
	}
	b, err := os.ReadFile(outputs)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &o); err != nil || o.UserPoolID == "" || o.AppClientIDs["server"] == "" {
		t.Errorf("outputs file = %s (%v)", b, err)
	}
	if strings.Contains(strings.ToLower(string(b)), "secret") {
		t.Errorf("outputs file mentions a secret: %s", b)
	}

	rec.Reset()
	r = runApply(t, api, file, nil, "", false, "--auto-approve")
	if r.err != nil || !strings.Contains(r.stdout, "No changes.") {
		t.Fatalf("second apply: %v\n%s", r.err, r.stdout)
	}
	if w := rec.Writes(); len(w) != 0 {
		t.Errorf("second apply wrote: %v", rec.Ops())
	}
}

func TestApplyWithoutTerminalNeedsAutoApprove(t *testing.T) {
	t.Parallel()
	file := writeConfig(t, cognitofake.FullConfig("NoTTY"))
	r := runApply(t, cognitofake.New(t).Client(t), file, nil, "", false)
	var fe *cmdutil.FlagError
	if !errors.As(r.err, &fe) || !strings.Contains(r.err.Error(), "--auto-approve") {
		t.Fatalf("err = %v, want a usage error naming --auto-approve", r.err)
	}
	if r.calls != 0 {
		t.Error("the Cognito client was built before failing")
	}
}

func TestApplyAsksForYes(t *testing.T) {
	t.Parallel()
	fake := cognitofake.New(t)
	api, rec := cognitofake.Connect(t, fake.Options())
	file := writeConfig(t, cognitofake.FullConfig("Yes"))

	r := runApply(t, api, file, nil, "y\n", true)
	if r.err == nil || !strings.Contains(r.err.Error(), "only 'yes' approves") {
		t.Fatalf("answer y: err = %v", r.err)
	}
	if !strings.Contains(r.stderr, "Only 'yes' will be accepted") {
		t.Errorf("no question on stderr:\n%s", r.stderr)
	}
	if w := rec.Writes(); len(w) != 0 {
		t.Fatalf("writes after a refusal: %v", rec.Ops())
	}
	r = runApply(t, api, file, nil, "yes\n", true)
	if r.err != nil || len(fake.PoolIDs()) != 1 {
		t.Fatalf("answer yes: err = %v, pools = %v", r.err, fake.PoolIDs())
	}
}

func TestApplyRefusesInvalidFileBeforeAnyCall(t *testing.T) {
	t.Parallel()
	cfg := cognitofake.FullConfig("Bad")
	cfg.UserPool.PasswordPolicy.MinimumLength = config.Int(2)
	file := writeConfig(t, cfg)
	r := runApply(t, cognitofake.New(t).Client(t), file, nil, "", false, "--auto-approve")
	if r.err == nil || !strings.Contains(r.err.Error(), "cognito.yaml:") {
		t.Fatalf("err = %v, want a file:line:col problem", r.err)
	}
	if r.calls != 0 {
		t.Error("Cognito was called for an invalid file")
	}
}

func TestSecretNeverLeaves(t *testing.T) {
	t.Parallel()
	const secret = "do-not-print-this-7f3a"
	fake := cognitofake.New(t).Client(t)
	file := writeConfig(t, cognitofake.EverythingConfig("Leak"))
	outputs := filepath.Join(filepath.Dir(file), "outputs.json")

	r := runApply(t, fake, file, nil, "", false, "--auto-approve")
	if r.err == nil || !strings.Contains(r.err.Error(), "GOOGLE_CLIENT_SECRET") || r.calls != 0 {
		t.Fatalf("missing variable: err = %v, calls = %d; want an error naming it before any call", r.err, r.calls)
	}

	env := map[string]string{"GOOGLE_CLIENT_SECRET": secret}
	r = runApply(t, fake, file, env, "", false, "--auto-approve", "--outputs", outputs)
	if r.err != nil {
		t.Fatalf("apply: %v\n%s", r.err, r.stderr)
	}
	// A rotated value shows as a sensitive change, never as the value.
	env["GOOGLE_CLIENT_SECRET"] = secret + "-rotated"
	r2 := runApply(t, fake, file, env, "", false, "--auto-approve")
	if r2.err != nil || !strings.Contains(r2.stdout, "client_secret: (sensitive) → (sensitive)") {
		t.Fatalf("rotation: %v\n%s", r2.err, r2.stdout)
	}
	texts := []string{r.stdout, r.stderr, r2.stdout, r2.stderr}
	for _, p := range []string{file, outputs} {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(b))
	}
	for i, s := range texts {
		if strings.Contains(s, secret) {
			t.Errorf("text %d holds the secret:\n%s", i, s)
		}
	}
}

// Ctrl-C while apply waits for "yes" ends the command at once (a read
// from a terminal cannot be interrupted) and changes nothing.
func TestApplyCtrlCAtConfirmationChangesNothing(t *testing.T) {
	t.Parallel()
	fake := cognitofake.New(t)
	api, rec := cognitofake.Connect(t, fake.Options())
	file := writeConfig(t, cognitofake.FullConfig("CtrlC"))

	ios, _, _, _ := iostreams.Test()
	f := &cmdutil.Factory{IOStreams: ios, ConfigFile: file}
	f.Cognito = func(context.Context) (cognito.API, error) { return api, nil }
	newCmd := func() *cobra.Command { return NewCmdApply(f, nil) }
	if err := cmdtest.InterruptAtPrompt(t, ios, newCmd, "Enter a value:"); !errors.Is(err, cmdutil.ErrCancelled) {
		t.Fatalf("err = %v, want cancelled (exit 130)", err)
	}
	if w := rec.Writes(); len(w) != 0 || len(fake.PoolIDs()) != 0 {
		t.Errorf("Ctrl-C at the confirmation wrote %v", rec.Ops())
	}
}

func TestApplyChecksTheOutputsPathBeforeAnyChange(t *testing.T) {
	t.Parallel()
	fake := cognitofake.New(t)
	file := writeConfig(t, cognitofake.FullConfig("OutDir"))
	missing := filepath.Join(t.TempDir(), "no-such-dir", "outputs.json")
	r := runApply(t, fake.Client(t), file, nil, "", false, "--auto-approve", "--outputs", missing)
	var fe *cmdutil.FlagError
	if !errors.As(r.err, &fe) || !strings.Contains(r.err.Error(), "no-such-dir") {
		t.Fatalf("err = %v, want a usage error naming the directory", r.err)
	}
	if r.calls != 0 || len(fake.PoolIDs()) != 0 {
		t.Error("Cognito was called although the outputs could not be written")
	}
}

// --outputs naming a directory is refused before any change too.
func TestApplyRefusesOutputsThatAreNotFiles(t *testing.T) {
	t.Parallel()
	fake := cognitofake.New(t)
	file := writeConfig(t, cognitofake.FullConfig("OutKind"))
	dir := t.TempDir()
	r := runApply(t, fake.Client(t), file, nil, "", false, "--auto-approve", "--outputs", dir)
	if r.err == nil || !strings.Contains(r.err.Error(), "cannot write to "+dir+": it is a directory") {
		t.Fatalf("err = %v, want the directory refused", r.err)
	}
	if r.calls != 0 || len(fake.PoolIDs()) != 0 {
		t.Error("Cognito was called although the outputs could not be written")
	}
}
