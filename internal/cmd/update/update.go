// Package update implements `cogwiz update`: Amplify's update walk over
// an existing cognito.yaml.
package update

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"time"

	"github.com/spf13/cobra"

	"github.com/cogwiz/cogwiz/internal/cmd/initcmd"
	"github.com/cogwiz/cogwiz/internal/cmdutil"
	"github.com/cogwiz/cogwiz/internal/cognito"
	"github.com/cogwiz/cogwiz/internal/config"
	"github.com/cogwiz/cogwiz/internal/iostreams"
	"github.com/cogwiz/cogwiz/internal/prompt"
	"github.com/cogwiz/cogwiz/internal/questions/builtin"
	"github.com/cogwiz/cogwiz/internal/wizard"
)

// Options holds the dependencies and flags of `cogwiz update`.
type Options struct {
	Factory *cmdutil.Factory
	IO      *iostreams.IOStreams
	// Prompter asks the questions; nil builds one for IO.
	Prompter prompt.Prompter
	// PoolExists reports whether the pool of cfg was created already, which
	// locks the create-only questions. The default asks Cognito (pinned id
	// or resource-name tag) and falls back to PinnedPoolExists.
	PoolExists func(ctx context.Context, cfg *config.Config) bool

	File        string
	AnswersFile string
	Yes         bool
	// Comments is how much the rewritten file explains (--comments);
	// without the flag the file keeps the style it has.
	Comments     config.Comments
	KeepComments bool
}

// PinnedPoolExists treats a pinned user_pool.id as an existing pool.
func PinnedPoolExists(_ context.Context, cfg *config.Config) bool { return cfg.UserPool.ID != "" }

// livePoolExists asks Cognito whether the pool of cfg exists (by its pinned
// id or its resource-name tag). When Cognito cannot be asked — no
// credentials, no region, no network — it says so on stderr and falls back
// to PinnedPoolExists; plan still blocks any create-only change later.
func livePoolExists(f *cmdutil.Factory) func(ctx context.Context, cfg *config.Config) bool {
	return func(ctx context.Context, cfg *config.Config) bool {
		ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
		defer cancel()
		api, err := f.Cognito(ctx)
		if err == nil {
			var exists bool
			exists, _, err = cognito.PoolExists(ctx, api, cfg)
			if err == nil {
				return exists
			}
		}
		msg, hint := cmdutil.Explain(err)
		cmdutil.Note(f.IOStreams, "could not check whether the user pool exists, so going by user_pool.id: "+msg)
		if hint != "" {
			cmdutil.Hint(f.IOStreams, hint)
		}
		return PinnedPoolExists(ctx, cfg)
	}
}

// NewCmdUpdate builds the command; runF replaces the run function in tests.
func NewCmdUpdate(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Factory: f, IO: f.IOStreams, PoolExists: PinnedPoolExists}
	if f.Cognito != nil {
		opts.PoolExists = livePoolExists(f)
	}
	cmd := &cobra.Command{
		Use:   "update",
		Short: "Change an existing cognito.yaml the way amplify update auth does",
		Long: `Walk Amplify's update questions over an existing cognito.yaml.

A menu comes first: apply the default configuration (with or without social
providers), walk through every setting, edit the redirect URIs, update the
social providers, or change the groups or the admin queries API. The narrow
choices ask only their part. Every question starts at the file's current value.

Once the user pool exists, the questions whose answer Cognito can never
change (sign-in method, case sensitivity, required attributes, resource name)
are shown locked, with the reason. cogwiz shows the changes as a diff and
writes the file only after you confirm.`,
		Example: `  # pick what to change from the menu
  cogwiz update

  # the same, from answers, for scripts
  printf 'update_flow: updateUserPoolGroups\ngroup_names: [Admins, Editors]\n' > answers.yaml
  cogwiz update --answers answers.yaml --yes`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.File = f.ConfigPath()
			opts.KeepComments = !cmd.Flags().Changed("comments")
			if opts.AnswersFile == "" && opts.Prompter == nil && !opts.IO.CanPrompt() {
				return cmdutil.FlagErrorf("cannot ask questions without a terminal: pass `--answers FILE` to answer by question id (or edit the file and run `cogwiz validate`)")
			}
			if runF != nil {
				return runF(opts)
			}
			return updateRun(cmd.Context(), opts)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&opts.AnswersFile, "answers", "", "answers from a YAML `FILE` of question id: answer")
	fl.BoolVarP(&opts.Yes, "yes", "y", false, "write the file without the final confirmation")
	initcmd.AddCommentsFlag(cmd, &opts.Comments)
	fl.Lookup("comments").DefValue = "the style the file has"
	return cmd
}

