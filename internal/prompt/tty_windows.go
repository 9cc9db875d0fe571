//go:build windows

package prompt

import (
	"io"

	"github.com/charmbracelet/x/term"
	"golang.org/x/sys/windows"
)

// rawMode puts the console behind in into raw mode with virtual terminal
// input, and the console behind out into virtual terminal processing, so
// that keys arrive as escape sequences and the screen's sequences are
// understood; it returns how to undo both. See
// https://learn.microsoft.com/windows/console/console-virtual-terminal-sequences
func rawMode(in io.Reader, out io.Writer) (restore func(), err error) {
	var undo []func()
	restore = func() {
		for i := len(undo) - 1; i >= 0; i-- {
			undo[i]()
		}
	}
	if f, ok := in.(term.File); ok && term.IsTerminal(f.Fd()) {
		state, err := term.MakeRaw(f.Fd())
		if err != nil {
			return nil, err
		}
		undo = append(undo, func() { _ = term.Restore(f.Fd(), state) })
		if err := addConsoleMode(f.Fd(), windows.ENABLE_VIRTUAL_TERMINAL_INPUT, &undo); err != nil {
			restore()
			return nil, err
		}
	}
	if f, ok := out.(term.File); ok && term.IsTerminal(f.Fd()) {
		if err := addConsoleMode(f.Fd(), windows.ENABLE_VIRTUAL_TERMINAL_PROCESSING|windows.DISABLE_NEWLINE_AUTO_RETURN, &undo); err != nil {
			restore()
			return nil, err
		}
	}
	return restore, nil
}

// addConsoleMode turns on flags of the console fd and appends how to
// turn them off again to undo.
func addConsoleMode(fd uintptr, flags uint32, undo *[]func()) error {
	h := windows.Handle(fd)
	var mode uint32
	if err := windows.GetConsoleMode(h, &mode); err != nil {
		return err
	}
	if err := windows.SetConsoleMode(h, mode|flags); err != nil {
		return err
	}
	*undo = append(*undo, func() { _ = windows.SetConsoleMode(h, mode) })
	return nil
}

// watchSize is a no-op on Windows: there is no SIGWINCH, and the console
// reports a new size among its input records instead, which the key
// reader passes on to the model as a tea.WindowSizeMsg.
func watchSize(term.File, func(width, height int)) (stop func()) {
	return func() {}
}
