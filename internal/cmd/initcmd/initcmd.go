// Package initcmd implements `cogwiz init` (and bare `cogwiz`): the
// wizard that asks Amplify's questions and writes cognito.yaml.
package initcmd

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"strings"
	"unicode/utf8"

	"github.com/spf13/cobra"

	"github.com/cogwiz/cogwiz/internal/cmdutil"
	"github.com/cogwiz/cogwiz/internal/config"
	"github.com/cogwiz/cogwiz/internal/iostreams"
	"github.com/cogwiz/cogwiz/internal/prompt"
	"github.com/cogwiz/cogwiz/internal/questions"
	"github.com/cogwiz/cogwiz/internal/questions/builtin"
	"github.com/cogwiz/cogwiz/internal/wizard"
)

// Options holds the dependencies and flags of `cogwiz init`.
type Options struct {
	Factory *cmdutil.Factory
	IO      *iostreams.IOStreams
	// Prompter asks the questions; nil builds one for IO (terminal or accessible).
	Prompter prompt.Prompter
	// Rand is the source of the random suffix of the generated names
	// (crypto/rand when nil; tests pass a fixed one).
	Rand io.Reader

	File        string
	Defaults    bool
	AnswersFile string
	Force       bool
	Yes         bool
	// Comments is how much the written file explains (--comments).
	Comments config.Comments
}

// NewCmdInit builds the command; runF replaces the run function in tests.
func NewCmdInit(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Factory: f, IO: f.IOStreams}
	cmd := &cobra.Command{
		Use:   "init",
		Short: "Run the wizard and write cognito.yaml",
		Long: `Ask the questions amplify add auth asks and write cognito.yaml.

Each question marks the recommended choice (⭐) with the reason, warns before
a choice that can never be changed once the pool exists (⚠️), and links the
AWS documentation (📝). Press ? for more about a question (Tab in free text,
where ? is typed), ctrl+b to go back one question, and Esc or ctrl+c to quit
without writing anything.

The default path is four key presses: Enter on the mode, Enter on the sign-in
method, Enter on "No, I am done.", and Enter to write the file.

Without a terminal, pass --defaults (no questions: the recommended file) or
--answers FILE (a YAML map of question id to answer; docs/questions.md lists
the ids). An existing file is replaced only after you confirm, or with --force.`,
		Example: `  # the wizard
  cogwiz init

  # the recommended configuration, no questions
  cogwiz init --defaults

  # answers from a file, for scripts and CI
  cat > answers.yaml <<'YAML'
  mode: manual
  sign_in: email
  mfa_mode: OPTIONAL
  YAML
  cogwiz init --answers answers.yaml -f auth/cognito.yaml`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.File = f.ConfigPath()
			if opts.Defaults && opts.AnswersFile != "" {
				return cmdutil.FlagErrorf("`--defaults` and `--answers` cannot be used together")
			}
			if !opts.Defaults && opts.AnswersFile == "" && opts.Prompter == nil && !opts.IO.CanPrompt() {
				return cmdutil.FlagErrorf("cannot ask questions without a terminal: pass `--defaults` for the recommended configuration or `--answers FILE` to answer by question id")
			}
			if runF != nil {
				return runF(opts)
			}
			return initRun(cmd.Context(), opts)
		},
	}
	fl := cmd.Flags()
	fl.BoolVar(&opts.Defaults, "defaults", false, "write the recommended configuration without asking")
	fl.StringVar(&opts.AnswersFile, "answers", "", "answers from a YAML `FILE` of question id: answer")
	fl.BoolVar(&opts.Force, "force", false, "replace an existing file without asking")
	fl.BoolVarP(&opts.Yes, "yes", "y", false, "write the file without the final confirmation")
	AddCommentsFlag(cmd, &opts.Comments)
	return cmd
}

// AddCommentsFlag adds --comments, with its values offered to the shell's
// completion.
func AddCommentsFlag(cmd *cobra.Command, m *config.Comments) {
	cmd.Flags().Var(m, "comments", "how much the file explains: full (each key: what it does, ⚠️, ⭐, 📝), brief (one line a key), none")
	_ = cmd.RegisterFlagCompletionFunc("comments", cobra.FixedCompletions(config.CommentModes, cobra.ShellCompDirectiveNoFileComp))
}

// Run is initRun for callers outside this package (tests, the root command).
func Run(ctx context.Context, opts *Options) error { return initRun(ctx, opts) }

