package prompt

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
)

// Keys shown in the help line.
const (
	keyBack  = "ctrl+b"
	keyHelp  = "?"
	keyQuit  = "esc"
	keyQuit2 = "ctrl+c"
)

// Terminal asks questions one at a time with huh on a terminal.
type Terminal struct {
	in    io.Reader
	out   io.Writer
	color bool
	width int
}

// NewTerminal returns a prompter that reads keys from in and draws on out
// (stderr), with colour unless color is false (NO_COLOR, --no-color).
func NewTerminal(in io.Reader, out io.Writer, color bool, width int) *Terminal {
	if width <= 0 || width > 100 {
		width = 80
	}
	return &Terminal{in: in, out: out, color: color, width: width}
}

// Ask implements Prompter.
func (t *Terminal) Ask(ctx context.Context, q Question) (any, error) {
	if q.Locked != "" {
		st := newStyles(t.color)
		fmt.Fprintln(t.out, lockedLine(st, q))
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

// one runs a single huh field in its own bubbletea program.
func (t *Terminal) one(ctx context.Context, q Question) (any, error) {
	m := NewModel(q, t.color, t.width)
	opts := []tea.ProgramOption{tea.WithInput(t.in), tea.WithOutput(t.out), tea.WithContext(ctx), tea.WithoutSignalHandler()}
	if !t.color {
		opts = append(opts, tea.WithColorProfile(colorprofile.Ascii))
	}
	final, err := tea.NewProgram(m, opts...).Run()
	if err != nil {
		if errors.Is(err, tea.ErrInterrupted) || errors.Is(err, tea.ErrProgramKilled) || ctx.Err() != nil {
			return nil, ErrCancelled
		}
		return nil, fmt.Errorf("prompt: %w", err)
	}
	return final.(*Model).Result()
}

// askLoop asks for one item, then "add another?", until the answer is no.
// Defaults replay a previous list; going back from any item goes back a question.
func askLoop(ctx context.Context, ask func(context.Context, Question) (any, error), q Question) (any, error) {
	defaults := defaultList(q)
	var items []string
	for i := 0; ; i++ {
		item := q
		item.Kind = Input
		item.Default = ""
		if i < len(defaults) {
			item.Default = defaults[i]
		} else if i > 0 {
			item.Required = true
		}
		if i > 0 {
			item.CreateOnly, item.Err = "", nil
			item.Title = fmt.Sprintf("%s (%d)", q.Title, i+1)
		}
		v, err := ask(ctx, item)
		if err != nil {
			return nil, err
		}
		if s, _ := v.(string); s != "" {
			items = append(items, s)
		}
		another := q.Another
		if another == "" {
			another = "Add another?"
		}
		more, err := ask(ctx, Question{ID: q.ID + ".another", Kind: Confirm, Title: another, Default: i+1 < len(defaults), CanGoBack: false})
		if err != nil {
			return nil, err
		}
		if b, _ := more.(bool); !b {
			return items, nil
		}
	}
}

// askOrder puts the options in order by asking which comes next.
func askOrder(ctx context.Context, ask func(context.Context, Question) (any, error), q Question) (any, error) {
	rest := defaultList(q)
	if len(rest) == 0 {
		for _, o := range q.Options {
			rest = append(rest, o.Value)
		}
	}
	var order []string
	for len(rest) > 1 {
		step := q
		step.Kind = Select
		step.Title = fmt.Sprintf("%s: which comes %s?", q.Title, ordinal(len(order)+1))
		step.Options = nil
		for _, r := range rest {
			step.Options = append(step.Options, Option{Label: r, Value: r})
		}
		step.Default = rest[0]
		v, err := ask(ctx, step)
		if err != nil {
			return nil, err
		}
		s, _ := v.(string)
		order = append(order, s)
		for i, r := range rest {
			if r == s {
				rest = append(rest[:i:i], rest[i+1:]...)
				break
			}
		}
	}
	return append(order, rest...), nil
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

// styles of the lines cogwiz adds around a huh field.
type styles struct {
	warn, note, err, dim, title lipgloss.Style
}

func newStyles(color bool) styles {
	if !color {
		p := lipgloss.NewStyle()
		return styles{warn: p, note: p, err: p, dim: p, title: p}
	}
	return styles{
		warn:  lipgloss.NewStyle().Foreground(lipgloss.Yellow).Bold(true),
		note:  lipgloss.NewStyle().Foreground(lipgloss.Cyan),
		err:   lipgloss.NewStyle().Foreground(lipgloss.Red),
		dim:   lipgloss.NewStyle().Faint(true),
		title: lipgloss.NewStyle().Bold(true),
	}
}

func lockedLine(st styles, q Question) string {
	head := wrap(fmt.Sprintf("🔒 %s %s", strings.TrimSuffix(q.Title, "?")+":", answerText(q, q.Default)), 80)
	why := wrap("can't be changed once the pool exists: "+q.Locked, 77)
	return st.dim.Render(head + "\n   " + strings.ReplaceAll(why, "\n", "\n   "))
}

// answerText renders an answer for the transcript line.
func answerText(q Question, v any) string {
	label := func(s string) string {
		for _, o := range q.Options {
			if o.Value == s {
				return o.Label
			}
		}
		return s
	}
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
		return label(x)
	case []string:
		if len(x) == 0 {
			return "(none)"
		}
		ls := make([]string, len(x))
		for i, s := range x {
			ls[i] = label(s)
		}
		return strings.Join(ls, ", ")
	}
	return fmt.Sprint(v)
}

// Model is the bubbletea model of one question: a huh field with cogwiz's
// warning, recommendation, doc link, help and keys around it.
type Model struct {
	q     Question
	st    styles
	width int
	form  *huh.Form

	str  string
	strs []string
	b    bool

	showHelp bool
	back     bool
	cancel   bool
	done     bool
}

// NewModel builds the model of q; exported for screen tests.
func NewModel(q Question, color bool, width int) *Model {
	m := &Model{q: q, st: newStyles(color), width: width}
	m.form = m.buildForm()
	return m
}

func (m *Model) buildForm() *huh.Form {
	q := m.q
	desc := m.description()
	var field huh.Field
	switch q.Kind {
	case Select:
		m.str = defaultString(q)
		opts := make([]huh.Option[string], 0, len(q.Options))
		for _, o := range q.Options {
			opts = append(opts, huh.NewOption(m.optionLabel(o), o.Value))
		}
		sel := huh.NewSelect[string]().Title(q.Title).Description(desc).Options(opts...).Value(&m.str)
		if h := m.listHeight(len(opts)); h > 0 {
			sel = sel.Height(h)
		}
		field = sel
	case MultiSelect:
		m.strs = defaultList(q)
		opts := make([]huh.Option[string], 0, len(q.Options))
		for _, o := range q.Options {
			sel := false
			for _, d := range m.strs {
				if d == o.Value {
					sel = true
				}
			}
			opts = append(opts, huh.NewOption(m.optionLabel(o), o.Value).Selected(sel))
		}
		// A multi-select sizes itself to one row without a height.
		h := m.listHeight(len(opts))
		if h == 0 {
			h = len(opts) + 1 + m.descLines()
		}
		field = huh.NewMultiSelect[string]().Title(q.Title).Description(desc).Options(opts...).Value(&m.strs).Height(h)
	case Confirm:
		m.b = defaultBool(q)
		field = huh.NewConfirm().Title(q.Title).Description(desc).Affirmative("Yes").Negative("No").Value(&m.b)
	default:
		m.str = defaultString(q)
		in := huh.NewInput().Title(q.Title).Description(desc).Value(&m.str).
			Validate(func(s string) error { return Check(q, strings.TrimSpace(s)) })
		field = in
	}
	f := huh.NewForm(huh.NewGroup(field)).
		WithTheme(huh.ThemeFunc(huh.ThemeBase16)).
		WithShowHelp(false).
		WithWidth(m.width)
	return f
}

// maxOptions is how many options show at once, so that a question with
// its warning, help line and doc link fits a 24-line terminal.
const maxOptions = 10

// listHeight is the field height for n options (0 = let huh size it):
// title, description lines and at most maxOptions options.
func (m *Model) listHeight(n int) int {
	if n <= maxOptions {
		return 0
	}
	return maxOptions + 1 + m.descLines()
}

func (m *Model) descLines() int {
	if d := m.description(); d != "" {
		return strings.Count(wrap(d, m.width-2), "\n") + 1
	}
	return 0
}

// optionLabel is "Label — note ⭐", cut to fit one line.
func (m *Model) optionLabel(o Option) string {
	l := o.Label
	if o.Note != "" {
		l += " — " + o.Note
	}
	if o.Recommended {
		l += " ⭐"
	}
	return ansi.Truncate(l, m.width-10, "…")
}

func (m *Model) description() string {
	var lines []string
	if m.q.RecommendedWhy != "" {
		lines = append(lines, "⭐ "+m.q.RecommendedWhy)
	}
	if m.q.AmplifyDefault != "" {
		lines = append(lines, "Amplify's default: "+m.q.AmplifyDefault)
	}
	return strings.Join(lines, "\n")
}

// Init implements tea.Model.
func (m *Model) Init() tea.Cmd { return m.form.Init() }

// Update implements tea.Model.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch k.String() {
		case keyQuit, keyQuit2:
			m.cancel = true
			return m, tea.Quit
		case keyBack:
			if m.q.CanGoBack {
				m.back = true
				return m, tea.Quit
			}
			return m, nil
		case keyHelp:
			if (m.q.Kind != Input && m.q.Kind != Number) || m.str == "" {
				m.showHelp = !m.showHelp
				return m, nil
			}
		}
	}
	f, cmd := m.form.Update(msg)
	if ff, ok := f.(*huh.Form); ok {
		m.form = ff
	}
	switch m.form.State {
	case huh.StateCompleted:
		m.done = true
		return m, tea.Quit
	case huh.StateAborted:
		m.cancel = true
		return m, tea.Quit
	}
	return m, cmd
}

