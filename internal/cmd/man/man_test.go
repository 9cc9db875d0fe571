package man

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/cobra"

	"github.com/cogwiz/cogwiz/internal/cmdutil"
	"github.com/cogwiz/cogwiz/internal/iostreams"
)

func TestManWritesOnePagePerCommand(t *testing.T) {
	ios, _, out, _ := iostreams.Test()
	f := &cmdutil.Factory{IOStreams: ios, Version: "1.2.3"}
	root := &cobra.Command{Use: "cogwiz", Short: "Set up Cognito"}
	root.AddCommand(&cobra.Command{Use: "plan", Short: "Show changes", Run: func(*cobra.Command, []string) {}})
	root.AddCommand(NewCmdMan(f, nil))
	dir := filepath.Join(t.TempDir(), "manpages")
	root.SetArgs([]string{"man", dir})
	if err := root.Execute(); err != nil {
		t.Fatal(err)
	}
	page, err := os.ReadFile(filepath.Join(dir, "cogwiz-plan.1"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(page), "Show changes") || !strings.Contains(string(page), "cogwiz 1.2.3") {
		t.Errorf("page lacks the command's text or version:\n%s", page)
	}
	if _, err := os.Stat(filepath.Join(dir, "cogwiz.1")); err != nil {
		t.Error(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "cogwiz-man.1")); err == nil {
		t.Error("the hidden man command got a page")
	}
	if out.Len() != 0 {
		t.Errorf("stdout = %q, want nothing (data-free command)", out)
	}
}

func TestManLeavesNoTemporaryFiles(t *testing.T) {
	ios, _, _, _ := iostreams.Test()
	root := &cobra.Command{Use: "cogwiz"}
	root.AddCommand(NewCmdMan(&cmdutil.Factory{IOStreams: ios, Version: "dev"}, nil))
	dir := t.TempDir()
	root.SetArgs([]string{"man", dir})
	if err := root.Execute(); err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".1") {
			t.Errorf("unexpected %s in the output directory", e.Name())
		}
	}
	if len(entries) == 0 {
		t.Error("no pages written")
	}
}
