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
	"github.com/cogwiz/cogwiz/internal/cmd/functionscmd"
	"github.com/cogwiz/cogwiz/internal/cmd/importcmd"
	"github.com/cogwiz/cogwiz/internal/cmd/initcmd"
	"github.com/cogwiz/cogwiz/internal/cmd/outputscmd"
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
	var noColor, accessible, showVersion bool
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
		SilenceUsage:  true,
		SilenceErrors: true,
		PersistentPreRunE: func(cmd *cobra.Command, args []string) error {
			if noColor {
				f.IOStreams.SetColorDisabled(true)
			}
			if accessible {
				f.IOStreams.SetAccessible(true)
			}
			// A malformed endpoint is refused before the command does anything.
			if err := cmdutil.CheckEndpoint(f.AWS.EndpointURL, "--endpoint-url"); err != nil {
				return &cmdutil.FlagError{Err: err}
			}
			return nil
		},
	}
	cmd.SetOut(f.IOStreams.Out)
	cmd.SetErr(f.IOStreams.ErrOut)
	cmd.SetIn(f.IOStreams.In)
	// --version is our own flag rather than cobra's: cobra prints its
	// version through a text/template, and a program that can run a
	// template keeps every exported method of every type (templates call
	// methods by name), which made the binary half again as large and
	// slower to start.
	cmd.Flags().BoolVarP(&showVersion, "version", "v", false, "print the cogwiz version")

	pf := cmd.PersistentFlags()
	pf.StringVarP(&f.ConfigFile, "file", "f", config.DefaultFile, "the configuration file")
	// The flags start from what the factory holds (empty on a fresh run),
	// so a tree built again by RunCommand keeps the values given at launch.
	pf.StringVar(&f.AWS.Profile, "profile", f.AWS.Profile, "AWS profile (default: AWS_PROFILE)")
	pf.StringVar(&f.AWS.Region, "region", f.AWS.Region, "AWS region (default: AWS_REGION or the profile's)")
	pf.StringVar(&f.AWS.EndpointURL, "endpoint-url", f.AWS.EndpointURL, "Cognito endpoint, e.g. http://127.0.0.1:9229\n(also AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER)")
	pf.BoolVar(&noColor, "no-color", false, "no colour in output (also NO_COLOR)")
	pf.BoolVar(&accessible, "accessible", false, "plain line prompts (also ACCESSIBLE=1)")

	initCmd := initcmd.NewCmdInit(f, nil)
	cmd.AddCommand(
		initCmd,
		update.NewCmdUpdate(f, nil),
		validate.NewCmdValidate(f, nil),
		explain.NewCmdExplain(f, nil),
		schema.NewCmdSchema(f, nil),
		plan.NewCmdPlan(f, nil),
		apply.NewCmdApply(f, nil),
		outputscmd.NewCmdOutputs(f, nil),
		destroy.NewCmdDestroy(f, nil),
		importcmd.NewCmdImport(f, nil),
		export.NewCmdExport(f, nil),
		functionscmd.NewCmdFunctions(f, nil),
		users.NewCmdUsers(f, nil),
		try.NewCmdTry(f, nil),
		newCmdVersion(f),
	)
	cmd.InitDefaultCompletionCmd()
	for _, c := range cmd.Commands() {
		if c.Name() == "completion" {
			c.Example = `  # bash, for this shell only
  source <(cogwiz completion bash)

  # zsh, for every new shell
  cogwiz completion zsh > "${fpath[1]}/_cogwiz"

  # fish
  cogwiz completion fish > ~/.config/fish/completions/cogwiz.fish

  # PowerShell
  cogwiz completion powershell | Out-String | Invoke-Expression`
		}
	}
	// Bare `cogwiz` runs the wizard, with init's flags.
	cmd.Flags().AddFlagSet(initCmd.LocalFlags())
	cmd.RunE = func(c *cobra.Command, args []string) error {
		if showVersion {
			return printVersion(f)
		}
		return initCmd.RunE(c, args)
	}
	f.RunCommand = func(ctx context.Context, args []string) error {
		sub := NewCmdRoot(f)
		sub.SetArgs(args)
		return sub.ExecuteContext(ctx)
	}
	cmd.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return &cmdutil.FlagError{Err: err}
	})
	guardGroups(cmd)
	return cmd
}

