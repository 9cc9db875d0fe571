package cmdutil

import (
	"strings"
	"testing"

	"github.com/cogwiz/cogwiz/internal/iostreams"
)

// Notes wrap on spaces at the terminal's width, the later lines indented,
// and are left whole when stderr is not a terminal (a log, a pipe).
func TestNoteWraps(t *testing.T) {
	text := "could not check whether the user pool exists, so going by user_pool.id: no AWS region"
	ios, _, _, stderr := iostreams.Test()
	ios.SetStderrTTY(true)
	Note(ios, text)
	Hint(ios, "pass --region, or set AWS_REGION or a region in your AWS profile")
	lines := strings.Split(strings.TrimSuffix(stderr.String(), "\n"), "\n")
	if len(lines) < 3 || !strings.HasPrefix(lines[0], "note: could") || !strings.HasPrefix(lines[1], "  ") {
		t.Fatalf("want a wrapped note with an indented second line:\n%s", stderr)
	}
	for _, l := range lines {
		if len(l) > 80 {
			t.Errorf("line wider than 80 columns: %q", l)
		}
		if strings.HasSuffix(l, " ") {
			t.Errorf("line ends in a space: %q", l)
		}
	}
	if joined := strings.Join(strings.Fields(stderr.String()), " "); !strings.Contains(joined, "note: "+text) || !strings.Contains(joined, "hint: pass --region") {
		t.Errorf("words lost or cut in wrapping:\n%s", stderr)
	}

	ios, _, _, stderr = iostreams.Test()
	Note(ios, text)
	if got, want := stderr.String(), "note: "+text+"\n"; got != want {
		t.Errorf("without a terminal: %q, want %q", got, want)
	}
}
