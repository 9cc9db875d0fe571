// Package export implements `cogwiz export FORMAT`.
package export

import (
	"errors"

	"github.com/spf13/cobra"

	"github.com/cogwiz/cogwiz/internal/cmdutil"
)

// Options holds the dependencies and flags of `cogwiz export FORMAT`.
type Options struct {
	Factory *cmdutil.Factory
}

// NewCmdExport builds the command; runF replaces the run function in tests.
func NewCmdExport(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Factory: f}
	return &cobra.Command{
		Use:   "export FORMAT",
		Short: "Write the configuration as CloudFormation, Terraform or an AWS CLI script",
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return errors.New("export FORMAT: not implemented yet")
		},
	}
}
