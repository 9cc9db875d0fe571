package cmdutil

import (
	"fmt"

	"github.com/cogwiz/cogwiz/internal/iostreams"
	"github.com/cogwiz/cogwiz/internal/render"
)

// Note says on stderr something the user should know that is not an
// error, as "note: text", wrapped on spaces at the terminal's width with
// the same hanging indent as errors.
func Note(ios *iostreams.IOStreams, text string) {
	fmt.Fprintln(ios.ErrOut, render.Wrap("note: "+text, ios.WrapWidth(), "  "))
}

// Hint follows a note with its fix, as "hint: text", wrapped the same way.
func Hint(ios *iostreams.IOStreams, text string) {
	fmt.Fprintln(ios.ErrOut, render.Wrap("hint: "+text, ios.WrapWidth(), "  "))
}
