package prompt

import (
	"context"
	"errors"
	"io"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// session runs the real bubbletea program of a terminal prompter, typing
// keys as raw bytes through a pipe (no terminal needed). An os.Pipe, like
// a terminal, lets a program that ends stop reading.
type session struct {
	t    *testing.T
	term *Terminal
	w    *os.File
}

func newSession(t *testing.T) *session {
	t.Helper()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	term := NewTerminal(r, io.Discard, false, 80)
	t.Cleanup(func() {
		term.Close()
		w.Close()
		r.Close()
	})
	return &session{t: t, term: term, w: w}
}

// ask asks q while typing keys, a little apart; all at once when ahead.
func (s *session) ask(q Question, ahead bool, keys ...string) (any, error) {
	s.t.Helper()
	type result struct {
		v   any
		err error
	}
	done := make(chan result, 1)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	go func() {
		v, err := s.term.Ask(ctx, q)
		done <- result{v, err}
	}()
	go func() {
		for _, k := range keys {
			if !ahead {
				time.Sleep(30 * time.Millisecond)
			}
			if _, err := s.w.Write([]byte(k)); err != nil {
				return
			}
		}
	}()
	select {
	case res := <-done:
		return res.v, res.err
	case <-ctx.Done():
		s.t.Fatal("the prompt did not finish")
		return nil, nil
	}
}

const (
	enter = "\r"
	down  = "\x1b[B"
	ctrlC = "\x03"
	ctrlB = "\x02"
	space = " "
)

func TestTerminalKeys(t *testing.T) {
	t.Parallel()
	s := newSession(t)
	if v, err := s.ask(signIn, false, down, enter); err != nil || v != "email" {
		t.Errorf("down+enter: %v %v, want email", v, err)
	}
	if _, err := s.ask(signIn, false, ctrlB); !errors.Is(err, ErrBack) {
		t.Errorf("ctrl+b: %v, want ErrBack", err)
	}
	ms := Question{ID: "scopes", Kind: MultiSelect, Title: "Scopes", Default: []string{"email"},
		Options: []Option{{Label: "Email", Value: "email"}, {Label: "OpenID", Value: "openid"}}}
	if v, err := s.ask(ms, false, down, space, enter); err != nil || !slices.Equal(v.([]string), []string{"email", "openid"}) {
		t.Errorf("multiselect: %v %v", v, err)
	}
	in := Question{ID: "name", Kind: Input, Title: "Name", Default: "AppAuth"}
	if v, err := s.ask(in, false, "X", enter); err != nil || v != "AppAuthX" {
		t.Errorf("input: %v %v", v, err)
	}
	if v, err := s.ask(domain, false, "?", "-x", enter); err != nil || v != "authentication-x" {
		t.Errorf("'?' in the domain prefix must show help, not type: %v %v", v, err)
	}
	if _, err := s.ask(signIn, false, ctrlC); !errors.Is(err, ErrCancelled) {
		t.Errorf("ctrl+c: %v, want ErrCancelled", err)
	}
	if s.term.starts != 1 {
		t.Errorf("the terminal was set up %d times for six questions, want once", s.term.starts)
	}
}

// Keys typed before a question is on the screen are kept for it: Enter,
// Enter, Enter answers three questions with their defaults.
func TestTypingAhead(t *testing.T) {
	t.Parallel()
	s := newSession(t)
	confirm := Question{ID: "oauth", Kind: Confirm, Title: "OAuth?", Default: true}
	if v, err := s.ask(signIn, true, enter+enter+"n"); err != nil || v != "username" {
		t.Fatalf("first: %v %v", v, err)
	}
	if v, err := s.ask(confirm, true); err != nil || v != true {
		t.Errorf("second, typed ahead: %v %v", v, err)
	}
	if v, err := s.ask(confirm, true); err != nil || v != false {
		t.Errorf("third, typed ahead: %v %v", v, err)
	}
}

// A closed terminal starts again on the next question.
func TestCloseAndAskAgain(t *testing.T) {
	t.Parallel()
	s := newSession(t)
	if _, err := s.ask(signIn, false, enter); err != nil {
		t.Fatal(err)
	}
	if err := s.term.Close(); err != nil {
		t.Fatal(err)
	}
	if v, err := s.ask(signIn, false, down, enter); err != nil || v != "email" {
		t.Errorf("after Close: %v %v", v, err)
	}
	if s.term.starts != 2 {
		t.Errorf("starts = %d, want 2", s.term.starts)
	}
}

// Ctrl-B works inside a list: from "add another?" back to the item, whose
// answer is kept.
func TestLoopBackOnTheTerminal(t *testing.T) {
	t.Parallel()
	s := newSession(t)
	loop := Question{ID: "group_names", Kind: Loop, Title: "Group name", Another: "Add another group?", CanGoBack: true}
	v, err := s.ask(loop, false, "Admins", enter, ctrlB, "X", enter, "y", "Editors", enter, "n")
	if err != nil || !slices.Equal(v.([]string), []string{"AdminsX", "Editors"}) {
		t.Errorf("loop with a step back: %v %v", v, err)
	}
}

// The loop and order helpers run one field per item; they are checked with
// a stub that plays Enter (the default) or a given answer.
func TestLoopAndOrder(t *testing.T) {
	var asked []string
	enterAll := func(_ context.Context, q Question) (any, error) {
		asked = append(asked, q.ID+":"+q.Title)
		return q.Default, nil
	}
	loop := Question{ID: "urls", Kind: Loop, Title: "URL", Another: "Another?", Default: []string{"a", "b"}}
	v, err := askLoop(context.Background(), enterAll, loop)
	if err != nil || !slices.Equal(v.([]string), []string{"a", "b"}) {
		t.Errorf("Enter through a loop replays its list: %v %v", v, err)
	}
	want := []string{"urls:URL", "urls.another:Another?", "urls:URL (2)", "urls.another:Another?"}
	if !slices.Equal(asked, want) {
		t.Errorf("asked %v, want %v", asked, want)
	}
	asked = nil
	order := Question{ID: "group_order", Kind: Order, Title: "Sort", Default: []string{"A", "B", "C"}}
	pickLast := func(_ context.Context, q Question) (any, error) {
		return q.Options[len(q.Options)-1].Value, nil
	}
	v, err = askOrder(context.Background(), pickLast, order)
	if err != nil || !slices.Equal(v.([]string), []string{"C", "B", "A"}) {
		t.Errorf("order: %v %v", v, err)
	}
	back := func(_ context.Context, q Question) (any, error) { return nil, ErrBack }
	if _, err := askLoop(context.Background(), back, loop); !errors.Is(err, ErrBack) {
		t.Errorf("back inside a loop: %v", err)
	}
}

// Ctrl-B in an order question takes back the last pick, and offers it
// again as the default.
func TestOrderBack(t *testing.T) {
	order := Question{ID: "group_order", Kind: Order, Title: "Sort", Default: []string{"A", "B", "C"}}
	var defaults []any
	replies := []any{"C", ErrBack, nil, "B"} // nil: Enter on the default
	ask := func(_ context.Context, q Question) (any, error) {
		defaults = append(defaults, q.Default)
		r := replies[0]
		replies = replies[1:]
		if err, ok := r.(error); ok {
			return nil, err
		}
		if r == nil {
			return q.Default, nil
		}
		return r, nil
	}
	v, err := askOrder(context.Background(), ask, order)
	if err != nil || !slices.Equal(v.([]string), []string{"C", "B", "A"}) {
		t.Errorf("order with a step back: %v %v", v, err)
	}
	if !slices.Equal(defaults, []any{"A", "A", "C", "A"}) {
		t.Errorf("defaults offered %v: going back should offer the undone pick", defaults)
	}
}

// The answers stay on the screen above the next question; going back takes
// the undone answer's line away; lines that no longer fit are printed
// above the view for good, so the view never outgrows the terminal.
func TestTranscript(t *testing.T) {
	m := newModel(false, 80)
	m.Update(tea.WindowSizeMsg{Width: 80, Height: 12})
	ask := func(q Question, keys ...tea.Msg) (result, tea.Cmd) {
		t.Helper()
		reply := make(chan result, 1)
		_, cmd := m.Update(askMsg{q: q, reply: reply})
		for _, k := range keys {
			_, c := m.Update(k)
			cmd = tea.Batch(cmd, c)
		}
		select {
		case r := <-reply:
			return r, cmd
		default:
			t.Fatalf("%s was not answered", q.ID)
			return result{}, nil
		}
	}
	name := Question{ID: "name", Kind: Input, Title: "Name?", Default: "AppAuth"}
	ask(name, key("enter"))
	oauth := Question{ID: "oauth", Kind: Confirm, Title: "OAuth?", Default: true, CanGoBack: true}
	if r, _ := ask(oauth, key("ctrl+b")); !errors.Is(r.err, ErrBack) {
		t.Fatalf("ctrl+b: %v", r.err)
	}
	if s := ansi.Strip(m.Render()); strings.Contains(s, "Name? AppAuth") {
		t.Errorf("going back left the undone answer on the screen:\n%s", s)
	}
	ask(name, key("enter"))
	if s := ansi.Strip(m.Render()); strings.Count(s, "✔ Name? AppAuth") != 1 {
		t.Errorf("the answer should be on the screen once:\n%s", s)
	}
	for i := 0; i < 12; i++ {
		ask(oauth, key("enter"))
		if r := m.rows(); r > 12 {
			t.Fatalf("after %d answers the view is %d rows, taller than the terminal", i+2, r)
		}
	}
	if len(m.toPrint) == 0 {
		t.Error("no line was printed above the view")
	}
}

// Going back over locked questions takes their lines away with the
// undone answer: the walk passes them again on its way forward and prints
// them again.
func TestTranscriptBackOverLockedLines(t *testing.T) {
	m := newModel(false, 80)
	m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	ask := func(q Question, k tea.Msg) result {
		t.Helper()
		reply := make(chan result, 1)
		m.Update(askMsg{q: q, reply: reply})
		m.Update(k)
		select {
		case r := <-reply:
			return r
		default:
			t.Fatalf("%s was not answered", q.ID)
			return result{}
		}
	}
	name := Question{ID: "name", Kind: Input, Title: "Name?", Default: "AppAuth"}
	groups := Question{ID: "groups", Kind: Confirm, Title: "Groups?", CanGoBack: true}
	locked := "🔒 Sign-in: Username"
	ask(name, key("enter"))
	m.Update(lineMsg(locked))
	if r := ask(groups, key("ctrl+b")); !errors.Is(r.err, ErrBack) {
		t.Fatalf("ctrl+b: %v", r.err)
	}
	s := ansi.Strip(m.Render())
	if strings.Contains(s, "Name? AppAuth") || strings.Contains(s, locked) {
		t.Errorf("going back left the undone answer or the locked line after it on the screen:\n%s", s)
	}
	ask(name, key("enter"))
	m.Update(lineMsg(locked))
	s = ansi.Strip(m.Render())
	if strings.Count(s, "Name? AppAuth") != 1 || strings.Count(s, locked) != 1 {
		t.Errorf("after walking forward again each line should be on the screen once:\n%s", s)
	}
}
