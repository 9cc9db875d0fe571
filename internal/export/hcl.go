package export

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A small HCL writer for the Terraform export. It prints what `terraform
// fmt` would: two-space indents, and the = of neighbouring one-line
// arguments aligned; an argument whose value spans lines (a map) stands
// alone. Writing it here rather than through hclwrite keeps HCL's parser,
// cty and their package start-up cost out of every cogwiz run.

// hclBody is the inside of a file or a block, in order.
type hclBody struct{ items []hclItem }

// hclItem is one argument, one nested block, or a blank line.
type hclItem struct {
	name  string
	value hclValue
	block *hclBlock
	blank bool
}

type hclBlock struct {
	typ    string
	labels []string
	body   *hclBody
}

// hclValue is an expression: raw text on one line, or a map written over
// several lines.
type hclValue struct {
	raw   string
	isMap bool
	pairs *hclBody // a map's "key" = value lines
}

type hclAttr struct{ key, value string }

func (b *hclBody) attr(name string, v hclValue) {
	b.items = append(b.items, hclItem{name: name, value: v})
}
func (b *hclBody) newline() { b.items = append(b.items, hclItem{blank: true}) }

func (b *hclBody) block(typ string, labels ...string) *hclBody {
	nb := &hclBlock{typ: typ, labels: labels, body: &hclBody{}}
	b.items = append(b.items, hclItem{block: nb})
	return nb.body
}

// hclRaw is an expression written as is: an identifier or a reference.
func hclRaw(s string) hclValue { return hclValue{raw: s} }

func hclString(s string) hclValue { return hclValue{raw: hclQuote(s)} }

func hclBool(v bool) hclValue { return hclValue{raw: strconv.FormatBool(v)} }

func hclInt(v int64) hclValue { return hclValue{raw: strconv.FormatInt(v, 10)} }

// hclTuple writes one-line values as [a, b].
func hclTuple(elems []string) hclValue { return hclValue{raw: "[" + strings.Join(elems, ", ") + "]"} }

// hclMap writes {"key" = value, ...}, one pair per line; add the pairs
// to the returned body with attr, keys quoted by hclQuote.
func hclMap() (hclValue, *hclBody) {
	pairs := &hclBody{}
	return hclValue{isMap: true, pairs: pairs}, pairs
}

// hclQuote is a quoted string literal. Besides the usual escapes, ${ and
// %{ are doubled so that Terraform reads them as text, not templates.
// https://developer.hashicorp.com/terraform/language/expressions/strings#escape-sequences
func hclQuote(s string) string {
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

// bytes renders the body at the top level.
func (b *hclBody) bytes() []byte {
	var sb strings.Builder
	b.write(&sb, "")
	return []byte(sb.String())
}

func (b *hclBody) write(sb *strings.Builder, indent string) {
	for i := 0; i < len(b.items); {
		it := b.items[i]
		switch {
		case it.blank:
			sb.WriteByte('\n')
			i++
		case it.block != nil:
			sb.WriteString(indent + it.block.typ)
			for _, l := range it.block.labels {
				sb.WriteString(" " + hclQuote(l))
			}
			sb.WriteString(" {\n")
			it.block.body.write(sb, indent+"  ")
			sb.WriteString(indent + "}\n")
			i++
		case it.value.isMap:
			sb.WriteString(indent + it.name + " = {\n")
			it.value.pairs.write(sb, indent+"  ")
			sb.WriteString(indent + "}\n")
			i++
		default:
			// A run of one-line arguments is aligned on its = signs.
			var run []hclAttr
			for ; i < len(b.items) && b.items[i].block == nil && !b.items[i].blank && !b.items[i].value.isMap; i++ {
				run = append(run, hclAttr{b.items[i].name, b.items[i].value.raw})
			}
			writeAligned(sb, indent, run)
		}
	}
}

func writeAligned(sb *strings.Builder, indent string, attrs []hclAttr) {
	width := 0
	for _, a := range attrs {
		width = max(width, utf8.RuneCountInString(a.key))
	}
	for _, a := range attrs {
		sb.WriteString(indent + a.key + strings.Repeat(" ", width-utf8.RuneCountInString(a.key)) + " = " + a.value + "\n")
	}
}
