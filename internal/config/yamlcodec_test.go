package config

import (
	"errors"
	"reflect"
	"strconv"
	"strings"
	"testing"
)

// oneOrMany takes a scalar or a list through the decoder-neutral hook.
type oneOrMany []string

func (o *oneOrMany) UnmarshalYAML(decode func(any) error) error {
	var one string
	if decode(&one) == nil {
		*o = oneOrMany{one}
		return nil
	}
	var l []string
	if err := decode(&l); err != nil {
		return err
	}
	*o = l
	return nil
}

type strictDoc struct {
	Name  string    `yaml:"name"`
	Count int       `yaml:"count"`
	Paths oneOrMany `yaml:"paths"`
}

func TestDecodeStrict(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		in      string
		want    strictDoc
		wantErr string
	}{
		{name: "fields", in: "name: a\ncount: 3\n", want: strictDoc{Name: "a", Count: 3}},
		{name: "empty", in: "", want: strictDoc{}},
		{name: "comment only", in: "# nothing\n", want: strictDoc{}},
		{name: "hook scalar", in: "paths: a.b\n", want: strictDoc{Paths: oneOrMany{"a.b"}}},
		{name: "hook list", in: "paths: [a, b]\n", want: strictDoc{Paths: oneOrMany{"a", "b"}}},
		{name: "hook number", in: "paths: 5\n", want: strictDoc{Paths: oneOrMany{"5"}}},
		{name: "first document only", in: "name: a\n---\nname: b\n", want: strictDoc{Name: "a"}},
		{
			name:    "unknown key",
			in:      "name: a\nbogus: 1\n",
			wantErr: "f.yaml: yaml: unmarshal errors:\n  line 2: field bogus not found in type config.strictDoc",
		},
		{
			name:    "wrong types",
			in:      "count: many\npaths: {a: b}\n",
			wantErr: "f.yaml: yaml: unmarshal errors:\n  line 1: cannot unmarshal !!str `many` into int\n  line 2: cannot unmarshal !!map into []string",
		},
		{
			name:    "syntax",
			in:      "name: [\n",
			wantErr: "f.yaml: yaml: line 1: did not find expected node content",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			var got strictDoc
			err := DecodeStrict("f.yaml", []byte(tc.in), &got)
			if tc.wantErr != "" {
				if err == nil || err.Error() != tc.wantErr {
					t.Fatalf("error = %v, want %q", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got %#v, want %#v", got, tc.want)
			}
		})
	}
}

func TestParseMapping(t *testing.T) {
	t.Parallel()
	in := "# answers\nsign_in: email\nlist:\n  - a\n  - 2\nmap: {x: true}\nnothing:\n"
	entries, err := ParseMapping([]byte(in))
	if err != nil {
		t.Fatal(err)
	}
	type row struct {
		key      string
		keyPos   Pos
		valuePos Pos
		value    any
	}
	want := []row{
		{"sign_in", Pos{2, 1}, Pos{2, 10}, "email"},
		{"list", Pos{3, 1}, Pos{4, 3}, []any{"a", 2}},
		{"map", Pos{6, 1}, Pos{6, 6}, map[string]any{"x": true}},
		{"nothing", Pos{7, 1}, Pos{7, 9}, nil},
	}
	if len(entries) != len(want) {
		t.Fatalf("got %d entries, want %d", len(entries), len(want))
	}
	for i, e := range entries {
		v, err := e.Value()
		if err != nil {
			t.Fatalf("%s: %v", e.Key, err)
		}
		got := row{e.Key, e.KeyPos, e.ValuePos, v}
		if !reflect.DeepEqual(got, want[i]) {
			t.Errorf("entry %d = %#v, want %#v", i, got, want[i])
		}
	}
}

func TestParseMappingEmpty(t *testing.T) {
	t.Parallel()
	for _, in := range []string{"", "# only a comment\n"} {
		entries, err := ParseMapping([]byte(in))
		if err != nil || len(entries) != 0 {
			t.Errorf("ParseMapping(%q) = %v, %v; want no entries", in, entries, err)
		}
	}
}

func TestParseMappingNotMapping(t *testing.T) {
	t.Parallel()
	tests := map[string]Pos{
		"[a, b]\n":     {1, 1},
		"hello\n":      {1, 1},
		"# c\n\n  ~\n": {3, 3},
		"---\n":        {2, 1},
	}
	for in, pos := range tests {
		_, err := ParseMapping([]byte(in))
		var nm *NotMappingError
		if !errors.As(err, &nm) {
			t.Errorf("ParseMapping(%q) error = %v, want *NotMappingError", in, err)
			continue
		}
		if nm.Pos != pos {
			t.Errorf("ParseMapping(%q) at %v, want %v", in, nm.Pos, pos)
		}
	}
}

