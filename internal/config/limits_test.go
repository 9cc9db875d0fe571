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
