package initcmd_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cogwiz/cogwiz/internal/cmd/update"
	"github.com/cogwiz/cogwiz/internal/cmdutil"
	"github.com/cogwiz/cogwiz/internal/config"
	"github.com/cogwiz/cogwiz/internal/iostreams"
)

// Amplify's manual path with "Add User to Group" gives the user a working
// function: init writes its source beside the file, which validates, and
// neither init nor update overwrites the source once it is edited.
func TestInitWritesTheFunctionOfACapabilityAndNeverOverwritesIt(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "cognito.yaml")
	answers := filepath.Join(dir, "answers.yaml")
	if err := os.WriteFile(answers, []byte("mode: manual\ncapabilities: [add_user_to_group]\nadd_to_group_name: members\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	ios, _, _, stderr := iostreams.Test()
	if err := runInit(t, ios, nil, file, "--answers", answers); err != nil {
		t.Fatal(err)
	}
	doc, err := config.Load(file)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range config.ValidateDocument(doc) {
		if p.Severity == config.SeverityError {
			t.Errorf("the file does not validate: %s", p)
		}
	}
	module := filepath.Join(dir, "cognito-functions", "post_confirmation", "add-user-to-group.mjs")
	for _, f := range []string{module, filepath.Join(dir, "cognito-functions", "post_confirmation", "index.mjs")} {
		if _, err := os.Stat(f); err != nil {
			t.Errorf("init did not write %s: %v", f, err)
		}
	}
	out := stderr.String()
	if !strings.Contains(out, "cognito-functions/post_confirmation/add-user-to-group.mjs: written") {
		t.Errorf("stderr does not say what was written:\n%s", out)
	}
	// Left empty, the trigger is the generated function's: not an ARN to fill in.
	if strings.Contains(out, "Fill in later") {
		t.Errorf("stderr asks for the generated trigger's ARN:\n%s", out)
	}

	edited := "// my own add-to-group\nexport const handler = async (event) => event;\n"
	if err := os.WriteFile(module, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	stderr.Reset()
	if err := runInit(t, ios, nil, file, "--answers", answers, "--force"); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(stderr.String(), "add-user-to-group.mjs: edited by you, left alone") {
		t.Errorf("init again:\n%s", stderr.String())
	}

	// update adds the deny list: a new function, the edited one kept.
	upAnswers := filepath.Join(dir, "update.yaml")
	if err := os.WriteFile(upAnswers, []byte("update_flow: manual\ncapabilities: [add_user_to_group, email_domain_denylist]\ndenylist_domains: spam.example\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	stderr.Reset()
	f := &cmdutil.Factory{IOStreams: ios, ConfigFile: file}
	cmd := update.NewCmdUpdate(f, func(o *update.Options) error {
		o.PoolExists = update.PinnedPoolExists
		return update.Run(context.Background(), o)
	})
	cmd.SetArgs([]string{"--answers", upAnswers})
	cmd.SilenceUsage, cmd.SilenceErrors = true, true
	if err := cmd.Execute(); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"add-user-to-group.mjs: edited by you, left alone",
		"post_confirmation/index.mjs: unchanged",
		"pre_sign_up/email-domain-denylist.mjs: written",
	} {
		if !strings.Contains(stderr.String(), want) {
			t.Errorf("update: no %q in\n%s", want, stderr.String())
		}
	}
	if b, _ := os.ReadFile(module); string(b) != edited {
		t.Fatalf("the edited module was overwritten:\n%s", b)
	}
}