func TestParseMappingErrors(t *testing.T) {
	t.Parallel()
	var se *SyntaxError
	if _, err := ParseMapping([]byte("a: [\n")); !errors.As(err, &se) || se.Pos.Line != 1 || !strings.Contains(se.Msg, "invalid YAML") {
		t.Errorf("syntax error = %v, want a *SyntaxError at line 1", err)
	}
	// A key written twice: YAML would keep the last one in silence.
	if _, err := ParseMapping([]byte("a: 1\nb: 2\na: 3\n")); !errors.As(err, &se) || se.Pos != (Pos{3, 1}) || se.Msg != `duplicate key "a" (first written at line 1)` {
		t.Errorf("duplicate key = %v, want it at 3:1 naming line 1", err)
	}
	// A value that cannot become plain Go data fails only when asked for,
	// so that a caller can check every key first.
	entries, err := ParseMapping([]byte("a: {[x]: y}\nb: 1\n"))
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 2 {
		t.Fatalf("got %d entries, want 2", len(entries))
	}
	if _, err := entries[0].Value(); err == nil || !strings.Contains(err.Error(), "invalid map key") {
		t.Errorf("Value() error = %v, want invalid map key", err)
	}
	if v, err := entries[1].Value(); err != nil || v != 1 {
		t.Errorf("Value() = %v, %v; want 1", v, err)
	}
}

func TestMarshalDocument(t *testing.T) {
	t.Parallel()
	tree := OrderedMap{
		{Key: "Zeta", Value: "first"},
		{Key: "Alpha", Value: OrderedMap{
			{Key: "Flag", Value: true},
			{Key: "Count", Value: int64(3)},
			{Key: "Small", Value: 7},
		}},
		{Key: "Looks", Value: []any{"true", "123", "", "a: b", OrderedMap{{Key: "K", Value: "v"}}}},
		{Key: "Empty", Value: OrderedMap{}},
		{Key: "None", Value: []any{}},
	}
	got, err := MarshalDocument(tree, "Made by a test.\nSecond line.")
	if err != nil {
		t.Fatal(err)
	}
	want := `# Made by a test.
# Second line.

Zeta: first
Alpha:
  Flag: true
  Count: 3
  Small: 7
Looks:
  - "true"
  - "123"
  - ""
  - 'a: b'
  - K: v
Empty: {}
None: []
`
	if string(got) != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

func TestMarshalDocumentNoHead(t *testing.T) {
	t.Parallel()
	got, err := MarshalDocument(OrderedMap{{Key: "a", Value: "b"}}, "")
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != "a: b\n" {
		t.Errorf("got %q, want %q", got, "a: b\n")
	}
}

func TestMarshalDocumentRejectsUnknownTypes(t *testing.T) {
	t.Parallel()
	_, err := MarshalDocument(OrderedMap{{Key: "a", Value: []any{1.5}}}, "")
	if err == nil || !strings.Contains(err.Error(), "float64") {
		t.Errorf("error = %v, want one naming float64", err)
	}
}

// TestMarshalDocumentQuotesYAML11Scalars checks that every spelling a YAML
// 1.1 reader types as a boolean, null, number, timestamp or merge key is
// written quoted, as a key and as a value, while ordinary words stay
// plain. The export tests read the result back with a real YAML 1.1
// parser.
func TestMarshalDocumentQuotesYAML11Scalars(t *testing.T) {
	t.Parallel()
	quoted := []string{"on", "On", "ON", "oN", "off", "OFF", "y", "Y", "n", "N", "yes", "Yes", "YES", "no", "No", "NO",
		"true", "False", "TRUE", "~", "null", "Null", "NULL",
		"0b1010", "-0b1_0", "017", "0o17", "0x1F", "0X1f", "+0x_1", "1_000", "-42", "0", "12:30", "190:20:30", "-1:00",
		"1.5", ".5", "1.", "1e5", "1.5E-3", "-.inf", ".Inf", "+.INF", ".nan", ".NaN", "12:30.5", "190:20:30.15",
		"2001-12-14", "2001-12-14t21:59:43.10-05:00", "2001-12-14 21:59:43.10 -5", "<<", "="}
	plain := []string{"OFF-peak", "only", "yesterday", "12:30pm", "v1.2.3", "1.2.3", "0o9", "0b2", "ESSENTIALS", "OPTIONAL", "Admins", "2001-12"}
	for _, s := range quoted {
		if !ReadsAsNonString11(s) {
			t.Errorf("%q: a YAML 1.1 reader types it, but it is not recognised", s)
		}
	}
	for _, s := range plain {
		if ReadsAsNonString11(s) {
			t.Errorf("%q: an ordinary string is taken for a YAML 1.1 non-string", s)
		}
	}
	var tree OrderedMap
	for _, s := range append(append([]string{}, quoted...), plain...) {
		tree = append(tree, KeyValue{Key: s, Value: s})
	}
	got, err := MarshalDocument(tree, "")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(got)), "\n")
	if len(lines) != len(tree) {
		t.Fatalf("%d lines for %d entries:\n%s", len(lines), len(tree), got)
	}
	for i, kv := range tree {
		q := strconv.Quote(kv.Key)
		want := q + ": " + q
		if i >= len(quoted) {
			want = kv.Key + ": " + kv.Key
		}
		if lines[i] != want {
			t.Errorf("line %d = %s, want %s", i+1, lines[i], want)
		}
	}
	// And YAML 1.2 (yaml.v3) reads every value back as the same string.
	var back map[string]string
	if err := DecodeStrict("doc", got, &back); err != nil {
		t.Fatal(err)
	}
	for _, kv := range tree {
		if back[kv.Key] != kv.Value {
			t.Errorf("%q read back as %q", kv.Key, back[kv.Key])
		}
	}
}
