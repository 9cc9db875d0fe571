package wizard

import (
	"fmt"
	"reflect"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/cogwiz/cogwiz/internal/config"
	"github.com/cogwiz/cogwiz/internal/questions"
)

// Prefill reads the answers an existing configuration implies: the
// inverse of applying answers. `cogwiz update` shows them as defaults and
// conditions see them for questions the chosen flow does not ask.
func Prefill(g *questions.Graph, c *config.Config) map[string]any {
	out := map[string]any{}
	if c == nil {
		return out
	}
	for _, q := range g.Questions {
		if q.Reflects != "" {
			out[q.ID] = isSet(getPath(c, q.Reflects))
			continue
		}
		if len(q.Sets) == 0 {
			continue
		}
		if v, ok := inverse(c, q, q.Sets[0]); ok {
			out[q.ID] = v
		}
	}
	return out
}

func inverse(c *config.Config, q *questions.Question, path string) (any, bool) {
	switch q.As {
	case questions.AsPresence:
		return isSet(getPath(c, path)), true
	case questions.AsAppend, questions.AsReplaceItems:
		return nil, false
	case questions.AsListByType, questions.AsListByName:
		key := "type"
		if q.As == questions.AsListByName {
			key = "name"
		}
		var out []string
		for _, k := range getStrings(c, path+"[]."+key) {
			if q.As == questions.AsListByName {
				out = append(out, k)
			} else if _, ok := q.Option(k); ok {
				out = append(out, k)
			}
		}
		if out == nil {
			out = []string{}
		}
		return out, true
	case questions.AsPrecedence:
		groups := slices.Clone(c.UserPool.Groups)
		sort.SliceStable(groups, func(i, j int) bool { return prec(groups[i]) < prec(groups[j]) })
		names := make([]string, 0, len(groups))
		for _, g := range groups {
			names = append(names, g.Name)
		}
		return names, true
	}
	v := getPath(c, path)
	if !v.IsValid() {
		return nil, false
	}
	for v.Kind() == reflect.Pointer {
		if v.IsNil() {
			return nil, false
		}
		v = v.Elem()
	}
	switch q.As {
	case questions.AsSecretRef:
		name, ok := config.SecretRefName(v.String())
		return name, ok
	case questions.AsDays:
		d, ok := v.Interface().(config.Duration)
		if !ok || d.IsZero() {
			return nil, false
		}
		return strconv.FormatInt(d.Seconds()/86400, 10), true
	case questions.AsDuration:
		d, ok := v.Interface().(config.Duration)
		if !ok || d.IsZero() {
			return nil, false
		}
		return d.String(), true
	case questions.AsFlags:
		out := []string{}
		for _, o := range q.Options {
			if f, ok := fieldByKey(v, o.Value); ok && f.Kind() == reflect.Bool && f.Bool() {
				out = append(out, o.Value)
			}
		}
		return out, true
	case questions.AsKeys:
		out := []string{}
		for _, o := range q.Options {
			if f, ok := fieldByKey(v, o.Value); ok && f.Kind() == reflect.String && f.String() != "" {
				out = append(out, o.Value)
			}
		}
		return out, true
	case questions.AsCSV:
		if s, ok := v.Interface().([]string); ok {
			return strings.Join(s, ", "), true
		}
		return nil, false
	}
	// AsValue and AsOptional: the stored value, mapped back to an option.
	switch q.Kind {
	case questions.Select:
		for _, o := range q.Options {
			set := o.Set
			if set == nil {
				set = o.Value
			}
			if equalValue(v, set) {
				return o.Value, true
			}
		}
		if v.Kind() == reflect.String && v.String() != "" {
			return v.String(), true
		}
		return nil, false
	case questions.MultiSelect:
		list, ok := v.Interface().([]string)
		if !ok {
			return nil, false
		}
		out := []string{}
		for _, o := range q.Options {
			set := asList(o.Set)
			if o.Set == nil {
				set = []string{o.Value}
			}
			if len(set) > 0 && containsAll(list, set) {
				out = append(out, o.Value)
			}
		}
		return out, true
	case questions.Confirm:
		if v.Kind() == reflect.Bool {
			return v.Bool(), true
		}
		return nil, false
	case questions.Loop:
		if list, ok := v.Interface().([]string); ok {
			return slices.Clone(list), true
		}
		return nil, false
	}
	switch v.Kind() {
	case reflect.String:
		if v.String() == "" {
			return nil, false
		}
		return v.String(), true
	case reflect.Int:
		return strconv.FormatInt(v.Int(), 10), true
	}
	return nil, false
}

func prec(g config.Group) int {
	if g.Precedence == nil {
		return 1 << 30
	}
	return *g.Precedence
}

// equalValue compares a config value with an option's set value
// (a string, a bool, or a list decoded from YAML).
func equalValue(v reflect.Value, set any) bool {
	switch s := set.(type) {
	case bool:
		return v.Kind() == reflect.Bool && v.Bool() == s
	case []any, []string:
		list, ok := v.Interface().([]string)
		if !ok {
			return false
		}
		return slices.Equal(list, asList(s))
	default:
		return v.Kind() == reflect.String && v.String() == fmt.Sprint(s)
	}
}

func containsAll(list, items []string) bool {
	for _, it := range items {
		if !slices.Contains(list, it) {
			return false
		}
	}
	return true
}
