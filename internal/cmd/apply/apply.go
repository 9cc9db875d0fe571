// Package apply implements `cogwiz apply`.
package apply

import (
	"errors"

	"github.com/spf13/cobra"

	"github.com/cogwiz/cogwiz/internal/cmdutil"
)

// Options holds the dependencies and flags of `cogwiz apply`.
type Options struct {
	Factory *cmdutil.Factory
}

// NewCmdApply builds the command; runF replaces the run function in tests.
func NewCmdApply(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Factory: f}
	return &cobra.Command{
		Use:   "apply",
		Short: "Make Cognito match cognito.yaml",
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return errors.New("apply: not implemented yet")
		},
	}
}
