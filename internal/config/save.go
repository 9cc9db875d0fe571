package config

import (
	"bytes"
	"encoding"
	"fmt"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// SchemaURL is where editors find the JSON Schema of cognito.yaml.
const SchemaURL = "https://raw.githubusercontent.com/cogwiz/cogwiz/main/docs/cognito.schema.json"

// commentWidth is the column comments wrap at.
const commentWidth = 80

// Marshal renders c as commented YAML (CommentsFull), first line the
// schema comment.
//
// The output is stable: keys in model order, two-space indentation, lists
// of plain values in flow style ([a, b]), other lists in block style, map
// keys sorted. Strings are quoted only when YAML would read them as
// something else; YAML 1.1 booleans such as OFF or yes are always quoted
// so that every reader keeps them as text. Above each key is its registry
// entry: what it means, ⚠️ when it can never change once the pool exists,
// ⭐ the recommended value, 📝 the AWS documentation. In lists only the
// first item is commented. Empty lists and maps are written like absent
// ones (or as [] and {} where the key is always written), matching Parse.
func Marshal(c *Config) ([]byte, error) { return MarshalComments(c, CommentsFull) }

// MarshalComments is Marshal with the comment style m.
func MarshalComments(c *Config, m Comments) ([]byte, error) {
	if c == nil {
		return nil, fmt.Errorf("writing config: no config")
	}
	e := &emitter{notes: registryIndex(), mode: m}
	e.buf.Grow(16 << 10)
	e.buf.WriteString(headerOf(m))
	e.structBody(reflect.ValueOf(c).Elem(), "", 0, false, m != CommentsNone)
	if e.err != nil {
		return nil, e.err
	}
	return e.buf.Bytes(), nil
}

// Save writes c to path atomically, with full comments.
func Save(path string, c *Config) error { return SaveComments(path, c, CommentsFull) }

// SaveComments writes c to path atomically, with the comment style m.
func SaveComments(path string, c *Config, m Comments) error {
	data, err := MarshalComments(c, m)
	if err != nil {
		return err
	}
	return WriteFileAtomic(path, data, 0o644)
}

// registryIndex maps each normalised registry key to its row.
func registryIndex() map[string]*Setting {
	rows := Settings()
	m := make(map[string]*Setting, len(rows))
	for i := range rows {
		k := NormalizeKey(rows[i].Key)
		if _, dup := m[k]; !dup {
			m[k] = &rows[i]
		}
	}
	return m
}

type emitter struct {
	buf   bytes.Buffer
	notes map[string]*Setting
	mode  Comments
	shown shown
	err   error
}

var textMarshaler = reflect.TypeFor[encoding.TextMarshaler]()

// structBody writes the fields of struct v at indent. With dash, the
// first field starts the list item ("- key: ..."); comment says whether to
// write the registry comments.
func (e *emitter) structBody(v reflect.Value, path string, indent int, dash, comment bool) {
	info := structInfoOf(v.Type())
	first := true
	// What the fields of this struct say about links and recommendations is
	// for them and their children only; a ⚠️ reason is said once in the
	// whole file, and later keys with the same reason point at it.
	saved := e.shown
	defer func() {
		e.shown.docs, e.shown.recs = e.shown.docs[:len(saved.docs)], e.shown.recs[:len(saved.recs)]
	}()
	for _, f := range info.fields {
		fv := v.Field(f.index)
		if f.omitEmpty && isEmpty(fv) {
			continue
		}
		fp := joinPath(path, f.name)
		lead := strings.Repeat(" ", indent)
		if path == "" && !first {
			e.buf.WriteByte('\n') // a blank line between top-level sections
		}
		commentIndent := indent
		if first && dash {
			lead = strings.Repeat(" ", indent-2) + "- "
			commentIndent = indent - 2
		}
		// The comment above the key is written now; what goes at the end
		// of its line is decided now too, before the keys inside it.
		var trailer string
		switch {
		case comment && e.mode == CommentsFull:
			trailer = e.fullComment(commentIndent, fp, isSection(fv))
		case comment && e.mode == CommentsBrief:
			trailer = e.briefComment(fp)
		}
		first = false
		e.buf.WriteString(lead)
		e.buf.WriteString(f.name)
		e.buf.WriteByte(':')
		at := e.buf.Len()
		e.value(fv, fp, indent, comment)
		e.endOfLine(at, trailer)
	}
	if first && dash {
		e.buf.WriteString(strings.Repeat(" ", indent-2) + "- {}\n")
	}
}

// value writes what follows "key:" for v, whose key sits at indent.
func (e *emitter) value(v reflect.Value, path string, indent int, comment bool) {
	if v.Kind() == reflect.Pointer {
		if v.IsNil() {
			e.buf.WriteString(" null\n")
			return
		}
		v = v.Elem()
	}
	if v.Kind() == reflect.String && literalOK(v.String()) {
		e.literal(v.String(), indent+2)
		return
	}
	if s, ok := e.scalar(v, path); ok {
		e.buf.WriteByte(' ')
		e.buf.WriteString(s)
		e.buf.WriteByte('\n')
		return
	}
	switch v.Kind() {
	case reflect.Struct:
		if isEmptyStruct(v) {
			e.buf.WriteString(" {}\n")
			return
		}
		e.buf.WriteByte('\n')
		e.structBody(v, path, indent+2, false, comment)
	case reflect.Slice:
		if v.Len() == 0 {
			e.buf.WriteString(" []\n")
			return
		}
		if _, ok := e.scalar(reflect.New(derefType(v.Type().Elem())).Elem(), path); ok {
			e.flowList(v, path)
			return
		}
		e.buf.WriteByte('\n')
		for i := 0; i < v.Len(); i++ {
			item := v.Index(i)
			if item.Kind() == reflect.Pointer {
				if item.IsNil() {
					e.buf.WriteString(strings.Repeat(" ", indent+2) + "- null\n")
					continue
				}
				item = item.Elem()
			}
			if item.Kind() != reflect.Struct {
				e.fail(path, "lists of %s cannot be written", item.Type())
				return
			}
			e.structBody(item, fmt.Sprintf("%s[%d]", path, i), indent+4, true, comment && i == 0)
		}
	case reflect.Map:
		if v.Len() == 0 {
			e.buf.WriteString(" {}\n")
			return
		}
		e.buf.WriteByte('\n')
		keys := v.MapKeys()
		sort.Slice(keys, func(i, j int) bool { return keys[i].String() < keys[j].String() })
		lead := strings.Repeat(" ", indent+2)
		for _, k := range keys {
			ks := e.quote(k.String(), path)
			if len(ks) > 1000 {
				// YAML limits implicit keys to 1024 characters; longer
				// keys need the explicit "? key" form to read back.
				e.buf.WriteString(lead + "? " + ks + "\n" + lead + ":")
			} else {
				e.buf.WriteString(lead + ks + ":")
			}
			e.value(v.MapIndex(k), path+"."+k.String(), indent+2, false)
		}
	default:
		e.fail(path, "values of type %s cannot be written", v.Type())
		e.buf.WriteByte('\n')
	}
}

func (e *emitter) flowList(v reflect.Value, path string) {
	e.buf.WriteString(" [")
	for i := 0; i < v.Len(); i++ {
		if i > 0 {
			e.buf.WriteString(", ")
		}
		item := v.Index(i)
		if item.Kind() == reflect.Pointer {
			if item.IsNil() {
				e.buf.WriteString("null")
				continue
			}
			item = item.Elem()
		}
		s, _ := e.scalar(item, fmt.Sprintf("%s[%d]", path, i))
		e.buf.WriteString(s)
	}
	e.buf.WriteString("]\n")
}

// scalar renders v when it is written as a single value.
func (e *emitter) scalar(v reflect.Value, path string) (string, bool) {
	if v.Type().Implements(textMarshaler) {
		b, err := v.Interface().(encoding.TextMarshaler).MarshalText()
		if err != nil {
			e.fail(path, "%v", err)
		}
		return e.quote(string(b), path), true
	}
	switch v.Kind() {
	case reflect.String:
		return e.quote(v.String(), path), true
	case reflect.Bool:
		return strconv.FormatBool(v.Bool()), true
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return strconv.FormatInt(v.Int(), 10), true
	}
	return "", false
}

// quote returns s as a YAML scalar: plain when that reads back as the
// same text in YAML 1.1 and 1.2, double-quoted otherwise. Go's quoting
// escapes (\n, \t, \x07, \u2028, ...) are all valid YAML escapes.
func (e *emitter) quote(s, path string) string {
	if !utf8.ValidString(s) {
		e.fail(path, "the text is not valid UTF-8")
		return `""`
	}
	if plainOK(s) {
		return s
	}
	return strconv.Quote(s)
}

// literalOK reports whether s, a text of several lines, reads back the
// same from a literal block (|). Texts with tabs, control characters,
// trailing spaces, several final newlines or a first line that is empty
// or starts with a space stay double-quoted.
func literalOK(s string) bool {
	body := strings.TrimSuffix(s, "\n")
	// More trailing newlines would need |+, which also keeps the blank
	// lines written after the value.
	if !strings.Contains(body, "\n") || strings.HasSuffix(body, "\n") || !utf8.ValidString(s) {
		return false
	}
	lines := strings.Split(s, "\n")
	if lines[0] == "" || lines[0][0] == ' ' {
		return false
	}
	for _, l := range lines {
		if strings.HasSuffix(l, " ") {
			return false
		}
		for _, r := range l {
			if !unicode.IsPrint(r) || r == '\ufeff' {
				return false
			}
		}
	}
	return true
}

// literal writes s as a literal block: | keeps its one final newline, |-
// says there is none.
func (e *emitter) literal(s string, indent int) {
	body := strings.TrimSuffix(s, "\n")
	if body == s {
		e.buf.WriteString(" |-\n")
	} else {
		e.buf.WriteString(" |\n")
	}
	lead := strings.Repeat(" ", indent)
	for _, l := range strings.Split(body, "\n") {
		if l != "" {
			e.buf.WriteString(lead)
			e.buf.WriteString(l)
		}
		e.buf.WriteByte('\n')
	}
}

func plainOK(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9', c == '_':
		case i > 0 && (c == '.' || c == '-' || c == '/' || c == '@' || c == '+'):
		default:
			return false
		}
	}
	n := yaml.Node{Kind: yaml.ScalarNode, Value: s}
	if n.ShortTag() != strTag {
		return false
	}
	switch s {
	case "y", "Y", "yes", "Yes", "YES", "on", "On", "ON",
		"n", "N", "no", "No", "NO", "off", "Off", "OFF":
		return false // YAML 1.1 booleans
	}
	return true
}

