package initcmd_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/cogwiz/cogwiz/internal/cmd/clitest"
	"github.com/cogwiz/cogwiz/internal/cmd/initcmd"
	"github.com/cogwiz/cogwiz/internal/cmdutil"
	"github.com/cogwiz/cogwiz/internal/config"
	"github.com/cogwiz/cogwiz/internal/iostreams"
	"github.com/cogwiz/cogwiz/internal/prompt"
	"github.com/cogwiz/cogwiz/internal/wizard"
)

// runInit runs `cogwiz init args...` with the streams and prompter given.
func runInit(t *testing.T, ios *iostreams.IOStreams, p prompt.Prompter, file string, args ...string) error {
	t.Helper()
	f := &cmdutil.Factory{IOStreams: ios, ConfigFile: file}
	cmd := initcmd.NewCmdInit(f, func(o *initcmd.Options) error {
		if p != nil {
			o.Prompter = p
		}
		return initcmd.Run(context.Background(), o)
	})
	return clitest.Execute(cmd, ios, args...)
}

func TestInitDefaultPathIsFourKeyPresses(t *testing.T) {
	file := filepath.Join(t.TempDir(), "cognito.yaml")
	ios, _, stdout, stderr := iostreams.Test()
	// Enter on each: mode, sign-in, advanced settings, write.
	p := prompt.NewScripted(t).
		Answer("mode", prompt.Default).
		Answer("sign_in", prompt.Default).
		Answer("advanced", prompt.Default).
		Answer("write_file", prompt.Default)
	if err := runInit(t, clitest.TTY(ios), p, file); err != nil {
		t.Fatal(err)
	}
	if got := len(p.Asked()); got != 4 {
		t.Errorf("default path asked %d questions, want 4: %v", got, p.Asked())
	}
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := config.Parse(file, data)
	if err != nil {
		t.Fatalf("written file does not load: %v", err)
	}
	// Amplify's Default: names unique to the project, no hosted UI.
	c := doc.Config
	if !generatedName.MatchString(c.ResourceName) || !strings.Contains(c.UserPool.Name, "userpool") || c.Domain != nil || c.AppClients[0].OAuth != nil {
		t.Errorf("unexpected file: %+v", c)
	}
	if stdout.Len() != 0 {
		t.Errorf("stdout must carry data only, got %q", stdout)
	}
	for _, want := range []string{"will contain", "Wrote " + file, "cogwiz validate", "cogwiz plan", "cogwiz apply"} {
		if !strings.Contains(stderr.String(), want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
}

func TestInitSocialKeepsSecretsOutOfTheFile(t *testing.T) {
	file := filepath.Join(t.TempDir(), "cognito.yaml")
	ios, _, _, stderr := iostreams.Test()
	p := prompt.NewScripted(t).
		Answer("mode", "defaultSocial").
		Answer("sign_in", "email").
		Answer("advanced", "no").
		Answer("domain_prefix", "shop-auth").
		Answer("callback_urls", prompt.Default).
		Answer("logout_urls", prompt.Default).
		Answer("social_providers", []string{"Google"}).
		Answer("google_client_id", "1234.apps.googleusercontent.com").
		Answer("google_client_secret_env", prompt.Default).
		Answer("write_file", true)
	if err := runInit(t, clitest.TTY(ios), p, file); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(file)
	if !bytes.Contains(data, []byte("client_secret: \"${env:GOOGLE_CLIENT_SECRET}\"")) {
		t.Errorf("file lacks the secret reference:\n%s", data)
	}
	q, _ := p.Shown("google_client_secret_env")
	if !strings.Contains(q.Help, "${env:") || !strings.Contains(q.Help, "apply") {
		t.Errorf("the secret question must say the value is read at apply time: %q", q.Help)
	}
	_ = stderr
}

func TestInitCtrlCLeavesTheFileAlone(t *testing.T) {
	file := filepath.Join(t.TempDir(), "cognito.yaml")
	orig := []byte("# my hand-written file\nversion: 1\n")
	if err := os.WriteFile(file, orig, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, at := range []string{"replace_file", "mode", "sign_in", "write_file"} {
		t.Run(at, func(t *testing.T) {
			ios, _, _, _ := iostreams.Test()
			p := prompt.NewScripted(t)
			steps := []string{"replace_file", "mode", "sign_in", "advanced", "write_file"}
			answers := map[string]any{"replace_file": true}
			for _, s := range steps {
				if s == at {
					p.Answer(s, prompt.Cancel)
					break
				}
				if v, ok := answers[s]; ok {
					p.Answer(s, v)
				} else {
					p.Answer(s, prompt.Default)
				}
			}
			err := runInit(t, clitest.TTY(ios), p, file)
			if code := cmdutil.ExitCodeOf(err); code != cmdutil.ExitCancelled {
				t.Fatalf("exit code %d (%v), want 130", code, err)
			}
			if err.Error() != "cancelled: nothing was written" {
				t.Errorf("error %q should say that nothing was written", err)
			}
			got, _ := os.ReadFile(file)
			if !bytes.Equal(got, orig) {
				t.Errorf("file changed after cancel:\n%s", got)
			}
			entries, _ := os.ReadDir(filepath.Dir(file))
			if len(entries) != 1 {
				t.Errorf("cancel left extra files: %v", entries)
			}
		})
	}
}

func TestInitWithoutTerminalFailsAtOnce(t *testing.T) {
	ios, _, _, _ := iostreams.Test()
	err := runInit(t, ios, nil, filepath.Join(t.TempDir(), "x.yaml"))
	if code := cmdutil.ExitCodeOf(err); code != cmdutil.ExitUsage {
		t.Fatalf("exit %d (%v), want 3", code, err)
	}
	for _, flag := range []string{"--defaults", "--answers"} {
		if !strings.Contains(err.Error(), flag) {
			t.Errorf("error does not name %s: %v", flag, err)
		}
	}
}

// generatedName is <stem>auth<8 hex>, the generated resource name.
var generatedName = regexp.MustCompile(`^[a-z0-9]+auth[0-9a-f]{8}$`)

func TestInitDefaults(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "Shop-App")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "cognito.yaml")
	ios, _, _, _ := iostreams.Test()
	f := &cmdutil.Factory{IOStreams: ios, ConfigFile: file}
	cmd := initcmd.NewCmdInit(f, func(o *initcmd.Options) error {
		o.Rand = bytes.NewReader([]byte{0x1a, 0x2b, 0x3c, 0x4d})
		return initcmd.Run(context.Background(), o)
	})
	cmd.SetArgs([]string{"--defaults"})
	if err := cmd.Execute(); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(file)
	names, _ := wizard.NewNames(dir, bytes.NewReader([]byte{0x1a, 0x2b, 0x3c, 0x4d}))
	want, _ := config.Marshal(wizard.DefaultConfig(names))
	if !bytes.Equal(data, want) {
		t.Errorf("--defaults did not write Amplify's Default file:\n%s", data)
	}
	if names.ResourceName != "shopappauth1a2b3c4d" || !bytes.Contains(data, []byte("resource_name: shopappauth1a2b3c4d")) || bytes.Contains(data, []byte("domain:")) {
		t.Errorf("names %+v; file:\n%s", names, data)
	}
	// A second run refuses without --force and keeps the file.
	err := runInit(t, ios, nil, file, "--defaults")
	if err == nil || !strings.Contains(err.Error(), "already exists") {
		t.Errorf("overwrite without --force: %v", err)
	}
	if err := runInit(t, ios, nil, file, "--defaults", "--force"); err != nil {
		t.Errorf("--force: %v", err)
	}
}

func TestInitAnswers(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	cases := []struct {
		name, answers, wantErr string
		check                  func(*config.Config) string
	}{
		{name: "manual", answers: "mode: manual\nsign_in: email\nmfa_mode: OPTIONAL\nmfa_factors: [totp]\noauth: no\n",
			check: func(c *config.Config) string {
				if c.UserPool.MFA.Mode != "OPTIONAL" || c.AppClients[0].OAuth != nil || c.Domain != nil {
					return "answers not applied"
				}
				return ""
			}},
		{name: "unknown id", answers: "mode: manual\nsignin: email\n", wantErr: `unknown question id "signin" (did you mean "sign_in"?)`},
		{name: "invalid answer", answers: "mode: defaultSocial\ndomain_prefix: my-cognito\n", wantErr: "domain_prefix"},
		{name: "bad choice", answers: "mode: sometimes\n", wantErr: "mode"},
		{name: "missing required", answers: "mode: manual\ngroups_enabled: yes\n", wantErr: "missing answer for group_names"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			file := filepath.Join(dir, strings.ReplaceAll(c.name, " ", "_")+".yaml")
			ios, _, _, _ := iostreams.Test()
			err := runInit(t, ios, nil, file, "--answers", write("a-"+strings.ReplaceAll(c.name, " ", "_")+".yaml", c.answers))
			if c.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), c.wantErr) {
					t.Fatalf("err = %v, want it to mention %q", err, c.wantErr)
				}
				if _, serr := os.Stat(file); serr == nil {
					t.Errorf("a failed --answers run wrote %s", file)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			doc, err := config.Load(file)
			if err != nil {
				t.Fatal(err)
			}
			if msg := c.check(doc.Config); msg != "" {
				t.Error(msg)
			}
		})
	}
}

