package prompt

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/term"

	"github.com/cogwiz/cogwiz/internal/sgr"
)

// Terminal asks questions on a terminal. One bubbletea program reads the
// keys of a whole walk and its model draws every question on a canvas: the
// terminal is set up once, on the first question, and each question is
// sent to the running program, which draws it as soon as it arrives.
// Answered questions stay above as one line each; going back takes the
// line of the answer it undoes away again.
//
// While the program runs it owns the terminal (raw mode), so nothing else
// may write to it: call Close before printing anything between questions
// and when the questions are over. The next Ask starts a program again.
// A Terminal is used from one goroutine.
type Terminal struct {
	in    io.Reader
	out   io.Writer
	color bool
	width int

	prog   *tea.Program
	exited chan struct{}
	runErr error
	starts int // programs started (tests)
}

// NewTerminal returns a prompter that reads keys from in and draws on out
// (stderr), with colour unless color is false (NO_COLOR, --no-color).
// width is used until the terminal reports its size.
func NewTerminal(in io.Reader, out io.Writer, color bool, width int) *Terminal {
	if width <= 0 {
		width = 80
	}
	return &Terminal{in: in, out: out, color: color, width: width}
}

// Ask implements Prompter.
func (t *Terminal) Ask(ctx context.Context, q Question) (any, error) {
	if ctx.Err() != nil {
		t.Close()
		return nil, ErrCancelled
	}
	if q.Locked != "" {
		t.print(lockedLine(newStyles(t.color), q, min(t.width, maxTextWidth)))
		return q.Default, nil
	}
	switch q.Kind {
	case Loop:
		return askLoop(ctx, t.one, q)
	case Order:
		return askOrder(ctx, t.one, q)
	}
	return t.one(ctx, q)
}

// one shows a single question in the running program and waits for it.
func (t *Terminal) one(ctx context.Context, q Question) (any, error) {
	reply := make(chan result, 1)
	ask := askMsg{q: q, reply: reply}
	if t.prog != nil {
		t.prog.Send(ask)
	} else if err := t.start(ask); err != nil {
		return nil, err
	}
	select {
	case r := <-reply:
		return r.v, r.err
	case <-t.exited:
		err := t.exitError()
		t.prog = nil
		return nil, err
	case <-ctx.Done():
		t.Close()
		return nil, ErrCancelled
	}
}

// start runs the program with first as the model's first message: the
// terminal goes into raw mode, and bubbletea reads the keys and runs the
// model, which draws itself on a canvas (bubbletea's own renderer is off).
// The first question is drawn here, before bubbletea sets up its key
// reader, so that it shows as early as it can.
func (t *Terminal) start(first askMsg) error {
	restore, err := rawMode(t.in, t.out)
	if err != nil {
		return fmt.Errorf("prompt: setting up the terminal: %w", err)
	}
	t.starts++
	t.exited = make(chan struct{})
	width, height := t.width, 24
	f, tty := t.out.(term.File)
	tty = tty && term.IsTerminal(f.Fd())
	if tty {
		if w, h, err := term.GetSize(f.Fd()); err == nil && w > 0 && h > 0 {
			width, height = w, h
		}
		// Pasted text arrives as one event, not as keys (Enter in it
		// would answer the question).
		_, _ = io.WriteString(t.out, ansi.SetModeBracketedPaste)
	}
	m := newModel(t.color, width)
	m.height = height
	m.scr = newCanvas(t.out)
	m.Update(first) // bubbletea is not running yet: the model is ours
	t.prog = tea.NewProgram(m,
		tea.WithInput(t.in), tea.WithOutput(t.out),
		tea.WithoutRenderer(),
		// Without a renderer bubbletea's frame ticker only flushes its own
		// queued output, and the wizard queues none (no terminal queries):
		// one tick a second instead of 60 keeps an idle wizard idle.
		tea.WithFPS(1),
		// Ctrl-C arrives as a key in raw mode; the command's own handler
		// deals with signals.
		tea.WithoutSignalHandler(),
		// The screens use the eight basic colours at most, so the
		// profile is known without asking the terminal.
		tea.WithColorProfile(colorprofile.Ascii),
	)
	p, exited := t.prog, t.exited
	stop := func() {}
	if tty {
		stop = watchSize(f, func(w, h int) { p.Send(tea.WindowSizeMsg{Width: w, Height: h}) })
	}
	go func() {
		_, err := p.Run()
		stop()
		if tty {
			_, _ = io.WriteString(t.out, ansi.ShowCursor+ansi.ResetModeBracketedPaste)
		}
		restore()
		t.runErr = err
		close(exited)
	}()
	return nil
}

