// Package export renders a configuration as a CloudFormation template,
// Terraform HCL or an AWS CLI script. All three start from the very
// requests apply sends (the cognito package's Expand* functions; the
// script's IAM and Lambda requests too, through internal/aws), so an
// export and an apply of the same file describe the same pool. No export
// ever holds a secret value: a ${env:NAME} reference becomes a NoEcho
// parameter, a sensitive variable or a shell variable. A reference to a
// value that is no secret (config.ValueRefs) becomes a parameter, a
// variable or a shell variable too: no export holds a reference as text.
package export

import (
	"reflect"
	"sort"
	"strings"
)

// obj is an ordered object: API member names in the SDK's field order.
type obj struct {
	keys []string
	vals map[string]any
	// isMap marks a free-form string map (tags, ProviderDetails,
	// AttributeMapping) as opposed to a structure.
	isMap bool
}

func newObj() *obj { return &obj{vals: map[string]any{}} }

func (o *obj) set(k string, v any) {
	if _, ok := o.vals[k]; !ok {
		o.keys = append(o.keys, k)
	}
	o.vals[k] = v
}

func (o *obj) get(k string) (any, bool) {
	v, ok := o.vals[k]
	return v, ok
}

// rename changes a key in place, keeping its position.
func (o *obj) rename(from, to string) {
	v, ok := o.vals[from]
	if !ok {
		return
	}
	delete(o.vals, from)
	o.vals[to] = v
	for i, k := range o.keys {
		if k == from {
			o.keys[i] = to
		}
	}
}

// poolRef stands for the id of the pool being created.
type poolRef struct{}

// envRef stands for the value of environment variable Name: a secret, or
// a value cognito.yaml takes from the environment (config.ValueRefs).
type envRef struct {
	Name   string
	Secret bool
}

// Sentinels passed through the Expand* functions and replaced in the tree.
const (
	poolSentinel   = "\x00pool\x00"
	secretSentinel = "\x00secret:"
	valueSentinel  = "\x00value:"
	// functionSentinel stands for the ARN of the generated function whose
	// resource id follows, until it exists.
	functionSentinel = "\x00function:"
)

func secretPlaceholder(name string) string { return secretSentinel + name + "\x00" }

func valuePlaceholder(name string) string { return valueSentinel + name + "\x00" }

func functionPlaceholder(id string) string { return functionSentinel + id + "\x00" }

// tree turns an SDK request struct into an ordered tree of API member
// names. It keeps what the SDK would put on the wire: nil pointers, nil
// slices and zero non-pointer members are left out, as the SDK's
// serializers leave them out; a pointer to a zero value is kept.
func tree(v any) *obj {
	o, _ := walk(reflect.ValueOf(v), true).(*obj)
	if o == nil {
		o = newObj()
	}
	return o
}

// walk converts one value; explicit says the value was behind a pointer
// (so a zero value was set on purpose). It returns nil to leave it out.
func walk(v reflect.Value, explicit bool) any {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			return nil
		}
		return walk(v.Elem(), true)
	case reflect.Struct:
		o := newObj()
		t := v.Type()
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			if !f.IsExported() {
				continue
			}
			if x := walk(v.Field(i), false); x != nil {
				o.set(f.Name, x)
			}
		}
		return o
	case reflect.Slice:
		if v.IsNil() {
			return nil
		}
		out := make([]any, 0, v.Len())
		for i := 0; i < v.Len(); i++ {
			if x := walk(v.Index(i), true); x != nil {
				out = append(out, x)
			}
		}
		return out
	case reflect.Map:
		if v.IsNil() {
			return nil
		}
		o := newObj()
		o.isMap = true
		keys := make([]string, 0, v.Len())
		for _, k := range v.MapKeys() {
			keys = append(keys, k.String())
		}
		sort.Strings(keys)
		for _, k := range keys {
			if x := walk(v.MapIndex(reflect.ValueOf(k).Convert(v.Type().Key())), true); x != nil {
				o.set(k, x)
			}
		}
		return o
	case reflect.String:
		s := v.String()
		if s == "" && !explicit {
			return nil
		}
		return placeholder(s)
	case reflect.Bool:
		if !v.Bool() && !explicit {
			return nil
		}
		return v.Bool()
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		if v.Int() == 0 && !explicit {
			return nil
		}
		return v.Int()
	}
	return nil
}

// placeholder turns the sentinels back into references.
func placeholder(s string) any {
	if s == poolSentinel {
		return poolRef{}
	}
	if id, ok := strings.CutPrefix(s, functionSentinel); ok && strings.HasSuffix(id, "\x00") {
		return resRef{kind: "arn", id: strings.TrimSuffix(id, "\x00")}
	}
	for _, p := range []string{secretSentinel, valueSentinel} {
		if strings.HasPrefix(s, p) && strings.HasSuffix(s, "\x00") {
			return envRef{Name: strings.TrimSuffix(strings.TrimPrefix(s, p), "\x00"), Secret: p == secretSentinel}
		}
	}
	return s
}

// substituteAll copies a tree, replacing the pool id placeholder with
// pool(), each environment reference with env(it) and each reference to
// another resource of the export with res(it): each output format says in
// its own way where those values come from.
func substituteAll(v any, pool func() any, env func(envRef) any, res func(resRef) any) any {
	switch x := v.(type) {
	case *obj:
		o := newObj()
		o.isMap = x.isMap
		for _, k := range x.keys {
			o.set(k, substituteAll(x.vals[k], pool, env, res))
		}
		return o
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = substituteAll(e, pool, env, res)
		}
		return out
	case poolRef:
		return pool()
	case envRef:
		return env(x)
	case resRef:
		return res(x)
	}
	return v
}
