package export

import (
	"bytes"
	"encoding/json"
	"fmt"

	"github.com/cogwiz/cogwiz/internal/config"
)

// marshalJSON writes an ordered tree as indented JSON.
func marshalJSON(v any) ([]byte, error) {
	var b bytes.Buffer
	if err := writeJSON(&b, v); err != nil {
		return nil, err
	}
	var out bytes.Buffer
	if err := json.Indent(&out, b.Bytes(), "", "  "); err != nil {
		return nil, err
	}
	out.WriteByte('\n')
	return out.Bytes(), nil
}

func writeJSON(b *bytes.Buffer, v any) error {
	switch x := v.(type) {
	case *obj:
		b.WriteByte('{')
		for i, k := range x.keys {
			if i > 0 {
				b.WriteByte(',')
			}
			kb, _ := json.Marshal(k)
			b.Write(kb)
			b.WriteByte(':')
			if err := writeJSON(b, x.vals[k]); err != nil {
				return err
			}
		}
		b.WriteByte('}')
	case []any:
		b.WriteByte('[')
		for i, e := range x {
			if i > 0 {
				b.WriteByte(',')
			}
			if err := writeJSON(b, e); err != nil {
				return err
			}
		}
		b.WriteByte(']')
	case string, bool, int64, int:
		enc, err := json.Marshal(x)
		if err != nil {
			return err
		}
		b.Write(enc)
	default:
		return fmt.Errorf("export: cannot encode %T", v)
	}
	return nil
}

// ordered turns the tree into config's neutral ordered form for the YAML
// writer, keeping key order.
func ordered(v any) (any, error) {
	switch x := v.(type) {
	case *obj:
		m := make(config.OrderedMap, 0, len(x.keys))
		for _, k := range x.keys {
			val, err := ordered(x.vals[k])
			if err != nil {
				return nil, err
			}
			m = append(m, config.KeyValue{Key: k, Value: val})
		}
		return m, nil
	case []any:
		l := make([]any, 0, len(x))
		for _, e := range x {
			val, err := ordered(e)
			if err != nil {
				return nil, err
			}
			l = append(l, val)
		}
		return l, nil
	case string, bool, int64, int:
		return x, nil
	}
	return nil, fmt.Errorf("export: cannot encode %T", v)
}

// marshalYAML writes an ordered tree as a YAML document with head as its
// leading comment.
func marshalYAML(v any, head string) ([]byte, error) {
	t, err := ordered(v)
	if err != nil {
		return nil, err
	}
	return config.MarshalDocument(t, head)
}
