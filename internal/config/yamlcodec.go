package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"

	"gopkg.in/yaml.v3"
)

// This file holds the YAML helpers the rest of cogwiz uses, so that config
// is the only package importing a YAML library.

// DecodeStrict decodes the first YAML document of data into v, rejecting
// keys that v's struct types do not declare. An empty document leaves v as
// it is. Errors read "name: yaml: ..." and name the line where YAML gives one.
//
// A type decoded here can take a scalar or a list by implementing
// UnmarshalYAML(func(any) error) error: the function decodes the value into
// its argument and may be called more than once.
func DecodeStrict(name string, data []byte, v any) error {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(v); err != nil && !errors.Is(err, io.EOF) {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}

// MappingEntry is one key of a top-level YAML mapping, with where its key
// and value were written.
type MappingEntry struct {
	// Key is the key as written (a non-scalar key reads as "").
	Key      string
	KeyPos   Pos
	ValuePos Pos

	node *yaml.Node
}

// Value decodes the entry's value into plain Go values: string, int,
// float64, bool, nil, []any and map[string]any. Its error carries no
// position; ValuePos says where the value is.
func (e MappingEntry) Value() (any, error) {
	var v any
	if err := e.node.Decode(&v); err != nil {
		return nil, err
	}
	return v, nil
}

// NotMappingError is ParseMapping's error for a document whose root is not
// a mapping (a list, a scalar, or a bare "---").
type NotMappingError struct {
	Pos Pos
}

func (e *NotMappingError) Error() string {
	return fmt.Sprintf("%d:%d: want a mapping", e.Pos.Line, e.Pos.Col)
}

// SyntaxError is ParseMapping's error for text that is not a valid
// mapping, placed where the problem is, with the fix.
type SyntaxError struct {
	Pos  Pos
	Msg  string
	Hint string
}

func (e *SyntaxError) Error() string {
	return fmt.Sprintf("%d:%d: %s", e.Pos.Line, e.Pos.Col, e.Msg)
}

// ParseMapping reads the first YAML document of data as a mapping and
// returns its entries in file order; values are decoded on demand by
// MappingEntry.Value, so a caller can check each key before its value. An
// empty document gives no entries. Invalid YAML (with the line and column
// of an invalid byte or character) and a key written twice are a
// *SyntaxError; a root that is not a mapping is a *NotMappingError.
func ParseMapping(data []byte) ([]MappingEntry, error) {
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		p := syntaxProblem("", data, err)
		return nil, &SyntaxError{Pos: Pos{Line: p.Line, Col: p.Col}, Msg: p.Message, Hint: p.Hint}
	}
	if len(root.Content) == 0 {
		return nil, nil
	}
	m := root.Content[0]
	if m.Kind != yaml.MappingNode {
		return nil, &NotMappingError{Pos: Pos{Line: m.Line, Col: m.Column}}
	}
	entries := make([]MappingEntry, 0, len(m.Content)/2)
	first := map[string]*yaml.Node{}
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		if f, dup := first[k.Value]; dup && k.Kind == yaml.ScalarNode {
			// As in cognito.yaml: the YAML library would keep the last one
			// silently.
			return nil, &SyntaxError{Pos: Pos{Line: k.Line, Col: k.Column},
				Msg:  fmt.Sprintf("duplicate key %q (first written at line %d)", k.Value, f.Line),
				Hint: "keep one of them"}
		}
		first[k.Value] = k
		entries = append(entries, MappingEntry{
			Key:      k.Value,
			KeyPos:   Pos{Line: k.Line, Col: k.Column},
			ValuePos: Pos{Line: v.Line, Col: v.Column},
			node:     v,
		})
	}
	return entries, nil
}

// KeyValue is one entry of an OrderedMap.
type KeyValue struct {
	Key   string
	Value any
}

// OrderedMap is a mapping written in the order of its entries.
type OrderedMap []KeyValue

// MarshalDocument writes v as one YAML document indented by two spaces,
// with head as the document's leading comment ("# " is added to each line;
// empty means none). v is built from OrderedMap, []any, string, bool, int
// and int64; strings are always written as strings, quoted when a YAML 1.2
// or 1.1 reader would otherwise read them as another type.
func MarshalDocument(v any, head string) ([]byte, error) {
	n, err := yamlNode(v)
	if err != nil {
		return nil, err
	}
	doc := &yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{n}, HeadComment: head}
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(doc); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// yamlNode turns an ordered tree into a YAML node with explicit tags, so
// that a string like "true" or "123" stays a string.
func yamlNode(v any) (*yaml.Node, error) {
	switch x := v.(type) {
	case OrderedMap:
		n := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
		for _, kv := range x {
			val, err := yamlNode(kv.Value)
			if err != nil {
				return nil, err
			}
			n.Content = append(n.Content, strNode(kv.Key), val)
		}
		return n, nil
	case []any:
		n := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
		for _, e := range x {
			val, err := yamlNode(e)
			if err != nil {
				return nil, err
			}
			n.Content = append(n.Content, val)
		}
		return n, nil
	case string:
		return strNode(x), nil
	case bool:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: fmt.Sprint(x)}, nil
	case int64, int:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: fmt.Sprint(x)}, nil
	}
	return nil, fmt.Errorf("config: cannot write %T as YAML", v)
}

// strNode is a string scalar, double-quoted when a YAML 1.1 reader would
// type it otherwise (yaml.v3 quotes what 1.2 would mistype by itself).
func strNode(s string) *yaml.Node {
	n := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s}
	if ReadsAsNonString11(s) {
		n.Style = yaml.DoubleQuotedStyle
	}
	return n
}
