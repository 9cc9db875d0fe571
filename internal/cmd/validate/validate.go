// Package validate implements `cogwiz validate`.
package validate

import (
	"errors"

	"github.com/spf13/cobra"

	"github.com/cogwiz/cogwiz/internal/cmdutil"
)

// Options holds the dependencies and flags of `cogwiz validate`.
type Options struct {
	Factory *cmdutil.Factory
}

// NewCmdValidate builds the command; runF replaces the run function in tests.
func NewCmdValidate(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Factory: f}
	return &cobra.Command{
		Use:   "validate",
		Short: "Check cognito.yaml against Cognito's rules, offline",
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return errors.New("validate: not implemented yet")
		},
	}
}
