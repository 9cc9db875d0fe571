package validate

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cogwiz/cogwiz/internal/cmdutil"
	"github.com/cogwiz/cogwiz/internal/config"
	"github.com/cogwiz/cogwiz/internal/iostreams"
)

// run executes `cogwiz validate` over file with args and returns stdout,
// stderr, the exit code and the error.
func run(t *testing.T, file string, args ...string) (string, string, int, error) {
	t.Helper()
	ios, _, stdout, stderr := iostreams.Test()
	f := &cmdutil.Factory{IOStreams: ios, ConfigFile: file}
	cmd := NewCmdValidate(f, nil)
	cmd.SetArgs(args)
	cmd.SetOut(&bytes.Buffer{})
	cmd.SetErr(&bytes.Buffer{})
	err := cmd.Execute()
	return stdout.String(), stderr.String(), cmdutil.ExitCodeOf(err), err
}

func fixture(name string) string { return filepath.Join("testdata", name) }

func TestValidateFiveMistakes(t *testing.T) {
	t.Parallel()
	file := fixture("five-mistakes.yaml")
	stdout, stderr, code, err := run(t, file)
	if code != cmdutil.ExitFailure || !errors.Is(err, cmdutil.ErrSilent) {
		t.Fatalf("exit %d, err %v; want 1 and ErrSilent", code, err)
	}
	if stdout != "" {
		t.Errorf("stdout should be empty, got %q", stdout)
	}
	want := []string{
		file + `:2:1: resource_name "my-app" must contain only letters and digits — `,
		file + `:11:9: user_pool.attributes.custom[0].name "custom:tier" must not start with custom: — write tier; Cognito adds the custom: prefix`,
		file + `:14:5: user_pool.mfa.mode "SOMETIMES" is not allowed — use one of OFF, ON, OPTIONAL`,
		file + `:27:11: app_clients[0].oauth.callback_urls[1] "http://app.example.com/callback" must be https unless it is localhost, 127.0.0.1 or [::1]`,
		file + `:29:3: domain.prefix "MyLogin" must be lowercase — write mylogin`,
	}
	lines := problemLines(t, stderr, want)
	if got := lines[len(lines)-1]; got != "5 errors in "+file {
		t.Errorf("summary = %q", got)
	}
}

func TestValidateValidFile(t *testing.T) {
	t.Parallel()
	stdout, stderr, code, err := run(t, fixture("valid.yaml"))
	if code != cmdutil.ExitOK {
		t.Fatalf("exit %d (%v), stderr:\n%s", code, err, stderr)
	}
	if want := "✓ " + fixture("valid.yaml") + " is valid\n"; stderr != want {
		t.Errorf("stderr = %q, want %q", stderr, want)
	}
	if stdout != "" {
		t.Errorf("stdout = %q, want nothing", stdout)
	}
}

func TestValidateWarningsOnly(t *testing.T) {
	t.Parallel()
	file := fixture("warnings.yaml")
	_, stderr, code, err := run(t, file)
	if code != cmdutil.ExitOK {
		t.Fatalf("exit %d (%v), stderr:\n%s", code, err, stderr)
	}
	for _, w := range []string{
		file + ":14:7: warning: the implicit grant is deprecated",
		file + ":3:1: warning: Cognito's default email sender is capped",
		"✓ " + file + " is valid (2 warnings)",
	} {
		if !strings.Contains(stderr, w) {
			t.Errorf("stderr lacks %q:\n%s", w, stderr)
		}
	}
}

