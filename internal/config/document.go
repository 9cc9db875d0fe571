package config

import (
	"fmt"
	"strings"
)

// Pos is a 1-based line and column in a config file.
type Pos struct {
	Line int
	Col  int
}

// Document is a loaded config file: the model plus where each key was
// written, so that validation problems can name file:line:col.
type Document struct {
	// Path is the file name as given (used in messages).
	Path   string
	Config *Config
	// pos maps a concrete path ("app_clients[0].oauth.flows[1]") to the
	// position of its key (or of the list item).
	pos map[string]Pos
}

// Pos returns the position of path, or of its nearest written ancestor,
// or line 1 column 1 when nothing matches.
func (d *Document) Pos(path string) Pos {
	for p := path; p != ""; p = parentPath(p) {
		if v, ok := d.pos[p]; ok {
			return v
		}
	}
	return Pos{Line: 1, Col: 1}
}

// parentPath strips the last segment: "a.b[2]" → "a.b", "a.b" → "a".
func parentPath(p string) string {
	for i := len(p) - 1; i >= 0; i-- {
		switch p[i] {
		case '.':
			return p[:i]
		case '[':
			return p[:i]
		}
	}
	return ""
}

// Severity of a problem.
type Severity int

// Severities: errors fail validate, warnings do not.
const (
	SeverityError Severity = iota
	SeverityWarning
)

func (s Severity) String() string {
	if s == SeverityWarning {
		return "warning"
	}
	return "error"
}

// Issue is one problem found by Validate: at a path of the model, what is
// wrong and how to fix it.
type Issue struct {
	Path     string   `json:"path"`
	Severity Severity `json:"-"`
	Message  string   `json:"message"`
	Hint     string   `json:"hint,omitempty"`
}

// Problem is an Issue placed in a file.
type Problem struct {
	File     string   `json:"file"`
	Line     int      `json:"line"`
	Col      int      `json:"column"`
	Path     string   `json:"path,omitempty"`
	Severity Severity `json:"-"`
	Message  string   `json:"message"`
	Hint     string   `json:"hint,omitempty"`
}

// String renders "cognito.yaml:14:3: what is wrong — how to fix it".
func (p Problem) String() string {
	s := fmt.Sprintf("%s:%d:%d: %s", p.File, p.Line, p.Col, p.Message)
	if p.Severity == SeverityWarning {
		s = fmt.Sprintf("%s:%d:%d: warning: %s", p.File, p.Line, p.Col, p.Message)
	}
	if p.Hint != "" {
		s += " — " + p.Hint
	}
	return s
}

// LoadError is returned by Load when the file cannot be read into the
// model: every problem found, in file order.
type LoadError struct {
	Problems []Problem
	// Partial is what could be read despite the problems (values that
	// failed to decode are left unset), or nil when the YAML itself could
	// not be read. Only for reporting: see ValidatePartial.
	Partial *Document
}

func (e *LoadError) Error() string {
	if len(e.Problems) == 1 {
		return e.Problems[0].String()
	}
	return fmt.Sprintf("%d problems\n", len(e.Problems)) + strings.Join(ProblemLines(e.Problems), "\n")
}

// ReportLimit is how many problems are shown at once. A file with more is
// almost always the wrong file or one mistake repeated; printing millions
// of lines helps nobody.
const ReportLimit = 100

// ProblemLines renders problems one per line: the first ReportLimit, then
// a line that says how many more there are.
func ProblemLines(problems []Problem) []string {
	shown, more := LimitProblems(problems)
	lines := make([]string, 0, len(shown)+1)
	for _, p := range shown {
		lines = append(lines, p.String())
	}
	if more > 0 {
		lines = append(lines, fmt.Sprintf("… and %d more %s (fix these first, then check again)", more, plural(more, "problem")))
	}
	return lines
}

// LimitProblems returns the first ReportLimit problems and how many were
// left out.
func LimitProblems(problems []Problem) (shown []Problem, more int) {
	if len(problems) <= ReportLimit {
		return problems, 0
	}
	return problems[:ReportLimit], len(problems) - ReportLimit
}

func plural(n int, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}

// Place turns issues into problems at the document's positions.
func (d *Document) Place(issues []Issue) []Problem {
	out := make([]Problem, 0, len(issues))
	for _, is := range issues {
		p := d.Pos(is.Path)
		out = append(out, Problem{File: d.Path, Line: p.Line, Col: p.Col, Path: is.Path, Severity: is.Severity, Message: is.Message, Hint: is.Hint})
	}
	return out
}
