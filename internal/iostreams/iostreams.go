// Package iostreams carries the three standard streams and what is known
// about them (terminal or not, colour, accessible mode), so that every
// command can run in a test with buffers instead of a terminal.
package iostreams

import (
	"bytes"
	"io"
	"os"
	"strings"

	"github.com/charmbracelet/x/term"
)

// IOStreams is stdin, stdout (data only) and stderr (UI and progress).
type IOStreams struct {
	In     io.Reader
	Out    io.Writer
	ErrOut io.Writer

	stdinTTY  bool
	stdoutTTY bool
	stderrTTY bool

	colorDisabled bool
	accessible    bool
	neverPrompt   bool
	width         int
}

// System returns the streams of this process, inspecting the environment
// for NO_COLOR, ACCESSIBLE and TERM=dumb.
func System() *IOStreams {
	s := &IOStreams{
		In:        os.Stdin,
		Out:       os.Stdout,
		ErrOut:    os.Stderr,
		stdinTTY:  isTerminal(os.Stdin),
		stdoutTTY: isTerminal(os.Stdout),
		stderrTTY: isTerminal(os.Stderr),
	}
	if _, ok := os.LookupEnv("NO_COLOR"); ok {
		s.colorDisabled = true
	}
	if os.Getenv("TERM") == "dumb" {
		s.colorDisabled = true
		s.accessible = true
	}
	if v := os.Getenv("ACCESSIBLE"); v != "" && v != "0" && !strings.EqualFold(v, "false") {
		s.accessible = true
	}
	if s.stderrTTY {
		if w, _, err := term.GetSize(os.Stderr.Fd()); err == nil {
			s.width = w
		}
	}
	return s
}

func isTerminal(f *os.File) bool { return term.IsTerminal(f.Fd()) }

// Test returns streams backed by buffers: stdin, stdout, stderr.
func Test() (*IOStreams, *bytes.Buffer, *bytes.Buffer, *bytes.Buffer) {
	in, out, errOut := &bytes.Buffer{}, &bytes.Buffer{}, &bytes.Buffer{}
	return &IOStreams{In: in, Out: out, ErrOut: errOut, colorDisabled: true, width: 80}, in, out, errOut
}

// SetStdinTTY, SetStdoutTTY and SetStderrTTY let tests pretend to be on a terminal.
func (s *IOStreams) SetStdinTTY(v bool)  { s.stdinTTY = v }
func (s *IOStreams) SetStdoutTTY(v bool) { s.stdoutTTY = v }
func (s *IOStreams) SetStderrTTY(v bool) { s.stderrTTY = v }

// IsStdinTTY reports whether stdin is a terminal.
func (s *IOStreams) IsStdinTTY() bool { return s.stdinTTY }

// IsStdoutTTY reports whether stdout is a terminal.
func (s *IOStreams) IsStdoutTTY() bool { return s.stdoutTTY }

// IsStderrTTY reports whether stderr is a terminal.
func (s *IOStreams) IsStderrTTY() bool { return s.stderrTTY }

// CanPrompt reports whether questions can be asked: stdin and stderr (where
// prompts are drawn) are terminals and prompting was not turned off.
func (s *IOStreams) CanPrompt() bool {
	return s.stdinTTY && s.stderrTTY && !s.neverPrompt
}

// SetNeverPrompt turns prompting off (for example under --auto-approve in scripts).
func (s *IOStreams) SetNeverPrompt(v bool) { s.neverPrompt = v }

// ColorEnabled reports whether stderr may carry colour.
func (s *IOStreams) ColorEnabled() bool { return s.stderrTTY && !s.colorDisabled }

// SetColorDisabled turns colour off (--no-color).
func (s *IOStreams) SetColorDisabled(v bool) { s.colorDisabled = v }

// SetColorEnabled forces colour on or off regardless of the terminal (tests, golden files).
func (s *IOStreams) SetColorEnabled(v bool) {
	s.colorDisabled = !v
	if v {
		s.stderrTTY = true
	}
}

// Accessible reports whether plain line prompts were asked for.
func (s *IOStreams) Accessible() bool { return s.accessible }

// SetAccessible turns accessible mode on (--accessible).
func (s *IOStreams) SetAccessible(v bool) { s.accessible = v }

// TerminalWidth is the width of stderr, 80 when unknown.
func (s *IOStreams) TerminalWidth() int {
	if s.width > 0 {
		return s.width
	}
	return 80
}

// WrapWidth is the width to wrap text for stderr at: the terminal's, or 0
// (do not wrap) when stderr is not a terminal, so that logs and editors
// get one line per message.
func (s *IOStreams) WrapWidth() int {
	if !s.stderrTTY {
		return 0
	}
	return s.TerminalWidth()
}
