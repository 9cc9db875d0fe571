package apply

import (
	"github.com/cogwiz/cogwiz/internal/cmd/clitest"
	"github.com/cogwiz/cogwiz/internal/cmdutil/cmdtest"

	"github.com/spf13/cobra"

	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"

	"github.com/cogwiz/cogwiz/internal/awsfake"
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
	file := clitest.WriteConfig(t, t.TempDir(), cognitofake.FullConfig("CmdApply"))
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
	if !strings.Contains(r.stdout, "found: tagged cogwiz:resource-name=CmdApply and named CmdApplyPool") {
		t.Errorf("the plan does not say why it is this file's pool:\n%s", r.stdout)
	}

	// The tag is removed outside cogwiz: apply refuses to make a second
	// pool with the same name, and names the way out.
	ctx := context.Background()
	cfg := cognitofake.FullConfig("CmdApply")
	in, err := cognito.ExpandUpdateUserPool(ctx, api, o.UserPoolID, cfg, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := api.UpdateUserPool(ctx, in); err != nil {
		t.Fatal(err)
	}
	before := poolCount(t, api)
	rec.Reset()
	r = runApply(t, api, file, nil, "", false, "--auto-approve")
	if r.err == nil {
		t.Fatal("apply created a second pool")
	}
	for _, want := range []string{"cogwiz import pool " + o.UserPoolID, "user_pool.id: " + o.UserPoolID} {
		if !strings.Contains(r.stdout+r.stderr+r.err.Error(), want) {
			t.Errorf("output does not name the way out %q:\n%s\n%s", want, r.stdout, r.stderr)
		}
	}
	if w := rec.Writes(); len(w) != 0 || poolCount(t, api) != before {
		t.Errorf("writes %v; pools %d → %d", rec.Ops(), before, poolCount(t, api))
	}
}

// Against cognito-local, which has no domains, identity providers or
// resource servers, a file that needs them stops before any write, each
// such change BLOCKED with the reason; the pool count does not change.
func TestApplyStopsBeforeAnyWriteWhatTheEndpointCannotDo(t *testing.T) {
	t.Parallel()
	s := emulator.Start(t)
	api, rec := cognitofake.Connect(t, s.Options())
	withDomain := cognitofake.FullConfig("Hosted")
	withDomain.Domain = &config.Domain{Prefix: "hosted-app-auth"}
	for _, cfg := range []*config.Config{withDomain, cognitofake.EverythingConfig("Social")} {
		file := clitest.WriteConfig(t, t.TempDir(), cfg)
		before := poolCount(t, api)
		rec.Reset()
		r := runApply(t, api, file, map[string]string{"GOOGLE_CLIENT_SECRET": "s"}, "", false, "--auto-approve")
		if r.err == nil || !strings.Contains(r.err.Error(), "blocked; nothing was changed") {
			t.Fatalf("%s: err = %v\n%s", cfg.ResourceName, r.err, r.stdout)
		}
		for _, what := range []string{"domains", "identity providers", "resource servers"} {
			if (what == "domains" || cfg.ResourceName == "Social") && !strings.Contains(r.stdout, "this endpoint does not support "+what) {
				t.Errorf("%s: the plan does not say the endpoint lacks %s:\n%s", cfg.ResourceName, what, r.stdout)
			}
		}
		if w := rec.Writes(); len(w) != 0 || poolCount(t, api) != before {
			t.Errorf("%s: writes %v, pools %d → %d", cfg.ResourceName, rec.Ops(), before, poolCount(t, api))
		}
	}
}

func poolCount(t *testing.T, api cognito.API) int {
	t.Helper()
	out, err := api.ListUserPools(context.Background(), &cip.ListUserPoolsInput{MaxResults: aws.Int32(60)})
	if err != nil {
		t.Fatal(err)
	}
	return len(out.UserPools)
}

func TestApplyWithoutTerminalNeedsAutoApprove(t *testing.T) {
	t.Parallel()
	file := clitest.WriteConfig(t, t.TempDir(), cognitofake.FullConfig("NoTTY"))
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
	file := clitest.WriteConfig(t, t.TempDir(), cognitofake.FullConfig("Yes"))

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
	for _, bad := range []func(*config.Config){
		func(c *config.Config) { c.UserPool.PasswordPolicy.MinimumLength = config.Int(2) },
		func(c *config.Config) {
			c.UserPool.Triggers.PreSignUp = "arn:aws:lambda:us-east-1:123:function:pre sign up"
		},
	} {
		cfg := cognitofake.FullConfig("Bad")
		bad(cfg)
		file := clitest.WriteConfig(t, t.TempDir(), cfg)
		r := runApply(t, cognitofake.New(t).Client(t), file, nil, "", false, "--auto-approve")
		if r.err == nil || !strings.Contains(r.err.Error(), "cognito.yaml:") {
			t.Fatalf("err = %v, want a file:line:col problem", r.err)
		}
		if r.calls != 0 {
			t.Error("Cognito was called for an invalid file")
		}
	}
}

func TestSecretNeverLeaves(t *testing.T) {
	t.Parallel()
	const secret = "do-not-print-this-7f3a"
	fake := cognitofake.New(t).Client(t)
	file := clitest.WriteConfig(t, t.TempDir(), cognitofake.EverythingConfig("Leak"))
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
	file := clitest.WriteConfig(t, t.TempDir(), cognitofake.FullConfig("CtrlC"))

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
	file := clitest.WriteConfig(t, t.TempDir(), cognitofake.FullConfig("OutDir"))
	dir := t.TempDir()
	for path, want := range map[string]string{
		filepath.Join(dir, "no-such-dir", "outputs.json"): "no-such-dir",
		dir: "a directory",
		// Not even root may create a file in /sys.
		"/sys/cognito-outputs.json": "cannot write in /sys",
	} {
		r := runApply(t, fake.Client(t), file, nil, "", false, "--auto-approve", "--outputs", path)
		if r.err == nil || !strings.Contains(r.err.Error(), want) {
			t.Fatalf("--outputs %s: err = %v, want it to say %q", path, r.err, want)
		}
		if r.calls != 0 || len(fake.PoolIDs()) != 0 {
			t.Errorf("--outputs %s: Cognito was called although the outputs could not be written", path)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("the check left files behind: %v", entries)
	}
}

// Ctrl-C while a create is on its way: that call finishes, no other
// starts, the command says what exists now and how to finish, and exits
// 130; running apply again finishes with one of everything.
func TestApplyCtrlCDuringTheChanges(t *testing.T) {
	t.Parallel()
	fake := cognitofake.New(t)
	api, rec := cognitofake.Connect(t, fake.Options())
	file := clitest.WriteConfig(t, t.TempDir(), cognitofake.FullConfig("Mid"))
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var at int
	rec.Fault = func(c awsfake.Call, n int) awsfake.Fault {
		if c.Op == "CreateUserPoolClient" && n == 0 {
			at = len(rec.Calls())
			cancel() // Ctrl-C, while this request is on its way
		}
		return awsfake.NoFault
	}
	ios, _, out, errOut := iostreams.Test()
	f := &cmdutil.Factory{IOStreams: ios, ConfigFile: file}
	f.Cognito = func(context.Context) (cognito.API, error) { return api, nil }
	cmd := NewCmdApply(f, func(o *Options) error { return applyRun(ctx, o) })
	cmd.SetArgs([]string{"--auto-approve"})
	cmd.SetOut(out)
	cmd.SetErr(errOut)
	err := cmd.Execute()
	if cmdutil.ExitCodeOf(err) != cmdutil.ExitCancelled {
		t.Fatalf("exit %d (%v), want 130\n%s", cmdutil.ExitCodeOf(err), err, errOut)
	}
	for _, want := range []string{"Stopped (Ctrl-C)", "created user pool MidPool", "created app client ", "Run cogwiz apply again to finish"} {
		if !strings.Contains(errOut.String(), want) {
			t.Errorf("stderr lacks %q:\n%s", want, errOut)
		}
	}
	if strings.Contains(errOut.String(), "Apply complete") {
		t.Errorf("an interrupted apply said it was complete:\n%s", errOut)
	}
	// Only the call under way went out after Ctrl-C.
	for _, c := range rec.Calls()[at:] {
		if awsfake.IsWrite(c.Op) && c.Op != "CreateUserPoolClient" {
			t.Errorf("%s was sent after Ctrl-C", c.Op)
		}
	}
	if n := rec.Count("CreateUserPoolClient"); n != 1 {
		t.Errorf("%d client creates, want only the one under way", n)
	}

	rec.Fault = nil
	if r := runApply(t, api, file, nil, "", false, "--auto-approve"); r.err != nil {
		t.Fatalf("re-run: %v\n%s", r.err, r.stderr)
	}
	if ids := fake.PoolIDs(); len(ids) != 1 || strings.Join(slices.Sorted(slices.Values(fake.ClientNames(ids[0]))), ",") != "server,web" {
		t.Errorf("pools %v, clients %v", ids, fake.ClientNames(fake.PoolIDs()[0]))
	}
}

// --outputs naming a directory is refused before any change too.
func TestApplyRefusesOutputsThatAreNotFiles(t *testing.T) {
	t.Parallel()
	fake := cognitofake.New(t)
	file := clitest.WriteConfig(t, t.TempDir(), cognitofake.FullConfig("OutKind"))
	dir := t.TempDir()
	r := runApply(t, fake.Client(t), file, nil, "", false, "--auto-approve", "--outputs", dir)
	if r.err == nil || !strings.Contains(r.err.Error(), "cannot write to "+dir+": it is a directory") {
		t.Fatalf("err = %v, want the directory refused", r.err)
	}
	if r.calls != 0 || len(fake.PoolIDs()) != 0 {
		t.Error("Cognito was called although the outputs could not be written")
	}
}

// The front-end outputs' flags are checked before any change: an unknown
// format, a file named twice, a format without a file, a client the file
// lacks, a client with a secret, or no client an app could use.
func TestApplyChecksTheOutputsFlagsBeforeAnyChange(t *testing.T) {
	t.Parallel()
	fake := cognitofake.New(t)
	full := clitest.WriteConfig(t, t.TempDir(), cognitofake.FullConfig("OutFlags")) // web (public) and server (secret)
	secretOnly := cognitofake.FullConfig("OutSecret")
	secretOnly.AppClients = secretOnly.AppClients[1:]
	onlySecret := clitest.WriteConfig(t, t.TempDir(), secretOnly)
	dir := t.TempDir()
	amplify := filepath.Join(dir, "amplify_outputs.json")
	for _, tc := range []struct {
		file string
		args []string
		want string
		code int
	}{
		{full, []string{"--outputs", amplify, "--outputs-format", "yaml"}, `unknown outputs format "yaml"`, cmdutil.ExitUsage},
		{full, []string{"--outputs", amplify, "--outputs", amplify}, "is named twice", cmdutil.ExitUsage},
		{full, []string{"--outputs-format", "env"}, "--outputs-format needs --outputs FILE", cmdutil.ExitUsage},
		{full, []string{"--outputs", amplify, "--client", "mobile"}, `no app client named "mobile"`, cmdutil.ExitFailure},
		{full, []string{"--outputs", amplify, "--client", "server"}, "app client server has a secret", cmdutil.ExitFailure},
		{onlySecret, []string{"--outputs", filepath.Join(dir, ".env")}, "every app client in the file has a secret", cmdutil.ExitFailure},
	} {
		r := runApply(t, fake.Client(t), tc.file, nil, "", false, append([]string{"--auto-approve"}, tc.args...)...)
		if r.err == nil || !strings.Contains(r.err.Error(), tc.want) || cmdutil.ExitCodeOf(r.err) != tc.code {
			t.Errorf("%v: err = %v (exit %d), want %q (exit %d)", tc.args, r.err, cmdutil.ExitCodeOf(r.err), tc.want, tc.code)
		}
		if r.calls != 0 || len(fake.PoolIDs()) != 0 {
			t.Errorf("%v: Cognito was called", tc.args)
		}
	}
	// cogwiz's own JSON names every client: a file whose clients all have
	// a secret still gets it.
	r := runApply(t, fake.Client(t), onlySecret, nil, "", false, "--auto-approve", "--outputs", filepath.Join(dir, "cognito-outputs.json"))
	if r.err != nil {
		t.Fatalf("json outputs of a secret-only file: %v\n%s", r.err, r.stderr)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("files in %s: %v, want only cognito-outputs.json", dir, entries)
	}
}

// One apply writes several files, each in the format its name says, all
// from the state read back, and says where each went.
func TestApplyWritesSeveralOutputs(t *testing.T) {
	t.Parallel()
	s := emulator.Start(t)
	file := clitest.WriteConfig(t, t.TempDir(), cognitofake.FullConfig("OutMany"))
	dir := filepath.Dir(file)
	names := []string{"amplify_outputs.json", "aws-exports.js", ".env.local", "ids.json"}
	args := []string{"--auto-approve"}
	for _, n := range names {
		args = append(args, "--outputs", filepath.Join(dir, n))
	}
	args = append(args, "--outputs", "-")
	r := runApply(t, s.Client(t), file, nil, "", false, args...)
	if r.err != nil {
		t.Fatalf("%v\n%s", r.err, r.stderr)
	}
	read := func(n string) string {
		b, err := os.ReadFile(filepath.Join(dir, n))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	var ids struct {
		PoolID  string            `json:"user_pool_id"`
		Clients map[string]string `json:"app_client_ids"`
	}
	if err := json.Unmarshal([]byte(read("ids.json")), &ids); err != nil || ids.PoolID == "" || ids.Clients["web"] == "" || ids.Clients["server"] == "" {
		t.Fatalf("ids.json: %+v (%v)", ids, err)
	}
	web := ids.Clients["web"]
	for n, want := range map[string][]string{
		"amplify_outputs.json": {`"version": "1.5"`, `"user_pool_id": "` + ids.PoolID, `"user_pool_client_id": "` + web, `"mfa_configuration": "OPTIONAL"`, `"Admins": {`},
		"aws-exports.js":       {`"aws_user_pools_id": "` + ids.PoolID, `"aws_user_pools_web_client_id": "` + web, "export default awsmobile;"},
		".env.local":           {"COGNITO_USER_POOL_ID=" + ids.PoolID + "\n", "COGNITO_CLIENT_ID=" + web + "\n"},
	} {
		got := read(n)
		for _, w := range want {
			if !strings.Contains(got, w) {
				t.Errorf("%s lacks %q:\n%s", n, w, got)
			}
		}
		if strings.Contains(got, ids.Clients["server"]) {
			t.Errorf("%s names the client with a secret:\n%s", n, got)
		}
	}
	// - is stdout, after the plan and the printed outputs.
	if !strings.Contains(r.stdout, `"app_client_ids": {`) {
		t.Errorf("stdout lacks the JSON outputs:\n%s", r.stdout)
	}
	for _, n := range names {
		if !strings.Contains(r.stderr, "outputs written to "+filepath.Join(dir, n)+" (") {
			t.Errorf("stderr does not say %s was written:\n%s", n, r.stderr)
		}
	}
}
