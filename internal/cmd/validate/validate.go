// Package validate implements `cogwiz validate`.
package validate

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/cogwiz/cogwiz/internal/cmdutil"
	"github.com/cogwiz/cogwiz/internal/config"
	"github.com/cogwiz/cogwiz/internal/iostreams"
	"github.com/cogwiz/cogwiz/internal/render"
)

// Options holds the dependencies and flags of `cogwiz validate`.
type Options struct {
	Factory *cmdutil.Factory
	IO      *iostreams.IOStreams

	// File is the configuration file (the common -f flag).
	File string
	// JSON prints the result as JSON on stdout.
	JSON bool
}

// NewCmdValidate builds the command; runF replaces the run function in tests.
func NewCmdValidate(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Factory: f, IO: f.IOStreams}
	cmd := &cobra.Command{
		Use:   "validate",
		Short: "Check cognito.yaml against Cognito's rules, offline",
		Long: `Check cognito.yaml against Cognito's rules without calling AWS.

Every problem is reported at once, each on its own line as
file:line:col: what is wrong — how to fix it. Errors are what Cognito
would refuse (or what would break sign-in); warnings are choices that work
but that you probably do not want, such as the implicit OAuth grant or the
default email sender's daily cap.

Secrets are never printed: a literal secret is reported by its key only.

Exit status: 0 when there is no error (warnings allowed), 1 otherwise.`,
		Example: `  # check ./cognito.yaml
  cogwiz validate

  # check another file
  cogwiz validate -f auth/prod.yaml

  # machine-readable result for CI or an editor
  cogwiz validate --json | jq '.problems[] | select(.severity == "error")'`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.File = f.ConfigPath()
			if runF != nil {
				return runF(opts)
			}
			return validateRun(cmd.Context(), opts)
		},
	}
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "print the result as JSON on stdout")
	return cmd
}

func validateRun(ctx context.Context, opts *Options) error {
	if ctx == nil {
		ctx = context.Background()
	}
	problems, err := check(ctx, opts.File)
	if err != nil {
		return err
	}
	errs, warns := count(problems)
	if opts.JSON {
		if err := writeJSON(opts.IO.Out, opts.File, errs == 0, problems); err != nil {
			return err
		}
	} else {
		if err := writeText(opts.IO.ErrOut, opts.IO.WrapWidth(), opts.File, problems, errs, warns); err != nil {
			return err
		}
	}
	if errs > 0 {
		return cmdutil.ErrSilent
	}
	return nil
}

// check loads the file and returns every problem, load problems included.
func check(ctx context.Context, path string) ([]config.Problem, error) {
	if err := cmdutil.NeedConfigFile(path); err != nil {
		return nil, err
	}
	doc, err := config.LoadContext(ctx, path)
	if err != nil {
		var le *config.LoadError
		if errors.As(err, &le) {
			return config.ValidatePartial(le), nil
		}
		return nil, err
	}
	return config.ValidateDocument(doc), nil
}

func count(problems []config.Problem) (errs, warns int) {
	for _, p := range problems {
		if p.Severity == config.SeverityWarning {
			warns++
		} else {
			errs++
		}
	}
	return errs, warns
}

func plural(n int, word string) string {
	if n == 1 {
		return fmt.Sprintf("1 %s", word)
	}
	return fmt.Sprintf("%d %ss", n, word)
}

func writeText(w io.Writer, width int, file string, problems []config.Problem, errs, warns int) error {
	if err := render.Problems(w, problems, render.ProblemsOptions{Width: width, Advice: true}); err != nil {
		return err
	}
	switch {
	case errs > 0 && warns > 0:
		fmt.Fprintf(w, "%s, %s in %s\n", plural(errs, "error"), plural(warns, "warning"), file)
	case errs > 0:
		fmt.Fprintf(w, "%s in %s\n", plural(errs, "error"), file)
	case warns > 0:
		fmt.Fprintf(w, "✓ %s is valid (%s)\n", file, plural(warns, "warning"))
	default:
		fmt.Fprintf(w, "✓ %s is valid\n", file)
	}
	return nil
}

type jsonProblem struct {
	File     string `json:"file"`
	Line     int    `json:"line"`
	Column   int    `json:"column"`
	Path     string `json:"path"`
	Severity string `json:"severity"`
	Message  string `json:"message"`
	Hint     string `json:"hint"`
}

type jsonResult struct {
	File     string        `json:"file"`
	Valid    bool          `json:"valid"`
	Problems []jsonProblem `json:"problems"`
	// More counts the problems past config.ReportLimit, not listed.
	More int `json:"more,omitempty"`
}

func writeJSON(w io.Writer, file string, valid bool, problems []config.Problem) error {
	shown, more := config.LimitProblems(problems)
	res := jsonResult{File: file, Valid: valid, Problems: make([]jsonProblem, 0, len(shown)), More: more}
	for _, p := range shown {
		res.Problems = append(res.Problems, jsonProblem{
			File: p.File, Line: p.Line, Column: p.Col, Path: p.Path,
			Severity: p.Severity.String(), Message: p.Message, Hint: p.Hint,
		})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(res)
}
