package update_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cogwiz/cogwiz/internal/cmd/clitest"
	"github.com/cogwiz/cogwiz/internal/cmd/update"
	"github.com/cogwiz/cogwiz/internal/cmdutil"
	"github.com/cogwiz/cogwiz/internal/config"
	"github.com/cogwiz/cogwiz/internal/iostreams"
	"github.com/cogwiz/cogwiz/internal/prompt"
)

func writeConfig(t *testing.T, c *config.Config) string {
	t.Helper()
	file := filepath.Join(t.TempDir(), "cognito.yaml")
	if err := config.Save(file, c); err != nil {
		t.Fatal(err)
	}
	return file
}

func runUpdate(t *testing.T, ios *iostreams.IOStreams, p prompt.Prompter, file string, args ...string) error {
	t.Helper()
	f := &cmdutil.Factory{IOStreams: ios, ConfigFile: file}
	cmd := update.NewCmdUpdate(f, func(o *update.Options) error {
		if p != nil {
			o.Prompter = p
		}
		return update.Run(context.Background(), o)
	})
	return clitest.Execute(cmd, ios, args...)
}

func TestUpdateGroupsShowsDiffAndWrites(t *testing.T) {
	c := config.Recommended()
	c.UserPool.ID = "us-east-1_abc"
	file := writeConfig(t, c)
	ios, _, stdout, stderr := iostreams.Test()
	p := prompt.NewScripted(t).
		Answer("update_flow", "updateUserPoolGroups").
		Answer("group_names", []string{"Admins"}).
		Answer("write_file", true)
	if err := runUpdate(t, clitest.TTY(ios), p, file); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(stderr.String(), "+      - name: Admins") && !strings.Contains(stderr.String(), "+    - name: Admins") {
		t.Errorf("no diff adding the group:\n%s", stderr)
	}
	if !strings.Contains(stderr.String(), "settings Cognito cannot change are locked") {
		t.Errorf("update should say create-only settings are locked when the pool exists:\n%s", stderr)
	}
	doc, err := config.Load(file)
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Config.UserPool.Groups) != 1 || doc.Config.UserPool.Groups[0].Name != "Admins" {
		t.Errorf("groups = %+v", doc.Config.UserPool.Groups)
	}
	if stdout.Len() != 0 {
		t.Errorf("stdout: %q", stdout)
	}
}

func TestUpdateManualLocksCreateOnlyWhenPoolExists(t *testing.T) {
	c := config.Recommended()
	c.UserPool.ID = "us-east-1_abc"
	c.Mode = config.ModeManual // "Walkthrough all" records the manual mode
	file := writeConfig(t, c)
	before, _ := os.ReadFile(file)
	ios, _, _, stderr := iostreams.Test()
	p := prompt.NewScripted(t).Answer("update_flow", "manual")
	for _, id := range []string{"services", "frontend", "user_pool_name", "groups_enabled", "admin_queries", "mfa_mode",
		"email_registration", "email_subject", "email_message", "account_recovery", "password_override",
		"deletion_protection", "feature_plan", "refresh_token_days", "access_token_validity", "id_token_validity",
		"client_attributes", "capabilities", "oauth", "domain_prefix", "callback_urls_edit",
		"logout_urls_edit", "oauth_flow", "oauth_scopes", "social_providers", "lambda_triggers", "beyond"} {
		p.Answer(id, prompt.Default)
	}
	p.Answer("callback_urls_add", prompt.Default).Answer("logout_urls_add", prompt.Default)
	if err := runUpdate(t, clitest.TTY(ios), p, file); err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"resource_name", "sign_in", "case_sensitive", "required_attributes"} {
		if q, _ := p.Shown(id); q.Locked == "" {
			t.Errorf("%s not locked", id)
		}
	}
	after, _ := os.ReadFile(file)
	if !bytes.Equal(before, after) {
		t.Errorf("Enter everywhere changed the file")
	}
	if !strings.Contains(stderr.String(), "No changes") {
		t.Errorf("want a no-changes message:\n%s", stderr)
	}
}

