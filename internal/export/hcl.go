package export

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"

	"github.com/rivo/uniseg"
)

// A small HCL writer for the Terraform export, so that cogwiz does not
// carry an HCL library (and its package start-up cost) for one command.
// It lays a file out as terraform fmt does, by the rules of the hclwrite
// formatter terraform fmt is built on: each line is indented two spaces
// per bracket left open by the lines before it (a line that opens several
// counts once), and the "=" of consecutive one-line arguments is aligned,
// counting grapheme clusters. It writes what the export needs (blocks,
// strings, numbers, bools, references, function calls, lists and maps)
// and no more.

// hclFile is the file being written, line by line.
type hclFile struct {
	lines []hclLine
	cur   hclLine
}

// hclLine is one line of the output. An argument keeps its name and its
// value apart, so that a run of them can align their "=" signs.
type hclLine struct {
	lead string // the line, or an argument's name
	// cols is the width of lead in grapheme clusters, counted per token
	// as the formatter counts it.
	cols int
	// eq says the line has "=": rest is what follows it, restNet the
	// brackets rest leaves open (an argument lines up with its neighbours
	// only when its value ends on its line).
	eq      bool
	rest    string
	restNet int
	// net is the brackets the whole line leaves open (or closes).
	net int
}

// hclExpr is an expression written as it is, on one line and leaving no
// bracket open: a reference such as var.google_client_secret, a template
// from hclTemplate, a call with one-line arguments.
type hclExpr string

// hclCall is a call of a function on its arguments: jsonencode({...}).
type hclCall struct {
	name string
	args []any
}

// tok writes text that opens (delta > 0) or closes brackets, cols wide.
func (f *hclFile) tok(text string, cols, delta int) {
	if f.cur.eq {
		f.cur.rest += text
		f.cur.restNet += delta
	} else {
		f.cur.lead += text
		f.cur.cols += cols
	}
	f.cur.net += delta
}

// word writes text without brackets.
func (f *hclFile) word(s string) { f.tok(s, uniseg.GraphemeClusterCount(s), 0) }

// str writes a quoted string: the quotes and the text are separate
// tokens, counted separately.
func (f *hclFile) str(s string) {
	q := hclString(s)
	f.tok(q, 2+uniseg.GraphemeClusterCount(q[1:len(q)-1]), 0)
}

// assign writes the "=" of an argument.
func (f *hclFile) assign() { f.cur.eq = true }

// nl ends the line.
func (f *hclFile) nl() {
	f.lines = append(f.lines, f.cur)
	f.cur = hclLine{}
}

// blank writes an empty line.
func (f *hclFile) blank() { f.nl() }

// block opens a block: type "label" ... {.
func (f *hclFile) block(typ string, labels ...string) {
	f.word(typ)
	for _, l := range labels {
		f.word(" ")
		f.str(l)
	}
	f.tok(" {", 2, 1)
	f.nl()
}

// end closes the block opened last.
func (f *hclFile) end() {
	f.tok("}", 1, -1)
	f.nl()
}

// attr writes the argument name = v.
func (f *hclFile) attr(name string, v any) {
	f.word(name)
	f.assign()
	f.value(v)
	f.nl()
}

// value writes v as hclwrite.TokensForValue and its siblings do: a map
// opens a line per element, a list and a call stay on the line of their
// brackets unless an element is a map.
func (f *hclFile) value(v any) {
	switch x := v.(type) {
	case nil:
		f.word("null")
	case string:
		f.str(x)
	case bool:
		f.word(strconv.FormatBool(x))
	case int64:
		f.word(strconv.FormatInt(x, 10))
	case int:
		f.word(strconv.Itoa(x))
	case hclExpr:
		f.tok(string(x), uniseg.GraphemeClusterCount(string(x)), 0)
	case []any:
		f.tok("[", 1, 1)
		for i, e := range x {
			if i > 0 {
				f.word(", ")
			}
			f.value(e)
		}
		f.tok("]", 1, -1)
	case hclCall:
		f.tok(x.name+"(", len(x.name)+1, 1)
		for i, e := range x.args {
			if i > 0 {
				f.word(", ")
			}
			f.value(e)
		}
		f.tok(")", 1, -1)
	case *obj:
		if len(x.keys) == 0 {
			f.tok("{}", 2, 0)
			return
		}
		f.tok("{", 1, 1)
		f.nl()
		for _, k := range x.keys {
			f.str(k)
			f.assign()
			f.value(x.vals[k])
			f.nl()
		}
		f.tok("}", 1, -1)
	default:
		panic(fmt.Sprintf("export: no HCL for %T", v))
	}
}

