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
	// A username plus aliases writes the same username_attributes ([]) as a
	// plain username; the aliases tell them apart.
	if q, ok := g.Lookup("sign_in"); ok && len(c.UserPool.SignIn.AliasAttributes) > 0 {
		if _, ok := q.Option(aliasSignIn); ok {
			out[q.ID] = aliasSignIn
		}
	}
	return out
}

// aliasSignIn is the sign_in choice of a username plus aliases.
const aliasSignIn = "username_aliases"

func inverse(c *config.Config, q *questions.Question, path string) (any, bool) {
	switch q.As {
	case questions.AsPresence:
		return isSet(getPath(c, path)), true
	case questions.AsAppend, questions.AsReplaceItems, questions.AsRemoveByName, questions.AsCustomAttributes:
		return nil, false
	case questions.AsTriggerKeys:
		return triggerKeys(c, q), true
	case questions.AsTriggerModules:
		return triggerModules(c, q, lastKey(path)), true
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
	case questions.AsCSV:
		if s, ok := v.Interface().([]string); ok {
			return strings.Join(s, ", "), true
		}
		return nil, false
	case questions.AsScopes:
		scopes, ok := v.Interface().([]config.Scope)
		if !ok {
			return nil, false
		}
		out := []string{}
		for _, s := range scopes {
			out = append(out, s.Name)
		}
		return out, true
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

// triggerKeys are the triggers a file uses: those with a function ARN,
// those pending one, and those a capability needs (Amplify's trigger
// question starts from every trigger already configured).
func triggerKeys(c *config.Config, q *questions.Question) []string {
	out := []string{}
	for _, o := range q.Options {
		if usesTrigger(c, o.Value) {
			out = append(out, o.Value)
		}
	}
	return out
}

func usesTrigger(c *config.Config, key string) bool {
	if hasOwnTrigger(c, key) {
		return true
	}
	return slices.ContainsFunc(c.UserPool.Capabilities, func(cp config.Capability) bool {
		return slices.Contains(config.CapabilityTriggers(cp.Type), key)
	})
}

// triggerModules is what a trigger runs, in the choices of q: the
// capabilities served on it, and the "your own function" choice
// when it has an ARN or is pending one.
func triggerModules(c *config.Config, q *questions.Question, key string) []string {
	out := []string{}
	for _, o := range q.Options {
		switch {
		case o.Value == questions.OwnModule:
			if hasOwnTrigger(c, key) {
				out = append(out, o.Value)
			}
		case slices.ContainsFunc(c.UserPool.Capabilities, func(cp config.Capability) bool { return cp.Type == o.Value }):
			out = append(out, o.Value)
		}
	}
	return out
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

// hasOwnTrigger reports whether the trigger runs the user's own function:
// it holds an ARN, or is pending one.
func hasOwnTrigger(c *config.Config, key string) bool {
	t := c.UserPool.Triggers
	return t != nil && (t.Trigger(key) != "" || slices.Contains(t.Pending, key))
}