func initRun(ctx context.Context, opts *Options) error {
	if ctx == nil {
		ctx = context.Background()
	}
	out, err := cmdutil.CheckOutput(opts.IO, opts.File)
	if err != nil {
		return err
	}
	old, exists, err := readExisting(ctx, out)
	if err != nil {
		return err
	}
	names, err := wizard.NamesFor(opts.File, opts.Rand)
	if err != nil {
		return err
	}
	if opts.Defaults {
		if exists && !opts.Force {
			return existsError(opts.File)
		}
		rec := wizard.DefaultConfig(names)
		data, err := config.MarshalComments(rec, opts.Comments)
		if err != nil {
			return err
		}
		if err := writeFile(ctx, out, data, opts.Force); err != nil {
			return err
		}
		if out.IsStdout() {
			return nil
		}
		fmt.Fprintf(opts.IO.ErrOut, "Wrote %s with the recommended configuration.\n", opts.File)
		if !out.IsFile() {
			return nil // a pipe or /dev/null has no folder for functions
		}
		if err := GenerateFunctions(opts.IO.ErrOut, opts.File, rec); err != nil {
			return err
		}
		NextSteps(opts.IO.ErrOut, opts.File, nil)
		return nil
	}

	g, err := builtin.Graph()
	if err != nil {
		return err
	}
	p := opts.Prompter
	interactive := opts.AnswersFile == ""
	if !interactive {
		if exists && !opts.Force {
			return existsError(opts.File)
		}
		if p, err = ReadAnswers(ctx, g, opts.AnswersFile); err != nil {
			return err
		}
	} else if p == nil {
		p = NewPrompter(opts.IO)
	}
	defer prompt.Release(p)

	if interactive && exists && !opts.Force {
		replace, err := prompt.AskConfirm(ctx, p, "replace_file",
			fmt.Sprintf("%s already exists. Start over and replace it? (to change it instead, run cogwiz update)", opts.File), false)
		prompt.Release(p)
		if err != nil {
			return mapPromptError(err)
		}
		if !replace {
			fmt.Fprintf(opts.IO.ErrOut, "Nothing changed. To change %s, run: cogwiz update -f %s\n", opts.File, opts.File)
			return nil
		}
	}

	if interactive {
		fmt.Fprintf(opts.IO.ErrOut, "cogwiz writes %s from your answers.\nEnter takes the ⭐ recommended choice; nothing is written until you confirm.\n\n", opts.File)
	}
	res, err := wizard.Run(ctx, wizard.Options{Graph: g, Parity: builtin.Parity(), Prompter: p, Names: &names})
	prompt.Release(p)
	if err != nil {
		if !interactive && !errors.Is(err, prompt.ErrCancelled) {
			return AnswerError(opts.AnswersFile, err)
		}
		return mapPromptError(err)
	}
	NoteUnusedAnswers(opts.IO, opts.AnswersFile, p)
	return Finish(ctx, FinishOptions{
		IO: opts.IO, Prompter: p, File: opts.File, Old: old, Exists: exists, Force: opts.Force,
		Config: res.Config, Pending: res.Pending, Confirm: interactive && !opts.Yes,
		RunCommand: RunCommandOf(opts.Factory), Comments: opts.Comments,
	})
}

// NoteUnusedAnswers says which answers of an --answers file were not used,
// so that a mistaken expectation (answering a question this walk does not
// ask) does not pass in silence.
func NoteUnusedAnswers(ios *iostreams.IOStreams, file string, p prompt.Prompter) {
	a, ok := p.(*prompt.Answers)
	if !ok {
		return
	}
	if ids := a.Unused(); len(ids) > 0 {
		cmdutil.Note(ios, fmt.Sprintf("%s: not used, because this walk does not ask them: %s", file, strings.Join(ids, ", ")))
	}
}

// FinishOptions describe the end of a walk: show, confirm, write.
type FinishOptions struct {
	IO       *iostreams.IOStreams
	Prompter prompt.Prompter
	File     string
	Old      []byte
	Exists   bool
	// Force replaces a file that appeared since Old was read; without it
	// (and without Exists) the file is created only if still absent.
	Force   bool
	Config  *config.Config
	Pending []string
	// Confirm asks before writing.
	Confirm bool
	// RunCommand, when set on an interactive run, lets the last question
	// offer `cogwiz plan` or `cogwiz apply` for the file just written.
	RunCommand func(ctx context.Context, args []string) error
	// Comments is how much the written file explains.
	Comments config.Comments
}

