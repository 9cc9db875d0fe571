// Package plan implements `cogwiz plan`.
package plan

import (
	"errors"

	"github.com/spf13/cobra"

	"github.com/cogwiz/cogwiz/internal/cmdutil"
)

// Options holds the dependencies and flags of `cogwiz plan`.
type Options struct {
	Factory *cmdutil.Factory
}

// NewCmdPlan builds the command; runF replaces the run function in tests.
func NewCmdPlan(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Factory: f}
	return &cobra.Command{
		Use:   "plan",
		Short: "Show what apply would change in Cognito",
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return errors.New("plan: not implemented yet")
		},
	}
}
