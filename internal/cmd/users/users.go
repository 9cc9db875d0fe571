// Package users implements `cogwiz users`.
package users

import (
	"errors"

	"github.com/spf13/cobra"

	"github.com/cogwiz/cogwiz/internal/cmdutil"
)

// Options holds the dependencies and flags of `cogwiz users`.
type Options struct {
	Factory *cmdutil.Factory
}

// NewCmdUsers builds the command; runF replaces the run function in tests.
func NewCmdUsers(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Factory: f}
	return &cobra.Command{
		Use:   "users",
		Short: "Find and manage the users of the pool",
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return errors.New("users: not implemented yet")
		},
	}
}
