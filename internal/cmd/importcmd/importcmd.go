// Package importcmd implements `cogwiz import`.
package importcmd

import (
	"errors"

	"github.com/spf13/cobra"

	"github.com/cogwiz/cogwiz/internal/cmdutil"
)

// Options holds the dependencies and flags of `cogwiz import`.
type Options struct {
	Factory *cmdutil.Factory
}

// NewCmdImport builds the command; runF replaces the run function in tests.
func NewCmdImport(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Factory: f}
	return &cobra.Command{
		Use:   "import",
		Short: "Write cognito.yaml from an Amplify project or a live pool",
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return errors.New("import: not implemented yet")
		},
	}
}