// Two projects on one AWS account must never share a pool: plan and apply
// find the pool by resource_name, so --defaults in two new directories
// writes two different names (and pool names).
func TestInitDefaultsInTwoDirectoriesNeverShareAName(t *testing.T) {
	var got []*config.Config
	for _, d := range []string{"one", "two"} {
		dir := filepath.Join(t.TempDir(), "app")
		if err := os.Mkdir(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		file := filepath.Join(dir, "cognito.yaml")
		ios, _, _, _ := iostreams.Test()
		if err := runInit(t, ios, nil, file, "--defaults"); err != nil {
			t.Fatalf("%s: %v", d, err)
		}
		doc, err := config.Load(file)
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, doc.Config)
		if !generatedName.MatchString(doc.Config.ResourceName) {
			t.Errorf("%s: resource_name %q is not <directory>auth<8 hex>", d, doc.Config.ResourceName)
		}
		if issues := config.Validate(doc.Config); slices.ContainsFunc(issues, func(is config.Issue) bool { return is.Severity == config.SeverityError }) {
			t.Errorf("%s: invalid file: %+v", d, issues)
		}
	}
	if got[0].ResourceName == got[1].ResourceName || got[0].UserPool.Name == got[1].UserPool.Name {
		t.Errorf("two directories of the same name share %s / %s", got[0].ResourceName, got[0].UserPool.Name)
	}
}

