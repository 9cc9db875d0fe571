package questions_test

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider/types"

	"github.com/cogwiz/cogwiz/internal/config"
	"github.com/cogwiz/cogwiz/internal/questions"
	"github.com/cogwiz/cogwiz/internal/wizard"
)

func load(t *testing.T) *questions.Graph {
	t.Helper()
	g, err := questions.Default()
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// enums maps the `enum:` names used in the question files to the SDK's values.
var enums = map[string][]string{
	"UsernameAttributeType":    strs(types.UsernameAttributeType("").Values()),
	"UserPoolMfaType":          strs(types.UserPoolMfaType("").Values()),
	"OAuthFlowType":            strs(types.OAuthFlowType("").Values()),
	"RecoveryOptionNameType":   strs(types.RecoveryOptionNameType("").Values()),
	"UserPoolTierType":         strs(types.UserPoolTierType("").Values()),
	"IdentityProviderTypeType": strs(types.IdentityProviderTypeType("").Values()),
	"VerifiedAttributeType":    strs(types.VerifiedAttributeType("").Values()),
	"ExplicitAuthFlowsType":    strs(types.ExplicitAuthFlowsType("").Values()),
}

// capabilityTypes are the config's names for Amplify's capabilities.
var capabilityTypes = []string{config.CapRecaptcha, config.CapEmailVerificationLink, config.CapAddUserToGroup,
	config.CapEmailDomainDenylist, config.CapEmailDomainAllowlist, config.CapCustomAuthScaffolding, config.CapOverrideIDTokenClaims}

func TestCapabilityValuesAreConfigTypes(t *testing.T) {
	q, ok := load(t).Lookup("capabilities")
	if !ok {
		t.Fatal("no capabilities question")
	}
	var got []string
	for _, o := range q.Options {
		got = append(got, o.Value)
		if !slices.Contains(capabilityTypes, o.Value) {
			t.Errorf("capability %q is not a config capability type", o.Value)
		}
	}
	if len(got) != len(capabilityTypes) {
		t.Errorf("the question offers %d capabilities, Amplify has %d", len(got), len(capabilityTypes))
	}
}

func strs[T ~string](vs []T) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = string(v)
	}
	return out
}

func TestGraphLint(t *testing.T) {
	g := load(t)
	rules := config.RuleNames()
	topics := map[string]bool{"all": true}
	for _, q := range g.Questions {
		topics[q.Topic] = true
	}
	seen := map[string]int{}
	for i, q := range g.Questions {
		where := fmt.Sprintf("question %s", q.ID)
		if _, dup := seen[q.ID]; dup {
			t.Errorf("%s: duplicate id", where)
		}
		seen[q.ID] = i
		if q.Prompt == "" {
			t.Errorf("%s: no prompt", where)
		}
		if !slices.Contains(questions.Kinds, q.Kind) {
			t.Errorf("%s: unknown kind %q", where, q.Kind)
		}
		if q.Update != "" && q.Update != "never" {
			t.Errorf("%s: update: %q (want never or nothing)", where, q.Update)
		}
		if !slices.Contains(questions.AsModes, q.As) {
			t.Errorf("%s: unknown mapping as: %q", where, q.As)
		}
		switch q.Kind {
		case questions.Select, questions.MultiSelect:
			if len(q.Options) == 0 && q.OptionsFrom == "" {
				t.Errorf("%s: a %s needs options", where, q.Kind)
			}
		case questions.Loop:
			if q.Another == "" {
				t.Errorf("%s: a loop needs `another`", where)
			}
		case questions.Order:
			if q.OptionsFrom == "" {
				t.Errorf("%s: an order question needs options_from", where)
			}
		}
		// Conditions name earlier questions only.
		for _, id := range q.When.IDs() {
			if j, ok := seen[id]; !ok || j >= i {
				t.Errorf("%s: condition names %q, which is not an earlier question", where, id)
			}
		}
		for _, o := range q.Options {
			for _, id := range o.When.IDs() {
				if j, ok := seen[id]; !ok || j >= i {
					t.Errorf("%s option %s: condition names %q, which is not an earlier question", where, o.Value, id)
				}
			}
			for id := range o.Implies {
				if g.Index(id) < 0 {
					t.Errorf("%s option %s: implies unknown question %q", where, o.Value, id)
				}
			}
			for _, tp := range o.Topics {
				if !topics[tp] {
					t.Errorf("%s option %s: unknown topic %q", where, o.Value, tp)
				}
			}
			for _, p := range append(slices.Clone(o.Resets), o.Clears...) {
				if err := modelPath(p); err != nil {
					t.Errorf("%s option %s: %v", where, o.Value, err)
				}
			}
		}
		// Config keys exist in the model.
		paths := slices.Clone([]string(q.Sets))
		for _, p := range []string{q.OptionsFrom, q.Reflects} {
			if p != "" {
				paths = append(paths, p)
			}
		}
		paths = append(paths, condPaths(q.When)...)
		for _, p := range paths {
			if err := modelPath(p); err != nil {
				t.Errorf("%s: %v", where, err)
			}
		}
		if q.As == questions.AsFlags {
			for _, o := range q.Options {
				if err := modelPath(q.Sets[0] + "." + o.Value); err != nil {
					t.Errorf("%s: option %s: %v", where, o.Value, err)
				}
			}
		}
		// Rules are the config's (or the wizard's own shorthand rules).
		if q.Validate != "" && !slices.Contains(rules, q.Validate) && !slices.Contains(wizard.AnswerRuleNames(), q.Validate) {
			t.Errorf("%s: validate names %q, which is not a config rule (have %v)", where, q.Validate, rules)
		}
		// Enum values are Cognito's.
		if q.Enum != "" {
			vals, ok := enums[q.Enum]
			if !ok {
				t.Errorf("%s: unknown enum %q", where, q.Enum)
			}
			for _, o := range q.Options {
				for _, v := range optionConfigValues(o) {
					if !slices.Contains(vals, v) {
						t.Errorf("%s: option %s stores %q, not a %s (%v)", where, o.Value, v, q.Enum, vals)
					}
				}
			}
		}
		// The recommended value is one of the options.
		if q.Recommended != nil && len(q.Options) > 0 {
			for _, v := range listOf(q.Recommended.Value) {
				if _, ok := q.Option(v); !ok {
					t.Errorf("%s: recommended %q is not an option", where, v)
				}
			}
		}
		// ⭐ is preselected: Enter takes the recommended answer. A ⭐ without
		// a value marks a generated default (a derived name).
		if q.Derived != "" && q.Default != nil {
			t.Errorf("%s: a derived question takes no default (the generated name is its default)", where)
		}
		if q.Recommended != nil && q.Recommended.Value == nil && q.Derived == "" {
			t.Errorf("%s: recommended without a value, but the default is not derived", where)
		}
		if q.Recommended != nil && q.Recommended.Value != nil && q.Default != nil && fmt.Sprint(q.Recommended.Value) != fmt.Sprint(q.Default) {
			t.Errorf("%s: default %v is not the recommended %v", where, q.Default, q.Recommended.Value)
		}
		if q.Recommended != nil && q.Recommended.Why == "" {
			t.Errorf("%s: recommended without why", where)
		}
	}
}

