package config

import (
	"bytes"
	"context"
	"encoding"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"os"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// Load reads and strictly decodes a config file.
//
// Every problem in the file is reported at once in a *LoadError, each at
// its file:line:col with a hint: unknown keys (with a did-you-mean), values
// of the wrong type, duplicate keys, a wrong or missing version, YAML syntax
// errors, an empty file and a file of several documents.
//
// Lists and maps written empty ([] or {}) decode to nil, exactly like absent
// ones, so that every file has one canonical model and a load, save, load
// round trip is stable.
//
// The file is read with ReadFile: at most MaxConfigSize bytes.
func Load(path string) (*Document, error) {
	return LoadContext(context.Background(), path)
}

// LoadContext is Load that gives up when ctx ends (Ctrl-C while -f names a
// FIFO or a terminal that never delivers).
func LoadContext(ctx context.Context, path string) (*Document, error) {
	data, err := ReadFile(ctx, path, MaxConfigSize)
	if err != nil {
		var tooLarge *TooLargeError
		switch {
		case errors.Is(err, os.ErrNotExist):
			return nil, &notFoundError{path: path, err: err}
		case errors.As(err, &tooLarge) || ctx.Err() != nil:
			return nil, err
		}
		return nil, fmt.Errorf("reading %s: %w", path, UnwrapPath(err))
	}
	// A file near the cap takes a second or two to parse; Ctrl-C need not
	// wait for it.
	return untilDone(ctx, func() (*Document, error) { return Parse(path, data) })
}

// notFoundError says how to get a config file; errors.Is(err,
// fs.ErrNotExist) still holds.
type notFoundError struct {
	path string
	err  error
}

func (e *notFoundError) Error() string {
	return fmt.Sprintf("reading %s: file not found", e.path)
}

// Hint says how to fix it; the command line prints it on its own line.
func (e *notFoundError) Hint() string {
	return "run `cogwiz init` to create it, or pass -f FILE"
}

func (e *notFoundError) Unwrap() error { return e.err }

// Parse strictly decodes data; name is used in messages.
func Parse(name string, data []byte) (*Document, error) {
	root, prob := parseYAML(name, data)
	if prob != nil {
		return nil, &LoadError{Problems: []Problem{*prob}}
	}
	d := &decoder{
		file: name,
		pos:  make(map[string]Pos),
		// Aliases let a small file expand into a large tree; the budget
		// bounds the work to a multiple of the input size.
		budget: 1000 + 50*len(data),
	}
	cfg := new(Config)
	d.decodeRoot(root, cfg)
	if len(d.problems) > 0 {
		le := &LoadError{Problems: d.sorted()}
		if d.stopped != nil {
			le.Problems = append(le.Problems, *d.stopped)
		}
		if d.budget > 0 {
			le.Partial = &Document{Path: name, Config: cfg, pos: d.pos}
		}
		return nil, le
	}
	return &Document{Path: name, Config: cfg, pos: d.pos}, nil
}

// Shapes of yaml.v3's syntax errors: most name a line, an unknown anchor
// does not.
var (
	yamlLine      = lazyRegexp(`^yaml: line (\d+): (.*)$`)
	unknownAnchor = lazyRegexp(`^unknown anchor '(.*)' referenced$`)
)

// parseYAML reads exactly one YAML document whose root is a mapping.
func parseYAML(name string, data []byte) (root *yaml.Node, prob *Problem) {
	defer func() {
		// yaml.v3 has panicked on malformed input before; a bad file must
		// never take the program down.
		if r := recover(); r != nil {
			root, prob = nil, &Problem{File: name, Line: 1, Col: 1, Message: fmt.Sprintf("cannot read YAML: %v", r), Hint: "check the file is valid YAML"}
		}
	}()
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, emptyProblem(name)
		}
		return nil, syntaxProblem(name, data, err)
	}
	var next yaml.Node
	switch err := dec.Decode(&next); {
	case errors.Is(err, io.EOF):
	case err != nil:
		return nil, syntaxProblem(name, data, err)
	default:
		return nil, &Problem{File: name, Line: separatorLine(data, next), Col: 1,
			Message: "more than one YAML document in the file",
			Hint:    "keep one document: remove the `---` line and everything after it, or move it to its own file"}
	}
	n := &doc
	if n.Kind == yaml.DocumentNode {
		if len(n.Content) == 0 {
			return nil, emptyProblem(name)
		}
		n = n.Content[0]
	}
	if n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	if n.Kind == yaml.ScalarNode && n.ShortTag() == nullTag {
		return nil, emptyProblem(name)
	}
	if n.Kind != yaml.MappingNode {
		return nil, &Problem{File: name, Line: n.Line, Col: n.Column,
			Message: fmt.Sprintf("the file must be a mapping of keys, not %s", kindName(n)),
			Hint:    "start it with `version: 1` (run `cogwiz init --defaults` for a complete example)"}
	}
	return n, nil
}

