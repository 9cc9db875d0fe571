package prompt

import (
	"fmt"
	"strings"
	"unicode"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/cogwiz/cogwiz/internal/sgr"
)

// outcome is how a question on the screen ended.
type outcome int

const (
	pending outcome = iota
	answered
	wentBack
	cancelled
)

// field is one question on the screen: its answer so far and what is
// shown around it.
type field struct {
	q       Question
	cursor  int    // select, multiselect: the highlighted option
	offset  int    // select, multiselect: the first option shown when the list scrolls
	picked  []bool // multiselect
	yes     bool   // confirm
	text    []rune // input, number
	pos     int    // input: where the cursor is in text
	invalid error  // input: why Enter was refused
	help    bool   // the learn-more text is shown
	// qmHelp: '?' shows the help. It does wherever '?' cannot be part of
	// the answer: on choices, and in text whose rule rejects a '?'. In free
	// text (a message, a URL) '?' is typed and Tab shows the help.
	qmHelp  bool
	outcome outcome
}

func newField(q Question) *field {
	f := &field{q: q, qmHelp: true}
	switch q.Kind {
	case Select:
		d := defaultString(q)
		for i, o := range q.Options {
			if o.Value == d {
				f.cursor = i
			}
		}
	case MultiSelect:
		f.picked = make([]bool, len(q.Options))
		for _, d := range defaultList(q) {
			for i, o := range q.Options {
				if o.Value == d {
					f.picked[i] = true
				}
			}
		}
	case Confirm:
		f.yes = defaultBool(q)
	default:
		f.text = []rune(defaultString(q))
		f.pos = len(f.text)
		f.qmHelp = questionMarkCannotBeText(q)
	}
	return f
}

// questionMarkCannotBeText reports whether the question's rule rejects a
// '?' in an answer it otherwise accepts (a name, a domain prefix), so that
// '?' can ask for help without ever eating a character someone meant.
func questionMarkCannotBeText(q Question) bool {
	if q.Validate == nil {
		return false
	}
	base := defaultString(q)
	if base == "" || q.Validate(base) != nil {
		base = "a"
	}
	if q.Validate(base) != nil {
		return false
	}
	r := []rune(base)
	return q.Validate(base+"?") != nil && q.Validate(string(r[:len(r)-1])+"?") != nil
}

// helpKey is the key that shows the help on this question.
func (f *field) helpKey() string {
	if f.qmHelp {
		return "?"
	}
	return "tab"
}

func (f *field) update(msg tea.Msg) {
	switch msg := msg.(type) {
	case tea.PasteMsg:
		if f.isText() {
			f.insert(strings.TrimSpace(strings.Map(func(r rune) rune {
				if r == '\n' || r == '\r' || r == '\t' {
					return ' '
				}
				return r
			}, msg.Content)))
		}
	case tea.KeyPressMsg:
		f.key(msg)
	}
}

func (f *field) isText() bool {
	switch f.q.Kind {
	case Select, MultiSelect, Confirm:
		return false
	}
	return true
}

func (f *field) key(k tea.KeyPressMsg) {
	s := k.String()
	switch s {
	case "ctrl+c", "esc":
		f.outcome = cancelled
		return
	case "ctrl+b":
		if f.q.CanGoBack {
			f.outcome = wentBack
		}
		return
	case "tab", "f1":
		f.help = !f.help
		return
	case "?":
		if f.qmHelp {
			f.help = !f.help
			return
		}
	}
	switch f.q.Kind {
	case Select:
		if !f.move(s) && s == "enter" {
			f.outcome = answered
		}
	case MultiSelect:
		switch {
		case f.move(s):
		case s == "space" || s == "x":
			if len(f.picked) > 0 {
				f.picked[f.cursor] = !f.picked[f.cursor]
			}
		case s == "enter":
			f.outcome = answered
		}
	case Confirm:
		switch s {
		case "left", "h", "right", "l":
			f.yes = !f.yes
		case "y", "Y":
			f.yes, f.outcome = true, answered
		case "n", "N":
			f.yes, f.outcome = false, answered
		case "enter":
			f.outcome = answered
		}
	default:
		f.edit(k)
	}
}

