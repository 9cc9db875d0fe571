// Package importcmd implements `cogwiz import amplify` and `cogwiz import pool`.
package importcmd

import (
	"context"
	"errors"
	"fmt"
	"io/fs"

	"github.com/spf13/cobra"

	"github.com/cogwiz/cogwiz/internal/cmd/initcmd"
	"github.com/cogwiz/cogwiz/internal/cmdutil"
	"github.com/cogwiz/cogwiz/internal/config"
	"github.com/cogwiz/cogwiz/internal/iostreams"
	"github.com/cogwiz/cogwiz/internal/render"
)

// Options holds the dependencies and flags of `cogwiz import amplify|pool`.
type Options struct {
	Factory *cmdutil.Factory
	IO      *iostreams.IOStreams

	// Source is "amplify" or "pool".
	Source string
	// Path is the Amplify project, resource folder or cli-inputs.json.
	Path string
	// PoolID is the live pool to read; IdentityPoolID the identity pool to
	// read with it (default: the one that trusts the pool's clients).
	PoolID         string
	IdentityPoolID string

	Output   string
	Force    bool
	Resource string
	Env      string
	// DeploymentSecrets is Amplify's per-user secrets file; tests point it elsewhere.
	DeploymentSecrets string
	// Comments is how much the written file explains (--comments).
	Comments config.Comments
}

// NewCmdImport builds the command; runF replaces the run function in tests.
func NewCmdImport(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "import",
		Short: "Write cognito.yaml from an Amplify project or a live pool",
		Long: `Write cognito.yaml from what you already have, so you can keep going with
cogwiz: an Amplify Gen 1 auth resource (import amplify) or a user pool that
exists in Cognito (import pool).

Secrets are never copied into the file: they become ${env:NAME} references,
and the import tells you which variables to set.`,
		Example: `  # an Amplify project
  cogwiz import amplify ~/src/shop

  # a pool made in the console, then check nothing would change
  cogwiz import pool eu-west-1_AbCdEf123
  cogwiz plan`,
		Args: cobra.NoArgs,
	}
	cmd.AddCommand(newCmdAmplify(f, runF), newCmdPool(f, runF))
	return cmd
}

// addOutputFlags adds -o and --force, shared by both sources.
func addOutputFlags(cmd *cobra.Command, opts *Options) {
	cmd.Flags().StringVarP(&opts.Output, "output", "o", "", "file to write (default: the -f file); - for stdout")
	cmd.Flags().BoolVar(&opts.Force, "force", false, "overwrite the output file if it exists")
	initcmd.AddCommentsFlag(cmd, &opts.Comments)
}

// outputPath resolves -o against the global -f.
func outputPath(opts *Options) string {
	if opts.Output != "" {
		return opts.Output
	}
	if opts.Factory != nil && opts.Factory.ConfigFile != "" {
		return opts.Factory.ConfigFile
	}
	return config.DefaultFile
}

// checkOverwrite checks the output (see outputPath) and refuses to replace
// an existing file without --force, before any work is done, so that a
// refused import changes nothing.
func checkOverwrite(opts *Options) (*cmdutil.Output, error) {
	out, err := cmdutil.CheckOutput(opts.IO, outputPath(opts))
	if err != nil {
		return nil, err
	}
	if out.Exists() && !opts.Force {
		return nil, out.ExistsError(overwriteHint)
	}
	return out, nil
}

const overwriteHint = "pass --force to overwrite it, or -o FILE to write elsewhere"

// write saves cfg (atomically) or prints it, then reports what validate
// says about it, with positions in the written text. Without --force the
// file is created only if it is still absent.
func write(ctx context.Context, io *iostreams.IOStreams, out *cmdutil.Output, force bool, cfg *config.Config, comments config.Comments) error {
	data, err := config.MarshalComments(cfg, comments)
	if err != nil {
		return err
	}
	path, name := out.Path, out.Path
	if out.IsStdout() {
		name = "<stdout>"
	}
	if err := out.Write(ctx, data, 0o644, force); err != nil {
		if errors.Is(err, fs.ErrExist) { // created since checkOverwrite
			return out.ExistsError(overwriteHint)
		}
		return err // it names the file already
	}
	doc, err := config.Parse(name, data)
	if err != nil {
		// The file was written from the model; if it does not load back,
		// say so rather than hide it.
		return fmt.Errorf("%s was written but does not load back: %w", name, err)
	}
	problems := config.ValidateDocument(doc)
	errs := 0
	for _, p := range problems {
		if p.Severity == config.SeverityError {
			errs++
		}
	}
	if err := render.Problems(io.ErrOut, problems, render.ProblemsOptions{Width: io.WrapWidth()}); err != nil {
		return err
	}
	switch {
	case !out.IsFile():
	case errs > 0:
		what := "the error above"
		if errs > 1 {
			what = fmt.Sprintf("the %d errors above", errs)
		}
		fmt.Fprintf(io.ErrOut, "wrote %s; fix %s, then run cogwiz validate\n", path, what)
	default:
		fmt.Fprintf(io.ErrOut, "wrote %s; next: cogwiz validate, then cogwiz plan\n", path)
	}
	return nil
}
