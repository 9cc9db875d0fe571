package export

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"unicode"

	"github.com/rivo/uniseg"
)

// A small HCL writer for the Terraform export, laid out as terraform fmt
// lays files out: two-space indents, and the "=" of consecutive one-line
// arguments aligned. It writes what the export needs (blocks, strings,
// numbers, bools, references, lists and maps) and no more, so that
// cogwiz does not carry an HCL library for one command.

// hclLine is one line of the output. An argument keeps its name and
// one-line value apart, so that a run of them can align its "=" signs.
type hclLine struct {
	depth  int
	text   string // the line, or the name of an argument
	value  string // an argument's value
	assign bool
}

// hclRef is an expression written as it is: a reference such as
// var.google_client_secret or aws_cognito_user_pool.this.id.
type hclRef string

type hclLines []hclLine

func (ls *hclLines) line(depth int, text string) {
	*ls = append(*ls, hclLine{depth: depth, text: text})
}

func (ls *hclLines) blank() { ls.line(0, "") }

// arg writes `name = value`: on one line when the value fits on one, else
// a map or list opened on this line and closed on its own.
func (ls *hclLines) arg(depth int, name string, v any) {
	if s, ok := hclInline(v); ok {
		*ls = append(*ls, hclLine{depth: depth, text: name, value: s, assign: true})
		return
	}
	switch x := v.(type) {
	case *obj:
		ls.line(depth, name+" = {")
		for _, k := range x.keys {
			ls.arg(depth+1, hclString(k), x.vals[k])
		}
		ls.line(depth, "}")
	case []any:
		ls.line(depth, name+" = [")
		for _, e := range x {
			if s, ok := hclInline(e); ok {
				ls.line(depth+1, s+",")
				continue
			}
			o := e.(*obj)
			ls.line(depth+1, "{")
			for _, k := range o.keys {
				ls.arg(depth+2, hclString(k), o.vals[k])
			}
			ls.line(depth+1, "},")
		}
		ls.line(depth, "]")
	}
}

// hclInline is v as a one-line expression, when it has one.
func hclInline(v any) (string, bool) {
	switch x := v.(type) {
	case nil:
		return "null", true
	case string:
		return hclString(x), true
	case bool:
		return strconv.FormatBool(x), true
	case int64:
		return strconv.FormatInt(x, 10), true
	case int:
		return strconv.Itoa(x), true
	case hclRef:
		return string(x), true
	case []any:
		parts := make([]string, len(x))
		for i, e := range x {
			s, ok := hclInline(e)
			if !ok {
				return "", false
			}
			parts[i] = s
		}
		return "[" + strings.Join(parts, ", ") + "]", true
	case *obj:
		if len(x.keys) == 0 {
			return "{}", true
		}
		return "", false
	}
	panic(fmt.Sprintf("export: no HCL for %T", v))
}

// hclString quotes s as an HCL string literal: Go-like escapes, and a
// doubled $ or % before { so that nothing reads as a template.
func hclString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
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
	b.WriteByte('"')
	return b.String()
}

// bytes lays the lines out; a run of arguments aligns its "=" signs,
// counting characters as terraform fmt does.
func (ls hclLines) bytes() []byte {
	var b bytes.Buffer
	for i := 0; i < len(ls); {
		if !ls[i].assign {
			if ls[i].text != "" {
				b.WriteString(strings.Repeat("  ", ls[i].depth) + ls[i].text)
			}
			b.WriteByte('\n')
			i++
			continue
		}
		j, width := i, 0
		for ; j < len(ls) && ls[j].assign; j++ {
			width = max(width, uniseg.GraphemeClusterCount(ls[j].text))
		}
		for _, l := range ls[i:j] {
			pad := strings.Repeat(" ", width-uniseg.GraphemeClusterCount(l.text))
			b.WriteString(strings.Repeat("  ", l.depth) + l.text + pad + " = " + l.value + "\n")
		}
		i = j
	}
	return b.Bytes()
}