// move handles the keys that move through a list.
func (f *field) move(s string) bool {
	n := len(f.q.Options)
	switch s {
	case "up", "k", "ctrl+p":
		f.cursor = max(f.cursor-1, 0)
	case "down", "j", "ctrl+n":
		f.cursor = max(min(f.cursor+1, n-1), 0)
	case "home", "g":
		f.cursor = 0
	case "end", "G":
		f.cursor = max(n-1, 0)
	case "pgup":
		f.cursor = max(f.cursor-5, 0)
	case "pgdown":
		f.cursor = max(min(f.cursor+5, n-1), 0)
	default:
		return false
	}
	return true
}

// edit is a one-line text editor with the usual readline keys.
func (f *field) edit(k tea.KeyPressMsg) {
	switch k.String() {
	case "enter":
		if err := Check(f.q, strings.TrimSpace(string(f.text))); err != nil {
			f.invalid = err
			return
		}
		f.outcome = answered
		return
	case "left":
		f.pos = max(f.pos-1, 0)
	case "right", "ctrl+f":
		f.pos = min(f.pos+1, len(f.text))
	case "home", "ctrl+a":
		f.pos = 0
	case "end", "ctrl+e":
		f.pos = len(f.text)
	case "alt+left", "ctrl+left", "alt+b":
		f.pos = wordStart(f.text, f.pos)
	case "alt+right", "ctrl+right", "alt+f":
		f.pos = wordEnd(f.text, f.pos)
	case "backspace", "ctrl+h":
		if f.pos > 0 {
			f.text = append(f.text[:f.pos-1], f.text[f.pos:]...)
			f.pos--
		}
	case "delete", "ctrl+d":
		if f.pos < len(f.text) {
			f.text = append(f.text[:f.pos], f.text[f.pos+1:]...)
		}
	case "ctrl+u":
		f.text, f.pos = f.text[f.pos:], 0
	case "ctrl+k":
		f.text = f.text[:f.pos]
	case "ctrl+w", "alt+backspace":
		start := wordStart(f.text, f.pos)
		f.text = append(f.text[:start], f.text[f.pos:]...)
		f.pos = start
	default:
		if k.Text == "" || k.Mod&(tea.ModCtrl|tea.ModAlt) != 0 {
			return
		}
		f.insert(k.Text)
		return
	}
	f.invalid = nil
}

func (f *field) insert(s string) {
	var rs []rune
	for _, r := range s {
		if unicode.IsPrint(r) {
			rs = append(rs, r)
		}
	}
	f.text = append(f.text[:f.pos], append(rs, f.text[f.pos:]...)...)
	f.pos += len(rs)
	f.invalid = nil
}

func wordStart(t []rune, pos int) int {
	for pos > 0 && t[pos-1] == ' ' {
		pos--
	}
	for pos > 0 && t[pos-1] != ' ' {
		pos--
	}
	return pos
}

func wordEnd(t []rune, pos int) int {
	for pos < len(t) && t[pos] == ' ' {
		pos++
	}
	for pos < len(t) && t[pos] != ' ' {
		pos++
	}
	return pos
}

// answer is the value chosen so far.
func (f *field) answer() any {
	switch f.q.Kind {
	case Select:
		if len(f.q.Options) == 0 {
			return defaultString(f.q)
		}
		return f.q.Options[f.cursor].Value
	case MultiSelect:
		out := []string{}
		for i, o := range f.q.Options {
			if f.picked[i] {
				out = append(out, o.Value)
			}
		}
		return out
	case Confirm:
		return f.yes
	}
	return strings.TrimSpace(string(f.text))
}

// result is what Ask returns once the question has ended.
func (f *field) result() result {
	switch f.outcome {
	case answered:
		return result{v: f.answer()}
	case wentBack:
		return result{err: ErrBack}
	}
	return result{err: ErrCancelled}
}

// transcript is the line an answered question leaves on the screen.
func (f *field) transcript(st styles, width int) string {
	lines := wrapLines(transcript(f.q.Title, answerText(f.q, f.answer())), width, "✔ ", "  ")
	return strings.Join(styled(st.done, lines), "\n")
}