// View implements tea.Model.
func (m *Model) View() tea.View {
	return tea.NewView(m.Render())
}

// Render is the screen as a string (the View content).
func (m *Model) Render() string {
	q := m.q
	if m.done {
		return wrap("✔ "+q.Title+" "+answerText(q, m.answer()), m.width) + "\n"
	}
	if m.cancel || m.back {
		return ""
	}
	var b strings.Builder
	if q.CreateOnly != "" {
		b.WriteString(m.st.warn.Render(wrap("⚠️  Can never be changed after the pool is created: "+q.CreateOnly, m.width)) + "\n")
	}
	if q.Err != nil {
		b.WriteString(m.st.err.Render(wrap("✗ "+q.Err.Error(), m.width)) + "\n")
	}
	b.WriteString(strings.TrimRight(m.form.View(), "\n") + "\n")
	if q.DocURL != "" {
		b.WriteString(m.st.note.Hyperlink(q.DocURL).Render("📝 "+shortURL(q.DocURL, m.width-3)) + "\n")
	}
	if m.showHelp {
		help := q.Help
		if help == "" {
			help = "No more to say about this one."
		}
		b.WriteString("\n" + wrap(strings.TrimSpace(help), m.width) + "\n")
		if q.DocURL != "" {
			b.WriteString(breakURL(q.DocURL, m.width) + "\n")
		}
	}
	b.WriteString(m.st.dim.Render(m.keys()) + "\n")
	return b.String()
}

