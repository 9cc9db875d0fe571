// Package users implements `cogwiz users`: search and administer the
// users of the pool that cognito.yaml describes.
package users

import (
	"context"
	"errors"

	"github.com/spf13/cobra"

	"github.com/cogwiz/cogwiz/internal/cmdutil"
	"github.com/cogwiz/cogwiz/internal/cognito/users"
)

// Options holds the dependencies and flags of `cogwiz users` and its
// subcommands. Command says which subcommand runs.
type Options struct {
	Factory *cmdutil.Factory

	// Command is the subcommand: list, get, create, confirm, ...
	Command string
	// PoolID overrides the pool found from cognito.yaml.
	PoolID string

	User  string
	Group string

	// list
	Query     users.Query
	Limit     int
	JSON      bool
	JSONLines bool

	// create
	Attributes        map[string]string
	TemporaryPassword string
	Suppress          bool

	// set-password
	Password      string
	PasswordStdin bool
	Permanent     bool

	// delete
	Yes bool

	// mfa
	MFA users.MFAChange

	ctx context.Context
}

// NewCmdUsers builds the command; runF replaces the run function in tests.
func NewCmdUsers(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Factory: f}
	cmd := &cobra.Command{
		Use:   "users <command>",
		Short: "Find and manage the users of the pool",
		Long: `Search and administer the users of the pool that cognito.yaml describes
(found by its resource_name tag or user_pool.id), or of --pool-id.

USER is the username or, where the pool signs users in with them, their
email address or phone number. Input is checked against the pool first — its
schema, password policy and groups — so a mistake changes nothing.

Passwords are never printed. Give set-password its password on stdin
(--password-stdin) or at the hidden prompt to keep it out of shell history.`,
		Example: `  # everyone whose email starts with "jo", as a table
  cogwiz users list --email-prefix jo

  # Cognito's own filter syntax; one attribute, = or ^=
  cogwiz users list --filter 'email = "ada@example.com"' --json

  # create a user without sending an invitation, then put them in a group
  cogwiz users create ada --attribute email=ada@example.com --suppress
  cogwiz users add-to-group ada Admins

  # set a permanent password, read from stdin
  printf '%s' "$PASSWORD" | cogwiz users set-password ada --password-stdin --permanent`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return cmd.Help()
		},
	}
	cmd.PersistentFlags().StringVar(&opts.PoolID, "pool-id", "", "user pool id (default: the pool of cognito.yaml)")

	run := func(name string) func() error {
		return func() error {
			opts.Command = name
			if runF != nil {
				return runF(opts)
			}
			return usersRun(opts)
		}
	}
	cmd.AddCommand(
		newCmdList(opts, run("list")),
		newCmdGet(opts, run("get")),
		newCmdCreate(opts, run("create")),
		newCmdSimple(opts, run, simpleCmds["confirm"]),
		newCmdSimple(opts, run, simpleCmds["reset-password"]),
		newCmdSetPassword(opts, run("set-password")),
		newCmdSimple(opts, run, simpleCmds["enable"]),
		newCmdSimple(opts, run, simpleCmds["disable"]),
		newCmdDelete(opts, run("delete")),
		newCmdSimple(opts, run, simpleCmds["sign-out"]),
		newCmdGroupChange(opts, run, "add-to-group"),
		newCmdGroupChange(opts, run, "remove-from-group"),
		newCmdGroups(opts, run("groups")),
		newCmdMFA(opts, run("mfa")),
	)
	return cmd
}

// service connects to Cognito and finds the pool: --pool-id, or the pool
// cognito.yaml describes.
func (o *Options) service(ctx context.Context) (*users.Service, error) {
	api, err := o.Factory.Cognito(ctx)
	if err != nil {
		return nil, err
	}
	return users.Open(ctx, api, o.PoolID, o.Factory.ConfigFile)
}

// exitErr gives users.Error's hint to the error printer.
func exitErr(err error) error {
	var e *users.Error
	if errors.As(err, &e) && e.Hint != "" {
		return &cmdutil.ExitError{Code: cmdutil.ExitFailure, Err: err, Hint: e.Hint}
	}
	return err
}

func usersRun(o *Options) error {
	ctx := context.Background()
	if o.ctx != nil {
		ctx = o.ctx
	}
	s, err := o.service(ctx)
	if err != nil {
		return exitErr(err)
	}
	return exitErr(dispatch(ctx, o, s))
}
