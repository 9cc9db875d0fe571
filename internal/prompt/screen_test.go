package prompt

import (
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden")

// golden compares got with testdata/<name>.golden (-update rewrites it).
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if string(want) != got {
		t.Errorf("screen %s differs from %s:\n--- want\n%s\n--- got\n%s", name, path, want, got)
	}
}

// screen renders the model at 80 columns after msgs, ANSI stripped.
func screen(t *testing.T, m *Model, msgs ...tea.Msg) string {
	t.Helper()
	m.Init()
	m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	for _, msg := range msgs {
		m.Update(msg)
	}
	out := ansi.Strip(m.Render())
	lines := strings.Split(out, "\n")
	rows := 0
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
		w := ansi.StringWidth(lines[i])
		if w > 80 {
			t.Errorf("line %d is %d columns wide (max 80): %q", i+1, w, lines[i])
		}
		rows += max(1, (w+79)/80)
	}
	if rows > 24 {
		t.Errorf("screen needs %d rows at 80 columns, more than 24", rows)
	}
	return strings.Join(lines, "\n")
}

func key(s string) tea.KeyPressMsg {
	switch s {
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "down":
		return tea.KeyPressMsg{Code: tea.KeyDown}
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	case "space":
		return tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}
	case "ctrl+b":
		return tea.KeyPressMsg{Code: 'b', Mod: tea.ModCtrl}
	case "ctrl+c":
		return tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl}
	case "tab":
		return tea.KeyPressMsg{Code: tea.KeyTab}
	case "left":
		return tea.KeyPressMsg{Code: tea.KeyLeft}
	case "right":
		return tea.KeyPressMsg{Code: tea.KeyRight}
	case "end":
		return tea.KeyPressMsg{Code: tea.KeyEnd}
	}
	r := []rune(s)[0]
	return tea.KeyPressMsg{Code: r, Text: s}
}

var signIn = Question{
	ID: "sign_in", Kind: Select, Title: "How do you want users to be able to sign in?",
	Help: "Username: people pick a name (bob).\nEmail: the email address is the username.",
	Options: []Option{
		{Label: "Username", Value: "username", Note: "people type bob", Recommended: true},
		{Label: "Email", Value: "email", Note: "people type bob@example.com"},
		{Label: "Phone Number", Value: "phone_number"},
	},
	Default:        "username",
	RecommendedWhy: "people can change their email later without losing their account",
	CreateOnly:     "Cognito fixes the sign-in identifiers when the pool is created",
	DocURL:         "https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-attributes.html",
	CanGoBack:      true,
}

// domain is shaped like the domain prefix question: its rule allows
// lowercase letters, digits and hyphens, so '?' can never be typed there.
var domain = Question{ID: "domain_prefix", Kind: Input, Title: "What domain name prefix do you want to use?",
	Default: "authentication", Required: true, Help: "Lowercase letters, digits and hyphens.",
	Validate: func(s string) error {
		if strings.Trim(s, "abcdefghijklmnopqrstuvwxyz0123456789-") != "" {
			return errors.New("use lowercase letters, digits and hyphens")
		}
		if strings.Contains(s, "cognito") {
			return errors.New("cannot contain the reserved word cognito")
		}
		return nil
	}, DocURL: "https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools-assign-domain-prefix.html"}

// message is free text: '?' may be part of it.
var message = Question{ID: "email_subject", Kind: Input, Title: "Specify an email verification subject",
	Default: "Your code", Help: "The subject of the email with the code.", CanGoBack: true,
	Validate: func(string) error { return nil }}