// separatorLine finds the `---` that starts the second document: the last
// one before its content.
func separatorLine(data []byte, doc yaml.Node) int {
	end := doc.Line
	if len(doc.Content) > 0 {
		end = doc.Content[0].Line
	}
	at := 1
	for i, l := range bytes.Split(data, []byte("\n")) {
		if i+1 > end {
			break
		}
		if bytes.HasPrefix(l, []byte("---")) {
			at = i + 1
		}
	}
	return at
}

func emptyProblem(name string) *Problem {
	return &Problem{File: name, Line: 1, Col: 1, Message: "the file is empty",
		Hint: "start it with `version: 1`, or run `cogwiz init` to write a complete file"}
}

func syntaxProblem(name string, data []byte, err error) *Problem {
	if p := encodingProblem(name, data); p != nil {
		// yaml.v3 reports these at the start of the file, with no line.
		return p
	}
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	line := 1
	if m := yamlLine().FindStringSubmatch(err.Error()); m != nil {
		if n, convErr := strconv.Atoi(m[1]); convErr == nil && n > 0 {
			line = n
		}
		msg = m[2]
	}
	hint := "check the indentation, and quote values that contain `: `, `#` or start with a special character"
	if m := unknownAnchor().FindStringSubmatch(msg); m != nil {
		// yaml.v3 gives no line for this one: find the alias ourselves.
		if i := bytes.Index(data, []byte("*"+m[1])); i >= 0 {
			line = bytes.Count(data[:i], []byte("\n")) + 1
		}
		return &Problem{File: name, Line: line, Col: 1, Message: fmt.Sprintf("alias *%s names no anchor", m[1]),
			Hint: fmt.Sprintf("mark the value to reuse with &%s before this line, or remove the alias", m[1])}
	}
	if lineHasTab(data, line) {
		hint = "indent with spaces: YAML does not allow tabs for indentation"
	}
	return &Problem{File: name, Line: line, Col: 1, Message: "invalid YAML: " + msg, Hint: hint}
}

// encodingProblem finds the first byte or character YAML does not allow
// in a UTF-8 file — invalid UTF-8, a NUL, another control character — and
// says where it is and what it is; nil when there is none. The allowed
// set is YAML's printable characters, as yaml.v3 checks them.
// https://yaml.org/spec/1.2.2/#51-character-set
func encodingProblem(name string, data []byte) *Problem {
	if bytes.HasPrefix(data, []byte{0xFE, 0xFF}) || bytes.HasPrefix(data, []byte{0xFF, 0xFE}) {
		return nil // UTF-16, which yaml.v3 reads itself
	}
	line, col := 1, 1
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		at := &Problem{File: name, Line: line, Col: col}
		switch {
		case r == utf8.RuneError && size <= 1:
			at.Message = fmt.Sprintf("byte 0x%02X is not valid UTF-8", data[i])
			at.Hint = "save the file as UTF-8 text; if it came from another tool, it may be in another encoding (Latin-1, UTF-16)"
			return at
		case r == 0:
			at.Message = "the file contains a NUL byte (0x00), which YAML does not allow"
			at.Hint = "remove it; NUL bytes mean the file is not plain text (a binary file, or UTF-16 without its byte order mark)"
			return at
		case !yamlPrintable(r):
			at.Message = fmt.Sprintf("the file contains the control character %U, which YAML does not allow", r)
			at.Hint = `remove it; inside a double-quoted value, write it as an escape such as "\t" or "\x1b"`
			return at
		}
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
		i += size
	}
	return nil
}

