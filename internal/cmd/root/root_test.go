package root

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/cobra"

	"github.com/cogwiz/cogwiz/internal/cmdutil"
	"github.com/cogwiz/cogwiz/internal/iostreams"
)

func TestRunExitCodes(t *testing.T) {
	tests := []struct {
		name       string
		args       []string
		wantCode   int
		wantStdout string
		wantStderr string
	}{
		{name: "version command prints to stdout", args: []string{"version"}, wantCode: 0, wantStdout: "cogwiz 1.2.3\n"},
		{name: "version flag", args: []string{"--version"}, wantCode: 0, wantStdout: "cogwiz 1.2.3\n"},
		{name: "unknown command is a usage error", args: []string{"bogus"}, wantCode: cmdutil.ExitUsage, wantStderr: "unknown command"},
		{name: "unknown flag is a usage error", args: []string{"validate", "--bogus"}, wantCode: cmdutil.ExitUsage, wantStderr: "hint: run `cogwiz validate --help` for usage"},
		{name: "unknown subcommand of a group is a usage error", args: []string{"export", "cloudfromation"}, wantCode: cmdutil.ExitUsage, wantStderr: `did you mean "cloudformation"?`},
		{name: "unknown subcommand lists the valid ones", args: []string{"export", "pdf"}, wantCode: cmdutil.ExitUsage, wantStderr: "use one of aws-cli, cloudformation, terraform"},
		{name: "a missing argument shows the usage line", args: []string{"import", "pool"}, wantCode: cmdutil.ExitUsage, wantStderr: "error: wrong number of arguments: usage is `cogwiz import pool POOL_ID`"},
		{name: "a stray argument is named", args: []string{"validate", "extra"}, wantCode: cmdutil.ExitUsage, wantStderr: "error: `cogwiz validate` takes no arguments, but got \"extra\""},
		{name: "a group without a subcommand shows its help", args: []string{"export"}, wantCode: 0, wantStdout: "Usage:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ios, _, out, errOut := iostreams.Test()
			f := &cmdutil.Factory{IOStreams: ios, Version: "1.2.3"}
			code := Run(context.Background(), f, tt.args)
			if code != tt.wantCode {
				t.Fatalf("exit code = %d, want %d (stderr: %s)", code, tt.wantCode, errOut)
			}
			if tt.wantStdout != "" && out.String() != tt.wantStdout && !(strings.HasSuffix(tt.wantStdout, ":") && strings.Contains(out.String(), tt.wantStdout)) {
				t.Errorf("stdout = %q, want %q", out.String(), tt.wantStdout)
			}
			if tt.wantStderr != "" && !strings.Contains(errOut.String(), tt.wantStderr) {
				t.Errorf("stderr = %q, want it to contain %q", errOut.String(), tt.wantStderr)
			}
		})
	}
}

// Quitting the wizard says that nothing was written and exits 130 (here
// the accessible prompter meets the end of input, as after Ctrl-D).
func TestQuittingTheWizardSaysNothingWasWritten(t *testing.T) {
	dir := t.TempDir()
	ios, _, _, errOut := iostreams.Test()
	ios.SetStdinTTY(true)
	ios.SetStderrTTY(true)
	f := &cmdutil.Factory{IOStreams: ios, Version: "1.2.3"}
	code := Run(context.Background(), f, []string{"init", "--accessible", "-f", filepath.Join(dir, "cognito.yaml")})
	if code != cmdutil.ExitCancelled {
		t.Fatalf("exit code = %d, want 130 (stderr: %s)", code, errOut)
	}
	if !strings.HasSuffix(errOut.String(), "\ncancelled: nothing was written\n") {
		t.Errorf("stderr should end saying that nothing was written:\n%s", errOut)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("quitting left %v", entries)
	}
}

func TestExitCodeOfTypedErrors(t *testing.T) {
	tests := map[string]struct {
		err  error
		want int
	}{
		"nil":                  {nil, 0},
		"cancelled":            {cmdutil.ErrCancelled, 130},
		"cancelled, saying so": {cmdutil.Cancelled("nothing was written"), 130},
		"flag error":           {cmdutil.FlagErrorf("bad"), 3},
		"exit error":           {&cmdutil.ExitError{Code: 2}, 2},
		"with hint":            {cmdutil.WithHint(context.DeadlineExceeded, "retry"), 1},
	}
	for name, tt := range tests {
		if got := cmdutil.ExitCodeOf(tt.err); got != tt.want {
			t.Errorf("%s: ExitCodeOf = %d, want %d", name, got, tt.want)
		}
	}
}

func TestEveryCommandHasLongTextAndExamples(t *testing.T) {
	ios, _, _, _ := iostreams.Test()
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		if c.Hidden || c.Name() == "help" || c.HasParent() && c.Parent().Name() == "completion" {
			return
		}
		if strings.TrimSpace(c.Long) == "" || strings.TrimSpace(c.Example) == "" {
			t.Errorf("%s: --help needs a Long text and Examples", c.CommandPath())
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(NewCmdRoot(&cmdutil.Factory{IOStreams: ios}))
}

func TestMissingConfigFileHintIsOnItsOwnLine(t *testing.T) {
	ios, _, _, errOut := iostreams.Test()
	f := &cmdutil.Factory{IOStreams: ios, Version: "test"}
	missing := t.TempDir() + "/cognito.yaml"
	code := Run(context.Background(), f, []string{"export", "terraform", "-f", missing})
	if code != cmdutil.ExitFailure {
		t.Fatalf("exit %d, stderr %s", code, errOut)
	}
	want := "error: reading " + missing + ": file not found\nhint: run `cogwiz init` to create it, or pass -f FILE\n"
	if !strings.HasSuffix(errOut.String(), want) {
		t.Errorf("stderr = %q, want it to end with %q", errOut.String(), want)
	}
}

func TestRunCommandKeepsTheAWSFlags(t *testing.T) {
	ios, _, out, errOut := iostreams.Test()
	f := &cmdutil.Factory{IOStreams: ios, Version: "1.2.3"}
	if code := Run(context.Background(), f, []string{"version", "--region", "eu-west-1", "--endpoint-url", "http://127.0.0.1:1"}); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if err := f.RunCommand(context.Background(), []string{"version"}); err != nil {
		t.Fatal(err)
	}
	if f.AWS.Region != "eu-west-1" || f.AWS.EndpointURL != "http://127.0.0.1:1" {
		t.Errorf("AWS flags after RunCommand = %+v", f.AWS)
	}
	if strings.Count(out.String(), "cogwiz 1.2.3") != 2 {
		t.Errorf("stdout = %q", out)
	}
}
