package prompt_test

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/cogwiz/cogwiz/internal/config"
	"github.com/cogwiz/cogwiz/internal/prompt"
	"github.com/cogwiz/cogwiz/internal/questions"
	"github.com/cogwiz/cogwiz/internal/wizard"
)

const cols, rows = 80, 24

// TestEveryQuestionFitsAt80x24 renders every question of questions/*.yaml
// as the wizard presents it (a new walk, and an update of a file with
// groups, redirect URLs and a social provider), through the terminal
// prompter at 80×24, with and without its help, scrolled to every option,
// and checks that nothing is cut: no line wider than 80 columns, no screen
// taller than 24 rows, every word of the title, warning, recommendation,
// options and help shown in order, and the documentation link whole. On a
// yes/no question the ⭐ line names the recommended answer.
func TestEveryQuestionFitsAt80x24(t *testing.T) {
	t.Parallel()
	g, err := questions.Default()
	if err != nil {
		t.Fatal(err)
	}
	walks := map[string]*wizard.Walker{
		"init":   wizard.New(wizard.Options{Graph: g}),
		"update": wizard.New(wizard.Options{Graph: g, Existing: richConfig()}),
	}
	seen := 0
	for name, w := range walks {
		for _, q := range g.Questions {
			pq := w.Present(q)
			for _, shown := range onScreen(pq) {
				t.Run(name+"/"+shown.ID+"/"+string(shown.Kind), func(t *testing.T) {
					checkNothingCut(t, shown)
				})
				seen++
			}
		}
	}
	if seen < len(g.Questions) {
		t.Fatalf("rendered %d screens for %d questions", seen, len(g.Questions))
	}
}

// onScreen is what the terminal shows for pq: a list or order question is
// asked one item at a time.
func onScreen(pq prompt.Question) []prompt.Question {
	switch pq.Kind {
	case prompt.Loop:
		item := pq
		item.Kind = prompt.Input
		item.Default = ""
		if d, ok := pq.Default.([]string); ok && len(d) > 0 {
			item.Default = d[0]
		}
		another := prompt.Question{ID: pq.ID + ".another", Kind: prompt.Confirm, Title: pq.Another, Default: false, CanGoBack: true}
		return []prompt.Question{item, another}
	case prompt.Order:
		step := pq
		step.Kind = prompt.Select
		step.Title = pq.Title + ": which comes first?"
		return []prompt.Question{step}
	}
	return []prompt.Question{pq}
}

func checkNothingCut(t *testing.T, q prompt.Question) {
	t.Helper()
	q.CanGoBack = true
	q.Err = fmt.Errorf("%q is not a choice here; choose one of the options listed below", "something")
	for _, help := range []bool{false, true} {
		m := prompt.NewModel(q, false, cols)
		m.Update(tea.WindowSizeMsg{Width: cols, Height: rows})
		if help {
			m.Update(tea.KeyPressMsg{Code: tea.KeyTab})
		}
		var screens []string
		for i := 0; i <= len(q.Options); i++ {
			screens = append(screens, fits(t, m.Render()))
			m.Update(tea.KeyPressMsg{Code: tea.KeyDown})
		}
		first := screens[0]
		text := flat(first)
		for _, want := range []string{q.Title, q.CreateOnly, q.Err.Error(), q.RecommendedWhy} {
			if !strings.Contains(text, flat(want)) {
				t.Errorf("help=%v: %q is cut:\n%s", help, want, first)
			}
		}
		if q.Kind == prompt.Confirm && q.RecommendedWhy != "" &&
			!strings.Contains(text, "⭐ Recommended: Yes —") && !strings.Contains(text, "⭐ Recommended: No —") {
			t.Errorf("the ⭐ line does not name the recommended answer:\n%s", first)
		}
		if help && !strings.Contains(text, flat(q.Help)) {
			t.Errorf("the help is cut:\n%s", first)
		}
		if q.DocURL != "" && !strings.Contains(link(first), q.DocURL) {
			t.Errorf("help=%v: the link %s is not whole:\n%s", help, q.DocURL, first)
		}
		all := flat(strings.Join(screens, "\n"))
		for _, o := range q.Options {
			want := o.Label
			if o.Note != "" {
				want += " — " + o.Note
			}
			if !shows(all, want) {
				t.Errorf("help=%v: option %q is cut or never shown:\n%s", help, want, strings.Join(screens, "\n~~~\n"))
			}
		}
	}
}