func updateRun(ctx context.Context, opts *Options) error {
	if ctx == nil {
		ctx = context.Background()
	}
	if out, err := cmdutil.CheckOutput(opts.IO, opts.File); err == nil && !out.IsFile() {
		// update reads the file and writes it back: a pipe or /dev/stdin
		// cannot be both.
		return cmdutil.WithHint(fmt.Errorf("%s is not a regular file", opts.File), "update changes cognito.yaml in place: pass -f with the file itself")
	}
	old, err := config.ReadFile(ctx, opts.File, config.MaxConfigSize)
	if errors.Is(err, fs.ErrNotExist) {
		return cmdutil.WithHint(fmt.Errorf("%s does not exist", opts.File), "run `cogwiz init` to create it")
	}
	if err != nil {
		return err
	}
	doc, err := config.Parse(opts.File, old)
	if err != nil {
		return cmdutil.WithHint(err, "fix the file (cogwiz validate shows every problem), then run cogwiz update again")
	}
	g, err := builtin.Graph()
	if err != nil {
		return err
	}
	p := opts.Prompter
	interactive := opts.AnswersFile == ""
	if !interactive {
		if p, err = initcmd.ReadAnswers(ctx, g, opts.AnswersFile); err != nil {
			return err
		}
	} else if p == nil {
		p = initcmd.NewPrompter(opts.IO)
	}
	defer prompt.Release(p)
	poolExists := opts.PoolExists != nil && opts.PoolExists(ctx, doc.Config)
	if interactive {
		fmt.Fprintf(opts.IO.ErrOut, "Updating %s.\n", opts.File)
		if poolExists {
			fmt.Fprintln(opts.IO.ErrOut, "The user pool exists, so settings Cognito cannot change are locked.")
		}
		fmt.Fprintln(opts.IO.ErrOut)
	}
	// Names matter only for a key the file lacks (a domain added with OAuth).
	names, err := wizard.NamesFor(opts.File, nil)
	if err != nil {
		return err
	}
	res, err := wizard.Run(ctx, wizard.Options{Graph: g, Parity: builtin.Parity(), Prompter: p, Existing: doc.Config, PoolExists: poolExists, Names: &names})
	prompt.Release(p)
	if err != nil {
		if errors.Is(err, prompt.ErrCancelled) {
			return cmdutil.Cancelled("nothing was written")
		}
		if !interactive {
			return initcmd.AnswerError(opts.AnswersFile, err)
		}
		return err
	}
	initcmd.NoteUnusedAnswers(opts.IO, opts.AnswersFile, p)
	comments := opts.Comments
	if opts.KeepComments {
		comments = config.DetectComments(old)
	}
	return initcmd.Finish(ctx, initcmd.FinishOptions{
		IO: opts.IO, Prompter: p, File: opts.File, Old: old, Exists: true,
		Config: res.Config, Pending: res.Pending, Confirm: interactive && !opts.Yes,
		RunCommand: initcmd.RunCommandOf(opts.Factory), Comments: comments,
	})
}

// Run is updateRun for tests.
func Run(ctx context.Context, opts *Options) error { return updateRun(ctx, opts) }