func TestUpdateCancelLeavesFile(t *testing.T) {
	file := writeConfig(t, config.Recommended())
	before, _ := os.ReadFile(file)
	ios, _, _, _ := iostreams.Test()
	p := prompt.NewScripted(t).Answer("update_flow", "updateUserPoolGroups").
		Answer("group_names", []string{"Admins"}).Answer("write_file", prompt.Cancel)
	err := runUpdate(t, clitest.TTY(ios), p, file)
	if cmdutil.ExitCodeOf(err) != cmdutil.ExitCancelled || err.Error() != "cancelled: nothing was written" {
		t.Fatalf("err = %v, want exit 130 saying that nothing was written", err)
	}
	after, _ := os.ReadFile(file)
	if !bytes.Equal(before, after) {
		t.Error("file changed after cancel")
	}
}

func TestUpdateNeedsAFileAndATerminal(t *testing.T) {
	ios, _, _, _ := iostreams.Test()
	err := runUpdate(t, ios, nil, filepath.Join(t.TempDir(), "cognito.yaml"))
	if cmdutil.ExitCodeOf(err) != cmdutil.ExitUsage || !strings.Contains(err.Error(), "--answers") {
		t.Errorf("no terminal: %v", err)
	}
	err = runUpdate(t, clitest.TTY(ios), prompt.NewScripted(t), filepath.Join(t.TempDir(), "cognito.yaml"))
	if err == nil || !strings.Contains(err.Error(), "does not exist") {
		t.Errorf("missing file: %v", err)
	}
}

func TestUpdateAnswers(t *testing.T) {
	c := config.Recommended()
	file := writeConfig(t, c)
	answers := filepath.Join(t.TempDir(), "a.yaml")
	os.WriteFile(answers, []byte("update_flow: callbacks\ncallback_urls_add: yes\ncallback_urls_new: [\"https://app.example.com/cb\"]\n"), 0o644)
	ios, _, _, _ := iostreams.Test()
	if err := runUpdate(t, ios, nil, file, "--answers", answers); err != nil {
		t.Fatal(err)
	}
	doc, _ := config.Load(file)
	got := doc.Config.AppClients[0].OAuth.CallbackURLs
	if len(got) != 2 || got[1] != "https://app.example.com/cb" {
		t.Errorf("callbacks = %v", got)
	}
}

// update rewrites a file in the comment style it was written in, unless
// --comments asks for another.
func TestUpdateKeepsTheCommentStyle(t *testing.T) {
	t.Parallel()
	file := filepath.Join(t.TempDir(), "cognito.yaml")
	if err := config.SaveComments(file, config.Recommended(), config.CommentsBrief); err != nil {
		t.Fatal(err)
	}
	answers := filepath.Join(t.TempDir(), "a.yaml")
	os.WriteFile(answers, []byte("update_flow: callbacks\ncallback_urls_add: yes\ncallback_urls_new: [\"https://app.example.com/cb\"]\n"), 0o644)
	ios, _, _, _ := iostreams.Test()
	if err := runUpdate(t, ios, nil, file, "--answers", answers); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(file)
	if got := config.DetectComments(data); got != config.CommentsBrief {
		t.Errorf("update wrote %s comments into a brief file:\n%s", got, data)
	}
	if !strings.Contains(string(data), `"https://app.example.com/cb"]  # `) {
		t.Errorf("the changed key lost its one-line comment:\n%s", data)
	}
	os.WriteFile(answers, []byte("update_flow: callbacks\ncallback_urls_add: no\n"), 0o644)
	if err := runUpdate(t, ios, nil, file, "--answers", answers, "--comments", "full"); err != nil {
		t.Fatal(err)
	}
	data, _ = os.ReadFile(file)
	want, _ := config.Marshal(loadConfig(t, file))
	if config.DetectComments(data) != config.CommentsFull || !bytes.Equal(data, want) {
		t.Errorf("--comments full did not rewrite the file with full comments:\n%s", data)
	}
}

func loadConfig(t *testing.T, file string) *config.Config {
	t.Helper()
	doc, err := config.Load(file)
	if err != nil {
		t.Fatal(err)
	}
	return doc.Config
}