// view lays the question out for a terminal of width×height: the lines
// above the choices, the choices (scrolled when they do not all fit), the
// lines below, and where the text cursor is (inputs only).
func (f *field) view(st styles, width, height int) (string, *tea.Cursor) {
	w := min(width, maxTextWidth)
	q := f.q
	bar := st.bar.Render("┃") + " "
	barred := func(style sgr.Style, lines ...string) []string {
		out := make([]string, len(lines))
		for i, l := range lines {
			out[i] = bar + style.Render(l)
		}
		return out
	}

	var top []string
	if q.Err != nil {
		top = append(top, styled(st.err, wrapLines("✗ "+q.Err.Error(), w, "", "  "))...)
	}
	if q.CreateOnly != "" {
		top = append(top, styled(st.warn, wrapLines("⚠ Can never be changed after the pool is created: "+q.CreateOnly, w, "", "  "))...)
	}
	top = append(top, barred(st.title, wrapLines(q.Title, w-2, "", "")...)...)
	if rec := recommendedLine(q); rec != "" {
		top = append(top, barred(st.plain, wrapLines(rec, w-2, "", "   ")...)...)
	}
	if q.AmplifyDefault != "" {
		top = append(top, barred(st.dim, wrapLines("Amplify's default: "+q.AmplifyDefault, w-2, "", "  ")...)...)
	}

	// The choices: one block of lines per option.
	var blocks [][]string
	var body []string
	var cursor *tea.Cursor
	switch q.Kind {
	case Select, MultiSelect:
		for i, o := range q.Options {
			mark, rest := "  ", "  "
			if i == f.cursor {
				mark = "> "
			}
			if q.Kind == MultiSelect {
				box := "[ ] "
				if f.picked[i] {
					box = "[x] "
				}
				mark, rest = mark+box, rest+"    "
			}
			style := st.plain
			if i == f.cursor {
				style = st.cursor
			}
			blocks = append(blocks, barred(style, wrapLines(optionText(o), w-2, mark, rest)...))
		}
	case Confirm:
		body = barred(st.plain, f.buttons(st))
	default:
		lines, x, y := inputLines(f.text, f.pos, w-4)
		for i, l := range lines {
			lead := "> "
			if i > 0 {
				lead = "  "
			}
			body = append(body, bar+st.cursor.Render(lead)+l)
		}
		cursor = tea.NewCursor(x+4, y) // y is made absolute below
		if f.invalid != nil {
			body = append(body, barred(st.err, wrapLines("✗ "+f.invalid.Error(), w-2, "", "  ")...)...)
		}
	}

	var bottom []string
	if q.DocURL != "" {
		for _, l := range wrapLines(q.DocURL, width, "📝 ", "   ") {
			bottom = append(bottom, sgr.Link(q.DocURL, st.note.Render(l)))
		}
	}
	if f.help {
		help := strings.TrimSpace(q.Help)
		if help == "" {
			help = "No more to say about this one."
		}
		bottom = append(bottom, "")
		bottom = append(bottom, wrapLines(help, w, "", "")...)
	}
	bottom = append(bottom, styled(st.dim, joinKeys(f.keys(), w))...)

	if blocks != nil {
		avail := height - len(top) - len(bottom)
		from, to := f.window(blocks, avail)
		if from > 0 {
			body = append(body, barred(st.dim, fmt.Sprintf("  ↑ %d more", from))...)
		}
		for _, b := range blocks[from:to] {
			body = append(body, b...)
		}
		if to < len(blocks) {
			body = append(body, barred(st.dim, fmt.Sprintf("  ↓ %d more", len(blocks)-to))...)
		}
	}
	if cursor != nil {
		cursor.Y += len(top)
	}
	lines := append(append(top, body...), bottom...)
	return strings.Join(lines, "\n"), cursor
}

// maxTextWidth keeps prose readable on wide terminals; links may use the
// whole width.
const maxTextWidth = 80

func styled(s sgr.Style, lines []string) []string {
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = s.Render(l)
	}
	return out
}

// window picks the options shown when they do not all fit in avail
// lines: it keeps the highlighted one in view and leaves a line for each
// "more" marker.
func (f *field) window(blocks [][]string, avail int) (from, to int) {
	n := len(blocks)
	total := 0
	for _, b := range blocks {
		total += len(b)
	}
	if total <= avail {
		f.offset = 0
		return 0, n
	}
	from = min(f.offset, f.cursor)
	for {
		rows := 0
		if from > 0 {
			rows++
		}
		to = from
		for to < n {
			more := 0
			if to+1 < n {
				more = 1
			}
			if to > from && rows+len(blocks[to])+more > avail {
				break
			}
			rows += len(blocks[to])
			to++
		}
		if f.cursor < to || from >= f.cursor {
			f.offset = from
			return from, to
		}
		from++
	}
}