// yamlPrintable is YAML 1.2's c-printable set.
func yamlPrintable(r rune) bool {
	return r == '\t' || r == '\n' || r == '\r' || (r >= 0x20 && r <= 0x7E) || r == 0x85 ||
		(r >= 0xA0 && r <= 0xD7FF) || (r >= 0xE000 && r <= 0xFFFD) || (r >= 0x10000 && r <= 0x10FFFF)
}

func lineHasTab(data []byte, line int) bool {
	lines := bytes.Split(data, []byte("\n"))
	for _, l := range []int{line - 1, line - 2} { // the reported line or the one before it
		if l >= 0 && l < len(lines) && bytes.IndexByte(lines[l], '\t') >= 0 {
			return true
		}
	}
	return false
}

// YAML short tags as yaml.v3 resolves them.
const (
	nullTag   = "!!null"
	boolTag   = "!!bool"
	intTag    = "!!int"
	strTag    = "!!str"
	binaryTag = "!!binary"
	mergeTag  = "!!merge"
)

// decoder walks a yaml.Node tree against the model's types, filling the
// model and recording every position and every problem.
type decoder struct {
	file     string
	pos      map[string]Pos
	problems []Problem
	budget   int
	// stopped is the last word when the walk stopped, so that with it the
	// problems fill ReportLimit lines.
	stopped *Problem
}

// add records a problem. At ReportLimit problems it stops the walk, as a
// compiler stops after too many errors: a file this wrong is the wrong
// file or one mistake repeated, and going on costs memory and time for
// lines nobody reads.
func (d *decoder) add(n *yaml.Node, path, msg, hint string) {
	if d.stopped != nil {
		return
	}
	if len(d.problems) == ReportLimit-1 {
		d.stopped = &Problem{File: d.file, Line: n.Line, Col: n.Column, Path: path,
			Message: fmt.Sprintf("too many problems: stopped reading here, after %d", len(d.problems)),
			Hint:    "fix the ones above, then check the file again"}
		d.budget = 0 // ends the walk
		return
	}
	d.problems = append(d.problems, Problem{File: d.file, Line: n.Line, Col: n.Column, Path: path, Message: msg, Hint: hint})
}

// sorted returns the problems in file order, one per place (a problem
// inside an anchored value is found once per alias).
func (d *decoder) sorted() []Problem {
	ps := d.problems
	sort.SliceStable(ps, func(i, j int) bool {
		if ps[i].Line != ps[j].Line {
			return ps[i].Line < ps[j].Line
		}
		return ps[i].Col < ps[j].Col
	})
	out := ps[:0]
	seen := make(map[Pos]bool, len(ps))
	for _, p := range ps {
		if k := (Pos{p.Line, p.Col}); !seen[k] {
			seen[k] = true
			out = append(out, p)
		}
	}
	return out
}

var digits = lazyRegexp(`^[-+]?[0-9][0-9_]*$`)

var textUnmarshaler = reflect.TypeFor[encoding.TextUnmarshaler]()

func (d *decoder) decodeRoot(n *yaml.Node, cfg *Config) {
	v := reflect.ValueOf(cfg).Elem()
	pairs := d.pairs(n, "")
	found := false
	for _, p := range pairs {
		if p.k.Value == "version" {
			found = true
			d.pos["version"] = posOf(p.k)
			d.decodeVersion(p.v, &cfg.Version)
		}
	}
	if !found {
		d.problems = append(d.problems, Problem{File: d.file, Line: 1, Col: 1, Path: "version",
			Message: "missing version", Hint: "add `version: 1` as the first line"})
	}
	d.decodeStructPairs(pairs, v, "")
}

func (d *decoder) decodeVersion(n *yaml.Node, out *int) {
	n = deref(n)
	if n.Kind == yaml.ScalarNode && n.ShortTag() == intTag {
		var i int
		if n.Decode(&i) == nil && i == CurrentVersion {
			*out = i
			return
		}
		d.add(n, "version", fmt.Sprintf("version %s is not supported: this cogwiz reads version %d files", n.Value, CurrentVersion),
			fmt.Sprintf("write `version: %d`, or upgrade cogwiz if the file was written by a newer one", CurrentVersion))
		return
	}
	if n.Kind == yaml.ScalarNode && n.ShortTag() == strTag {
		d.add(n, "version", fmt.Sprintf("version must be the number %d, not the text %q", CurrentVersion, n.Value),
			fmt.Sprintf("write `version: %d` without quotes", CurrentVersion))
		return
	}
	d.add(n, "version", fmt.Sprintf("version must be the number %d, not %s", CurrentVersion, kindName(n)),
		fmt.Sprintf("write `version: %d`", CurrentVersion))
}

