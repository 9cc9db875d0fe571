package explain

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/cogwiz/cogwiz/internal/cmdutil"
	"github.com/cogwiz/cogwiz/internal/config"
	"github.com/cogwiz/cogwiz/internal/iostreams"
)

func run(t *testing.T, args ...string) (stdout, stderr string, err error) {
	t.Helper()
	ios, _, out, errOut := iostreams.Test()
	f := &cmdutil.Factory{IOStreams: ios}
	cmd := NewCmdExplain(f, nil)
	cmd.SetArgs(args)
	cmd.SetOut(out)
	cmd.SetErr(errOut)
	cmd.SilenceUsage = true
	cmd.SilenceErrors = true
	err = cmd.Execute()
	return out.String(), errOut.String(), err
}

func TestExplainUsernameAttributes(t *testing.T) {
	out, _, err := run(t, "user_pool.sign_in.username_attributes")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"Sign in with", "user_pool.sign_in.username_attributes",
		"Create-only", "Cognito has no API to change",
		"CreateUserPool.UsernameAttributes",
		"📝 https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-attributes.html",
		"⭐ Recommended: [] (a username)",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	for _, line := range strings.Split(out, "\n") {
		if n := len([]rune(line)); n > 80 && !strings.HasPrefix(line, "📝") {
			t.Errorf("line of %d columns: %q", n, line)
		}
	}
	if strings.Contains(out, "\x1b[") {
		t.Error("colour written to a stream that is not a terminal")
	}
}

func TestExplainKeyForms(t *testing.T) {
	for _, key := range []string{"app_clients.oauth.flows", "app_clients[].oauth.flows", "app_clients[0].oauth.flows"} {
		out, _, err := run(t, key)
		if err != nil {
			t.Fatalf("%s: %v", key, err)
		}
		if !strings.Contains(out, "RFC 9700") {
			t.Errorf("%s: no recommendation in\n%s", key, out)
		}
	}
}

func TestExplainUnknownKey(t *testing.T) {
	out, _, err := run(t, "user_pool.sign_in.usernme_attributes")
	if err == nil {
		t.Fatal("unknown key accepted")
	}
	if out != "" {
		t.Errorf("stdout not empty: %q", out)
	}
	if got := cmdutil.ExitCodeOf(err); got != cmdutil.ExitFailure {
		t.Errorf("exit code %d, want %d", got, cmdutil.ExitFailure)
	}
	msg := err.Error()
	if !strings.Contains(msg, `did you mean "user_pool.sign_in.username_attributes"`) || strings.Contains(msg, "\n") {
		t.Errorf("error = %q", msg)
	}
	var ee *cmdutil.ExitError
	if !errorAs(err, &ee) || !strings.Contains(ee.Hint, "cogwiz explain") {
		t.Errorf("hint missing: %#v", err)
	}

	// A bare last segment finds the full key.
	_, _, err = run(t, "username_attributes")
	if err == nil || !strings.Contains(err.Error(), `"user_pool.sign_in.username_attributes"`) {
		t.Errorf("suffix suggestion: %v", err)
	}
	// Nothing close: no suggestion, still the hint.
	_, _, err = run(t, "zzzzzzzz")
	if err == nil || strings.Contains(err.Error(), "did you mean") {
		t.Errorf("far key: %v", err)
	}
}

func TestExplainList(t *testing.T) {
	out, _, err := run(t)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
	if len(lines) < len(config.Settings())+len(QuestionsSource().List()) {
		t.Fatalf("%d lines for %d settings", len(lines), len(config.Settings()))
	}
	for _, line := range lines {
		if n := len([]rune(line)); n > 80 {
			t.Errorf("line of %d columns: %q", n, line)
		}
	}
	for _, want := range []string{"  sign_in.username_attributes", "Sign in with ⚠️", "app_clients", "  [].oauth.flows"} {
		if !strings.Contains(out, want) {
			t.Errorf("list lacks %q", want)
		}
	}
	for _, line := range lines {
		if strings.Contains(line, "MFA mode") && strings.Contains(line, "⚠️") {
			t.Errorf("mfa.mode marked create-only: %q", line)
		}
	}
}

func TestExplainJSON(t *testing.T) {
	out, _, err := run(t, "user_pool.sign_in.case_sensitive", "--json")
	if err != nil {
		t.Fatal(err)
	}
	var s config.Setting
	if err := json.Unmarshal([]byte(out), &s); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if s.Key != "user_pool.sign_in.case_sensitive" || !s.CreateOnly || s.Recommended != "false" {
		t.Errorf("got %+v", s)
	}

	out, _, err = run(t, "--json")
	if err != nil {
		t.Fatal(err)
	}
	var all []config.Setting
	if err := json.Unmarshal([]byte(out), &all); err != nil {
		t.Fatal(err)
	}
	if want := len(config.Settings()) + len(QuestionsSource().List()); len(all) != want {
		t.Errorf("%d entries in JSON, want %d", len(all), want)
	}
}

func TestExplainExtraSource(t *testing.T) {
	q := config.Setting{Key: "usernameAttributes", Title: "How do you want users to be able to sign in?", Meaning: "A wizard question."}
	extra := Source{
		List:   func() []config.Setting { return []config.Setting{q} },
		Lookup: func(k string) (config.Setting, bool) { return q, k == q.Key },
	}
	ios, _, out, _ := iostreams.Test()
	opts := &Options{Factory: &cmdutil.Factory{IOStreams: ios}, Sources: append([]Source{SettingsSource()}, extra), Key: "usernameAttributes"}
	if err := explainRun(opts); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "A wizard question.") {
		t.Errorf("extra source not consulted:\n%s", out)
	}
}

func TestExplainRunF(t *testing.T) {
	ios, _, _, _ := iostreams.Test()
	var got *Options
	cmd := NewCmdExplain(&cmdutil.Factory{IOStreams: ios}, func(o *Options) error { got = o; return nil })
	cmd.SetArgs([]string{"domain.prefix", "--json"})
	cmd.SetOut(&bytes.Buffer{})
	if err := cmd.Execute(); err != nil {
		t.Fatal(err)
	}
	if got == nil || got.Key != "domain.prefix" || !got.JSON {
		t.Errorf("options = %+v", got)
	}
	cmd = NewCmdExplain(&cmdutil.Factory{IOStreams: ios}, func(o *Options) error { return nil })
	cmd.SetArgs([]string{"a", "b"})
	cmd.SetOut(&bytes.Buffer{})
	cmd.SetErr(&bytes.Buffer{})
	if err := cmd.Execute(); err == nil {
		t.Error("two keys accepted")
	}
}

func errorAs(err error, target **cmdutil.ExitError) bool { return errors.As(err, target) }

func TestExplainQuestionID(t *testing.T) {
	out, _, err := run(t, "sign_in")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"sign_in", "How do you want users to be able to sign in?", "Create-only", "user_pool.sign_in.username_attributes"} {
		if !strings.Contains(out, want) {
			t.Errorf("question explanation lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "API field") {
		t.Errorf("a question has no API field:\n%s", out)
	}
	// Keys of cognito.yaml win over question ids of the same name.
	out, _, err = run(t, "services")
	if err != nil || !strings.Contains(out, "user_pool_and_identity_pool") || !strings.Contains(out, "API field") {
		t.Errorf("services: %v\n%s", err, out)
	}
	list, _, _ := run(t)
	if !strings.Contains(list, "Wizard questions") || !strings.Contains(list, "\nmfa_mode ") {
		t.Errorf("listing lacks the questions part")
	}
}
