package cmdutil

import (
	"fmt"

	"github.com/cogwiz/cogwiz/internal/iostreams"
	"github.com/cogwiz/cogwiz/internal/render"
)

// Say prints "label: text" on stderr, wrapped on spaces at the terminal's
// width with a hanging indent: the one voice of errors, notes and hints.
func Say(ios *iostreams.IOStreams, label, text string) {
	fmt.Fprintln(ios.ErrOut, render.Wrap(label+": "+text, ios.WrapWidth(), "  "))
}

// Note says something the user should know that is not an error.
func Note(ios *iostreams.IOStreams, text string) { Say(ios, "note", text) }

// Hint follows an error or a note with its fix.
func Hint(ios *iostreams.IOStreams, text string) { Say(ios, "hint", text) }
