package render

import (
	"bytes"
	"strings"
	"testing"

	"github.com/cogwiz/cogwiz/internal/config"
)

var explainSample = config.Setting{
	Key:            "user_pool.sign_in.case_sensitive",
	Title:          "Case-sensitive usernames",
	Meaning:        strings.Repeat("Whether Bob and bob are two different users. ", 5),
	Values:         []string{"true", "false"},
	Default:        "true (API default!)",
	Recommended:    "false",
	RecommendedWhy: "AWS recommends case-insensitive pools.",
	CreateOnly:     true,
	CreateOnlyWhy:  "Cognito has no API to change it.",
	APIField:       "CreateUserPool.UsernameConfiguration.CaseSensitive",
	DocURL:         "https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-case-sensitivity.html",
}

func TestExplainTextPlain(t *testing.T) {
	var b bytes.Buffer
	if err := ExplainText(&b, explainSample, ExplainOptions{Width: 64}); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if strings.Contains(out, "\x1b[") {
		t.Error("colour without Color")
	}
	for _, line := range strings.Split(out, "\n") {
		if n := len([]rune(line)); n > 64 && !strings.HasPrefix(line, "📝") {
			t.Errorf("line of %d runes at width 64: %q", n, line)
		}
	}
	want := []string{
		"Case-sensitive usernames\nuser_pool.sign_in.case_sensitive\n\n",
		"Values     true, false\n",
		"Default    true (API default!)\n",
		"API field  CreateUserPool.UsernameConfiguration.CaseSensitive\n",
		"⭐ Recommended: false\n   AWS recommends case-insensitive pools.\n",
		"⚠️  Create-only: cannot be changed once it exists\n   Cognito has no API to change it.\n",
		"\n📝 https://docs.aws.amazon.com/",
	}
	for _, w := range want {
		if !strings.Contains(out, w) {
			t.Errorf("output lacks %q:\n%s", w, out)
		}
	}
	// Sections appear in the documented order.
	if strings.Index(out, "⭐") > strings.Index(out, "⚠️") || strings.Index(out, "⚠️") > strings.Index(out, "📝") {
		t.Errorf("sections out of order:\n%s", out)
	}
}

func TestExplainTextOmitsEmptyParts(t *testing.T) {
	var b bytes.Buffer
	s := config.Setting{Key: "user_pool.name", Title: "User pool name", Meaning: "The name.", APIField: "CreateUserPool.PoolName"}
	if err := ExplainText(&b, s, ExplainOptions{}); err != nil {
		t.Fatal(err)
	}
	for _, absent := range []string{"Values", "Default", "⭐", "⚠️", "📝"} {
		if strings.Contains(b.String(), absent) {
			t.Errorf("output shows %q for a setting without it:\n%s", absent, b.String())
		}
	}
}

func TestExplainTextColor(t *testing.T) {
	var b bytes.Buffer
	if err := ExplainText(&b, explainSample, ExplainOptions{Color: true}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "\x1b[") {
		t.Error("no styling with Color")
	}
}

func TestExplainListColumns(t *testing.T) {
	var b bytes.Buffer
	if err := ExplainList(&b, []ExplainGroup{{Settings: config.Settings()}}, ExplainOptions{Width: 80}); err != nil {
		t.Fatal(err)
	}
	titleCol := func(prefix, title string) int {
		for _, line := range strings.Split(b.String(), "\n") {
			if strings.HasPrefix(line, prefix+" ") && strings.Contains(line, title) {
				return len([]rune(line[:strings.Index(line, title)]))
			}
		}
		t.Fatalf("no line %q … %q in\n%s", prefix, title, b.String())
		return 0
	}
	want := titleCol("version", "File format version")
	for _, row := range [][2]string{
		{"user_pool", "User pool"}, {"  id", "User pool ID"}, {"  mfa.mode", "MFA mode"},
		{"  [].oauth.flows", "OAuth flows"}, {"domain", "Hosted sign-in domain"},
	} {
		if got := titleCol(row[0], row[1]); got != want {
			t.Errorf("%s: title in column %d, want %d", row[0], got, want)
		}
	}
	for _, line := range strings.Split(b.String(), "\n") {
		if n := len([]rune(line)); n > 80 {
			t.Errorf("line of %d runes: %q", n, line)
		}
	}
}

func TestExplainLines(t *testing.T) {
	lines := wrapLines("aaa bbb ccc ddd eee", 20)
	if len(lines) != 1 {
		t.Errorf("short text wrapped: %q", lines)
	}
	lines = wrapLines(strings.Repeat("word ", 30), 21)
	for _, l := range lines {
		if len(l) > 21 {
			t.Errorf("line %q longer than 21", l)
		}
	}
	if got := strings.Join(lines, " "); got != strings.TrimSpace(strings.Repeat("word ", 30)) {
		t.Errorf("words lost: %q", got)
	}
	long := "https://example.com/" + strings.Repeat("x", 50)
	if l := wrapLines("see "+long, 30); len(l) != 2 || l[1] != long {
		t.Errorf("long word: %q", l)
	}
}

func TestExplainNotFound(t *testing.T) {
	if got := ExplainNotFound("x", nil); got != `unknown key "x"` {
		t.Errorf("got %q", got)
	}
	if got := ExplainNotFound("x", []string{"a", "b"}); got != `unknown key "x": did you mean "a" or "b"?` {
		t.Errorf("got %q", got)
	}
}
