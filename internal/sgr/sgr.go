// Package sgr styles terminal text with ANSI SGR sequences (bold, faint
// and the basic colours) and OSC 8 links: all that cogwiz's screens use.
// It is a few lines instead of a styling library because such libraries
// look the terminal up (terminfo files) while the program initialises,
// which every command, even --version, would pay for.
package sgr

import "strings"

// Style is a list of SGR parameters, such as "1;33" (bold yellow); the
// empty Style leaves text as it is.
type Style string

// Styles and colours; combine them with With.
const (
	Plain  Style = ""
	Bold   Style = "1"
	Faint  Style = "2"
	Red    Style = "31"
	Green  Style = "32"
	Yellow Style = "33"
	Cyan   Style = "36"
)

// With is s and more together.
func (s Style) With(more ...Style) Style {
	parts := []string{string(s)}
	for _, m := range more {
		parts = append(parts, string(m))
	}
	return Style(strings.Trim(strings.Join(parts, ";"), ";"))
}

// Render wraps text in the style, resetting it after. Text is expected to
// be one line: styles are applied line by line by the callers.
func (s Style) Render(text string) string {
	if s == "" || text == "" {
		return text
	}
	return "\x1b[" + string(s) + "m" + text + "\x1b[0m"
}

// Link makes text a hyperlink to url in terminals that know OSC 8;
// others show the text alone.
func Link(url, text string) string {
	return "\x1b]8;;" + url + "\x1b\\" + text + "\x1b]8;;\x1b\\"
}