// Finish shows the file that will be written (a diff when one exists),
// asks to write it, writes it atomically and prints the next steps.
func Finish(ctx context.Context, o FinishOptions) error {
	data, err := config.MarshalComments(o.Config, o.Comments)
	if err != nil {
		return err
	}
	w := o.IO.ErrOut
	if o.Exists {
		d := unifiedDiff(o.File+" (now)", o.File+" (new)", string(o.Old), string(data))
		if d == "" {
			fmt.Fprintf(w, "No changes: %s already says this.\n", o.File)
			return GenerateFunctions(w, o.File, o.Config)
		}
		if o.Confirm {
			fmt.Fprintf(w, "\nChanges to %s:\n%s\n", o.File, d)
		}
	} else if o.Confirm {
		bare, err := config.MarshalComments(o.Config, config.CommentsNone)
		if err != nil {
			return err
		}
		what := map[config.Comments]string{
			config.CommentsFull:  "each key also gets a comment saying what it does",
			config.CommentsBrief: "each key also gets a one-line comment",
			config.CommentsNone:  "and the header, without comments",
		}[o.Comments]
		fmt.Fprintf(w, "\n%s will contain (%s):\n\n%s\n", o.File, what, withoutComments(bare))
	}
	if o.Confirm {
		reportIssues(w, o.Config)
		ok, err := prompt.AskConfirm(ctx, o.Prompter, "write_file", fmt.Sprintf("Write %s?", o.File), true)
		prompt.Release(o.Prompter)
		if err != nil {
			return mapPromptError(err)
		}
		if !ok {
			fmt.Fprintf(w, "Nothing written.\n")
			return nil
		}
	}
	out, err := cmdutil.CheckOutput(o.IO, o.File)
	if err != nil {
		return err
	}
	if err := writeFile(ctx, out, data, o.Exists || o.Force); err != nil {
		return err
	}
	if out.IsStdout() {
		return nil
	}
	fmt.Fprintf(w, "Wrote %s.\n", o.File)
	if !out.IsFile() {
		return nil // a pipe or /dev/null has no folder for functions
	}
	if err := GenerateFunctions(w, o.File, o.Config); err != nil {
		return err
	}
	NextSteps(w, o.File, withoutGenerated(o.Pending, o.Config))
	if !o.Confirm || o.RunCommand == nil {
		return nil
	}
	return offerPlan(ctx, o)
}

// offerPlan asks whether to look at the plan (or apply) right away. The
// file is already written, so quitting here loses nothing.
func offerPlan(ctx context.Context, o FinishOptions) error {
	v, err := o.Prompter.Ask(ctx, prompt.Question{
		ID:    "next_step",
		Kind:  prompt.Select,
		Title: "What next?",
		Help:  "plan reads Cognito and shows what apply would change, without changing anything; apply shows the same plan and asks for yes before it changes anything. Both need AWS credentials (or --endpoint-url for a local emulator).",
		Options: []prompt.Option{
			{Label: "Done for now — review the file first", Value: "done", Recommended: true},
			{Label: "Show the plan (reads Cognito, changes nothing)", Value: "plan"},
			{Label: "Plan and apply (asks for yes before any change)", Value: "apply"},
		},
		Default:        "done",
		RecommendedWhy: "the file is yours to read and commit before anything reaches AWS",
		CanGoBack:      false,
	})
	prompt.Release(o.Prompter)
	if err != nil {
		if errors.Is(err, prompt.ErrCancelled) {
			return nil // the file is written; leaving here is not a failure
		}
		return mapPromptError(err)
	}
	choice, _ := v.(string)
	if choice != "plan" && choice != "apply" {
		return nil
	}
	fmt.Fprintln(o.IO.ErrOut)
	return o.RunCommand(ctx, []string{choice, "-f", o.File})
}

// reportIssues prints what `cogwiz validate` will say about c, so nothing
// surprises the user after the file is written.
func reportIssues(w io.Writer, c *config.Config) {
	var issues []config.Issue
	for _, is := range config.Validate(c) {
		// Advice (the email sender's daily cap) waits for validate and plan.
		if !is.Advice {
			issues = append(issues, is)
		}
	}
	if len(issues) == 0 {
		return
	}
	fmt.Fprintln(w, "cogwiz validate will say:")
	for _, is := range issues {
		fmt.Fprintf(w, "  %s: %s\n", is.Severity, is.Path)
		text := is.Message
		if is.Hint != "" {
			text += " — " + is.Hint
		}
		fmt.Fprintln(w, indentWrap(text, "    ", 80))
	}
	fmt.Fprintln(w)
}

// indentWrap breaks text at spaces into lines of at most width columns
// (counting runes), each starting with indent.
func indentWrap(text, indent string, width int) string {
	var lines []string
	line := indent
	for _, word := range strings.Fields(text) {
		if line != indent && utf8.RuneCountInString(line)+1+utf8.RuneCountInString(word) > width {
			lines = append(lines, line)
			line = indent
		}
		if line != indent {
			line += " "
		}
		line += word
	}
	return strings.Join(append(lines, line), "\n")
}