func TestScreens(t *testing.T) {
	oauth := Question{ID: "oauth", Kind: Confirm, Title: "Do you want to use an OAuth flow?", Default: true,
		RecommendedWhy: "hosted sign-in pages", RecommendedAnswer: true, CanGoBack: true, Help: "OAuth gives you hosted pages."}
	long := Question{ID: "required_attributes", Kind: MultiSelect, Title: "What attributes are required for signing up?",
		Options: longOptions(17), Default: []string{"o3"}, RecommendedAnswer: []string{"o3"}, CreateOnly: "Cognito cannot switch an attribute between required and optional after the pool is created",
		RecommendedWhy: "enough to reach the user", DocURL: "https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-attributes.html", Help: "x"}
	cases := map[string]struct {
		q    Question
		msgs []tea.Msg
	}{
		"select":      {q: signIn},
		"select_help": {q: signIn, msgs: []tea.Msg{key("?")}},
		"select_amplify_default": {q: func() Question {
			q := signIn
			q.AmplifyDefault = "Email"
			return q
		}()},
		"multiselect": {q: Question{ID: "scopes", Kind: MultiSelect, Title: "Select the OAuth scopes enabled for this project",
			Options: []Option{{Label: "Phone", Value: "phone"}, {Label: "Email", Value: "email", Recommended: true}, {Label: "OpenID", Value: "openid", Recommended: true}},
			Default: []string{"email", "openid"}, RecommendedWhy: "what a typical app needs"}},
		"multiselect_none_recommended": {q: Question{ID: "capabilities", Kind: MultiSelect, Title: "Which capabilities do you want to add?",
			Options: []Option{{Label: "Add Google reCaptcha Challenge", Value: "recaptcha"}, {Label: "Email Domain Filtering (denylist)", Value: "denylist"}},
			Default: []string{}, RecommendedWhy: "each one is a Lambda function to maintain", RecommendedAnswer: []string{}}},
		"confirm": {q: oauth},
		"confirm_amplify_default": {q: func() Question {
			q := oauth
			q.RecommendedAnswer, q.Default, q.AmplifyDefault = false, false, "Yes"
			return q
		}()},
		"confirm_no":         {q: oauth, msgs: []tea.Msg{key("right")}},
		"input":              {q: domain},
		"input_help":         {q: domain, msgs: []tea.Msg{key("?")}},
		"free_text":          {q: message, msgs: []tea.Msg{key("?")}},
		"free_text_help":     {q: message, msgs: []tea.Msg{key("tab")}},
		"long_list":          {q: long},
		"long_list_scrolled": {q: long, msgs: []tea.Msg{key("end")}},
		"number":             {q: Question{ID: "refresh_token_days", Kind: Number, Title: "Specify the app's refresh token expiration period (in days)", Default: "30"}},
		"input_error": {q: func() Question {
			q := domain
			q.Default = "my-cognito-app"
			return q
		}(), msgs: []tea.Msg{key("enter")}},
		"previous_error": {q: func() Question {
			q := domain
			q.Err = errors.New(`"my-cognito-app" cannot contain the reserved word cognito`)
			return q
		}()},
		"another": {q: Question{ID: "group_names.another", Kind: Confirm, Title: "Do you want to add another User Pool Group", CanGoBack: true}},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			golden(t, "screen_"+name, screen(t, NewModel(c.q, false, 80), c.msgs...)+"\n")
		})
	}
}

// The yes/no buttons differ without colour: the chosen one is bracketed.
func TestConfirmButtonsDifferWithoutColour(t *testing.T) {
	q := Question{ID: "replace_file", Kind: Confirm, Title: "cognito.yaml already exists. Start over and replace it?", Default: false}
	no := screen(t, NewModel(q, false, 80))
	yes := screen(t, NewModel(q, false, 80), key("left"))
	if !strings.Contains(no, "  Yes     [ No ]") || !strings.Contains(yes, "[ Yes ]     No\n") {
		t.Errorf("buttons do not show the choice:\n%s\n---\n%s", no, yes)
	}
}

// '?' shows the help where it cannot be typed, and is typed in free text,
// where Tab shows the help; the footer names the key that works.
func TestHelpKey(t *testing.T) {
	m := NewModel(domain, false, 80)
	s := screen(t, m, key("?"))
	if !strings.Contains(s, "Lowercase letters, digits and hyphens.") || !strings.Contains(s, "> authentication\n") || !strings.Contains(s, "? hide help") {
		t.Errorf("'?' in a filled domain prefix should show the help and type nothing:\n%s", s)
	}
	m = NewModel(message, false, 80)
	if s := screen(t, m); !strings.Contains(s, "tab learn more") || strings.Contains(s, "? learn more") {
		t.Errorf("free text should offer Tab for help:\n%s", s)
	}
	s = screen(t, m, key("?"), key("tab"))
	if !strings.Contains(s, "> Your code?") || !strings.Contains(s, "The subject of the email") {
		t.Errorf("'?' should be typed in free text and Tab show the help:\n%s", s)
	}
}

func longOptions(n int) []Option {
	var out []Option
	for i := 1; i <= n; i++ {
		v := "o" + string(rune('0'+i%10))
		if i >= 10 {
			v = "o1" + string(rune('0'+i%10))
		}
		out = append(out, Option{Label: "Option " + v, Value: v, Note: "not supported by Facebook, Google, Login With Amazon, Sign in with Apple"})
	}
	return out
}

func TestLockedLine(t *testing.T) {
	q := signIn
	q.Default = "email"
	q.Locked = "Cognito fixes the sign-in identifiers when the pool is created"
	golden(t, "screen_locked", ansi.Strip(lockedLine(newStyles(false), q, 80))+"\n")
}