// guardGroups makes every command that only groups others (export, import,
// users) refuse an unknown subcommand with a usage error instead of
// printing its help and exiting 0, which would let a typo pass in a script.
func guardGroups(cmd *cobra.Command) {
	for _, c := range cmd.Commands() {
		guardGroups(c)
	}
	if !cmd.HasParent() || !cmd.HasSubCommands() || cmd.Runnable() {
		return
	}
	cmd.Args = cobra.ArbitraryArgs
	cmd.SuggestionsMinimumDistance = 2
	cmd.RunE = func(c *cobra.Command, args []string) error {
		if len(args) == 0 {
			return c.Help()
		}
		var names []string
		for _, sub := range c.Commands() {
			if sub.IsAvailableCommand() {
				names = append(names, sub.Name())
			}
		}
		msg := fmt.Sprintf("unknown command %q for %q: use one of %s", args[0], c.CommandPath(), strings.Join(names, ", "))
		if s := c.SuggestionsFor(args[0]); len(s) > 0 {
			msg = fmt.Sprintf("unknown command %q for %q: did you mean %q?", args[0], c.CommandPath(), s[0])
		}
		return cmdutil.FlagErrorf("%s", msg)
	}
}

func newCmdVersion(f *cmdutil.Factory) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print the cogwiz version",
		Long: `Print the version of this cogwiz binary on stdout. Include it when you
report a problem; ` + "`cogwiz --version`" + ` prints the same.`,
		Example: `  cogwiz version`,
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return printVersion(f)
		},
	}
}

func printVersion(f *cmdutil.Factory) error {
	_, err := fmt.Fprintf(f.IOStreams.Out, "cogwiz %s\n", f.Version)
	return err
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
	ran, err := cmd.ExecuteContextC(ctx)
	if ran == nil {
		ran = cmd
	}
	if err == nil {
		return cmdutil.ExitOK
	}
	if ctx.Err() != nil && !errors.Is(err, cmdutil.ErrCancelled) {
		err = cmdutil.ErrCancelled
	}
	if isUsageError(err) {
		err = &cmdutil.FlagError{Err: argsError(ran, err)}
	}
	printError(f, ran, err)
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

// argsError rewords cobra's argument-count errors ("accepts 1 arg(s),
// received 0") to show the command's usage line instead.
func argsError(c *cobra.Command, err error) error {
	msg := err.Error()
	switch {
	case strings.HasPrefix(msg, "accepts ") || strings.HasPrefix(msg, "requires "):
		return fmt.Errorf("wrong number of arguments: usage is `%s`", strings.TrimSuffix(c.UseLine(), " [flags]"))
	case strings.HasPrefix(msg, "unknown command ") && c.HasParent() && !c.HasSubCommands():
		// cobra.NoArgs reports a stray argument as an unknown command.
		return fmt.Errorf("`%s` takes no arguments, but got %s", c.CommandPath(), strings.TrimPrefix(strings.SplitN(msg, " for ", 2)[0], "unknown command "))
	}
	return err
}

func printError(f *cmdutil.Factory, cmd *cobra.Command, err error) {
	w := f.IOStreams.ErrOut
	switch {
	case errors.Is(err, cmdutil.ErrCancelled):
		fmt.Fprintln(w)
		if err != cmdutil.ErrCancelled {
			fmt.Fprintln(w, err)
		}
		return
	case errors.Is(err, cmdutil.ErrSilent):
		return
	}
	if ee, ok := err.(*cmdutil.ExitError); ok && ee.Err == nil {
		return // the command printed what it had to say
	}
	msg, hint := cmdutil.Explain(err)
	var fe *cmdutil.FlagError
	if errors.As(err, &fe) && hint == "" {
		hint = fmt.Sprintf("run `%s --help` for usage", cmd.CommandPath())
	}
	cmdutil.Say(f.IOStreams, "error", msg)
	if hint != "" {
		cmdutil.Hint(f.IOStreams, hint)
	}
}