// hclString quotes s as an HCL string literal: Go-like escapes, and a
// doubled $ or % before { so that nothing reads as a template.
// https://developer.hashicorp.com/terraform/language/expressions/strings#escape-sequences
func hclString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	b.WriteString(hclEscape(s))
	b.WriteByte('"')
	return b.String()
}

// hclEscape is the inside of hclString.
func hclEscape(s string) string {
	var b strings.Builder
	for i, r := range s {
		switch r {
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '$', '%':
			b.WriteRune(r)
			if strings.HasPrefix(s[i+1:], "{") {
				b.WriteRune(r)
			}
		default:
			switch {
			case unicode.IsPrint(r):
				b.WriteRune(r)
			case r < 0x10000:
				fmt.Fprintf(&b, `\u%04x`, r)
			default:
				fmt.Fprintf(&b, `\U%08x`, r)
			}
		}
	}
	return b.String()
}

// hclTemplate is a quoted template: the text of each even part as it is
// (escaped), each odd part a reference interpolated with ${...}.
func hclTemplate(parts ...string) hclExpr {
	var b strings.Builder
	b.WriteByte('"')
	for i, p := range parts {
		if i%2 == 1 {
			b.WriteString("${" + p + "}")
			continue
		}
		b.WriteString(hclEscape(p))
	}
	b.WriteByte('"')
	return hclExpr(b.String())
}

// bytes lays the lines out: indents from the brackets left open, and the
// "=" of each run of one-line arguments aligned.
func (f *hclFile) bytes() []byte {
	if f.cur.lead != "" || f.cur.eq {
		f.nl()
	}
	indent := make([]int, len(f.lines))
	var open []int // brackets each indent level stands for
	for i, l := range f.lines {
		switch {
		case l.net > 0:
			indent[i] = len(open)
			open = append(open, l.net)
		case l.net < 0:
			for closed := -l.net; closed > 0 && len(open) > 0; {
				top := open[len(open)-1]
				if closed < top {
					open[len(open)-1] -= closed
					break
				}
				closed -= top
				open = open[:len(open)-1]
			}
			indent[i] = len(open)
		default:
			indent[i] = len(open)
		}
	}
	// A run of arguments whose values end on their own line aligns its
	// "=" one column after the widest name.
	width := make([]int, len(f.lines))
	for i := 0; i < len(f.lines); {
		if !f.lines[i].aligned() {
			i++
			continue
		}
		j, w := i, 0
		for ; j < len(f.lines) && f.lines[j].aligned(); j++ {
			w = max(w, f.lines[j].cols)
		}
		for k := i; k < j; k++ {
			width[k] = w
		}
		i = j
	}
	var b strings.Builder
	for i, l := range f.lines {
		if l.lead == "" && !l.eq {
			b.WriteByte('\n')
			continue
		}
		b.WriteString(strings.Repeat("  ", indent[i]))
		b.WriteString(l.lead)
		if l.eq {
			pad := 1
			if l.aligned() {
				pad = width[i] - l.cols + 1
			}
			b.WriteString(strings.Repeat(" ", pad) + "= " + l.rest)
		}
		b.WriteByte('\n')
	}
	return []byte(b.String())
}

// aligned reports whether the line is an argument whose value ends on it.
func (l hclLine) aligned() bool { return l.eq && l.restNet == 0 }