// decode fills v from n. path is the concrete path of v.
func (d *decoder) decode(n *yaml.Node, v reflect.Value, path string) {
	if !d.spend(n, path) {
		return
	}
	n = deref(n)
	if n.Kind == yaml.ScalarNode && n.ShortTag() == nullTag {
		v.SetZero()
		return
	}
	t := v.Type()
	if t.Kind() != reflect.Pointer && reflect.PointerTo(t).Implements(textUnmarshaler) {
		if !d.expectScalar(n, path) {
			return
		}
		u := v.Addr().Interface().(encoding.TextUnmarshaler)
		if err := u.UnmarshalText([]byte(n.Value)); err != nil {
			msg, hint, _ := strings.Cut(err.Error(), ": ")
			d.add(n, path, path+": "+msg, hint)
		}
		return
	}
	switch t.Kind() {
	case reflect.Pointer:
		e := reflect.New(t.Elem())
		d.decode(n, e.Elem(), path)
		v.Set(e)
	case reflect.Struct:
		if n.Kind != yaml.MappingNode {
			d.add(n, path, fmt.Sprintf("%s must be a mapping of keys, not %s", path, kindName(n)),
				"valid keys: "+strings.Join(structInfoOf(t).names, ", "))
			return
		}
		d.decodeStructPairs(d.pairs(n, path), v, path)
	case reflect.Slice:
		if n.Kind != yaml.SequenceNode {
			hint := "write it as a list: [a, b] or one `- item` per line"
			if n.Kind == yaml.ScalarNode {
				hint = fmt.Sprintf("write it as a list: [%s]", n.Value)
			}
			d.add(n, path, fmt.Sprintf("%s must be a list, not %s", path, kindName(n)), hint)
			return
		}
		if len(n.Content) == 0 {
			v.SetZero()
			return
		}
		s := reflect.MakeSlice(t, len(n.Content), len(n.Content))
		for i, item := range n.Content {
			p := path + "[" + strconv.Itoa(i) + "]"
			d.pos[p] = posOf(item)
			d.decode(item, s.Index(i), p)
		}
		v.Set(s)
	case reflect.Map:
		if n.Kind != yaml.MappingNode {
			d.add(n, path, fmt.Sprintf("%s must be a mapping of keys, not %s", path, kindName(n)),
				"write one `name: value` per line under it, or {} for none")
			return
		}
		pairs := d.pairs(n, path)
		if len(pairs) == 0 {
			v.SetZero()
			return
		}
		m := reflect.MakeMapWithSize(t, len(pairs))
		for _, p := range pairs {
			p2 := path + "." + p.k.Value
			d.pos[p2] = posOf(p.k)
			e := reflect.New(t.Elem()).Elem()
			d.decode(p.v, e, p2)
			m.SetMapIndex(reflect.ValueOf(p.k.Value).Convert(t.Key()), e)
		}
		v.Set(m)
	case reflect.String:
		if !d.expectScalar(n, path) {
			return
		}
		if n.ShortTag() == binaryTag {
			b, err := base64.StdEncoding.DecodeString(n.Value)
			if err != nil {
				d.add(n, path, path+": !!binary value is not valid base64", "remove the !!binary tag to use the text as written")
				return
			}
			v.SetString(string(b))
			return
		}
		v.SetString(n.Value)
	case reflect.Int:
		if !d.expectScalar(n, path) {
			return
		}
		var i int
		if n.ShortTag() != intTag && (n.Style != 0 || !digits().MatchString(n.Value)) {
			d.add(n, path, fmt.Sprintf("%s must be a whole number, not %q", path, n.Value), "write a whole number without quotes, like 8")
			return
		}
		if err := n.Decode(&i); err != nil {
			d.add(n, path, fmt.Sprintf("%s: %s is too large", path, n.Value), "write a smaller whole number")
			return
		}
		v.SetInt(int64(i))
	case reflect.Bool:
		if !d.expectScalar(n, path) {
			return
		}
		var b bool
		// yaml.v3 also reads YAML 1.1's yes/no/on/off into a bool field;
		// quoted text stays text and is refused.
		if (n.ShortTag() != boolTag && n.Style != 0) || n.Decode(&b) != nil {
			d.add(n, path, fmt.Sprintf("%s must be true or false, not %q", path, n.Value), "write true or false without quotes")
			return
		}
		v.SetBool(b)
	default:
		// The model only uses the kinds above; a new kind is a bug here.
		d.add(n, path, fmt.Sprintf("%s: values of type %s cannot be read", path, t), "")
	}
}