// print writes a line above the question: through the program while it
// runs (it owns the terminal), straight to out otherwise.
func (t *Terminal) print(line string) {
	if t.prog == nil {
		fmt.Fprintln(t.out, line)
		return
	}
	t.prog.Send(lineMsg(line))
}

// Close ends the program, if one runs, leaving the answered questions on
// the screen and the terminal as it was. It is safe to call at any time.
func (t *Terminal) Close() error {
	if t.prog == nil {
		return nil
	}
	p, exited := t.prog, t.exited
	t.prog = nil
	p.Send(closeMsg{})
	select {
	case <-exited:
	case <-time.After(2 * time.Second):
		p.Kill()
		<-exited
	}
	if t.runErr != nil && !isQuit(t.runErr) {
		return fmt.Errorf("prompt: %w", t.runErr)
	}
	return nil
}

func (t *Terminal) exitError() error {
	if t.runErr == nil || isQuit(t.runErr) {
		return ErrCancelled
	}
	return fmt.Errorf("prompt: %w", t.runErr)
}

func isQuit(err error) bool {
	return errors.Is(err, tea.ErrInterrupted) || errors.Is(err, tea.ErrProgramKilled)
}

// Release ends the terminal program of p, if p has one, so that the
// caller can write to the terminal. Other prompters need no release.
func Release(p Prompter) {
	if c, ok := p.(interface{ Close() error }); ok {
		_ = c.Close()
	}
}

// Messages from the Terminal to its program.
type (
	askMsg struct {
		q     Question
		reply chan<- result
	}
	closeMsg struct{}
	// lineMsg is a line for the transcript that no answer produced (a
	// locked question).
	lineMsg string
)

// result is how a question ended: an answer, or an error (ErrBack,
// ErrCancelled).
type result struct {
	v   any
	err error
}

// askLoop asks for one item, then "add another?", until the answer is no.
// Defaults replay a previous list. Ctrl-B steps back through the items and
// their "add another?" questions; from the first item it goes back a
// question.
func askLoop(ctx context.Context, ask func(context.Context, Question) (any, error), q Question) (any, error) {
	defaults := defaultList(q)
	another := q.Another
	if another == "" {
		another = "Add another?"
	}
	var vals []string // the answer to each item asked, "" for none
	var more []bool   // the answer to each "add another?"
	for i, onItem := 0, true; ; {
		if onItem {
			item := q
			item.Kind = Input
			item.Default = ""
			switch {
			case i < len(vals):
				item.Default = vals[i]
			case i < len(defaults):
				item.Default = defaults[i]
			case i > 0:
				item.Required = true
			}
			if i > 0 {
				item.CreateOnly, item.Err = "", nil
				item.Title = fmt.Sprintf("%s (%d)", q.Title, i+1)
				item.CanGoBack = true
			}
			v, err := ask(ctx, item)
			if errors.Is(err, ErrBack) && i > 0 {
				i, onItem = i-1, false
				continue
			}
			if err != nil {
				return nil, err
			}
			s, _ := v.(string)
			vals = setAt(vals, i, s)
			onItem = false
			continue
		}
		def := i+1 < len(defaults)
		if i < len(more) {
			def = more[i]
		}
		v, err := ask(ctx, Question{ID: q.ID + ".another", Kind: Confirm, Title: another, Default: def, CanGoBack: true})
		if errors.Is(err, ErrBack) {
			onItem = true
			continue
		}
		if err != nil {
			return nil, err
		}
		b, _ := v.(bool)
		more = setAt(more, i, b)
		if !b {
			var items []string
			for _, s := range vals[:i+1] {
				if s != "" {
					items = append(items, s)
				}
			}
			return items, nil
		}
		i, onItem = i+1, true
	}
}

// setAt sets list[i], growing the list by one when i is its length.
func setAt[T any](list []T, i int, v T) []T {
	if i < len(list) {
		list[i] = v
		return list
	}
	return append(list, v)
}

