package config

import (
	"errors"
	"strconv"
	"strings"
	"testing"
)

// A file with thousands of problems stops at ReportLimit, the last line
// saying so, and is not validated further (that would print more).
func TestParseStopsAtReportLimit(t *testing.T) {
	t.Parallel()
	src := minimal + "  groups: [" + strings.Repeat("1, ", 5000) + "1]\n"
	_, err := Parse("cognito.yaml", []byte(src))
	var le *LoadError
	if !errors.As(err, &le) {
		t.Fatalf("err = %v, want a LoadError", err)
	}
	if len(le.Problems) != ReportLimit {
		t.Fatalf("%d problems, want %d", len(le.Problems), ReportLimit)
	}
	last := le.Problems[len(le.Problems)-1]
	if want := "too many problems: stopped reading here, after " + strconv.Itoa(ReportLimit-1); last.Message != want {
		t.Errorf("last problem %q, want %q", last.Message, want)
	}
	if le.Partial != nil {
		t.Error("a stopped read must not be validated further")
	}
	if n := len(ValidatePartial(le)); n != ReportLimit {
		t.Errorf("ValidatePartial gives %d problems, want %d", n, ReportLimit)
	}
}

func TestProblemLinesSaysHowManyMore(t *testing.T) {
	t.Parallel()
	ps := make([]Problem, 250)
	for i := range ps {
		ps[i] = Problem{File: "cognito.yaml", Line: i + 1, Col: 1, Message: "bad"}
	}
	lines := ProblemLines(ps)
	if len(lines) != ReportLimit+1 {
		t.Fatalf("%d lines, want %d", len(lines), ReportLimit+1)
	}
	if got := lines[ReportLimit]; got != "… and 150 more problems (fix these first, then check again)" {
		t.Errorf("last line %q", got)
	}
	if lines := ProblemLines(ps[:3]); len(lines) != 3 {
		t.Errorf("3 problems give %d lines", len(lines))
	}
	if err := (&LoadError{Problems: ps}).Error(); strings.Count(err, "\n") != ReportLimit+1 {
		t.Errorf("LoadError prints %d lines, want the count, %d problems and the rest counted", strings.Count(err, "\n")+1, ReportLimit)
	}
}

// "name cannot be empty" named no key: the pool, a client and a group all
// have a name. Every value message starts with the whole key path.
func TestValueMessagesNameTheKeyPath(t *testing.T) {
	t.Parallel()
	c := validBase()
	c.UserPool.Name = ""
	c.AppClients[1].Name = ""
	c.UserPool.MFA.Mode = "SOMETIMES"
	want := map[string]bool{
		"user_pool.name cannot be empty":                false,
		"app_clients[1].name cannot be empty":           false,
		`user_pool.mfa.mode "SOMETIMES" is not allowed`: false,
	}
	for _, is := range Validate(c) {
		if _, ok := want[is.Message]; ok {
			want[is.Message] = true
		}
		if !strings.HasPrefix(is.Message, is.Path) && strings.Contains(is.Message, "cannot be empty") {
			t.Errorf("%s: message %q does not start with its path", is.Path, is.Message)
		}
	}
	for msg, seen := range want {
		if !seen {
			t.Errorf("no issue says %q", msg)
		}
	}
}

// A NUL byte, another control character or invalid UTF-8 was reported at
// 1:1 with a hint about indentation. Each is placed at its line and
// column and named.
func TestParseNamesBadBytesWhereTheyAre(t *testing.T) {
	t.Parallel()
	for src, want := range map[string]string{
		minimal + "  description: \"a\x00b\"\n":      `5:18: the file contains a NUL byte (0x00), which YAML does not allow — remove it`,
		minimal + "# caf\xe9\n":                      `5:6: byte 0xE9 is not valid UTF-8 — save the file as UTF-8 text`,
		"version: 1\nresource_name: \"ü\x1b[31m\"\n": `2:18: the file contains the control character U+001B, which YAML does not allow`,
	} {
		got := problems(t, src)
		if len(got) != 1 || !strings.HasPrefix(got[0], want) {
			t.Errorf("problems %q, want one starting %q", got, want)
		}
	}
	// A byte order mark, UTF-8 or UTF-16, is not a problem.
	if got := problems(t, "\uFEFF"+minimal); got != nil {
		t.Errorf("UTF-8 with a BOM: %q", got)
	}
	utf16 := []byte{0xFF, 0xFE}
	for _, r := range minimal {
		utf16 = append(utf16, byte(r), 0)
	}
	if _, err := Parse("cognito.yaml", utf16); err != nil {
		t.Errorf("UTF-16 with a BOM: %v", err)
	}
}