func TestValidateJSON(t *testing.T) {
	t.Parallel()
	file := fixture("five-mistakes.yaml")
	stdout, stderr, code, _ := run(t, file, "--json")
	if code != cmdutil.ExitFailure {
		t.Fatalf("exit %d, want 1", code)
	}
	if stderr != "" {
		t.Errorf("--json should keep stderr empty, got %q", stderr)
	}
	var res struct {
		File     string `json:"file"`
		Valid    bool   `json:"valid"`
		Problems []struct {
			File     string `json:"file"`
			Line     int    `json:"line"`
			Column   int    `json:"column"`
			Path     string `json:"path"`
			Severity string `json:"severity"`
			Message  string `json:"message"`
			Hint     string `json:"hint"`
		} `json:"problems"`
	}
	if err := json.Unmarshal([]byte(stdout), &res); err != nil {
		t.Fatalf("stdout is not JSON: %v\n%s", err, stdout)
	}
	if res.File != file || res.Valid || len(res.Problems) != 5 {
		t.Fatalf("got file %q valid %v with %d problems", res.File, res.Valid, len(res.Problems))
	}
	p := res.Problems[2]
	if p.Line != 14 || p.Column != 5 || p.Path != "user_pool.mfa.mode" || p.Severity != "error" || p.Hint == "" || p.File != file {
		t.Errorf("third problem = %+v", p)
	}

	stdout, _, code, _ = run(t, fixture("valid.yaml"), "--json")
	if code != 0 || !strings.Contains(stdout, `"valid": true`) || !strings.Contains(stdout, `"problems": []`) {
		t.Errorf("valid file: exit %d, JSON:\n%s", code, stdout)
	}
}

func TestValidateLiteralSecretNeverPrinted(t *testing.T) {
	t.Parallel()
	file := fixture("literal-secret.yaml")
	for _, args := range [][]string{nil, {"--json"}} {
		stdout, stderr, code, _ := run(t, file, args...)
		if code != cmdutil.ExitFailure {
			t.Errorf("%v: exit %d, want 1", args, code)
		}
		out := stdout + stderr
		for _, secret := range []string{"TopSecret", "GOCSPX", "6LcT"} {
			if strings.Contains(out, secret) {
				t.Errorf("%v: output contains the secret %q:\n%s", args, secret, out)
			}
		}
		for _, w := range []string{"client_secret is a literal value; secrets are never stored in cognito.yaml", "${env:GOOGLE_CLIENT_SECRET}", "secret is a literal value"} {
			if !strings.Contains(out, w) {
				t.Errorf("%v: output lacks %q:\n%s", args, w, out)
			}
		}
	}
}

func TestValidateLoadProblems(t *testing.T) {
	t.Parallel()
	file := fixture("unknown-key.yaml")
	_, stderr, code, err := run(t, file)
	if code != cmdutil.ExitFailure || !errors.Is(err, cmdutil.ErrSilent) {
		t.Fatalf("exit %d, err %v; want 1 and ErrSilent", code, err)
	}
	if !strings.Contains(stderr, file+":7:3: ") || !strings.Contains(stderr, "atributes") {
		t.Errorf("unknown key not reported at 7:3:\n%s", stderr)
	}
	if !strings.Contains(stderr, " in "+file) {
		t.Errorf("no summary line:\n%s", stderr)
	}
}

func TestValidateMissingFile(t *testing.T) {
	t.Parallel()
	file := filepath.Join(t.TempDir(), "cognito.yaml")
	_, stderr, code, err := run(t, file)
	if code != cmdutil.ExitFailure {
		t.Fatalf("exit %d, want 1", code)
	}
	var ee *cmdutil.ExitError
	if !errors.As(err, &ee) || !strings.Contains(ee.Error(), "not found") || !strings.Contains(ee.Hint, "cogwiz init") || !strings.Contains(ee.Hint, "-f FILE") {
		t.Fatalf("err = %#v, want not found with a hint", err)
	}
	if stderr != "" {
		t.Errorf("the command itself should print nothing (root prints the error), got %q", stderr)
	}
}

