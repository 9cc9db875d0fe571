// Package man implements the hidden `cogwiz man DIR`, which writes the
// manual pages the release archives ship.
package man

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"
	"github.com/spf13/cobra/doc"

	"github.com/cogwiz/cogwiz/internal/cmdutil"
)

// Options holds the dependencies and arguments of `cogwiz man DIR`.
type Options struct {
	Factory *cmdutil.Factory
	// Root is the command tree to document.
	Root *cobra.Command

	Dir string
}

// NewCmdMan builds the command; runF replaces the run function in tests.
func NewCmdMan(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Factory: f}
	return &cobra.Command{
		Use:     "man DIR",
		Short:   "Write the manual pages (section 1) into DIR",
		Long:    "Write one manual page per command (cogwiz.1, cogwiz-init.1, ...) into DIR, creating it if needed.",
		Example: `  cogwiz man manpages && man ./manpages/cogwiz.1`,
		Hidden:  true,
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Dir = args[0]
			opts.Root = cmd.Root()
			if runF != nil {
				return runF(opts)
			}
			return manRun(opts)
		},
	}
}

func manRun(opts *Options) error {
	if err := os.MkdirAll(opts.Dir, 0o755); err != nil {
		return fmt.Errorf("man: %w", err)
	}
	// The pages describe the command line, not this process: the
	// completion command cobra adds is documented too.
	opts.Root.InitDefaultCompletionCmd()
	header := &doc.GenManHeader{Title: "COGWIZ", Section: "1", Source: "cogwiz " + opts.Factory.Version, Manual: "cogwiz manual"}
	// Pages are generated beside their destination and renamed into place,
	// so an interrupted run never leaves a half-written page.
	tmp, err := os.MkdirTemp(opts.Dir, ".man-")
	if err != nil {
		return fmt.Errorf("man: %w", err)
	}
	defer os.RemoveAll(tmp)
	if err := doc.GenManTree(opts.Root, header, tmp); err != nil {
		return fmt.Errorf("man: %w", err)
	}
	pages, err := os.ReadDir(tmp)
	if err != nil {
		return fmt.Errorf("man: %w", err)
	}
	for _, p := range pages {
		if err := os.Chmod(filepath.Join(tmp, p.Name()), 0o644); err != nil {
			return fmt.Errorf("man: %w", err)
		}
		if err := os.Rename(filepath.Join(tmp, p.Name()), filepath.Join(opts.Dir, p.Name())); err != nil {
			return fmt.Errorf("man: %w", err)
		}
	}
	fmt.Fprintf(opts.Factory.IOStreams.ErrOut, "wrote manual pages to %s\n", opts.Dir)
	return nil
}
