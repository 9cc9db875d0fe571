package importcmd

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/cogwiz/cogwiz/internal/amplify"
	"github.com/cogwiz/cogwiz/internal/cmdutil"
)

func newCmdAmplify(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Factory: f, IO: f.IOStreams, Source: "amplify", DeploymentSecrets: amplify.DefaultDeploymentSecrets()}
	cmd := &cobra.Command{
		Use:   "amplify PATH",
		Short: "Convert an Amplify Gen 1 auth resource into cognito.yaml",
		Long: `Convert an Amplify Gen 1 auth resource (what amplify add auth wrote) into
cognito.yaml, as Amplify deploys it.

PATH is the Amplify project root (the folder holding amplify/), one auth
resource folder, or its cli-inputs.json. backend-config.json says which
resource Amplify deploys; when several are deployed, cogwiz asks which one
on a terminal; otherwise name it with --resource.

Besides cli-inputs.json, cogwiz reads backend-config.json (which resource
and which groups are deployed), amplify/cli.json (feature flags), the
group precedence file, the per-environment values in
amplify/team-provider-info.json (trigger settings such as GROUP or
DOMAINDENYLIST, identity-pool app ids, the account and stack that name
Amplify's SMS role) and the provider client ids in
~/.aws/amplify/deployment-secrets.json. A resource that still has only
parameters.json is read together with the CloudFormation template it is
deployed from.

Both Amplify app clients are carried over: <name>_app_clientWeb (no secret)
and <name>_app_client, with the same settings.

Nothing is dropped silently: every Amplify setting that is not in the new
file is listed on stderr as "not carried over: <setting> — why; what to do"
(a trigger's Lambda ARN, for example, exists only once Amplify deployed it).

Secrets (provider client secrets, Apple's private key, the reCaptcha secret)
are never copied: the file gets ${env:NAME} references and cogwiz lists the
variables to set. Values Amplify keeps outside the project (a provider's
client id, the SMS role when it cannot be named) are references too, which
plan and apply read from the environment.

With several environments and no --env, values they all agree on are
taken and the ones that differ are listed. Amplify adds -<env> to the pool
name and the domain prefix when it deploys; --env NAME does the same, so
the file matches that deployed environment.

A pool Amplify imported (amplify import auth) is pinned by its id and its
app clients' ids from the chosen environment, and nothing else is made up:
run cogwiz import pool with that id for its live settings.`,
		Example: `  # the project in the current folder
  cogwiz import amplify .

  # match the deployed "prod" environment (pool name and domain get -prod)
  cogwiz import amplify ~/src/shop --env prod

  # a project with two auth resources
  cogwiz import amplify ~/src/shop --resource shopauth

  # one file, printed instead of written
  cogwiz import amplify amplify/backend/auth/shopauth/cli-inputs.json -o -`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Path = args[0]
			if runF != nil {
				return runF(opts)
			}
			return amplifyRun(cmd.Context(), opts)
		},
	}
	addOutputFlags(cmd, opts)
	cmd.Flags().StringVar(&opts.Resource, "resource", "", "auth resource to import, when there are several")
	cmd.Flags().StringVar(&opts.Env, "env", "", "Amplify environment: its values and -<env> suffixes")
	return cmd
}

func amplifyRun(ctx context.Context, opts *Options) error {
	if ctx == nil {
		ctx = context.Background()
	}
	output, err := checkOverwrite(opts)
	if err != nil {
		return err
	}
	// Folder names and file contents are the project's, perhaps someone
	// else's: everything from them is made printable before it reaches the
	// terminal.
	resources, err := amplify.FindResources(opts.Path)
	if err != nil {
		return printableError{err}
	}
	res, err := amplify.Pick(resources, opts.Resource)
	var multi *amplify.MultipleResourcesError
	if errors.As(err, &multi) {
		if !opts.IO.CanPrompt() {
			return cmdutil.FlagErrorf("%s", cmdutil.Printable(err.Error()))
		}
		var choices []amplify.Resource
		for _, r := range resources {
			if slices.Contains(multi.Names, r.Name) {
				choices = append(choices, r)
			}
		}
		res, err = chooseResource(ctx, opts, choices)
	}
	if err != nil {
		return printableError{err}
	}
	r, err := amplify.ImportResource(res, amplify.Options{Env: opts.Env, DeploymentSecrets: opts.DeploymentSecrets})
	var envErr *amplify.EnvRequiredError
	if errors.As(err, &envErr) {
		return cmdutil.FlagErrorf("%s", envErr)
	}
	if err != nil {
		return printableError{err}
	}
	fmt.Fprintf(opts.IO.ErrOut, "imported %s (%s)\n", cmdutil.Printable(res.Name), cmdutil.Printable(res.File))
	fmt.Fprint(opts.IO.ErrOut, cmdutil.Printable(r.Summary()))
	return write(ctx, opts.IO, output, opts.Force, r.Config, opts.Comments)
}

// chooseResource asks which resource to import: a numbered list on stderr,
// the answer read from stdin.
func chooseResource(ctx context.Context, opts *Options, res []amplify.Resource) (amplify.Resource, error) {
	fmt.Fprintln(opts.IO.ErrOut, "The project has several auth resources:")
	for i, r := range res {
		fmt.Fprintf(opts.IO.ErrOut, "  %d. %s\n", i+1, cmdutil.Printable(r.Name))
	}
	in := bufio.NewReader(opts.IO.In)
	for {
		line, err := cmdutil.ReadLine(ctx, in, opts.IO.ErrOut, fmt.Sprintf("Which one? [1-%d] ", len(res)))
		if err != nil {
			return amplify.Resource{}, err
		}
		a := strings.TrimSpace(line)
		if n, err := strconv.Atoi(a); err == nil && n >= 1 && n <= len(res) {
			return res[n-1], nil
		}
		for _, r := range res {
			if r.Name == a {
				return r, nil
			}
		}
		fmt.Fprintf(opts.IO.ErrOut, "Answer with a number from 1 to %d.\n", len(res))
	}
}

// printableError shows err with its control characters escaped (see
// cmdutil.Printable); errors.Is and errors.As still see err.
type printableError struct{ err error }

func (e printableError) Error() string { return cmdutil.Printable(e.err.Error()) }
func (e printableError) Unwrap() error { return e.err }
