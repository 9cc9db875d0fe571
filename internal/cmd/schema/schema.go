// Package schema implements `cogwiz schema`.
package schema

import (
	"errors"

	"github.com/spf13/cobra"

	"github.com/cogwiz/cogwiz/internal/cmdutil"
)

// Options holds the dependencies and flags of `cogwiz schema`.
type Options struct {
	Factory *cmdutil.Factory
}

// NewCmdSchema builds the command; runF replaces the run function in tests.
func NewCmdSchema(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Factory: f}
	return &cobra.Command{
		Use:   "schema",
		Short: "Print the JSON Schema of cognito.yaml",
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return errors.New("schema: not implemented yet")
		},
	}
}
