package plan

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/cogwiz/cogwiz/internal/apply"
	"github.com/cogwiz/cogwiz/internal/cmd/clitest"
	"github.com/cogwiz/cogwiz/internal/cmdutil"
	"github.com/cogwiz/cogwiz/internal/cognito"
	"github.com/cogwiz/cogwiz/internal/cognito/cognitofake"
	"github.com/cogwiz/cogwiz/internal/config"
	"github.com/cogwiz/cogwiz/internal/iostreams"
)

func runPlan(t *testing.T, api cognito.API, file string, args ...string) (string, string, error) {
	t.Helper()
	ios, _, out, errOut := iostreams.Test()
	f := &cmdutil.Factory{IOStreams: ios, ConfigFile: file}
	f.Cognito = func(context.Context) (cognito.API, error) { return api, nil }
	cmd := NewCmdPlan(f, func(o *Options) error {
		o.LookupEnv = func(string) (string, bool) { return "", false }
		return planRun(context.Background(), o)
	})
	cmd.SetArgs(args)
	cmd.SetOut(out)
	cmd.SetErr(errOut)
	err := cmd.Execute()
	return out.String(), errOut.String(), err
}

func TestPlanCommand(t *testing.T) {
	t.Parallel()
	fake := cognitofake.New(t).Client(t)
	dir := t.TempDir()
	cfg := cognitofake.FullConfig("PlanCmd")
	file := clitest.WriteConfig(t, dir, cfg)

	out, _, err := runPlan(t, fake, file, "--detailed-exitcode")
	if cmdutil.ExitCodeOf(err) != cmdutil.ExitChanges || !strings.Contains(out, "does not exist yet") {
		t.Fatalf("plan of a new pool: exit %d, err %v\n%s", cmdutil.ExitCodeOf(err), err, out)
	}
	st, p, err := apply.Prepare(context.Background(), fake, cfg, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := apply.Run(context.Background(), apply.Options{API: fake, Desired: cfg, State: st, Plan: p, RatePerSecond: -1}); err != nil {
		t.Fatal(err)
	}
	out, _, err = runPlan(t, fake, file, "--detailed-exitcode")
	if err != nil || !strings.Contains(out, "No changes.") {
		t.Fatalf("plan after apply: %v\n%s", err, out)
	}

	cfg.UserPool.PasswordPolicy.MinimumLength = config.Int(20)
	cfg.UserPool.Attributes.Required = []string{"email", "name"}
	clitest.WriteConfig(t, dir, cfg)
	out, errOut, err := runPlan(t, fake, file, "--detailed-exitcode")
	if cmdutil.ExitCodeOf(err) != cmdutil.ExitChanges {
		t.Fatalf("exit %d (%v), want 2", cmdutil.ExitCodeOf(err), err)
	}
	for _, want := range []string{
		"~ password_policy.minimum_length: 10 → 20",
		"! attributes.required: [email] → [email, name]",
		"BLOCKED: ",
		"Plan: 0 to add, 1 to change, 0 to delete, 1 blocked.",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("plan lacks %q:\n%s", want, out)
		}
	}
	if !strings.Contains(errOut, "reading user pool PlanCmd") || strings.Contains(out, "reading user pool") {
		t.Errorf("progress belongs on stderr: stderr=%q", errOut)
	}

	out, _, err = runPlan(t, fake, file, "--json")
	if err != nil {
		t.Fatal(err)
	}
	var js struct {
		Changes []struct{ Path, Action string }
		Summary struct{ Change, Blocked int }
	}
	if err := json.Unmarshal([]byte(out), &js); err != nil {
		t.Fatalf("--json is not JSON: %v\n%s", err, out)
	}
	if js.Summary.Change != 1 || js.Summary.Blocked != 1 || len(js.Changes) != 2 {
		t.Errorf("json plan = %+v", js)
	}
}
