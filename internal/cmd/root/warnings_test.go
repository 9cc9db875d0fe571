package root

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rivo/uniseg"

	"github.com/cogwiz/cogwiz/internal/cmdutil"
	"github.com/cogwiz/cogwiz/internal/config"
	"github.com/cogwiz/cogwiz/internal/iostreams"
)

// The default email sender's daily cap is advice about running the pool,
// not a fault in the file: validate and plan say it, the others do not
// repeat it. Warnings about the file show everywhere, once, wrapped at
// the terminal's width.
func TestAdviceOnlyInValidateAndPlan(t *testing.T) {
	t.Parallel()
	const advice = "capped at about 50 emails a day"
	const fault = "oauth needs the pool's hosted UI and token endpoint" // a warning about the file
	dir := t.TempDir()
	file := filepath.Join(dir, "cognito.yaml")
	c := config.Recommended()
	c.Domain = nil
	if err := config.Save(file, c); err != nil {
		t.Fatal(err)
	}
	closed := closedPort(t)
	for _, tc := range []struct {
		args       []string
		wantAdvice bool
	}{
		{[]string{"validate"}, true},
		{[]string{"plan", "--endpoint-url", closed, "--region", "us-east-1"}, true},
		{[]string{"apply", "--auto-approve", "--endpoint-url", closed, "--region", "us-east-1"}, false},
		{[]string{"export", "terraform", "-o", filepath.Join(dir, "main.tf")}, false},
		{[]string{"import", "amplify", "../../amplify/testdata/manualgroups/amplify/backend/auth/teamauth/cli-inputs.json", "-o", "-"}, false},
	} {
		t.Run(tc.args[0], func(t *testing.T) {
			t.Parallel()
			ios, _, _, errOut := iostreams.Test()
			ios.SetStderrTTY(true) // 80 columns
			f := cmdutil.New("test")
			f.IOStreams = ios
			Run(context.Background(), f, append(tc.args, "-f", file))
			stderr := errOut.String()
			if got := strings.Contains(stderr, advice); got != tc.wantAdvice {
				t.Errorf("the email cap shown: %v, want %v:\n%s", got, tc.wantAdvice, stderr)
			}
			if tc.args[0] != "import" && strings.Count(stderr, fault) != 1 {
				t.Errorf("the warning about the file is shown %d times, want once:\n%s", strings.Count(stderr, fault), stderr)
			}
			warning := false // on a warning's lines: its first and the indented rest
			for _, l := range strings.Split(stderr, "\n") {
				warning = strings.Contains(l, ": warning:") || warning && strings.HasPrefix(l, "  ")
				if warning && uniseg.StringWidth(l) > 80 && len(strings.Fields(l)) > 1 {
					t.Errorf("a warning line wider than the terminal: %q", l)
				}
			}
			if !strings.Contains(stderr, ": warning:") && tc.args[0] != "import" {
				t.Errorf("no warning shown:\n%s", stderr)
			}
		})
	}
}
