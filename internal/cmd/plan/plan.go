// Package plan implements `cogwiz plan`.
package plan

import (
	"context"
	"os"

	"github.com/spf13/cobra"

	"github.com/cogwiz/cogwiz/internal/apply"
	"github.com/cogwiz/cogwiz/internal/cmdutil"
	"github.com/cogwiz/cogwiz/internal/cognito"
	"github.com/cogwiz/cogwiz/internal/iostreams"
	"github.com/cogwiz/cogwiz/internal/render"
)

// Options holds the dependencies and flags of `cogwiz plan`.
type Options struct {
	Factory   *cmdutil.Factory
	IO        *iostreams.IOStreams
	LookupEnv func(string) (string, bool)

	File             string
	JSON             bool
	DetailedExitCode bool
	PoolID           string
}

// NewCmdPlan builds the command; runF replaces the run function in tests.
func NewCmdPlan(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Factory: f, IO: f.IOStreams, LookupEnv: os.LookupEnv}
	cmd := &cobra.Command{
		Use:   "plan",
		Short: "Show what apply would change in Cognito",
		Long: `Compare cognito.yaml with what exists in Cognito and print the changes,
field by field, without changing anything.

The file is validated first; a problem stops the plan before any call to
AWS. The pool is found by user_pool.id when the file pins one, otherwise
by its cogwiz:resource-name tag, so the plan is the same from any machine.

  + create   ~ update in place   - delete   ∓ delete and create again
  ! BLOCKED: Cognito cannot make this change (create-only settings such as
    sign-in identifiers, case sensitivity, required attributes, a changed
    custom attribute or a client's secret); the line says why and the way out

Only what the file says is compared: a key left out keeps its value in
Cognito. Clients, groups, identity providers and resource servers missing
from the file are deleted only if cogwiz created them; others are listed
as left alone. Secrets are never shown.

The plan goes to stdout (it is data); progress goes to stderr.
Exit status: 0, or 1 on error; with --detailed-exitcode, 2 when there are
changes (blocked ones included).`,
		Example: `  # what would apply change?
  cogwiz plan

  # in CI: fail the job when Cognito drifted from the file
  cogwiz plan --detailed-exitcode

  # machine-readable plan
  cogwiz plan --json | jq '.changes[] | select(.action == "blocked")'

  # against cognito-local
  cogwiz plan --endpoint-url http://127.0.0.1:9229 --region us-east-1`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.File = f.ConfigPath()
			if runF != nil {
				return runF(opts)
			}
			return cognito.Friendly(planRun(cmd.Context(), opts))
		},
	}
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "print the plan as JSON on stdout")
	cmd.Flags().BoolVar(&opts.DetailedExitCode, "detailed-exitcode", false, "exit 2 when there are changes (0 none, 1 error)")
	cmd.Flags().StringVar(&opts.PoolID, "pool-id", "", "plan this pool `ID`, not the one found by tag")
	return cmd
}

func planRun(ctx context.Context, opts *Options) error {
	if ctx == nil {
		ctx = context.Background()
	}
	doc, err := cmdutil.LoadAndWarn(ctx, opts.IO, opts.File, true)
	if err != nil {
		return err
	}
	cfg := doc.Config
	if opts.PoolID != "" {
		cfg.UserPool.ID = opts.PoolID
	}
	sides, err := apply.FunctionSides(ctx, opts.File, cfg, opts.Factory.FunctionClients)
	if err != nil {
		return err
	}
	api, ic, err := opts.Factory.PoolClients(ctx, opts.IO.ErrOut, cfg)
	if err != nil {
		return err
	}
	sides.Identity, sides.Written = ic, doc.Written
	prep, err := apply.PrepareWith(ctx, api, sides, cfg, opts.LookupEnv)
	if err != nil {
		return err
	}
	p := prep.Plan
	if opts.JSON {
		err = render.PlanJSON(opts.IO.Out, p)
	} else {
		err = render.PlanText(opts.IO.Out, p, render.PlanOptions{Color: opts.IO.ColorEnabled() && opts.IO.IsStdoutTTY(), Width: opts.IO.TerminalWidth()})
	}
	if err != nil {
		return err
	}
	if opts.DetailedExitCode && p.HasChanges() {
		return &cmdutil.ExitError{Code: cmdutil.ExitChanges}
	}
	return nil
}
