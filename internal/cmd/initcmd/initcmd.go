// Package initcmd implements `cogwiz init`.
package initcmd

import (
	"errors"

	"github.com/spf13/cobra"

	"github.com/cogwiz/cogwiz/internal/cmdutil"
)

// Options holds the dependencies and flags of `cogwiz init`.
type Options struct {
	Factory *cmdutil.Factory
}

// NewCmdInit builds the command; runF replaces the run function in tests.
func NewCmdInit(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Factory: f}
	return &cobra.Command{
		Use:   "init",
		Short: "Run the wizard and write cognito.yaml",
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return errors.New("init: not implemented yet")
		},
	}
}