// isSection reports whether v is written as keys of its own (a struct, or
// a list of them) rather than as one value.
func isSection(v reflect.Value) bool {
	t := derefType(v.Type())
	if t.Kind() == reflect.Slice {
		t = derefType(t.Elem())
	}
	return t.Kind() == reflect.Struct && !t.Implements(textMarshaler) && !reflect.PointerTo(t).Implements(textMarshaler)
}

// endOfLine puts text at the end of the line that starts before
// position at (the key's line, whatever its value wrote after it).
func (e *emitter) endOfLine(at int, text string) {
	if text == "" {
		return
	}
	b := e.buf.Bytes()
	nl := bytes.IndexByte(b[at:], '\n')
	if nl < 0 {
		e.buf.WriteString(text)
		return
	}
	tail := append([]byte(text), b[at+nl:]...)
	e.buf.Truncate(at + nl)
	e.buf.Write(tail)
}

// wrap writes text as comment lines of at most width runes (a longer
// single word, such as a URL, gets a line of its own).
func (e *emitter) wrap(lead, text string, width int) {
	n := 0 // runes on the current line
	for w := range strings.FieldsSeq(text) {
		wn := utf8.RuneCountInString(w)
		switch {
		case n == 0:
			e.buf.WriteString(lead)
		case n+1+wn > width:
			e.buf.WriteString("\n")
			e.buf.WriteString(lead)
			n = 0
		default:
			e.buf.WriteByte(' ')
			n++
		}
		e.buf.WriteString(w)
		n += wn
	}
	if n > 0 {
		e.buf.WriteByte('\n')
	}
}

func (e *emitter) fail(path, format string, args ...any) {
	if e.err == nil {
		e.err = fmt.Errorf("writing config: %s: %s", orTop(path), fmt.Sprintf(format, args...))
	}
}

func derefType(t reflect.Type) reflect.Type {
	if t.Kind() == reflect.Pointer {
		return t.Elem()
	}
	return t
}

// isEmpty is the omitempty test: zero scalars, nil pointers, empty lists
// and maps, and values whose IsZero says so (Duration).
func isEmpty(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		return v.IsNil()
	case reflect.Slice, reflect.Map, reflect.String:
		return v.Len() == 0
	}
	if z, ok := v.Interface().(interface{ IsZero() bool }); ok {
		return z.IsZero()
	}
	if v.Kind() == reflect.Struct {
		return isEmptyStruct(v)
	}
	return v.IsZero()
}

// isEmptyStruct reports whether writing v would write no key.
func isEmptyStruct(v reflect.Value) bool {
	for _, f := range structInfoOf(v.Type()).fields {
		if !f.omitEmpty || !isEmpty(v.Field(f.index)) {
			return false
		}
	}
	return true
}
