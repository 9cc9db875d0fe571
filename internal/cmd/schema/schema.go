// Package schema implements `cogwiz schema`.
package schema

import (
	"github.com/spf13/cobra"

	"github.com/cogwiz/cogwiz/internal/cmdutil"
	"github.com/cogwiz/cogwiz/internal/config"
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
		Long: `Print the JSON Schema (draft 2020-12) of cognito.yaml on stdout. Editors use it
for completion, hover help (the meaning, ⚠️ create-only and ⭐ recommended notes
of every key) and red squiggles under unknown keys and wrong values.

Files written by cogwiz already start with a line that points editors with the
YAML language server (VS Code's YAML extension, Neovim, Helix, JetBrains...)
at the published schema:

  # yaml-language-server: $schema=` + config.SchemaURL + `

To use a local copy instead (offline, or pinned to this cogwiz version), save
the schema and point that line, or your editor's settings, at the file:

  cogwiz schema > .cognito.schema.json
  # yaml-language-server: $schema=./.cognito.schema.json

In VS Code settings.json, without touching the file:

  "yaml.schemas": { "./.cognito.schema.json": "cognito.yaml" }`,
		Example: `  # save the schema for your editor
  cogwiz schema > .cognito.schema.json

  # check a file with any JSON Schema validator, e.g. check-jsonschema
  cogwiz schema > schema.json
  check-jsonschema --schemafile schema.json cognito.yaml`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return schemaRun(opts)
		},
	}
}

func schemaRun(opts *Options) error {
	b, err := config.JSONSchema()
	if err != nil {
		return err
	}
	_, err = opts.Factory.IOStreams.Out.Write(b)
	return err
}
