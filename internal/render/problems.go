package render

import (
	"fmt"
	"io"
	"strings"

	"github.com/rivo/uniseg"

	"github.com/cogwiz/cogwiz/internal/config"
)

// ProblemsOptions say how Problems prints.
type ProblemsOptions struct {
	// Width wraps each problem on word boundaries at this many columns,
	// the later lines indented; 0 keeps each on one line (not a terminal:
	// editors and CI read file:line:col: lines).
	Width int
	// Advice also prints the warnings that are advice rather than a
	// problem with the file (validate and plan show them; other commands
	// would only repeat them).
	Advice bool
}

// Problems writes the problems found in a file, each once: one that
// applies at several places is printed at the first, naming the others.
func Problems(w io.Writer, problems []config.Problem, o ProblemsOptions) error {
	type group struct {
		first config.Problem
		also  []string
	}
	var groups []*group
	byText := map[string]*group{}
	for _, p := range problems {
		if p.Advice && !o.Advice {
			continue
		}
		key := p.File + "\x00" + p.Severity.String() + "\x00" + p.Message + "\x00" + p.Hint
		if g := byText[key]; g != nil {
			if p.Line != g.first.Line || p.Col != g.first.Col {
				g.also = append(g.also, fmt.Sprintf("%d:%d", p.Line, p.Col))
			}
			continue
		}
		g := &group{first: p}
		byText[key] = g
		groups = append(groups, g)
	}
	// A file can hold thousands of problems: the first ReportLimit are
	// shown, then a count of the rest, so the fix starts at the top.
	more := 0
	if len(groups) > config.ReportLimit {
		for _, g := range groups[config.ReportLimit:] {
			more += 1 + len(g.also)
		}
		groups = groups[:config.ReportLimit]
	}
	for _, g := range groups {
		text := g.first.String()
		if len(g.also) > 0 {
			also := g.also
			if len(also) > maxAlso {
				also = append(also[:maxAlso:maxAlso], fmt.Sprintf("%d more places", len(g.also)-maxAlso))
			}
			text += " (also at " + strings.Join(also, ", ") + ")"
		}
		if _, err := io.WriteString(w, Wrap(text, o.Width, "  ")+"\n"); err != nil {
			return err
		}
	}
	if more > 0 {
		word := "problems"
		if more == 1 {
			word = "problem"
		}
		if _, err := fmt.Fprintf(w, "… and %d more %s (fix these first, then check again)\n", more, word); err != nil {
			return err
		}
	}
	return nil
}

// maxAlso caps the positions listed for one repeated problem.
const maxAlso = 10

// Wrap breaks each line of text on spaces into lines of at most width
// terminal columns, the later ones starting with indent. A word wider
// than a line (a URL) gets a line of its own and is never cut. Width 0
// leaves text as it is.
func Wrap(text string, width int, indent string) string {
	if width <= 0 {
		return text
	}
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		lines[i] = wrapLine(l, width, indent)
	}
	return strings.Join(lines, "\n")
}

func wrapLine(line string, width int, indent string) string {
	if uniseg.StringWidth(line) <= width {
		return line
	}
	var b strings.Builder
	lead := line[:len(line)-len(strings.TrimLeft(line, " "))]
	b.WriteString(lead)
	n := len(lead)
	for i, word := range strings.Fields(line) {
		wn := uniseg.StringWidth(word)
		switch {
		case i == 0:
		case n+1+wn > width:
			b.WriteString("\n" + indent)
			n = uniseg.StringWidth(indent)
		default:
			b.WriteByte(' ')
			n++
		}
		b.WriteString(word)
		n += wn
	}
	return b.String()
}
