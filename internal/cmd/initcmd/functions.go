package initcmd

import (
	"fmt"
	"io"
	"path/filepath"
	"slices"

	"github.com/cogwiz/cogwiz/internal/config"
	"github.com/cogwiz/cogwiz/internal/functions"
	"github.com/cogwiz/cogwiz/internal/render"
)

// GenerateFunctions writes the sources of the trigger functions cfg's
// capabilities need beside file (cogwiz init, update and functions
// generate all end here) and says what it did with each one. A file with
// errors gets no functions: the fix may change which are needed.
func GenerateFunctions(w io.Writer, file string, cfg *config.Config) error {
	if slices.ContainsFunc(config.Validate(cfg), func(is config.Issue) bool { return is.Severity == config.SeverityError }) {
		if len(functions.Functions(cfg)) > 0 {
			fmt.Fprintf(w, "Trigger functions not generated: %s has errors. Fix them (cogwiz validate -f %s), then run cogwiz functions generate -f %s\n", file, file, file)
		}
		return nil
	}
	res, err := functions.Generate(filepath.Dir(file), cfg)
	render.FunctionSources(w, res)
	if err != nil {
		return fmt.Errorf("generating the trigger functions: %w", err)
	}
	return nil
}

// withoutGenerated drops from pending the triggers that cogwiz's generated
// functions serve: left empty, they are not waiting for an ARN.
func withoutGenerated(pending []string, cfg *config.Config) []string {
	var out []string
	for _, p := range pending {
		if !slices.ContainsFunc(config.GeneratedTriggers(cfg), func(g config.GeneratedTrigger) bool {
			return p == "user_pool.triggers."+g.Key
		}) {
			out = append(out, p)
		}
	}
	return out
}
