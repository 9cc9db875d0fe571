// Package update implements `cogwiz update`.
package update

import (
	"errors"

	"github.com/spf13/cobra"

	"github.com/cogwiz/cogwiz/internal/cmdutil"
)

// Options holds the dependencies and flags of `cogwiz update`.
type Options struct {
	Factory *cmdutil.Factory
}

// NewCmdUpdate builds the command; runF replaces the run function in tests.
func NewCmdUpdate(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Factory: f}
	return &cobra.Command{
		Use:   "update",
		Short: "Change an existing cognito.yaml the way amplify update auth does",
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return errors.New("update: not implemented yet")
		},
	}
}
