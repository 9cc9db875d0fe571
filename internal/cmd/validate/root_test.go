package validate_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cogwiz/cogwiz/internal/cmd/root"
	"github.com/cogwiz/cogwiz/internal/cmdutil"
	"github.com/cogwiz/cogwiz/internal/iostreams"
)

// Through the whole command tree: -f reaches validate, exit codes are the
// contract's, and root adds nothing after validate's own report.
func TestValidateThroughRoot(t *testing.T) {
	t.Parallel()
	cases := []struct {
		args   []string
		code   int
		stderr []string
		absent []string
	}{
		{[]string{"validate", "-f", filepath.Join("testdata", "five-mistakes.yaml")}, cmdutil.ExitFailure,
			[]string{"five-mistakes.yaml:14:5: user_pool.mfa.mode", "5 errors in "}, []string{"error: ", "silent"}},
		{[]string{"validate", "--file", filepath.Join("testdata", "valid.yaml")}, cmdutil.ExitOK,
			[]string{"is valid"}, []string{"error"}},
		{[]string{"validate", "-f", filepath.Join(t.TempDir(), "cognito.yaml")}, cmdutil.ExitFailure,
			[]string{"error: ", "file not found", "hint: run `cogwiz init` to create it, or pass -f FILE"}, nil},
		{[]string{"validate", "extra"}, cmdutil.ExitUsage, []string{"error: "}, nil},
	}
	for _, tc := range cases {
		ios, _, _, stderr := iostreams.Test()
		f := &cmdutil.Factory{IOStreams: ios, Version: "test"}
		code := root.Run(context.Background(), f, tc.args)
		if code != tc.code {
			t.Errorf("%v: exit %d, want %d\n%s", tc.args, code, tc.code, stderr)
		}
		for _, w := range tc.stderr {
			if !strings.Contains(stderr.String(), w) {
				t.Errorf("%v: stderr lacks %q:\n%s", tc.args, w, stderr)
			}
		}
		for _, w := range tc.absent {
			if strings.Contains(stderr.String(), w) {
				t.Errorf("%v: stderr has %q:\n%s", tc.args, w, stderr)
			}
		}
	}
}
