package initcmd_test

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/cogwiz/cogwiz/internal/cmd/clitest"
	"github.com/cogwiz/cogwiz/internal/cmd/initcmd"
	"github.com/cogwiz/cogwiz/internal/cmdutil"
	"github.com/cogwiz/cogwiz/internal/iostreams"
	"github.com/cogwiz/cogwiz/internal/prompt"
)

// After the file is written, an interactive init offers plan and apply.
func TestInitOffersPlanAfterWriting(t *testing.T) {
	for _, tc := range []struct {
		name   string
		answer any
		want   []string
	}{
		{"done is the default", prompt.Default, nil},
		{"plan", "plan", []string{"plan", "-f", "FILE"}},
		{"apply", "apply", []string{"apply", "-f", "FILE"}},
		{"quitting here keeps the file", prompt.Cancel, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			file := filepath.Join(t.TempDir(), "cognito.yaml")
			ios, _, _, _ := iostreams.Test()
			var ran []string
			f := &cmdutil.Factory{IOStreams: clitest.TTY(ios), ConfigFile: file}
			f.RunCommand = func(_ context.Context, args []string) error {
				ran = args
				return nil
			}
			p := prompt.NewScripted(t).
				Answer("mode", prompt.Default).
				Answer("sign_in", prompt.Default).
				Answer("advanced", prompt.Default).
				Answer("write_file", prompt.Default).
				Answer("next_step", tc.answer)
			cmd := initcmd.NewCmdInit(f, func(o *initcmd.Options) error {
				o.Prompter = p
				return initcmd.Run(context.Background(), o)
			})
			cmd.SetArgs(nil)
			cmd.SilenceUsage, cmd.SilenceErrors = true, true
			if err := cmd.Execute(); err != nil {
				t.Fatalf("init: %v", err)
			}
			if _, err := os.Stat(file); err != nil {
				t.Fatalf("file not written: %v", err)
			}
			var want []string
			for _, a := range tc.want {
				if a == "FILE" {
					a = file
				}
				want = append(want, a)
			}
			if !reflect.DeepEqual(ran, want) {
				t.Errorf("ran %v, want %v", ran, want)
			}
		})
	}
}
