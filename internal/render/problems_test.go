package render

import (
	"bytes"
	"strings"
	"testing"

	"github.com/rivo/uniseg"

	"github.com/cogwiz/cogwiz/internal/config"
)

func TestProblemsOncePerCommand(t *testing.T) {
	t.Parallel()
	warn := func(line int, msg string, advice bool) config.Problem {
		return config.Problem{File: "cognito.yaml", Line: line, Col: 3, Severity: config.SeverityWarning, Message: msg, Hint: "fix it", Advice: advice}
	}
	problems := []config.Problem{
		warn(4, "factors are ignored while mode is OFF", false),
		warn(9, "factors are ignored while mode is OFF", false),
		warn(4, "factors are ignored while mode is OFF", false),
		warn(12, "the default sender is capped", true),
	}
	var b bytes.Buffer
	if err := Problems(&b, problems, ProblemsOptions{}); err != nil {
		t.Fatal(err)
	}
	want := "cognito.yaml:4:3: warning: factors are ignored while mode is OFF — fix it (also at 9:3)\n"
	if b.String() != want {
		t.Errorf("got %q, want %q", b.String(), want)
	}
	b.Reset()
	Problems(&b, problems, ProblemsOptions{Advice: true})
	if !strings.Contains(b.String(), "the default sender is capped") || strings.Count(b.String(), "\n") != 2 {
		t.Errorf("with advice:\n%s", b.String())
	}
}

// Wrapped text breaks only between words, fits the width, and never cuts
// a URL; a narrower terminal only adds lines.
func TestWrapOnWordBoundaries(t *testing.T) {
	t.Parallel()
	text := "cognito.yaml:176:3: warning: Cognito's default email sender is capped at about 50 emails a day; " +
		"beyond that, sign-up and reset codes are silently dropped — fine for development; see " +
		"https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-email.html#user-pool-email-default ⚠️ done"
	for _, width := range []int{20, 40, 80, 120} {
		got := Wrap(text, width, "  ")
		lines := strings.Split(got, "\n")
		var words []string
		for i, l := range lines {
			if i > 0 && !strings.HasPrefix(l, "  ") {
				t.Errorf("width %d: line %d is not indented: %q", width, i+1, l)
			}
			if w := uniseg.StringWidth(l); w > width && len(strings.Fields(l)) > 1 {
				t.Errorf("width %d: line %d is %d columns: %q", width, i+1, w, l)
			}
			words = append(words, strings.Fields(l)...)
		}
		if strings.Join(words, " ") != text {
			t.Errorf("width %d: a word was cut or lost:\n%s", width, got)
		}
	}
	if got := Wrap(text, 0, "  "); got != text {
		t.Errorf("width 0 wrapped: %q", got)
	}
}

func TestWrapKeepsTheLeadingIndent(t *testing.T) {
	t.Parallel()
	got := Wrap("    the code went to the throw-away email address, which nobody can read", 30, "    ")
	want := "    the code went to the\n    throw-away email address,\n    which nobody can read"
	if got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// One problem repeated at many places lists ten of them and counts the
// rest, so a line never grows with the file.
func TestRepeatedProblemListsTenPlaces(t *testing.T) {
	var ps []config.Problem
	for i := 1; i <= 25; i++ {
		ps = append(ps, config.Problem{File: "c.yaml", Line: i, Col: 3, Severity: config.SeverityWarning, Message: "same"})
	}
	var b strings.Builder
	if err := Problems(&b, ps, ProblemsOptions{}); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if strings.Count(out, "\n") != 1 || !strings.Contains(out, "11:3, 14 more places)") || strings.Contains(out, "12:3") {
		t.Errorf("got %q", out)
	}
}
