package wizard

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"

	"github.com/cogwiz/cogwiz/internal/config"
)

// A path names a place in the config by its YAML keys:
// "user_pool.mfa.mode", "app_clients[0].oauth.flows",
// "identity_providers[type=Google].client_id" (the element whose type is
// Google, created when missing) and, for reading only,
// "user_pool.groups[].name" (every element).

type segment struct {
	name string
	// index: "" none, "*" every element, a number, or key=value.
	index string
}

func parsePath(p string) ([]segment, error) {
	var segs []segment
	for p != "" {
		var s segment
		end := strings.IndexAny(p, ".[")
		if end < 0 {
			s.name, p = p, ""
			segs = append(segs, s)
			break
		}
		s.name = p[:end]
		p = p[end:]
		if p[0] == '[' {
			close := strings.IndexByte(p, ']')
			if close < 0 {
				return nil, fmt.Errorf("path %q: missing ]", p)
			}
			s.index = p[1:close]
			if s.index == "" {
				s.index = "*"
			}
			p = p[close+1:]
		}
		p = strings.TrimPrefix(p, ".")
		if s.name == "" {
			return nil, fmt.Errorf("path: empty key")
		}
		segs = append(segs, s)
	}
	return segs, nil
}

// fieldByKey finds the struct field whose yaml tag is key.
func fieldByKey(v reflect.Value, key string) (reflect.Value, bool) {
	if v.Kind() != reflect.Struct {
		return reflect.Value{}, false
	}
	t := v.Type()
	for i := 0; i < t.NumField(); i++ {
		tag := t.Field(i).Tag.Get("yaml")
		if name, _, _ := strings.Cut(tag, ","); name == key {
			return v.Field(i), true
		}
	}
	return reflect.Value{}, false
}

// deref follows pointers, allocating nil ones when create is set.
func deref(v reflect.Value, create bool) (reflect.Value, bool) {
	for v.Kind() == reflect.Pointer {
		if v.IsNil() {
			if !create {
				return reflect.Value{}, false
			}
			v.Set(reflect.New(v.Type().Elem()))
		}
		v = v.Elem()
	}
	return v, true
}

// locate walks segs from v. With create it allocates pointers, grows
// lists and adds selected elements; without it a missing step returns false.
func locate(v reflect.Value, segs []segment, create bool) (reflect.Value, bool, error) {
	for _, s := range segs {
		var ok bool
		if v, ok = deref(v, create); !ok {
			return v, false, nil
		}
		f, ok := fieldByKey(v, s.name)
		if !ok {
			return v, false, fmt.Errorf("no key %q in %s", s.name, v.Type())
		}
		v = f
		if s.index == "" {
			continue
		}
		if v.Kind() != reflect.Slice {
			return v, false, fmt.Errorf("key %q is not a list", s.name)
		}
		if s.index == "*" {
			return v, false, fmt.Errorf("[] can only be read")
		}
		if n, err := strconv.Atoi(s.index); err == nil {
			if n >= v.Len() {
				if !create {
					return v, false, nil
				}
				for v.Len() <= n {
					v.Set(reflect.Append(v, reflect.Zero(v.Type().Elem())))
				}
			}
			v = v.Index(n)
			continue
		}
		key, want, _ := strings.Cut(s.index, "=")
		found := -1
		for i := 0; i < v.Len(); i++ {
			e, ok := deref(v.Index(i), false)
			if !ok {
				continue
			}
			if k, ok := fieldByKey(e, key); ok && k.Kind() == reflect.String && k.String() == want {
				found = i
				break
			}
		}
		if found < 0 {
			if !create {
				return v, false, nil
			}
			e := reflect.New(v.Type().Elem()).Elem()
			k, ok := fieldByKey(e, key)
			if !ok {
				return v, false, fmt.Errorf("no key %q in %s", key, e.Type())
			}
			k.SetString(want)
			v.Set(reflect.Append(v, e))
			found = v.Len() - 1
		}
		v = v.Index(found)
	}
	return v, true, nil
}