// spend takes one step from the budget, reporting once when it runs out.
func (d *decoder) spend(n *yaml.Node, path string) bool {
	d.budget--
	if d.budget == 0 {
		d.add(n, path, "the file expands to too many values", "use fewer aliases (*name) and merge keys (<<) to the same anchor")
	}
	return d.budget > 0
}

func (d *decoder) expectScalar(n *yaml.Node, path string) bool {
	if n.Kind == yaml.ScalarNode {
		return true
	}
	d.add(n, path, fmt.Sprintf("%s must be a single value, not %s", path, kindName(n)),
		"write one value on the same line as the key; quote it if it contains `: ` or starts with [, { or -")
	return false
}

func (d *decoder) decodeStructPairs(pairs []pair, v reflect.Value, path string) {
	info := structInfoOf(v.Type())
	for _, p := range pairs {
		key := p.k.Value
		i, ok := info.byName[key]
		if !ok {
			d.unknownKey(p.k, info, v.Type(), path)
			continue
		}
		if path == "" && key == "version" {
			continue // decodeRoot handled it
		}
		f := info.fields[i]
		cp := joinPath(path, key)
		d.pos[cp] = posOf(p.k)
		d.decode(p.v, v.Field(f.index), cp)
	}
}

func (d *decoder) unknownKey(k *yaml.Node, info *structInfo, t reflect.Type, path string) {
	msg := fmt.Sprintf("unknown key %q", k.Value)
	if path == "" {
		msg = fmt.Sprintf("unknown top-level key %q", k.Value)
	} else {
		msg += " in " + path
	}
	var hint string
	if s := closest(k.Value, info.names); s != "" {
		hint = fmt.Sprintf("did you mean %q?", s)
	} else if where := elsewhere(k.Value, path); where != "" {
		hint = fmt.Sprintf("%q belongs under %s", k.Value, where)
	} else {
		hint = "valid keys here: " + strings.Join(info.names, ", ")
	}
	d.add(k, joinPath(path, k.Value), msg, hint)
}

// pair is one key: value of a mapping, after merge keys are applied.
type pair struct{ k, v *yaml.Node }

// pairs lists the entries of mapping n: its own keys in file order, then
// those brought in by merge keys (<<: *anchor) that it does not override.
func (d *decoder) pairs(n *yaml.Node, path string) []pair {
	return d.collect(n, path, nil, map[*yaml.Node]bool{})
}

func (d *decoder) collect(n *yaml.Node, path string, have map[string]bool, active map[*yaml.Node]bool) []pair {
	if !d.spend(n, path) {
		return nil
	}
	if active[n] {
		d.add(n, path, "a merge key (<<) includes the mapping it is in", "remove the << line")
		return nil
	}
	active[n] = true
	defer delete(active, n)

	explicit := have == nil
	if have == nil {
		have = make(map[string]bool, len(n.Content)/2)
	}
	var out []pair
	var merges []*yaml.Node
	first := map[string]*yaml.Node{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := deref(n.Content[i]), n.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			d.add(k, path, fmt.Sprintf("a key in %s is %s", orTop(path), kindName(k)), "keys are plain names like `name:`")
			continue
		}
		if k.ShortTag() == mergeTag {
			merges = append(merges, v)
			continue
		}
		if f, dup := first[k.Value]; dup {
			d.add(k, joinPath(path, k.Value), fmt.Sprintf("duplicate key %q in %s (first written at line %d)", k.Value, orTop(path), f.Line),
				"keep one of them")
			continue
		}
		first[k.Value] = k
		if !explicit && have[k.Value] {
			continue // overridden by the mapping that merges this one
		}
		have[k.Value] = true
		out = append(out, pair{k, v})
	}
	for _, m := range merges {
		m = deref(m)
		switch m.Kind {
		case yaml.MappingNode:
			out = append(out, d.collect(m, path, have, active)...)
		case yaml.SequenceNode:
			for _, e := range m.Content {
				if e = deref(e); e.Kind == yaml.MappingNode {
					out = append(out, d.collect(e, path, have, active)...)
				} else {
					d.add(e, path, "a merge key (<<) lists "+kindName(e), "list only mappings or aliases to mappings: << : [*a, *b]")
				}
			}
		default:
			d.add(m, path, "a merge key (<<) needs a mapping, not "+kindName(m), "write `<<: *anchor` where the anchor names a mapping")
		}
	}
	return out
}

