package awsfake

import (
	"reflect"
	"time"
)

var timeType = reflect.TypeOf(time.Time{})

// Encode turns an SDK output value into what encoding/json writes as AWS
// JSON: members by their Go names (the SDK names them after the wire
// members), timestamps as epoch seconds, absent members left out, and the
// SDK's own ResultMetadata dropped.
// https://smithy.io/2.0/aws/protocols/aws-json-1_1-protocol.html#shape-serialization
func Encode(v any) any {
	if v == nil {
		return nil
	}
	out, _ := encode(reflect.ValueOf(v))
	return out
}

// encode returns the value and whether it is present.
func encode(v reflect.Value) (any, bool) {
	switch v.Kind() {
	case reflect.Invalid:
		return nil, false
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			return nil, false
		}
		e := v.Elem()
		switch e.Kind() {
		case reflect.Struct, reflect.Slice, reflect.Map, reflect.Pointer, reflect.Interface:
			return encode(e)
		}
		// A scalar behind a pointer is present even when it is zero.
		return e.Interface(), true
	case reflect.Struct:
		if v.Type() == timeType {
			t := v.Interface().(time.Time)
			return float64(t.UnixMilli()) / 1000, true
		}
		m := map[string]any{}
		for i := 0; i < v.NumField(); i++ {
			f := v.Type().Field(i)
			if !f.IsExported() || f.Name == "ResultMetadata" {
				continue
			}
			if x, ok := encode(v.Field(i)); ok {
				m[f.Name] = x
			}
		}
		return m, true
	case reflect.Slice:
		if v.IsNil() {
			return nil, false
		}
		list := make([]any, 0, v.Len())
		for i := 0; i < v.Len(); i++ {
			x, _ := encode(v.Index(i))
			list = append(list, x)
		}
		return list, true
	case reflect.Map:
		if v.IsNil() {
			return nil, false
		}
		m := map[string]any{}
		it := v.MapRange()
		for it.Next() {
			x, _ := encode(it.Value())
			m[it.Key().String()] = x
		}
		return m, true
	}
	// A scalar that is not behind a pointer is sent only when set, as the
	// SDK's serialisers do.
	if v.IsZero() {
		return nil, false
	}
	return v.Interface(), true
}