func optionConfigValues(o questions.Option) []string {
	if o.Set == nil {
		return []string{o.Value}
	}
	return listOf(o.Set)
}

func listOf(v any) []string {
	switch x := v.(type) {
	case []any:
		var out []string
		for _, e := range x {
			out = append(out, fmt.Sprint(e))
		}
		return out
	case nil:
		return nil
	}
	return []string{fmt.Sprint(v)}
}

func condPaths(c *questions.Cond) []string {
	if c == nil {
		return nil
	}
	var out []string
	if c.Existing != "" {
		out = append(out, c.Existing)
	}
	for i := range c.All {
		out = append(out, condPaths(&c.All[i])...)
	}
	for i := range c.Any {
		out = append(out, condPaths(&c.Any[i])...)
	}
	return append(out, condPaths(c.Not)...)
}

// modelPath checks that a dotted path (with [..] selectors) names a field
// of config.Config by its YAML keys, and that selectors name element fields.
func modelPath(p string) error {
	t := reflect.TypeOf(config.Config{})
	rest := p
	for rest != "" {
		seg := rest
		if i := strings.IndexByte(rest, '.'); i >= 0 && !strings.Contains(rest[:i], "[") {
			seg, rest = rest[:i], rest[i+1:]
		} else if i := strings.Index(rest, "]"); i >= 0 && strings.Contains(rest[:i], "[") && (strings.IndexByte(rest, '.') < 0 || strings.IndexByte(rest, '[') < strings.IndexByte(rest, '.')) {
			seg, rest = rest[:i+1], strings.TrimPrefix(rest[i+1:], ".")
		} else {
			rest = ""
		}
		name, sel, hasSel := strings.Cut(seg, "[")
		for t.Kind() == reflect.Pointer {
			t = t.Elem()
		}
		f, ok := field(t, name)
		if !ok {
			return fmt.Errorf("%s: no key %q in %s", p, name, t.Name())
		}
		t = f
		if hasSel {
			for t.Kind() == reflect.Pointer {
				t = t.Elem()
			}
			if t.Kind() != reflect.Slice {
				return fmt.Errorf("%s: %s is not a list", p, name)
			}
			t = t.Elem()
			sel = strings.TrimSuffix(sel, "]")
			if k, _, ok := strings.Cut(sel, "="); ok {
				if _, ok := field(t, k); !ok {
					return fmt.Errorf("%s: list %s has no key %q", p, name, k)
				}
			}
		}
	}
	return nil
}

func field(t reflect.Type, key string) (reflect.Type, bool) {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t.Kind() != reflect.Struct {
		return nil, false
	}
	for i := 0; i < t.NumField(); i++ {
		if name, _, _ := strings.Cut(t.Field(i).Tag.Get("yaml"), ","); name == key {
			return t.Field(i).Type, true
		}
	}
	return nil, false
}

func TestModelPathCatchesTypos(t *testing.T) {
	for _, p := range []string{"user_pool.mfa.modes", "app_clients[0].oauth.flow", "identity_providers[kind=Google].client_id", "userpool"} {
		if modelPath(p) == nil {
			t.Errorf("modelPath(%q) accepted a key the model lacks", p)
		}
	}
	for _, p := range []string{"user_pool.mfa.mode", "app_clients[0].oauth.flows", "identity_providers[type=Google].client_id", "user_pool.groups[].name"} {
		if err := modelPath(p); err != nil {
			t.Errorf("modelPath(%q): %v", p, err)
		}
	}
}
