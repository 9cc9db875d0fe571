package render

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/cogwiz/cogwiz/internal/config"
	"github.com/cogwiz/cogwiz/internal/sgr"
)

// ExplainOptions says how explain output is drawn.
type ExplainOptions struct {
	// Width is the line length to wrap at; 0 means 80.
	Width int
	// Color turns on styling; callers set it only when the stream allows it.
	Color bool
}

func (o ExplainOptions) width() int {
	if o.Width <= 0 {
		return 80
	}
	// Long lines are hard to read even on a wide terminal.
	return min(o.Width, 100)
}

// explainStyles are the few styles explain uses; all are no-ops without colour.
type explainStyles struct {
	title, key, warn, star, faint func(string) string
}

func newExplainStyles(color bool) explainStyles {
	plain := func(s string) string { return s }
	if !color {
		return explainStyles{plain, plain, plain, plain, plain}
	}
	return explainStyles{
		title: sgr.Bold.Render,
		key:   sgr.Cyan.Render,
		warn:  sgr.Bold.With(sgr.Yellow).Render,
		star:  sgr.Bold.With(sgr.Green).Render,
		faint: sgr.Faint.Render,
	}
}

// ExplainText writes everything known about one setting: title, key,
// meaning, values, default, the ⭐ recommendation, the ⚠️ create-only
// reason, the API field and the 📝 doc link.
func ExplainText(w io.Writer, s config.Setting, o ExplainOptions) error {
	st := newExplainStyles(o.Color)
	width := o.width()
	var b strings.Builder
	b.WriteString(st.title(s.Title) + "\n")
	b.WriteString(st.key(s.Key) + "\n\n")
	for _, line := range wrapLines(s.Meaning, width) {
		b.WriteString(line + "\n")
	}
	b.WriteString("\n")

	type field struct{ label, value string }
	var fields []field
	if len(s.Values) > 0 {
		fields = append(fields, field{"Values", strings.Join(s.Values, ", ")})
	}
	if s.Default != "" {
		fields = append(fields, field{"Default", s.Default})
	}
	if s.APIField != "" {
		fields = append(fields, field{"API field", s.APIField})
	}
	const labelWidth = 11
	pad := strings.Repeat(" ", labelWidth)
	for _, f := range fields {
		for i, line := range wrapLines(f.value, width-labelWidth) {
			if i == 0 {
				b.WriteString(st.faint(f.label) + pad[len(f.label):] + line + "\n")
			} else {
				b.WriteString(pad + line + "\n")
			}
		}
	}
	const hang = "   "
	if s.Recommended != "" {
		b.WriteString("\n" + st.star("⭐ Recommended: "+s.Recommended) + "\n")
		for _, line := range wrapLines(s.RecommendedWhy, width-len(hang)) {
			b.WriteString(hang + line + "\n")
		}
	}
	if s.CreateOnly {
		b.WriteString("\n" + st.warn("⚠️  Create-only: cannot be changed once it exists") + "\n")
		for _, line := range wrapLines(s.CreateOnlyWhy, width-len(hang)) {
			b.WriteString(hang + line + "\n")
		}
	}
	if s.DocURL != "" {
		b.WriteString("\n📝 " + s.DocURL + "\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// ExplainGroup is one part of the listing: the keys of one source under
// an optional heading.
type ExplainGroup struct {
	Title    string
	Settings []config.Setting
}

// ExplainList writes one line per setting, grouped under each top-level
// key: the key relative to its group, its title, and ⚠️ for create-only
// settings. The marker ends the line so that terminals that draw the emoji
// one or two columns wide keep the columns aligned.
func ExplainList(w io.Writer, groups []ExplainGroup, o ExplainOptions) error {
	st := newExplainStyles(o.Color)
	width := o.width()
	var b strings.Builder
	for i, g := range groups {
		if len(g.Settings) == 0 {
			continue
		}
		if i > 0 {
			b.WriteString("\n")
		}
		if g.Title != "" {
			b.WriteString(st.title(g.Title) + "\n\n")
		}
		explainListGroup(&b, g.Settings, width, st)
	}
	b.WriteString("\n" + st.faint("⚠️ = cannot be changed once it exists. Run `cogwiz explain KEY` for one key.") + "\n")
	_, err := io.WriteString(w, b.String())
	return err
}

func explainListGroup(b *strings.Builder, settings []config.Setting, width int, st explainStyles) {
	parents := map[string]bool{}
	keyWidth := 0
	for _, s := range settings {
		if rest := explainListKey(s.Key); rest != "" {
			parents[explainTop(s.Key)] = true
			keyWidth = max(keyWidth, indentWidth+utf8.RuneCountInString(rest))
		} else {
			keyWidth = max(keyWidth, utf8.RuneCountInString(s.Key))
		}
	}
	// A few very long keys would squeeze every title; they overflow the
	// key column instead and their title is shortened to fit.
	keyWidth = min(keyWidth, width/2-4)
	group, first := "", true
	for _, s := range settings {
		top := explainTop(s.Key)
		if !parents[top] {
			top = "" // plain top-level keys share one group
		}
		if top != group || (top != "" && explainListKey(s.Key) == "") {
			if !first {
				b.WriteString("\n")
			}
			group = top
		}
		first = false
		key := s.Key
		shown := st.key(key)
		if rest := explainListKey(s.Key); rest != "" {
			key = strings.Repeat(" ", indentWidth) + rest
			shown = key
		}
		n := utf8.RuneCountInString(key)
		b.WriteString(shown + strings.Repeat(" ", max(keyWidth-n, 0)+2))
		b.WriteString(explainTruncate(s.Title, width-max(keyWidth, n)-2-3))
		if s.CreateOnly {
			b.WriteString(" " + st.warn("⚠️"))
		}
		b.WriteString("\n")
	}
}

// indentWidth indents a group's keys under the group's own key.
const indentWidth = 2

// explainTop is the first segment of a key: its group in the list.
func explainTop(key string) string {
	top, _, _ := strings.Cut(config.NormalizeKey(key), ".")
	return top
}

// explainListKey is key without its group: "user_pool.sign_in" → "sign_in";
// "app_clients[].name" → "[].name"; a group's own key → "".
func explainListKey(key string) string {
	top := explainTop(key)
	rest := strings.TrimPrefix(key, top)
	return strings.TrimPrefix(rest, ".")
}

func explainTruncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

// wrapLines breaks text into lines of at most width runes (a single
// longer word, such as a URL, gets a line of its own).
func wrapLines(text string, width int) []string {
	width = max(width, 20)
	var lines []string
	var line strings.Builder
	n := 0
	for _, word := range strings.Fields(text) {
		wn := utf8.RuneCountInString(word)
		if n > 0 && n+1+wn > width {
			lines = append(lines, line.String())
			line.Reset()
			n = 0
		}
		if n > 0 {
			line.WriteByte(' ')
			n++
		}
		line.WriteString(word)
		n += wn
	}
	if n > 0 {
		lines = append(lines, line.String())
	}
	return lines
}

// ExplainNotFound formats the did-you-mean part of an unknown-key error.
func ExplainNotFound(key string, suggestions []string) string {
	if len(suggestions) == 0 {
		return fmt.Sprintf("unknown key %q", key)
	}
	return fmt.Sprintf("unknown key %q: did you mean %s?", key, strings.Join(explainQuote(suggestions), " or "))
}

func explainQuote(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = fmt.Sprintf("%q", s)
	}
	return out
}
