// Package try implements `cogwiz try`.
package try

import (
	"errors"

	"github.com/spf13/cobra"

	"github.com/cogwiz/cogwiz/internal/cmdutil"
)

// Options holds the dependencies and flags of `cogwiz try`.
type Options struct {
	Factory *cmdutil.Factory
}

// NewCmdTry builds the command; runF replaces the run function in tests.
func NewCmdTry(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Factory: f}
	return &cobra.Command{
		Use:   "try",
		Short: "Exercise sign-up, sign-in and forgot-password against the applied pool",
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return errors.New("try: not implemented yet")
		},
	}
}
