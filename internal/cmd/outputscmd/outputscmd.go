// Package outputscmd implements `cogwiz outputs`, and the outputs files
// that `cogwiz apply --outputs` writes.
package outputscmd

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/cogwiz/cogwiz/internal/apply"
	"github.com/cogwiz/cogwiz/internal/cmdutil"
	"github.com/cogwiz/cogwiz/internal/cognito"
	"github.com/cogwiz/cogwiz/internal/config"
	"github.com/cogwiz/cogwiz/internal/iostreams"
	"github.com/cogwiz/cogwiz/internal/outputs"
)

// Options holds the dependencies and flags of `cogwiz outputs`.
type Options struct {
	Factory *cmdutil.Factory
	IO      *iostreams.IOStreams

	File    string
	Files   []string
	Format  string
	PoolID  string
	Client  string
	targets []Target
}

// FormatsHelp explains the formats and how a file name picks one; apply
// shows it too.
const FormatsHelp = `The format comes from the file name, or from the format flag:

  amplify_outputs.json       amplify: aws-amplify v6 and Amplify Gen 2 apps,
                             Amplify.configure(outputs)
  aws-exports.js             aws-exports: aws-amplify v5 apps, as the Amplify CLI
                             writes it
  .env, NAME.env, .env.NAME  env: COGNITO_REGION, COGNITO_USER_POOL_ID,
                             COGNITO_CLIENT_ID, COGNITO_IDENTITY_POOL_ID,
                             COGNITO_ISSUER, COGNITO_DOMAIN, COGNITO_SCOPES,
                             COGNITO_REDIRECT_SIGN_IN, COGNITO_REDIRECT_SIGN_OUT,
                             COGNITO_RESPONSE_TYPE (the ones that have a value)
  anything else, or -        json: cogwiz's own, every id, ARN, URL and client

The front-end formats name one app client: --client NAME, or else the first
client in cognito.yaml without a secret (an app cannot keep a secret, so a
client with one is never named). They list the user pool, that client, the
identity pool, sign-in attributes, required and verified attributes, MFA,
the password policy, groups, and the hosted UI when the pool has a domain
and the client an OAuth flow with callback and sign-out URLs.

Everything comes from what Cognito holds, not from the file. Nothing secret
is ever written: no client secret, no identity provider secret, no value of
an environment variable.`

// NewCmdOutputs builds the command; runF replaces the run function in tests.
func NewCmdOutputs(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Factory: f, IO: f.IOStreams}
	cmd := &cobra.Command{
		Use:   "outputs [FILE...]",
		Short: "Write the app's configuration from what exists in Cognito",
		Long: `Read the user pool (and identity pool) that cognito.yaml describes and
write the files an app needs to talk to it, without changing anything.
The pool is found as plan finds it: user_pool.id, or the pool tagged with
resource_name. Without a FILE, or with -, the outputs go to stdout.

` + FormatsHelp + `

cogwiz apply --outputs FILE writes the same files right after applying.`,
		Example: `  # the front end's configuration, for Amplify.configure(outputs)
  cogwiz outputs src/amplify_outputs.json

  # several files at once, for a named app client
  cogwiz outputs amplify_outputs.json .env --client web

  # an aws-amplify v5 app
  cogwiz outputs src/aws-exports.js

  # print the env lines instead of writing a file
  cogwiz outputs --format env`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.File = f.ConfigPath()
			opts.Files = args
			if len(opts.Files) == 0 {
				opts.Files = []string{"-"}
			}
			ts, err := CheckTargets(opts.IO, opts.Files, opts.Format, "")
			if err != nil {
				return err
			}
			opts.targets = ts
			if runF != nil {
				return runF(opts)
			}
			return cognito.Friendly(outputsRun(cmd.Context(), opts))
		},
	}
	cmd.Flags().StringVar(&opts.Format, "format", "", "write every FILE in this `FORMAT`: amplify, aws-exports, env or json (default: from each file name)")
	cmd.Flags().StringVar(&opts.PoolID, "pool-id", "", "read this pool `ID`, not the one found by tag")
	cmd.Flags().StringVar(&opts.Client, "client", "", "the app client `NAME` the front-end formats name (default: the first without a secret)")
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions(outputs.Formats, cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.RegisterFlagCompletionFunc("client", ClientCompletion(f))
	return cmd
}

// ClientCompletion offers the app clients of the file -f names.
func ClientCompletion(f *cmdutil.Factory) cobra.CompletionFunc {
	return func(_ *cobra.Command, _ []string, _ string) ([]cobra.Completion, cobra.ShellCompDirective) {
		doc, err := config.Load(f.ConfigPath())
		if err != nil {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		var names []cobra.Completion
		for _, c := range doc.Config.AppClients {
			desc := "no secret"
			if c.GenerateSecret {
				desc = "has a secret: not for an app"
			}
			names = append(names, c.Name+"\t"+desc)
		}
		return names, cobra.ShellCompDirectiveNoFileComp
	}
}

func outputsRun(ctx context.Context, opts *Options) error {
	if ctx == nil {
		ctx = context.Background()
	}
	io := opts.IO
	// The file's warnings are plan's and apply's to show: nothing here
	// changes Cognito.
	doc, _, err := apply.LoadConfig(ctx, opts.File)
	if err != nil {
		return err
	}
	cfg := doc.Config
	if opts.PoolID != "" {
		cfg.UserPool.ID = opts.PoolID
	}
	client, err := PickClient(opts.targets, cfg, opts.Client)
	if err != nil {
		return err
	}
	api, ic, err := opts.Factory.PoolClients(ctx, io.ErrOut, cfg)
	if err != nil {
		return err
	}
	st, ident, err := apply.ReadLive(ctx, api, ic, cfg)
	if cognito.IsNotFound(err) && cfg.UserPool.ID != "" {
		return cmdutil.WithHint(fmt.Errorf("user pool %s (user_pool.id or --pool-id) does not exist here", cfg.UserPool.ID),
			"check the id (user_pool.id or --pool-id), --region and --profile")
	}
	if cognito.IsNotFound(err) {
		return cmdutil.WithHint(fmt.Errorf("user pool %s does not exist yet: no pool in this account and region is tagged %s=%s",
			cfg.UserPool.Name, cognito.TagResourceName, cfg.ResourceName),
			"run cogwiz apply first: it creates the pool and writes these files with --outputs")
	}
	if err != nil {
		return err
	}
	return Write(ctx, io, opts.targets, outputs.Input{State: st, Identity: ident, Desired: cfg, Client: client})
}
