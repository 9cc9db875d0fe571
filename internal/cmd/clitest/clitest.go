// Package clitest holds the setup the command tests share: a cognito.yaml
// to run on, streams that pass for a terminal, and a command run the way
// the root runs it.
package clitest

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/spf13/cobra"

	"github.com/cogwiz/cogwiz/internal/config"
	"github.com/cogwiz/cogwiz/internal/iostreams"
)

// WriteConfig saves cfg as dir/cognito.yaml, replacing what is there, and
// returns the path.
func WriteConfig(t testing.TB, dir string, cfg *config.Config) string {
	t.Helper()
	b, err := config.Marshal(cfg)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "cognito.yaml")
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TTY makes stdin and stderr pass for a terminal, which is what a prompt
// needs, and returns ios.
func TTY(ios *iostreams.IOStreams) *iostreams.IOStreams {
	ios.SetStdinTTY(true)
	ios.SetStderrTTY(true)
	return ios
}

// Streams returns test streams whose stdin holds stdin and whose three
// streams pass for a terminal when tty is set, with stdout and stderr.
func Streams(stdin string, tty bool) (ios *iostreams.IOStreams, stdout, stderr *bytes.Buffer) {
	ios, in, stdout, stderr := iostreams.Test()
	in.WriteString(stdin)
	ios.SetStdinTTY(tty)
	ios.SetStdoutTTY(tty)
	ios.SetStderrTTY(tty)
	return ios, stdout, stderr
}

// Execute runs cmd with args on ios's streams, silent about usage and
// errors as the root is, and returns its error.
func Execute(cmd *cobra.Command, ios *iostreams.IOStreams, args ...string) error {
	cmd.SetArgs(args)
	cmd.SetOut(ios.Out)
	cmd.SetErr(ios.ErrOut)
	cmd.SilenceUsage, cmd.SilenceErrors = true, true
	return cmd.Execute()
}