// withoutComments drops comment-only and blank lines, so the preview of a
// new file fits a screen or two; the file itself keeps them.
func withoutComments(data []byte) string {
	var b strings.Builder
	for _, line := range strings.Split(string(data), "\n") {
		t := strings.TrimSpace(line)
		if t == "" || strings.HasPrefix(t, "#") {
			continue
		}
		b.WriteString("  " + line + "\n")
	}
	return b.String()
}

// RunCommandOf is the factory's RunCommand, or nil without a factory (tests).
func RunCommandOf(f *cmdutil.Factory) func(ctx context.Context, args []string) error {
	if f == nil {
		return nil
	}
	return f.RunCommand
}

// NextSteps tells what to fill in and what to run next.
func NextSteps(w io.Writer, file string, pending []string) {
	if len(pending) > 0 {
		fmt.Fprintf(w, "\nFill in later in %s (Lambda function or role ARNs you left empty):\n", file)
		for _, p := range pending {
			fmt.Fprintf(w, "  %s\n", p)
		}
	}
	flag := ""
	if file != config.DefaultFile {
		flag = " -f " + file
	}
	fmt.Fprintf(w, "\nNext:\n  cogwiz validate%s   check it offline\n  cogwiz plan%s       see what would change in AWS\n  cogwiz apply%s      create or update the user pool\n", flag, flag, flag)
}

// NewPrompter picks the prompter for the streams: plain lines in
// accessible mode, the terminal prompter otherwise.
func NewPrompter(io *iostreams.IOStreams) prompt.Prompter {
	if io.Accessible() {
		return prompt.NewAccessible(io.In, io.ErrOut)
	}
	return prompt.NewTerminal(io.In, io.ErrOut, io.ColorEnabled(), io.TerminalWidth())
}

// mapPromptError turns a quit (Ctrl-C, Esc, end of input) into the
// cancelled exit, saying that the file was left alone.
func mapPromptError(err error) error {
	if errors.Is(err, prompt.ErrCancelled) {
		return cmdutil.Cancelled("nothing was written")
	}
	return err
}

func existsError(file string) error {
	return cmdutil.WithHint(fmt.Errorf("%s already exists", file),
		fmt.Sprintf("pass --force to replace it, or run `cogwiz update -f %s` to change it", file))
}

// writeFile writes the configuration to out; without replace a file is
// only created, and one that appeared meanwhile (another init) is an
// error.
func writeFile(ctx context.Context, out *cmdutil.Output, data []byte, replace bool) error {
	err := out.Write(ctx, data, 0o644, replace)
	if errors.Is(err, fs.ErrExist) {
		return existsError(out.Path)
	}
	return err
}

// readExisting reads the file init would replace: only a regular file;
// a stream (/dev/null, a pipe) is written into, not replaced.
func readExisting(ctx context.Context, out *cmdutil.Output) ([]byte, bool, error) {
	if !out.Exists() {
		return nil, false, nil
	}
	data, err := config.ReadFile(ctx, out.Path, config.MaxConfigSize)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, err
	}
	return data, true, nil
}

// ReadAnswers reads and checks an --answers file — at most
// config.MaxAnswersSize bytes, every key a question id, each once — and
// returns the prompter that answers from it.
func ReadAnswers(ctx context.Context, g *questions.Graph, path string) (*prompt.Answers, error) {
	data, err := config.ReadFile(ctx, path, config.MaxAnswersSize)
	if err != nil {
		var tooLarge *config.TooLargeError
		if ctx.Err() != nil || errors.As(err, &tooLarge) {
			return nil, err
		}
		return nil, cmdutil.WithHint(fmt.Errorf("reading answers: %w", err), "pass the path of a YAML file of question id: answer")
	}
	values, where, err := questions.ParseAnswers(g, path, data)
	var ae *questions.AnswersError
	if errors.As(err, &ae) {
		return nil, cmdutil.WithHint(err, ae.Hint())
	}
	if err != nil {
		return nil, cmdutil.WithHint(err, "each key must be a question id; docs/questions.md lists them")
	}
	a := prompt.NewAnswers(values)
	a.Where = where
	return a, nil
}

// AnswerError places an error of the walk over an --answers file: at the
// answer's file:line:col when it is written there, else at the file.
func AnswerError(file string, err error) error {
	var ae *prompt.AnswerError
	if !errors.As(err, &ae) || ae.Where == "" {
		err = fmt.Errorf("%s: %w", file, err)
	}
	return cmdutil.WithHint(err, "fix the answer in the file; docs/questions.md lists each question's id and choices")
}
