package prompt

import (
	"bytes"
	"io"
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// canvas draws the wizard inline, below what the terminal showed before:
// each frame replaces the last one in place, and lines printed above a
// frame stay for good. It writes a whole frame with one Write as soon as
// the model changes, where bubbletea's renderer waits for its next tick
// (up to 8 ms at 120 fps) and the first frame always waits a full tick.
//
// Every frame line is cut to the terminal's width, so the frame takes
// exactly one row per line and the cursor can go back to its top with a
// relative move; the model wraps its text to the width, so nothing is cut
// unless the terminal shrinks.
type canvas struct {
	w    io.Writer
	rows int // rows of the last frame
	row  int // the cursor's row in the last frame, from its top
	buf  bytes.Buffer
}

func newCanvas(w io.Writer) *canvas {
	return &canvas{w: w}
}

// draw prints above (lines that stay, oldest first) and then frame in
// place of the last frame on a width×height screen (height 0: unknown,
// frames are not cut), leaving the cursor at cur, or hidden when cur is
// nil. Lines are separated by CR LF: raw mode turns off the terminal's
// own CR before LF.
//
// Each row is erased as it is written, and only the rows below the new
// frame are erased as a block: erasing the whole screen from its top-left
// corner would make tmux, with its default scroll-on-clear, push every
// frame into the scrollback
// (https://man7.org/linux/man-pages/man1/tmux.1.html, scroll-on-clear).
func (s *canvas) draw(width, height int, above []string, frame string, cur *tea.Cursor) error {
	b := &s.buf
	b.Reset()
	b.WriteString(ansi.HideCursor)
	b.WriteByte('\r')
	move(b, s.row, ansi.CursorUp)
	written := 0
	erased := false // everything below the last row is erased
	row := func(text string, last bool) {
		if written > 0 {
			b.WriteString("\r\n")
		}
		if last && written > 0 {
			// The last row erases the rows below it too: a terminal that
			// reflows lines when it gets narrower (tmux, most emulators)
			// may have made the last frame taller than the rows counted
			// here. With a row written above it, this row is never the
			// screen's first, where tmux would push the screen into the
			// scrollback (scroll-on-clear, see above).
			b.WriteString(ansi.EraseScreenBelow)
			erased = true
		} else {
			b.WriteString(ansi.EraseEntireLine)
		}
		b.WriteString(text)
		written++
	}
	for _, text := range above {
		// Lines that stay are wrapped, not cut: each row is erased
		// before it is written, so a line longer than the terminal
		// must not wrap over an old row on its own.
		for _, l := range strings.Split(ansi.Hardwrap(text, width, true), "\n") {
			row(l, false)
		}
	}
	lines := strings.Split(frame, "\n")
	if cut := len(lines) - height; height > 0 && cut > 0 {
		// A frame taller than the screen could not find its top again
		// (the terminal cannot move the cursor above its first row), and
		// each redraw would leave a copy behind: show its last rows,
		// where the answer and the keys are. The model keeps frames
		// within the screen; this is for screens too small for a question.
		lines = lines[cut:]
		if cur != nil {
			c := *cur
			c.Y -= cut
			cur = &c
		}
	}
	for i, l := range lines {
		if ansi.StringWidth(l) > width {
			l = ansi.Truncate(l, width, "")
		}
		row(l, i == len(lines)-1)
	}
	if written < s.rows && !erased {
		// The last frame was taller: erase what is left of it. The row
		// below is part of it, so going there scrolls nothing.
		b.WriteString("\r\n")
		b.WriteString(ansi.EraseScreenBelow)
		move(b, 1, ansi.CursorUp)
	}
	last := len(lines) - 1
	s.rows, s.row = len(lines), last
	if cur != nil && cur.Y >= 0 && cur.Y <= last {
		move(b, last-cur.Y, ansi.CursorUp)
		b.WriteByte('\r')
		move(b, min(cur.X, width-1), ansi.CursorForward)
		b.WriteString(ansi.ShowCursor)
		s.row = cur.Y
	}
	_, err := s.w.Write(b.Bytes())
	return err
}

// move writes the cursor movement dir of n cells, none for zero (the
// sequence itself moves one cell when given zero).
func move(b *bytes.Buffer, n int, dir func(int) string) {
	if n > 0 {
		b.WriteString(dir(n))
	}
}