// askOrder puts the options in order by asking which comes next; Ctrl-B
// takes back the last pick.
func askOrder(ctx context.Context, ask func(context.Context, Question) (any, error), q Question) (any, error) {
	all := defaultList(q)
	if len(all) == 0 {
		for _, o := range q.Options {
			all = append(all, o.Value)
		}
	}
	var order, undone []string
	for len(order) < len(all)-1 {
		var rest []string
		for _, r := range all {
			if !slices.Contains(order, r) {
				rest = append(rest, r)
			}
		}
		step := q
		step.Kind = Select
		step.Title = fmt.Sprintf("%s: which comes %s?", q.Title, ordinal(len(order)+1))
		step.Options = nil
		for _, r := range rest {
			step.Options = append(step.Options, Option{Label: r, Value: r})
		}
		step.Default = rest[0]
		if n := len(undone); n > 0 && slices.Contains(rest, undone[n-1]) {
			step.Default = undone[n-1]
			undone = undone[:n-1]
		}
		step.CanGoBack = q.CanGoBack || len(order) > 0
		v, err := ask(ctx, step)
		if errors.Is(err, ErrBack) && len(order) > 0 {
			undone = append(undone, order[len(order)-1])
			order = order[:len(order)-1]
			continue
		}
		if err != nil {
			return nil, err
		}
		s, _ := v.(string)
		order = append(order, s)
	}
	for _, r := range all {
		if !slices.Contains(order, r) {
			order = append(order, r)
		}
	}
	return order, nil
}

func ordinal(n int) string {
	switch n {
	case 1:
		return "first"
	case 2:
		return "second"
	case 3:
		return "third"
	}
	return fmt.Sprintf("%dth", n)
}

// styles of the screen. Without colour every style is plain: markers
// (>, [x], [ Yes ]) carry the meaning.
type styles struct {
	plain, warn, note, err, dim, title, bar, cursor, done sgr.Style
}

func newStyles(color bool) styles {
	if !color {
		return styles{}
	}
	return styles{
		warn:   sgr.Bold.With(sgr.Yellow),
		note:   sgr.Cyan,
		err:    sgr.Red,
		dim:    sgr.Faint,
		title:  sgr.Bold,
		bar:    sgr.Cyan,
		cursor: sgr.Bold.With(sgr.Cyan),
		done:   sgr.Faint,
	}
}

func lockedLine(st styles, q Question, width int) string {
	head := wrapLines(strings.TrimSuffix(q.Title, "?")+": "+answerText(q, q.Default), width, "🔒 ", "   ")
	why := wrapLines("can't be changed once the pool exists: "+q.Locked, width, "   ", "   ")
	return strings.Join(styled(st.dim, append(head, why...)), "\n")
}

// answerText renders an answer for the transcript line.
func answerText(q Question, v any) string {
	switch x := v.(type) {
	case bool:
		if x {
			return "Yes"
		}
		return "No"
	case string:
		if x == "" {
			return "(none)"
		}
		return optionLabel(q, x)
	case []string:
		if len(x) == 0 {
			return "(none)"
		}
		ls := make([]string, len(x))
		for i, s := range x {
			ls[i] = optionLabel(q, s)
		}
		return strings.Join(ls, ", ")
	}
	return fmt.Sprint(v)
}

// Model is the bubbletea model of the Terminal's program: the transcript
// of the latest answers, then the question it was last sent until it is
// answered. Keys pressed before the next question arrives are kept for it,
// so typing ahead (Enter, Enter, …) loses nothing.
//
// Transcript lines stay in the view, where going back can take them away,
// until the view would not fit the terminal: then the oldest are printed
// above it for good.
//
// With a canvas, the model draws itself after every message; without one
// (screen tests) the lines to print wait in toPrint.
type Model struct {
	st            styles
	width, height int
	f             *field
	reply         chan<- result
	queue         []tea.Msg
	last          *field // the question that ended last (screen tests)

	recent  []entry  // transcript lines in the view, oldest first
	toPrint []string // transcript lines to print above, in order
	closing bool
	scr     *canvas
}

// entry is one answered (or locked) question in the transcript.
type entry struct {
	text   string
	answer bool // made by an answer, so going back takes it away
}

func newModel(color bool, width int) *Model {
	return &Model{st: newStyles(color), width: width, height: 24}
}

// NewModel is a model showing q on a width×24 screen, for screen tests.
func NewModel(q Question, color bool, width int) *Model {
	m := newModel(color, width)
	m.f = newField(q)
	return m
}

