package prompt

import (
	"fmt"
	"io"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/vt"
)

// The canvas is checked on charmbracelet/x/vt, a terminal emulator
// written apart from it: what the emulator shows after each draw is what
// a terminal would.

// sized is a canvas on a screen of a fixed size.
type sized struct {
	c             *canvas
	width, height int
}

func testCanvas(w io.Writer, width, height int) *sized {
	return &sized{c: newCanvas(w), width: width, height: height}
}

func (s *sized) draw(above []string, frame string, cur *tea.Cursor) error {
	return s.c.draw(s.width, s.height, above, frame, cur)
}

// rows is the emulator's screen, one string per row, trailing blanks cut.
func rows(e *vt.Emulator) []string {
	var out []string
	for y := 0; y < e.Height(); y++ {
		var b strings.Builder
		for x := 0; x < e.Width(); x++ {
			c := e.CellAt(x, y)
			if c == nil || c.Width == 0 {
				continue
			}
			if c.Content == "" {
				b.WriteByte(' ')
				continue
			}
			b.WriteString(c.Content)
		}
		out = append(out, strings.TrimRight(b.String(), " "))
	}
	return out
}

func wantRows(t *testing.T, e *vt.Emulator, want ...string) {
	t.Helper()
	got := rows(e)
	for len(want) < len(got) {
		want = append(want, "")
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("the screen shows:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// Each frame replaces the last in place, taller or shorter, and what was
// on the screen before the first frame stays.
func TestCanvasReplacesTheFrameInPlace(t *testing.T) {
	e := vt.NewEmulator(40, 10)
	_, _ = e.WriteString("$ cogwiz init\r\n")
	c := testCanvas(e, 40, 10)
	draw := func(above []string, frame string, cur *tea.Cursor) {
		t.Helper()
		if err := c.draw(above, frame, cur); err != nil {
			t.Fatal(err)
		}
	}
	draw(nil, "Question one?\n> a\n  b\n  c", nil)
	wantRows(t, e, "$ cogwiz init", "Question one?", "> a", "  b", "  c")
	if !e.CursorHidden() {
		t.Error("a frame without a cursor left the cursor shown")
	}
	draw(nil, "Question one?\n  a\n> b\n  c", nil)
	wantRows(t, e, "$ cogwiz init", "Question one?", "  a", "> b", "  c")
	draw(nil, "✔ Question one? b\nName?\n> Ada", tea.NewCursor(5, 2))
	wantRows(t, e, "$ cogwiz init", "✔ Question one? b", "Name?", "> Ada")
	if p := e.CursorPosition(); p.X != 5 || p.Y != 3 || e.CursorHidden() {
		t.Errorf("cursor at %d,%d (hidden %v), want 5,3 shown", p.X, p.Y, e.CursorHidden())
	}
	// From a cursor inside the frame, the next frame still starts at the
	// frame's top.
	draw(nil, "✔ Question one? b\nName?\n> Ada\n\nhelp: letters only", tea.NewCursor(5, 2))
	wantRows(t, e, "$ cogwiz init", "✔ Question one? b", "Name?", "> Ada", "", "help: letters only")
	draw([]string{"✔ Question one? b"}, "✔ Name? Ada", nil)
	wantRows(t, e, "$ cogwiz init", "✔ Question one? b", "✔ Name? Ada")
	draw(nil, "", nil)
	wantRows(t, e, "$ cogwiz init", "✔ Question one? b")
	if p := e.CursorPosition(); p.X != 0 || p.Y != 2 {
		t.Errorf("after the last frame the cursor is at %d,%d, want the start of the row below what stays (0,2)", p.X, p.Y)
	}
}

// Lines as wide as the terminal, and wider ones, take one row each: the
// frame's top is found again, and nothing above it is overwritten.
func TestCanvasFullWidthLines(t *testing.T) {
	e := vt.NewEmulator(20, 8)
	_, _ = e.WriteString("keep me\r\n")
	c := testCanvas(e, 20, 8)
	full := strings.Repeat("x", 20)
	wide := strings.Repeat("y", 30)
	if err := c.draw(nil, full+"\n"+wide+"\n"+full, nil); err != nil {
		t.Fatal(err)
	}
	wantRows(t, e, "keep me", full, strings.Repeat("y", 20), full)
	if err := c.draw(nil, "short", nil); err != nil {
		t.Fatal(err)
	}
	wantRows(t, e, "keep me", "short")
}

// At the bottom of the screen, frames scroll what is above them up and
// still replace themselves.
func TestCanvasAtTheBottomOfTheScreen(t *testing.T) {
	e := vt.NewEmulator(30, 6)
	for i := 1; i <= 6; i++ {
		_, _ = fmt.Fprintf(e, "line %d\r\n", i) // the screen scrolls once
	}
	c := testCanvas(e, 30, 6)
	if err := c.draw(nil, "Q?\n> a\n  b", nil); err != nil {
		t.Fatal(err)
	}
	wantRows(t, e, "line 4", "line 5", "line 6", "Q?", "> a", "  b")
	if err := c.draw([]string{"✔ Q? a"}, "R?\n> c\n  d", tea.NewCursor(2, 1)); err != nil {
		t.Fatal(err)
	}
	wantRows(t, e, "line 5", "line 6", "✔ Q? a", "R?", "> c", "  d")
	if p := e.CursorPosition(); p.X != 2 || p.Y != 4 {
		t.Errorf("cursor at %d,%d, want 2,4", p.X, p.Y)
	}
}

// A walk taller than the screen leaves each printed line in the
// scrollback once, and no frame there.
func TestCanvasScrollbackHoldsEachLineOnce(t *testing.T) {
	e := vt.NewEmulator(30, 6)
	c := testCanvas(e, 30, 6)
	var printed []string
	for i := 1; i <= 8; i++ {
		line := fmt.Sprintf("✔ Q%d? yes", i)
		if err := c.draw(nil, fmt.Sprintf("Q%d?\n> yes\n  no\nenter choose", i), nil); err != nil {
			t.Fatal(err)
		}
		if err := c.draw([]string{line}, "", nil); err != nil {
			t.Fatal(err)
		}
		printed = append(printed, line)
	}
	var all []string
	for y := 0; y < e.ScrollbackLen(); y++ {
		var b strings.Builder
		for x := 0; x < e.Width(); x++ {
			if cell := e.ScrollbackCellAt(x, y); cell != nil && cell.Width > 0 {
				b.WriteString(cell.Content)
			}
		}
		all = append(all, strings.TrimRight(b.String(), " "))
	}
	all = append(all, rows(e)...)
	got := strings.TrimSpace(strings.Join(all, "\n"))
	if want := strings.Join(printed, "\n"); got != want {
		t.Errorf("scrollback and screen hold:\n%s\nwant each printed line once:\n%s", got, want)
	}
}

// The block erase below a frame never starts at the frame's top row: from
// the screen's top-left corner it clears the whole screen, which tmux's
// default scroll-on-clear copies into the scrollback, one copy per frame.
func TestCanvasNeverErasesFromTheFrameTop(t *testing.T) {
	var out strings.Builder
	c := testCanvas(&out, 40, 24)
	frames := []string{"a\nb\nc\nd", "a", "", "a\nb", "a\nb\nc", ""}
	for _, f := range frames {
		out.Reset()
		if err := c.draw(nil, f, nil); err != nil {
			t.Fatal(err)
		}
		s := out.String()
		for i := strings.Index(s, ansi.EraseScreenBelow); i >= 0; {
			if !strings.HasSuffix(s[:i], "\r\n") {
				t.Errorf("frame %q: erase below not right after a new row: %q", f, s)
			}
			j := strings.Index(s[i+1:], ansi.EraseScreenBelow)
			if j < 0 {
				break
			}
			i += 1 + j
		}
	}
}

// A frame taller than the screen shows its last rows and still replaces
// itself: no copy of it is left above.
func TestCanvasFrameTallerThanTheScreen(t *testing.T) {
	e := vt.NewEmulator(30, 4)
	c := testCanvas(e, 30, 4)
	tall := "Title one\nTitle two\n> a\n  b\nkeys"
	if err := c.draw(nil, tall, tea.NewCursor(2, 2)); err != nil {
		t.Fatal(err)
	}
	wantRows(t, e, "Title two", "> a", "  b", "keys")
	if p := e.CursorPosition(); p.X != 2 || p.Y != 1 {
		t.Errorf("cursor at %d,%d, want 2,1 (the row of > a)", p.X, p.Y)
	}
	if err := c.draw(nil, strings.Replace(tall, "> a\n  b", "  a\n> b", 1), nil); err != nil {
		t.Fatal(err)
	}
	wantRows(t, e, "Title two", "  a", "> b", "keys")
	if n := e.ScrollbackLen(); n != 0 {
		t.Errorf("%d rows went into the scrollback, want none", n)
	}
}

// After the terminal gets narrower, a terminal that reflows lines (tmux,
// most emulators) may have made the last frame taller than the canvas
// counted: the next frame leaves nothing of it below.
func TestCanvasErasesBelowAfterReflow(t *testing.T) {
	e := vt.NewEmulator(40, 10)
	_, _ = e.WriteString("$ cogwiz init\r\n")
	c := testCanvas(e, 40, 10)
	long := strings.Repeat("u", 36)
	if err := c.draw(nil, "Name?\n> Ada\n"+long+"\nkeys", tea.NewCursor(5, 1)); err != nil {
		t.Fatal(err)
	}
	wantRows(t, e, "$ cogwiz init", "Name?", "> Ada", long, "keys")
	// The terminal goes to 30 columns and wraps the long row onto two;
	// the cursor stays on the row of "> Ada" (rows 1-based below).
	e.Resize(30, 10)
	_, _ = e.WriteString("\x1b[4;1H\x1b[2K" + long[:30] + "\r\n\x1b[2K" + long[30:] + "\r\n\x1b[2Kkeys\x1b[3;6H")
	wantRows(t, e, "$ cogwiz init", "Name?", "> Ada", long[:30], long[30:], "keys")
	c.width = 30
	if err := c.draw(nil, "Name?\n> Adam\n"+long[:30]+"\nkeys", tea.NewCursor(6, 1)); err != nil {
		t.Fatal(err)
	}
	wantRows(t, e, "$ cogwiz init", "Name?", "> Adam", long[:30], "keys")
	if p := e.CursorPosition(); p.X != 6 || p.Y != 2 {
		t.Errorf("cursor at %d,%d, want 6,2", p.X, p.Y)
	}
}

// Messages that change nothing on the screen draw nothing: bubbletea sends
// the environment and the colour profile as the program starts.
func TestModelDrawsOnlyWhatChanges(t *testing.T) {
	var out strings.Builder
	m := newModel(false, 80)
	m.scr = newCanvas(&out)
	m.Update(askMsg{q: Question{ID: "name", Kind: Input, Title: "Name?", Default: "Ada"}, reply: make(chan result, 1)})
	if !strings.Contains(out.String(), "Name?") {
		t.Fatalf("the question was not drawn: %q", out.String())
	}
	out.Reset()
	m.Update(tea.EnvMsg{"TERM=xterm"})
	m.Update(tea.ColorProfileMsg{})
	if out.Len() > 0 {
		t.Errorf("messages that change nothing drew %q", out.String())
	}
	m.Update(key("x"))
	if !strings.Contains(out.String(), "Adax") {
		t.Errorf("a key was not drawn: %q", out.String())
	}
}