// inputLines breaks typed text into lines of width columns (it is the
// user's own text, so it breaks anywhere) and finds the cursor.
func inputLines(text []rune, pos, width int) (lines []string, x, y int) {
	width = max(width, 1)
	line, w := "", 0
	for i, r := range text {
		rw := max(ansi.StringWidth(string(r)), 1)
		if w+rw > width {
			lines = append(lines, line)
			line, w = "", 0
		}
		if i == pos {
			x, y = w, len(lines)
		}
		line += string(r)
		w += rw
	}
	if pos >= len(text) {
		if w >= width {
			lines = append(lines, line)
			line, w = "", 0
		}
		x, y = w, len(lines)
	}
	return append(lines, line), x, y
}

// buttons is the yes/no pair. The chosen one is in brackets, so the two
// differ without colour too; ⭐ marks the recommended one.
func (f *field) buttons(st styles) string {
	rec, hasRec := f.q.RecommendedAnswer.(bool)
	one := func(label string, value bool) string {
		if hasRec && rec == value && f.q.RecommendedWhy != "" {
			label += " ⭐"
		}
		if f.yes == value {
			return st.cursor.Render("[ " + label + " ]")
		}
		return st.dim.Render("  " + label + "  ")
	}
	return one("Yes", true) + "   " + one("No", false)
}

// keys is the help line: only keys that work on this question.
func (f *field) keys() []string {
	var k []string
	switch f.q.Kind {
	case Select:
		k = append(k, "↑/↓ move", "enter choose")
	case MultiSelect:
		k = append(k, "↑/↓ move", "space toggle", "enter done")
	case Confirm:
		k = append(k, "←/→ or y/n", "enter choose")
	default:
		k = append(k, "enter accept")
	}
	if f.q.Help != "" {
		if f.help {
			k = append(k, f.helpKey()+" hide help")
		} else {
			k = append(k, f.helpKey()+" learn more")
		}
	}
	if f.q.CanGoBack {
		k = append(k, "ctrl+b back")
	}
	return append(k, "esc quit")
}

// optionText is "Label — note ⭐".
func optionText(o Option) string {
	l := o.Label
	if o.Note != "" {
		l += " — " + o.Note
	}
	if o.Recommended {
		l += " ⭐"
	}
	return l
}

// optionLabel is the label of the option whose value is v, or v.
func optionLabel(q Question, v string) string {
	for _, o := range q.Options {
		if o.Value == v {
			return o.Label
		}
	}
	return v
}

// recommendedLine names the ⭐ answer and says why: "⭐ Recommended: No —
// why". Without a known answer it gives the reason alone.
func recommendedLine(q Question) string {
	if q.RecommendedWhy == "" {
		return ""
	}
	if a, ok := recommendedAnswer(q); ok {
		return "⭐ Recommended: " + a + " — " + q.RecommendedWhy
	}
	return "⭐ " + q.RecommendedWhy
}

// recommendedAnswer is the ⭐ answer as shown: Yes/No, an option's label,
// or the labels of a multi-select ("none" when nothing is recommended).
func recommendedAnswer(q Question) (string, bool) {
	switch q.Kind {
	case Confirm:
		b, ok := q.RecommendedAnswer.(bool)
		if !ok {
			return "", false
		}
		return answerText(q, b), true
	case MultiSelect:
		if vs, ok := q.RecommendedAnswer.([]string); ok {
			if len(vs) == 0 {
				return "none", true
			}
			return answerText(q, vs), true
		}
		fallthrough
	case Select:
		var labels []string
		for _, o := range q.Options {
			if o.Recommended {
				labels = append(labels, o.Label)
			}
		}
		if len(labels) == 0 {
			return "", false
		}
		return strings.Join(labels, ", "), true
	}
	return "", false
}

// transcript is the line left for an answered question: "Title? Answer",
// with a colon when the title does not end in one or a question mark.
func transcript(title, answer string) string {
	if !strings.HasSuffix(title, "?") && !strings.HasSuffix(title, ":") {
		title += ":"
	}
	return title + " " + answer
}
