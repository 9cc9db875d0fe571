// Package functionscmd implements `cogwiz functions`: the Lambda trigger
// functions cogwiz generates for the capabilities in cognito.yaml.
package functionscmd

import (
	"context"
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/cogwiz/cogwiz/internal/apply"
	"github.com/cogwiz/cogwiz/internal/cmd/initcmd"
	"github.com/cogwiz/cogwiz/internal/cmdutil"
	"github.com/cogwiz/cogwiz/internal/config"
	"github.com/cogwiz/cogwiz/internal/functions"
	"github.com/cogwiz/cogwiz/internal/iostreams"
)

// Options holds the dependencies and flags of `cogwiz functions generate`.
type Options struct {
	IO *iostreams.IOStreams
	// File is the configuration file (the common -f flag).
	File string
}

// NewCmdFunctions builds `cogwiz functions` and its subcommands; runF
// replaces the run function of generate in tests.
func NewCmdFunctions(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "functions",
		Short: "The Lambda trigger functions cogwiz generates for your capabilities",
		Long: `Each capability in user_pool.capabilities (add user to group, email domain
filters, verification link, reCAPTCHA, custom auth scaffolding, ID token
claims) is served by a Lambda trigger function whose Node.js source cogwiz
generates beside cognito.yaml, one folder per trigger, unless the trigger
under user_pool.triggers holds the ARN of your own function. cogwiz apply
deploys each function with its execution role and invoke permission and
points the trigger at it; the exports include them too.

The source is yours: edit it freely, cogwiz never overwrites a file you
edited. cogwiz init and cogwiz update generate the sources after writing
the file; cogwiz functions generate does it on demand.`,
		Example: `  # write or refresh the sources beside cognito.yaml
  cogwiz functions generate`,
		Args: cobra.NoArgs,
	}
	cmd.AddCommand(newCmdGenerate(f, runF))
	return cmd
}

func newCmdGenerate(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{IO: f.IOStreams}
	return &cobra.Command{
		Use:   "generate",
		Short: "Write the trigger functions' sources for cognito.yaml",
		Long: `Write the Node.js source of every trigger function the capabilities in
cognito.yaml need, into functions.source_dir (cognito-functions/ beside the
file unless set): per trigger an index.mjs that runs one module per
capability, as Amplify's trigger template did. Settings such as the group
or the domains are not in the code: they reach the function as environment
variables when it is deployed, and a secret stays a ${env:NAME} reference.

cogwiz records what it wrote in cogwiz-generated.json in that folder, and
says for each file whether it was written, updated, unchanged, removed, or
edited by you and left alone. A file you edited is never overwritten; a
file cogwiz wrote and no longer needs is removed only if you did not edit
it. Commit the folder with cognito.yaml.

The file must validate first: run cogwiz validate to see every problem.`,
		Example: `  # write or refresh cognito-functions/ beside cognito.yaml
  cogwiz functions generate

  # another file: its functions go beside it
  cogwiz functions generate -f auth/cognito.yaml

  # see what changed since the last time
  cogwiz functions generate && git status cognito-functions/`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.File = f.ConfigPath()
			if runF != nil {
				return runF(opts)
			}
			return generateRun(cmd.Context(), opts)
		},
	}
}

func generateRun(ctx context.Context, opts *Options) error {
	if ctx == nil {
		ctx = context.Background()
	}
	if err := cmdutil.NeedConfigFile(opts.File); err != nil {
		return err
	}
	if kind, err := config.CheckOutput(opts.File); err != nil || kind != config.OutputFile {
		// The sources go in the file's folder: for /dev/stdin that is /dev.
		return cmdutil.WithHint(fmt.Errorf("%s is not a regular file", opts.File),
			"the functions are written beside cognito.yaml: pass -f with the file itself")
	}
	doc, _, err := apply.LoadConfig(ctx, opts.File)
	if err != nil {
		return err
	}
	if len(functions.Functions(doc.Config)) == 0 && !hasManifest(opts.File, doc.Config) {
		fmt.Fprintf(opts.IO.ErrOut, "No trigger functions to generate: no capability in %s needs one (a trigger that holds an ARN runs your own function).\n", opts.File)
		return nil
	}
	return initcmd.GenerateFunctions(opts.IO.ErrOut, opts.File, doc.Config)
}

// hasManifest reports whether an earlier run left sources that may now
// have to go.
func hasManifest(file string, c *config.Config) bool {
	_, err := os.Stat(functions.ManifestPath(file, c))
	return err == nil
}
