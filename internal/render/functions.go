package render

import (
	"fmt"
	"io"

	"github.com/cogwiz/cogwiz/internal/functions"
)

// FunctionSources says what generating the trigger functions did with each
// file: written, updated, unchanged, removed, or edited by you and left
// alone. A run that found nothing to generate prints nothing.
func FunctionSources(w io.Writer, r *functions.Result) {
	if r == nil || len(r.Files) == 0 {
		return
	}
	fmt.Fprintf(w, "Trigger functions in %s/ (your code: cogwiz never overwrites a file you edited):\n", r.Dir)
	for _, f := range r.Files {
		fmt.Fprintf(w, "  %s: %s\n", f.Path, f.Status)
		if f.Note != "" {
			fmt.Fprintf(w, "    note: %s\n", f.Note)
		}
	}
}
