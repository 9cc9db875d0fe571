// Package destroy implements `cogwiz destroy`.
package destroy

import (
	"errors"

	"github.com/spf13/cobra"

	"github.com/cogwiz/cogwiz/internal/cmdutil"
)

// Options holds the dependencies and flags of `cogwiz destroy`.
type Options struct {
	Factory *cmdutil.Factory
}

// NewCmdDestroy builds the command; runF replaces the run function in tests.
func NewCmdDestroy(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Factory: f}
	return &cobra.Command{
		Use:   "destroy",
		Short: "Delete what apply created",
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return errors.New("destroy: not implemented yet")
		},
	}
}