// deref follows an alias to its anchored node.
func deref(n *yaml.Node) *yaml.Node {
	if n.Kind == yaml.AliasNode && n.Alias != nil {
		return n.Alias
	}
	return n
}

func posOf(n *yaml.Node) Pos { return Pos{Line: n.Line, Col: n.Column} }

func joinPath(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

func orTop(path string) string {
	if path == "" {
		return "the top level"
	}
	return path
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		if n.ShortTag() == nullTag {
			return "empty"
		}
		return fmt.Sprintf("the value %q", n.Value)
	case yaml.AliasNode:
		return "an alias"
	}
	return "empty"
}

// structInfo is the YAML view of a model struct, cached per type.
type structInfo struct {
	fields []fieldInfo
	byName map[string]int
	names  []string // yaml keys in struct order
}

type fieldInfo struct {
	name      string
	index     int
	omitEmpty bool
}

var structInfos sync.Map // reflect.Type → *structInfo

func structInfoOf(t reflect.Type) *structInfo {
	if v, ok := structInfos.Load(t); ok {
		return v.(*structInfo)
	}
	info := &structInfo{byName: map[string]int{}}
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		tag := f.Tag.Get("yaml")
		if !f.IsExported() || tag == "-" {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		if name == "" {
			name = strings.ToLower(f.Name)
		}
		info.byName[name] = len(info.fields)
		info.fields = append(info.fields, fieldInfo{name: name, index: i, omitEmpty: strings.Contains(opts, "omitempty")})
		info.names = append(info.names, name)
	}
	structInfos.Store(t, info)
	return info
}

// closest is the valid key most like key, or "" when none is close: same
// letters in another case or spelling (camelCase, dashes), or a small edit.
func closest(key string, valid []string) string {
	squash := func(s string) string {
		return strings.NewReplacer("_", "", "-", "", " ", "").Replace(strings.ToLower(s))
	}
	best, bestD := "", -1
	for _, v := range valid {
		if squash(v) == squash(key) {
			return v
		}
		dist := EditDistance(strings.ToLower(key), v)
		if dist <= max(1, min(3, len(v)/3)) && (bestD < 0 || dist < bestD) {
			best, bestD = v, dist
		}
	}
	return best
}

// EditDistance is the edit distance of a and b, counting a swap of two
// neighbouring letters as one edit (optimal string alignment). Every
// did-you-mean in cogwiz uses it.
func EditDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	if len(ra) > 64 || len(rb) > 64 {
		return max(len(ra), len(rb)) // not worth the time: never "close"
	}
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1) // a swap of two letters
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}

var (
	keyIndexOnce sync.Once
	keyIndex     map[string][]string // key name → parents where it is valid ("" = top level)
)

// elsewhere names where key is valid when it is not valid at path, for the
// common slip of writing a key one level too high or too low.
func elsewhere(key, path string) string {
	keyIndexOnce.Do(func() {
		keyIndex = map[string][]string{}
		var walk func(t reflect.Type, prefix string, depth int)
		walk = func(t reflect.Type, prefix string, depth int) {
			for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice {
				if t.Kind() == reflect.Slice {
					prefix += "[]"
				}
				t = t.Elem()
			}
			if t.Kind() != reflect.Struct || depth > 8 || reflect.PointerTo(t).Implements(textUnmarshaler) {
				return
			}
			info := structInfoOf(t)
			for _, f := range info.fields {
				keyIndex[f.name] = append(keyIndex[f.name], prefix)
				walk(t.Field(f.index).Type, joinPath(prefix, f.name), depth+1)
			}
		}
		walk(reflect.TypeFor[Config](), "", 0)
	})
	parents := keyIndex[key]
	if len(parents) != 1 || NormalizeKey(parents[0]) == NormalizeKey(path) {
		return ""
	}
	if parents[0] == "" {
		return "the top level"
	}
	return parents[0]
}