func TestValidateFlags(t *testing.T) {
	t.Parallel()
	var got *Options
	ios, _, _, _ := iostreams.Test()
	f := &cmdutil.Factory{IOStreams: ios, ConfigFile: "auth.yaml"}
	cmd := NewCmdValidate(f, func(o *Options) error { got = o; return nil })
	cmd.SetArgs([]string{"--json"})
	if err := cmd.Execute(); err != nil {
		t.Fatal(err)
	}
	if got == nil || got.File != "auth.yaml" || !got.JSON {
		t.Fatalf("options = %+v", got)
	}
	cmd = NewCmdValidate(f, func(o *Options) error { return nil })
	cmd.SetArgs([]string{"extra"})
	cmd.SetOut(&bytes.Buffer{})
	cmd.SetErr(&bytes.Buffer{})
	if err := cmd.Execute(); err == nil {
		t.Fatal("an argument should be refused")
	}
	if cmd.Long == "" || cmd.Example == "" {
		t.Error("validate needs Long help and Examples")
	}
}

// A file with both loading problems (a typo, a value of the wrong type)
// and rule problems gets all of them in one run, each at its own line;
// rules next to a value that did not load stay quiet.
func TestValidateLoadAndRuleMistakesTogether(t *testing.T) {
	t.Parallel()
	file := fixture("load-and-rule-mistakes.yaml")
	_, stderr, code, _ := run(t, file)
	if code != cmdutil.ExitFailure {
		t.Fatalf("exit %d, want 1; stderr:\n%s", code, stderr)
	}
	want := []string{
		file + `:7:5: unknown key "username_atributes" in user_pool.sign_in — did you mean "username_attributes"?`,
		file + `:9:21: user_pool.password_policy.minimum_length must be a whole number, not "five"`,
		file + `:10:22: user_pool.password_policy.require_numbers must be true or false, not "maybe"`,
		file + `:13:5: the sms factor needs SMS configuration`,
		file + `:13:20: user_pool.mfa.factors[1] "carrier_pigeon" is not allowed — use one of sms, totp, email`,
		file + `:16:31: app_clients[0].token_validity.access: "90x" has an unknown unit "x"`,
		file + `:17:5: app client web is declared twice`,
	}
	problemLines(t, stderr, want)
}

// A file whose every list item breaks a rule (valid YAML, so the load
// does not stop) prints ReportLimit problems, a count of the rest and the
// summary, not one line per item.
func TestValidateCapsTheProblemsPrinted(t *testing.T) {
	t.Parallel()
	file := filepath.Join(t.TempDir(), "cognito.yaml")
	src := "version: 1\nresource_name: AppAuth\nuser_pool:\n  name: AppUserPool\n  groups:\n" + strings.Repeat("    - name: 'a b'\n", 20000)
	if err := os.WriteFile(file, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	_, stderr, code, _ := run(t, file)
	lines := strings.Split(strings.TrimSpace(stderr), "\n")
	if code != cmdutil.ExitFailure || len(lines) != config.ReportLimit+2 {
		t.Fatalf("exit %d, %d lines; want 1 and %d", code, len(lines), config.ReportLimit+2)
	}
	if got := lines[config.ReportLimit]; !strings.HasPrefix(got, "… and 19900 more problems") {
		t.Errorf("line %d = %q", config.ReportLimit+1, got)
	}
	if got := lines[len(lines)-1]; got != "20000 errors in "+file {
		t.Errorf("summary %q", got)
	}
	stdout, _, _, _ := run(t, file, "--json")
	var res struct {
		Problems []json.RawMessage `json:"problems"`
		More     int               `json:"more"`
	}
	if err := json.Unmarshal([]byte(stdout), &res); err != nil || len(res.Problems) != config.ReportLimit || res.More != 19900 {
		t.Errorf("--json: %d problems, more %d, %v; want %d and 19900", len(res.Problems), res.More, err, config.ReportLimit)
	}
}

// problemLines checks that stderr is one line per problem, each starting
// as want says, then a summary line; it returns the lines.
func problemLines(t *testing.T, stderr string, want []string) []string {
	t.Helper()
	lines := strings.Split(strings.TrimSpace(stderr), "\n")
	if len(lines) != len(want)+1 {
		t.Fatalf("want %d problem lines and a summary, got:\n%s", len(want), stderr)
	}
	for i, w := range want {
		if !strings.HasPrefix(lines[i], w) {
			t.Errorf("line %d:\n got %s\nwant %s...", i+1, lines[i], w)
		}
	}
	return lines
}