// getPath returns the value at path, or an invalid Value when unset.
func getPath(c *config.Config, path string) reflect.Value {
	if c == nil {
		return reflect.Value{}
	}
	segs, err := parsePath(path)
	if err != nil {
		return reflect.Value{}
	}
	v, ok, err := locate(reflect.ValueOf(c).Elem(), segs, false)
	if !ok || err != nil {
		return reflect.Value{}
	}
	return v
}

// setPath stores val at path, creating what is missing on the way.
func setPath(c *config.Config, path string, val any) error {
	segs, err := parsePath(path)
	if err != nil {
		return err
	}
	v, _, err := locate(reflect.ValueOf(c).Elem(), segs, true)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	if err := assign(v, val); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

// clearPath sets the value at path to its zero value, if it exists.
func clearPath(c *config.Config, path string) {
	if v := getPath(c, path); v.IsValid() && v.CanSet() {
		v.Set(reflect.Zero(v.Type()))
	}
}

// getStrings reads a list of strings: a []string key, or a field of every
// element ("user_pool.groups[].name").
func getStrings(c *config.Config, path string) []string {
	if before, after, ok := strings.Cut(path, "[]"); ok {
		list := getPath(c, before)
		if !list.IsValid() || list.Kind() != reflect.Slice {
			return nil
		}
		var out []string
		field := strings.TrimPrefix(after, ".")
		for i := 0; i < list.Len(); i++ {
			e, ok := deref(list.Index(i), false)
			if !ok {
				continue
			}
			if f, ok := fieldByKey(e, field); ok && f.Kind() == reflect.String && f.String() != "" {
				out = append(out, f.String())
			}
		}
		return out
	}
	v := getPath(c, path)
	if !v.IsValid() {
		return nil
	}
	if s, ok := v.Interface().([]string); ok {
		return append([]string(nil), s...)
	}
	return nil
}

// isSet reports whether v holds something: a non-nil pointer, a non-empty
// list, map or string, true, or a non-zero number or struct.
func isSet(v reflect.Value) bool {
	if !v.IsValid() {
		return false
	}
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		return !v.IsNil()
	case reflect.Slice, reflect.Map, reflect.String:
		return v.Len() > 0
	}
	return !v.IsZero()
}

// assign converts val (an answer: string, bool, int, []string, []any,
// config.Duration) to v's type and stores it. nil stores the zero value.
func assign(v reflect.Value, val any) error {
	if val == nil {
		v.Set(reflect.Zero(v.Type()))
		return nil
	}
	rv := reflect.ValueOf(val)
	if rv.Type().AssignableTo(v.Type()) {
		v.Set(rv)
		return nil
	}
	if v.Kind() == reflect.Pointer {
		e := reflect.New(v.Type().Elem())
		if err := assign(e.Elem(), val); err != nil {
			return err
		}
		v.Set(e)
		return nil
	}
	if v.Type() == reflect.TypeOf(config.Duration{}) {
		d, err := config.ParseDuration(fmt.Sprint(val))
		if err != nil {
			return err
		}
		v.Set(reflect.ValueOf(d))
		return nil
	}
	switch v.Kind() {
	case reflect.String:
		v.SetString(fmt.Sprint(val))
		return nil
	case reflect.Bool:
		switch x := val.(type) {
		case bool:
			v.SetBool(x)
			return nil
		case string:
			b, err := strconv.ParseBool(x)
			if err != nil {
				return fmt.Errorf("want true or false, got %q", x)
			}
			v.SetBool(b)
			return nil
		}
	case reflect.Int:
		switch x := val.(type) {
		case int:
			v.SetInt(int64(x))
			return nil
		case string:
			n, err := strconv.Atoi(strings.TrimSpace(x))
			if err != nil {
				return fmt.Errorf("want a whole number, got %q", x)
			}
			v.SetInt(int64(n))
			return nil
		}
	case reflect.Slice:
		if v.Type().Elem().Kind() == reflect.String {
			var out []string
			switch x := val.(type) {
			case []any:
				out = make([]string, 0, len(x))
				for _, e := range x {
					out = append(out, fmt.Sprint(e))
				}
			case string:
				out = []string{x}
			default:
				return fmt.Errorf("want a list, got %T", val)
			}
			v.Set(reflect.ValueOf(out).Convert(v.Type()))
			return nil
		}
	}
	return fmt.Errorf("cannot store %T in %s", val, v.Type())
}