// fits checks the screen's size and returns it without styles.
func fits(t *testing.T, screen string) string {
	t.Helper()
	plain := ansi.Strip(screen)
	lines := strings.Split(plain, "\n")
	if len(lines) > rows {
		t.Errorf("%d lines, more than %d:\n%s", len(lines), rows, plain)
	}
	for _, l := range lines {
		if w := ansi.StringWidth(l); w > cols {
			t.Errorf("a line of %d columns, more than %d: %q", w, cols, l)
		}
	}
	return plain
}

// flat is text with its line breaks, the question bar and runs of spaces
// made single spaces, so that wrapped text compares with its source.
func flat(s string) string {
	s = strings.ReplaceAll(s, "┃", " ")
	return strings.Join(strings.Fields(s), " ")
}

// shows reports whether the flattened screen shows want. A word wider
// than a line (a link) is broken over lines, which flat turns into a
// space; it is compared without spaces.
func shows(screen, want string) bool {
	if strings.Contains(screen, flat(want)) {
		return true
	}
	for _, w := range strings.Fields(want) {
		if ansi.StringWidth(w) > cols-8 {
			squeeze := func(s string) string { return strings.Join(strings.Fields(s), "") }
			return strings.Contains(squeeze(screen), squeeze(want))
		}
	}
	return false
}

// link joins the 📝 line with the lines that continue it.
func link(screen string) string {
	var b strings.Builder
	in := false
	for _, l := range strings.Split(screen, "\n") {
		switch {
		case strings.HasPrefix(l, "📝 "):
			in = true
			b.WriteString(strings.TrimPrefix(l, "📝 "))
		case in && strings.HasPrefix(l, "   "):
			b.WriteString(strings.TrimSpace(l))
		default:
			in = false
		}
	}
	return b.String()
}

// richConfig has what the update questions list: groups, redirect URLs
// and a social provider.
func richConfig() *config.Config {
	c := config.Recommended()
	c.UserPool.Groups = []config.Group{{Name: "Admins", Precedence: config.Int(1)}, {Name: "Editors", Precedence: config.Int(2)}, {Name: "Viewers", Precedence: config.Int(3)}}
	c.AppClients[0].OAuth = &config.OAuth{
		CallbackURLs: []string{"https://app.example.com/auth/callback/with/a/rather/long/path/for/the/redirect/after/sign-in", "http://localhost:3000/"},
		LogoutURLs:   []string{"https://app.example.com/signed-out"},
	}
	return c
}

// TestLockedQuestionsFit prints every create-only question locked, as an
// update of an existing pool shows it, and checks its width.
func TestLockedQuestionsFit(t *testing.T) {
	t.Parallel()
	g, err := questions.Default()
	if err != nil {
		t.Fatal(err)
	}
	w := wizard.New(wizard.Options{Graph: g, Existing: richConfig(), PoolExists: true})
	n := 0
	for _, q := range g.Questions {
		pq := w.Present(q)
		if pq.Locked == "" {
			continue
		}
		n++
		var out bytes.Buffer
		term := prompt.NewTerminal(strings.NewReader(""), &out, false, cols)
		if _, err := term.Ask(context.Background(), pq); err != nil {
			t.Fatal(err)
		}
		text := fits(t, strings.TrimSuffix(out.String(), "\n"))
		if !strings.Contains(flat(text), flat(pq.Locked)) || !strings.Contains(flat(text), flat(strings.TrimSuffix(pq.Title, "?"))) {
			t.Errorf("%s: the locked line is cut:\n%s", q.ID, text)
		}
	}
	if n == 0 {
		t.Fatal("no question was locked")
	}
}
