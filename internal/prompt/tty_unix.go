//go:build !windows

package prompt

import (
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/charmbracelet/x/term"
)

// rawMode puts the terminal behind in into raw mode, so that keys arrive
// one by one and Ctrl-C as a key, and returns how to undo it. Input that
// is not a terminal (a pipe in tests) is left alone.
func rawMode(in io.Reader, _ io.Writer) (restore func(), err error) {
	f, ok := in.(term.File)
	if !ok || !term.IsTerminal(f.Fd()) {
		return func() {}, nil
	}
	state, err := term.MakeRaw(f.Fd())
	if err != nil {
		return nil, err
	}
	return func() { _ = term.Restore(f.Fd(), state) }, nil
}

// watchSize calls resized with the new size of the terminal f whenever
// the window changes (SIGWINCH), until stop is called.
func watchSize(f term.File, resized func(width, height int)) (stop func()) {
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, syscall.SIGWINCH)
	done := make(chan struct{})
	go func() {
		for {
			select {
			case <-ch:
				if w, h, err := term.GetSize(f.Fd()); err == nil {
					resized(w, h)
				}
			case <-done:
				return
			}
		}
	}()
	return func() {
		signal.Stop(ch)
		close(done)
	}
}
