// Package explain implements `cogwiz explain [KEY]`.
package explain

import (
	"errors"

	"github.com/spf13/cobra"

	"github.com/cogwiz/cogwiz/internal/cmdutil"
)

// Options holds the dependencies and flags of `cogwiz explain [KEY]`.
type Options struct {
	Factory *cmdutil.Factory
}

// NewCmdExplain builds the command; runF replaces the run function in tests.
func NewCmdExplain(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Factory: f}
	return &cobra.Command{
		Use:   "explain [KEY]",
		Short: "Explain a setting: meaning, values, recommendation, create-only, docs",
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return errors.New("explain [KEY]: not implemented yet")
		},
	}
}