func (m *Model) keys() string {
	var k []string
	switch m.q.Kind {
	case Select:
		k = append(k, "↑/↓ move", "enter choose")
	case MultiSelect:
		k = append(k, "↑/↓ move", "space toggle", "enter done")
	case Confirm:
		k = append(k, "←/→ or y/n", "enter choose")
	default:
		k = append(k, "enter accept")
	}
	if m.q.Help != "" {
		if m.showHelp {
			k = append(k, "? hide help")
		} else {
			k = append(k, "? learn more")
		}
	}
	if m.q.CanGoBack {
		k = append(k, keyBack+" back")
	}
	k = append(k, "esc quit")
	return strings.Join(k, " · ")
}

func (m *Model) answer() any {
	switch m.q.Kind {
	case Select:
		return m.str
	case MultiSelect:
		if m.strs == nil {
			return []string{}
		}
		return m.strs
	case Confirm:
		return m.b
	default:
		return strings.TrimSpace(m.str)
	}
}

// Result is the answer, ErrBack or ErrCancelled once the program ended.
func (m *Model) Result() (any, error) {
	switch {
	case m.cancel:
		return nil, ErrCancelled
	case m.back:
		return nil, ErrBack
	case m.done:
		return m.answer(), nil
	}
	return nil, ErrCancelled
}

// shortURL fits a link on one line: host/…/last-part. The full link is
// the hyperlink target and is printed whole by the learn-more text.
func shortURL(u string, width int) string {
	if len(u) <= width {
		return u
	}
	rest := strings.TrimPrefix(strings.TrimPrefix(u, "https://"), "http://")
	host, path, _ := strings.Cut(rest, "/")
	last := path
	if i := strings.LastIndexByte(strings.TrimSuffix(path, "/"), '/'); i >= 0 {
		last = path[i+1:]
	}
	s := host + "/…/" + last
	if ansi.StringWidth(s) > width {
		s = ansi.Truncate(s, width, "…")
	}
	return s
}

// breakURL splits a long URL over lines of width, so it is shown whole.
func breakURL(u string, width int) string {
	var lines []string
	for len(u) > width {
		lines = append(lines, u[:width])
		u = u[width:]
	}
	return strings.Join(append(lines, u), "\n")
}

// wrap breaks text at spaces so no line is longer than width.
func wrap(text string, width int) string {
	if width <= 0 {
		width = 80
	}
	var out []string
	for _, para := range strings.Split(text, "\n") {
		line := ""
		for _, w := range strings.Fields(para) {
			if line != "" && lipgloss.Width(line+" "+w) > width {
				out = append(out, line)
				line = w
				continue
			}
			if line == "" {
				line = w
			} else {
				line += " " + w
			}
		}
		out = append(out, line)
	}
	return strings.Join(out, "\n")
}
