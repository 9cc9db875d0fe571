package root

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cogwiz/cogwiz/internal/cmdutil"
	"github.com/cogwiz/cogwiz/internal/config"
	"github.com/cogwiz/cogwiz/internal/iostreams"
)

// complete asks the command tree what the shell should offer after args,
// as every shell's completion script does (cogwiz __complete ...).
func complete(t *testing.T, args ...string) (choices []string, directive string) {
	t.Helper()
	ios, _, out, errOut := iostreams.Test()
	f := &cmdutil.Factory{IOStreams: ios, Version: "test"}
	if code := Run(context.Background(), f, append([]string{"__complete"}, args...)); code != 0 {
		t.Fatalf("__complete %v: exit %d: %s", args, code, errOut)
	}
	for _, line := range strings.Split(strings.TrimSpace(out.String()), "\n") {
		if strings.HasPrefix(line, ":") {
			directive = line
			continue
		}
		choices = append(choices, line)
	}
	return choices, directive
}

func TestCompletion(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		args    []string
		want    []string // each choice, with its description after a tab
		exclude []string
	}{
		{[]string{"explain", "user_pool.sign_in."}, []string{"user_pool.sign_in.username_attributes\tSign in with", "user_pool.sign_in.case_sensitive\t"},
			[]string{"user_pool.name\t"}},
		// List keys without [], which explain accepts and shells need not quote.
		{[]string{"explain", "app_clients.oauth.fl"}, []string{"app_clients.oauth.flows\t"}, []string{"[]"}},
		// Question ids, by the prompt the wizard asks.
		{[]string{"explain", "mfa_"}, []string{"mfa_mode\t"}, []string{"user_pool."}},
		{[]string{"explain", "user_pool.name", ""}, nil, []string{"user_pool"}},
		{[]string{"init", "--comments", ""}, []string{"full", "brief", "none"}, nil},
		{[]string{"update", "--comments", ""}, []string{"brief"}, nil},
		{[]string{"import", "pool", "us-east-1_X", "--comments", ""}, []string{"none"}, nil},
		{[]string{"outputs", "--format", ""}, []string{"amplify", "aws-exports", "env", "json"}, nil},
		{[]string{"apply", "--outputs-format", ""}, []string{"amplify", "aws-exports", "env", "json"}, nil},
	} {
		choices, directive := complete(t, tc.args...)
		got := strings.Join(choices, "\n")
		for _, w := range tc.want {
			if !strings.Contains(got, w) {
				t.Errorf("%v: offers\n%s\nwant %q", tc.args, got, w)
			}
		}
		for _, x := range tc.exclude {
			if strings.Contains(got, x) {
				t.Errorf("%v: offers %q:\n%s", tc.args, x, got)
			}
		}
		// 4 is cobra's ShellCompDirectiveNoFileComp: no file names mixed in.
		if directive != ":4" {
			t.Errorf("%v: directive %s, want :4 (no file names)", tc.args, directive)
		}
	}
}

// --client offers the app clients of the file -f names, and says which
// one has a secret.
func TestCompletionOfClients(t *testing.T) {
	t.Parallel()
	file := filepath.Join(t.TempDir(), "cognito.yaml")
	cfg := config.Recommended()
	cfg.AppClients = append(cfg.AppClients, config.AppClient{Name: "server", GenerateSecret: true})
	if err := config.Save(file, cfg); err != nil {
		t.Fatal(err)
	}
	for _, cmd := range []string{"outputs", "apply"} {
		choices, directive := complete(t, cmd, "-f", file, "--client", "")
		got := strings.Join(choices, "\n")
		if !strings.Contains(got, "web\tno secret") || !strings.Contains(got, "server\thas a secret") || directive != ":4" {
			t.Errorf("%s --client offers %q (%s)", cmd, got, directive)
		}
	}
}
