// Package apply implements `cogwiz apply`.
package apply

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"

	"github.com/cogwiz/cogwiz/internal/apply"
	"github.com/cogwiz/cogwiz/internal/cmd/outputscmd"
	"github.com/cogwiz/cogwiz/internal/cmdutil"
	"github.com/cogwiz/cogwiz/internal/cognito"
	"github.com/cogwiz/cogwiz/internal/iostreams"
	"github.com/cogwiz/cogwiz/internal/outputs"
	"github.com/cogwiz/cogwiz/internal/render"
)

// Options holds the dependencies and flags of `cogwiz apply`.
type Options struct {
	Factory   *cmdutil.Factory
	IO        *iostreams.IOStreams
	LookupEnv func(string) (string, bool)
	// AskSecret reads a secret without echo (terminal only).
	AskSecret func(name string) (string, error)

	File          string
	AutoApprove   bool
	OutputsFiles  []string
	OutputsFormat string
	Client        string
	PoolID        string
	targets       []outputscmd.Target
}

// NewCmdApply builds the command; runF replaces the run function in tests.
func NewCmdApply(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Factory: f, IO: f.IOStreams, LookupEnv: os.LookupEnv}
	opts.AskSecret = func(name string) (string, error) { return askHidden(opts.IO, name) }
	cmd := &cobra.Command{
		Use:   "apply",
		Short: "Make Cognito match cognito.yaml",
		Long: `Plan, show the plan, ask for "yes", and make Cognito match cognito.yaml.

apply reads the pool again and plans again (the same plan as cogwiz plan),
and refuses to start while anything is BLOCKED: nothing is changed then.
Only "yes" approves; without a terminal pass --auto-approve.

Updates are read-modify-write: Cognito resets every setting an update
leaves out, so cogwiz reads the pool (or client), changes only what the
plan shows and sends the rest back as it was. The pool is tagged with
resource_name when it is created, so apply from a fresh clone updates the
same pool, and an apply that stopped half-way finishes when run again.

Secrets (identity provider client secrets, Apple private keys) are
${env:NAME} references in the file, read when apply starts; a missing
variable stops apply before any call. On a terminal cogwiz asks for it
without echo. Secrets are never written, printed or logged.

With services: user_pool_and_identity_pool, apply also creates the
identity pool (after the app clients it trusts), its authenticated and
unauthenticated IAM roles and one role per group (each trusted by this
identity pool only, with no permissions unless the file lists managed
policies), then attaches the roles to the pool and the groups.

The capabilities under user_pool.capabilities run as trigger functions
whose sources cogwiz generated (cogwiz functions generate). apply deploys
each from its folder: an execution role with only the permissions its code
needs, the function, and a permission that lets this pool alone invoke it;
then it points the trigger at it. Unchanged code is not uploaded again.

When the changes are made, apply reads everything back: any remaining
difference is an error. Then it prints the outputs (pool id and ARN,
client ids, issuer, JWKS and hosted UI URLs, each OAuth client's ready-made
sign-in and sign-out URL, the identity pool id and role ARNs) and, for
Lambda triggers, the aws lambda add-permission command Cognito needs.

--outputs FILE, as often as you like, also writes them for your app, from
what was read back.

` + outputscmd.FormatsHelp + `

Every --outputs path, its format and --client are checked before the first
change. cogwiz outputs writes the same files later without applying
anything.

Ctrl-C during the changes starts no further call, lets the ones under way
finish (15 seconds at most), prints what was made, and exits 130; running
apply again finishes the job.`,
		Example: `  # review the plan and type yes
  cogwiz apply

  # in CI, and write the app's configuration for Amplify.configure
  cogwiz apply --auto-approve --outputs src/amplify_outputs.json

  # an aws-amplify v5 app and a .env file for the backend, in one apply
  cogwiz apply --outputs src/aws-exports.js --outputs .env

  # cogwiz's own JSON: every id, ARN and URL
  cogwiz apply --auto-approve --outputs cognito-outputs.json

  # an identity provider secret comes from the environment
  GOOGLE_CLIENT_SECRET=... cogwiz apply`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.File = f.ConfigPath()
			if !opts.AutoApprove && !opts.IO.CanPrompt() {
				return cmdutil.FlagErrorf("apply asks for confirmation and there is no terminal: pass --auto-approve")
			}
			if opts.OutputsFormat != "" && len(opts.OutputsFiles) == 0 {
				return cmdutil.FlagErrorf("--outputs-format needs --outputs FILE")
			}
			ts, err := outputscmd.CheckTargets(opts.IO, opts.OutputsFiles, opts.OutputsFormat, "--outputs")
			if err != nil {
				return err
			}
			opts.targets = ts
			if runF != nil {
				return runF(opts)
			}
			return cognito.Friendly(applyRun(cmd.Context(), opts))
		},
	}
	cmd.Flags().BoolVar(&opts.AutoApprove, "auto-approve", false, "apply without asking for yes")
	cmd.Flags().StringArrayVar(&opts.OutputsFiles, "outputs", nil, "also write the outputs to `FILE`, in the format its name says (repeatable; never a secret)")
	cmd.Flags().StringVar(&opts.OutputsFormat, "outputs-format", "", "write every --outputs file in this `FORMAT`: amplify, aws-exports, env or json")
	cmd.Flags().StringVar(&opts.Client, "client", "", "the app client `NAME` the front-end outputs name (default: the first without a secret)")
	cmd.Flags().StringVar(&opts.PoolID, "pool-id", "", "apply to this pool `ID`, not the one found by tag")
	_ = cmd.RegisterFlagCompletionFunc("outputs-format", cobra.FixedCompletions(outputs.Formats, cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.RegisterFlagCompletionFunc("client", outputscmd.ClientCompletion(f))
	return cmd
}

func applyRun(ctx context.Context, opts *Options) error {
	if ctx == nil {
		ctx = context.Background()
	}
	io := opts.IO
	doc, err := cmdutil.LoadAndWarn(ctx, io, opts.File, false)
	if err != nil {
		return err
	}
	cfg := doc.Config
	if opts.PoolID != "" {
		cfg.UserPool.ID = opts.PoolID
	}
	// The app client the outputs name is chosen before any change, so a
	// wrong --client stops apply with nothing changed.
	client, err := outputscmd.PickClient(opts.targets, cfg, opts.Client)
	if err != nil {
		return err
	}
	var ask func(string) (string, error)
	if io.CanPrompt() && opts.AskSecret != nil {
		ask = opts.AskSecret
	}
	secrets, err := apply.ResolveSecrets(cfg, opts.LookupEnv, ask)
	if err != nil {
		return err
	}
	sides, err := apply.FunctionSides(ctx, opts.File, cfg, opts.Factory.FunctionClients)
	if err != nil {
		return err
	}
	api, ic, err := opts.Factory.PoolClients(ctx, io.ErrOut, cfg)
	if err != nil {
		return err
	}
	sides.Identity, sides.Written = ic, doc.Written
	prep, err := apply.PrepareWith(ctx, api, sides, cfg, opts.LookupEnv)
	if err != nil {
		return err
	}
	st, p := prep.State, prep.Plan
	color := io.ColorEnabled() && io.IsStdoutTTY()
	if err := render.PlanText(io.Out, p, render.PlanOptions{Color: color, Width: io.TerminalWidth()}); err != nil {
		return err
	}
	if b := p.Blocked(); len(b) > 0 {
		return cmdutil.WithHint(fmt.Errorf("%d change(s) are blocked; nothing was changed", len(b)),
			"put the blocked settings back as they are in Cognito, or follow the way out printed under each one")
	}
	if p.HasChanges() {
		if !opts.AutoApprove {
			ok, err := confirm(ctx, io)
			if err != nil {
				return err
			}
			if !ok {
				return errors.New("apply cancelled: only 'yes' approves; nothing was changed")
			}
		}
	}
	res, err := apply.Run(ctx, apply.Options{
		API: api, Desired: cfg, State: st, Plan: p, Secrets: secrets, LookupEnv: opts.LookupEnv,
		Identity: ic, IdentityState: prep.Identity,
		Functions: sides.Functions, FunctionState: prep.Functions, Bundles: sides.Bundles,
		Progress: func(s string) { fmt.Fprintln(io.ErrOut, s) },
	})
	var stopped *apply.InterruptedError
	if errors.As(err, &stopped) {
		writeInterrupted(io, stopped)
		return fmt.Errorf("%w: %w", cmdutil.ErrCancelled, err)
	}
	if err != nil {
		const again = "run cogwiz apply again: it finds the same pool and finishes what is left"
		hint := "fix the cause and " + again
		err = cognito.Friendly(err)
		var ce *cognito.Error
		if errors.As(err, &ce) && ce.Hint() != "" {
			hint = ce.Hint() + "; then " + again
		}
		return cmdutil.WithHint(fmt.Errorf("apply stopped: %w", err), hint)
	}
	out := outputs.NewSummary(res.State, res.Identity, cfg)
	if err := render.PlanOutputs(io.Out, out, apply.LambdaPermissionCommands(cfg.UserPool.Triggers, res.PoolARN)); err != nil {
		return err
	}
	in := outputs.Input{State: res.State, Identity: res.Identity, Desired: cfg, Client: client}
	if err := outputscmd.Write(ctx, io, opts.targets, in); err != nil {
		return err
	}
	if p.HasChanges() {
		fmt.Fprintln(io.ErrOut, "Apply complete: Cognito matches the file.")
	}
	return nil
}

// confirm asks Terraform's question; only "yes" approves. Ctrl-C or the
// end of input cancels at once, before any call that changes Cognito.
func confirm(ctx context.Context, io *iostreams.IOStreams) (bool, error) {
	line, err := cmdutil.ReadLine(ctx, io.In, io.ErrOut, "\nDo you want to perform these actions?\n  Only 'yes' will be accepted to approve.\n\n  Enter a value: ")
	if err != nil {
		return false, err
	}
	return strings.TrimSpace(line) == "yes", nil
}

// askHidden reads a secret from the terminal without echo.
func askHidden(io *iostreams.IOStreams, name string) (string, error) {
	f, ok := io.In.(*os.File)
	if !ok {
		return "", fmt.Errorf("environment variable %s is not set", name)
	}
	fmt.Fprintf(io.ErrOut, "%s is not set; enter its value (not shown): ", name)
	b, err := term.ReadPassword(f.Fd())
	fmt.Fprintln(io.ErrOut)
	if err != nil {
		return "", fmt.Errorf("reading %s: %w", name, err)
	}
	return string(b), nil
}

// writeInterrupted says, after Ctrl-C during apply, what exists now and how
// to finish: the calls under way were allowed to end, none started after.
func writeInterrupted(io *iostreams.IOStreams, e *apply.InterruptedError) {
	w := io.ErrOut
	fmt.Fprintln(w, "\nStopped (Ctrl-C): no call was started after it; the ones under way were allowed to finish.")
	if e.Err != nil {
		fmt.Fprintf(w, "A call did not finish within the grace and was cut off (whether it took effect is unknown; running apply again looks it up): %v\n", cognito.Friendly(e.Err))
	}
	if len(e.Done) == 0 {
		fmt.Fprintln(w, "Nothing was changed in Cognito.")
		return
	}
	fmt.Fprintln(w, "Made before stopping:")
	for _, d := range e.Done {
		fmt.Fprintf(w, "  %s\n", d)
	}
	fmt.Fprintln(w, "Run cogwiz apply again to finish: it finds the pool by its tag and makes only what is still missing.")
}
