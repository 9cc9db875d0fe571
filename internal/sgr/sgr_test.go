package sgr

import (
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// What Render and Link write is read back by a terminal parser as the
// same text with the style around it.
func TestRenderAndLink(t *testing.T) {
	if got := Bold.With(Yellow).Render("warn"); got != "\x1b[1;33mwarn\x1b[0m" {
		t.Errorf("bold yellow: %q", got)
	}
	if Plain.Render("x") != "x" || Cyan.Render("") != "" {
		t.Error("plain text or empty text must stay as it is")
	}
	link := Link("https://example.com/a", Cyan.Render("docs"))
	if ansi.Strip(link) != "docs" || ansi.StringWidth(link) != 4 {
		t.Errorf("a link must read as its text: %q", link)
	}
}
