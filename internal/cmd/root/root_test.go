package root

import (
	"context"
	"strings"
	"testing"

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
		{name: "unknown flag is a usage error", args: []string{"validate", "--bogus"}, wantCode: cmdutil.ExitUsage, wantStderr: "hint: run `cogwiz --help`"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ios, _, out, errOut := iostreams.Test()
			f := &cmdutil.Factory{IOStreams: ios, Version: "1.2.3"}
			code := Run(context.Background(), f, tt.args)
			if code != tt.wantCode {
				t.Fatalf("exit code = %d, want %d (stderr: %s)", code, tt.wantCode, errOut)
			}
			if tt.wantStdout != "" && out.String() != tt.wantStdout {
				t.Errorf("stdout = %q, want %q", out.String(), tt.wantStdout)
			}
			if tt.wantStderr != "" && !strings.Contains(errOut.String(), tt.wantStderr) {
				t.Errorf("stderr = %q, want it to contain %q", errOut.String(), tt.wantStderr)
			}
		})
	}
}

func TestExitCodeOfTypedErrors(t *testing.T) {
	tests := map[string]struct {
		err  error
		want int
	}{
		"nil":        {nil, 0},
		"cancelled":  {cmdutil.ErrCancelled, 130},
		"flag error": {cmdutil.FlagErrorf("bad"), 3},
		"exit error": {&cmdutil.ExitError{Code: 2}, 2},
		"with hint":  {cmdutil.WithHint(context.DeadlineExceeded, "retry"), 1},
	}
	for name, tt := range tests {
		if got := cmdutil.ExitCodeOf(tt.err); got != tt.want {
			t.Errorf("%s: ExitCodeOf = %d, want %d", name, got, tt.want)
		}
	}
}