func TestInitAccessibleThroughStdin(t *testing.T) {
	file := filepath.Join(t.TempDir(), "cognito.yaml")
	ios, stdin, stdout, stderr := iostreams.Test()
	ios.SetAccessible(true)
	// mode: 3 (manual), back from the next question, then 1 (default); sign-in: a wrong number, then 2 (email);
	// advanced: Enter; write: yes.
	stdin.WriteString("3\n<\n1\n9\n2\n\nyes\n")
	if err := runInit(t, clitest.TTY(ios), nil, file); err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	out := stderr.String()
	for _, want := range []string{
		"Warning: this can never be changed",
		"How do you want users to be able to sign in?",
		"1. Username (people type bob) [recommended]",
		"Error: type a number from 1 to 5",
		"Docs: https://",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("accessible output lacks %q:\n%s", want, out)
		}
	}
	doc, err := config.Load(file)
	if err != nil {
		t.Fatal(err)
	}
	if got := doc.Config.UserPool.SignIn.UsernameAttributes; len(got) != 1 || got[0] != "email" {
		t.Errorf("username_attributes = %v", got)
	}
	if stdout.Len() != 0 {
		t.Errorf("stdout: %q", stdout)
	}
}

func BenchmarkInitDefaults(b *testing.B) {
	dir := b.TempDir()
	ios, _, _, _ := iostreams.Test()
	f := &cmdutil.Factory{IOStreams: ios, ConfigFile: filepath.Join(dir, "cognito.yaml")}
	for b.Loop() {
		cmd := initcmd.NewCmdInit(f, nil)
		cmd.SetArgs([]string{"--defaults", "--force"})
		if err := cmd.Execute(); err != nil {
			b.Fatal(err)
		}
	}
}

// An answer whose question this walk never asks (factors with MFA off) is
// named on stderr instead of being dropped in silence.
func TestInitAnswersNamesTheUnusedOnes(t *testing.T) {
	dir := t.TempDir()
	answers := filepath.Join(dir, "answers.yaml")
	if err := os.WriteFile(answers, []byte("mode: manual\nmfa_mode: \"OFF\"\nmfa_factors: [totp]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	ios, _, _, stderr := iostreams.Test()
	if err := runInit(t, ios, nil, filepath.Join(dir, "cognito.yaml"), "--answers", answers); err != nil {
		t.Fatal(err)
	}
	if want := "note: " + answers + ": not used, because this walk does not ask them: mfa_factors\n"; !strings.Contains(stderr.String(), want) {
		t.Errorf("stderr = %q, want it to contain %q", stderr.String(), want)
	}
}

func TestInitDefaultsCommentStyles(t *testing.T) {
	t.Parallel()
	for _, m := range []config.Comments{config.CommentsBrief, config.CommentsNone, config.CommentsFull} {
		file := filepath.Join(t.TempDir(), "cognito.yaml")
		ios, _, _, _ := iostreams.Test()
		if err := runInit(t, ios, nil, file, "--defaults", "--comments", m.String()); err != nil {
			t.Fatal(err)
		}
		data, _ := os.ReadFile(file)
		// The names are the project's own (random suffix), so the file is
		// compared with its own configuration written in that style.
		doc, err := config.Parse(file, data)
		if err != nil {
			t.Fatal(err)
		}
		want, _ := config.MarshalComments(doc.Config, m)
		if !bytes.Equal(data, want) {
			t.Errorf("--comments %s did not write the recommended file in that style:\n%s", m, data)
		}
		if config.DetectComments(data) != m {
			t.Errorf("--comments %s: the file does not say its style", m)
		}
	}
	ios, _, _, _ := iostreams.Test()
	err := runInit(t, ios, nil, filepath.Join(t.TempDir(), "c.yaml"), "--defaults", "--comments", "short")
	if err == nil || !strings.Contains(err.Error(), "full, brief, none") {
		t.Errorf("--comments short: %v, want an error listing the styles", err)
	}
}