// Init implements tea.Model.
func (m *Model) Init() tea.Cmd { return nil }

// Update implements tea.Model.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		if msg.Width > 0 {
			m.width = msg.Width
		}
		if msg.Height > 0 {
			m.height = msg.Height
		}
	case askMsg:
		m.f, m.reply = newField(msg.q), msg.reply
		for len(m.queue) > 0 && m.f != nil {
			k := m.queue[0]
			m.queue = m.queue[1:]
			m.handle(k)
		}
	case lineMsg:
		m.recent = append(m.recent, entry{text: string(msg)})
	case closeMsg:
		m.closing, m.f = true, nil
		for _, e := range m.recent {
			m.toPrint = append(m.toPrint, e.text)
		}
		m.recent = nil
	case tea.KeyPressMsg, tea.PasteMsg:
		if m.f == nil {
			m.queue = append(m.queue, msg)
			return m, nil
		}
		m.handle(msg)
	default:
		// bubbletea's own messages (the environment, the colour
		// profile, key releases) change nothing to draw.
		return m, nil
	}
	cmd := m.flush()
	m.paint()
	return m, cmd
}

func (m *Model) handle(msg tea.Msg) {
	m.f.update(msg)
	if m.f.outcome == pending {
		return
	}
	r := m.f.result()
	switch m.f.outcome {
	case answered:
		m.recent = append(m.recent, entry{text: m.f.transcript(m.st, min(m.width, maxTextWidth)), answer: true})
	case wentBack:
		// The lines of locked questions after the undone answer go with
		// it: the walk passes those questions again and prints them again.
		n := len(m.recent)
		for n > 0 && !m.recent[n-1].answer {
			n--
		}
		m.recent = m.recent[:max(n-1, 0)]
	}
	if m.reply != nil {
		m.reply <- r
		m.reply = nil
	}
	m.last, m.f = m.f, nil
}

// flush moves the oldest transcript lines out of the view while it is
// taller than the terminal; once closing, it quits.
func (m *Model) flush() tea.Cmd {
	for len(m.recent) > 0 && m.rows() > m.height {
		m.toPrint = append(m.toPrint, m.recent[0].text)
		m.recent = m.recent[1:]
	}
	if m.closing {
		return tea.Quit
	}
	return nil
}

// paint prints the lines that left the view and draws the view, right
// away: the answer to a key is on the screen before the next key is read.
func (m *Model) paint() {
	if m.scr == nil {
		return
	}
	s, cur := m.render()
	// A terminal that cannot be written to ends the walk through the
	// input side; there is nothing better to do with the error here.
	_ = m.scr.draw(m.width, m.height, m.toPrint, s, cur)
	m.toPrint = nil
}

// rows is the height of the view.
func (m *Model) rows() int {
	n := 0
	for _, e := range m.recent {
		n += strings.Count(e.text, "\n") + 1
	}
	if m.f != nil {
		// Measuring must not scroll the list: view moves the window.
		offset := m.f.offset
		s, _ := m.f.view(m.st, m.width, m.height)
		m.f.offset = offset
		n += strings.Count(s, "\n") + 1
	}
	return n
}

// View implements tea.Model. bubbletea's renderer is off (paint draws),
// so the view it would get is left empty rather than rendered twice.
func (m *Model) View() tea.View {
	if m.scr != nil {
		return tea.View{}
	}
	s, cur := m.render()
	v := tea.NewView(s)
	v.Cursor = cur
	return v
}

func (m *Model) render() (string, *tea.Cursor) {
	var lines []string
	for _, e := range m.recent {
		lines = append(lines, e.text)
	}
	head := 0
	for _, l := range lines {
		head += strings.Count(l, "\n") + 1
	}
	var cur *tea.Cursor
	if m.f != nil {
		s, c := m.f.view(m.st, m.width, m.height-head)
		lines = append(lines, s)
		if c != nil {
			c.Y += head
			cur = c
		}
	}
	return strings.Join(lines, "\n"), cur
}

// Render is the screen as a string (the View content).
func (m *Model) Render() string {
	s, _ := m.render()
	return s
}

// Result is the answer, ErrBack or ErrCancelled of the question that
// ended last (screen tests).
func (m *Model) Result() (any, error) {
	if m.last == nil {
		return nil, ErrCancelled
	}
	r := m.last.result()
	return r.v, r.err
}
