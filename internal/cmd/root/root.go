// Package root assembles the cogwiz command tree and turns a command's
// error into an exit code and a message on stderr.
package root

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"github.com/spf13/cobra"

	"github.com/cogwiz/cogwiz/internal/cmd/apply"
	"github.com/cogwiz/cogwiz/internal/cmd/destroy"
	"github.com/cogwiz/cogwiz/internal/cmd/explain"
	"github.com/cogwiz/cogwiz/internal/cmd/export"
	"github.com/cogwiz/cogwiz/internal/cmd/importcmd"
	"github.com/cogwiz/cogwiz/internal/cmd/initcmd"
	"github.com/cogwiz/cogwiz/internal/cmd/man"
	"github.com/cogwiz/cogwiz/internal/cmd/plan"
	"github.com/cogwiz/cogwiz/internal/cmd/schema"
	"github.com/cogwiz/cogwiz/internal/cmd/try"
	"github.com/cogwiz/cogwiz/internal/cmd/update"
	"github.com/cogwiz/cogwiz/internal/cmd/users"
	"github.com/cogwiz/cogwiz/internal/cmd/validate"
	"github.com/cogwiz/cogwiz/internal/cmdutil"
	"github.com/cogwiz/cogwiz/internal/config"
)

// NewCmdRoot builds the whole command tree over f.
func NewCmdRoot(f *cmdutil.Factory) *cobra.Command {
	var noColor, accessible bool
	cmd := &cobra.Command{
		Use:   "cogwiz",
		Short: "Set up AWS Cognito auth from your terminal, transparently",
		Long: `cogwiz asks the questions amplify add auth asks, writes cognito.yaml — a file
that explains every setting — and can plan and apply it to Cognito directly,
or export it to CloudFormation, Terraform or an AWS CLI script.

  ⚠️  marks a choice that can never be changed once the pool exists
  ⭐  marks the recommended choice, with the reason
  📝  links the AWS documentation

Run without a command, cogwiz starts the wizard (cogwiz init).`,
		Example: `  # answer the questions and write cognito.yaml
  cogwiz

  # no questions: write the recommended configuration
  cogwiz init --defaults

  # check the file, see what would change, then apply it
  cogwiz validate
  cogwiz plan
  cogwiz apply

  # what does a setting mean?
  cogwiz explain user_pool.sign_in.username_attributes`,
		Version:       f.Version,
		SilenceUsage:  true,
		SilenceErrors: true,
		PersistentPreRun: func(cmd *cobra.Command, args []string) {
			if noColor {
				f.IOStreams.SetColorDisabled(true)
			}
			if accessible {
				f.IOStreams.SetAccessible(true)
			}
		},
	}
	cmd.SetOut(f.IOStreams.Out)
	cmd.SetErr(f.IOStreams.ErrOut)
	cmd.SetIn(f.IOStreams.In)
	cmd.SetVersionTemplate("cogwiz {{.Version}}\n")

	pf := cmd.PersistentFlags()
	pf.StringVarP(&f.ConfigFile, "file", "f", config.DefaultFile, "the configuration file")
	pf.StringVar(&f.AWS.Profile, "profile", "", "AWS profile from your shared config (default: AWS_PROFILE or default)")
	pf.StringVar(&f.AWS.Region, "region", "", "AWS region (default: AWS_REGION or your profile's region)")
	pf.StringVar(&f.AWS.EndpointURL, "endpoint-url", "", "Cognito endpoint, e.g. http://127.0.0.1:9229 for cognito-local\n(also AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER or AWS_ENDPOINT_URL)")
	pf.BoolVar(&noColor, "no-color", false, "no colour in output (also NO_COLOR)")
	pf.BoolVar(&accessible, "accessible", false, "plain line prompts for screen readers (also ACCESSIBLE=1)")

	initCmd := initcmd.NewCmdInit(f, nil)
	cmd.AddCommand(
		initCmd,
		update.NewCmdUpdate(f, nil),
		validate.NewCmdValidate(f, nil),
		explain.NewCmdExplain(f, nil),
		schema.NewCmdSchema(f, nil),
		plan.NewCmdPlan(f, nil),
		apply.NewCmdApply(f, nil),
		destroy.NewCmdDestroy(f, nil),
		importcmd.NewCmdImport(f, nil),
		export.NewCmdExport(f, nil),
		users.NewCmdUsers(f, nil),
		try.NewCmdTry(f, nil),
		newCmdVersion(f),
		man.NewCmdMan(f, nil),
	)
	// Bare `cogwiz` runs the wizard, with init's flags.
	cmd.Flags().AddFlagSet(initCmd.LocalFlags())
	cmd.RunE = func(c *cobra.Command, args []string) error {
		return initCmd.RunE(c, args)
	}
	cmd.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return &cmdutil.FlagError{Err: err}
	})
	return cmd
}

func newCmdVersion(f *cmdutil.Factory) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print the cogwiz version",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			_, err := fmt.Fprintf(f.IOStreams.Out, "cogwiz %s\n", f.Version)
			return err
		},
	}
}

// Main runs cogwiz with args and returns the process exit code.
func Main(version string, args []string) int {
	f := cmdutil.New(version)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return Run(ctx, f, args)
}

// Run executes the command tree over f; tests call it with fake streams.
func Run(ctx context.Context, f *cmdutil.Factory, args []string) int {
	cmd := NewCmdRoot(f)
	cmd.SetArgs(args)
	err := cmd.ExecuteContext(ctx)
	if err == nil {
		return cmdutil.ExitOK
	}
	if ctx.Err() != nil && !errors.Is(err, cmdutil.ErrCancelled) {
		err = cmdutil.ErrCancelled
	}
	if isUsageError(err) {
		err = &cmdutil.FlagError{Err: err}
	}
	printError(f, cmd, err)
	return cmdutil.ExitCodeOf(err)
}

// isUsageError recognises cobra's own argument errors, which arrive as
// plain errors, so that they exit 3 like our flag errors.
func isUsageError(err error) bool {
	var fe *cmdutil.FlagError
	if errors.As(err, &fe) {
		return false
	}
	msg := err.Error()
	for _, p := range []string{"unknown command", "unknown flag", "unknown shorthand flag", "accepts ", "requires at least", "requires at most", "requires exactly", "invalid argument", "flag needs an argument", "required flag"} {
		if strings.HasPrefix(msg, p) {
			return true
		}
	}
	return false
}

func printError(f *cmdutil.Factory, cmd *cobra.Command, err error) {
	w := f.IOStreams.ErrOut
	switch {
	case errors.Is(err, cmdutil.ErrCancelled):
		fmt.Fprintln(w)
		return
	case errors.Is(err, cmdutil.ErrSilent):
		return
	}
	var fe *cmdutil.FlagError
	if errors.As(err, &fe) {
		fmt.Fprintf(w, "error: %s\n", err)
		fmt.Fprintln(w, "hint: run `cogwiz --help` or `cogwiz <command> --help` for usage")
		return
	}
	var ee *cmdutil.ExitError
	if errors.As(err, &ee) {
		if ee.Err != nil {
			fmt.Fprintf(w, "error: %s\n", ee.Err)
		}
		if ee.Hint != "" {
			fmt.Fprintf(w, "hint: %s\n", ee.Hint)
		}
		return
	}
	fmt.Fprintf(w, "error: %s\n", err)
}
