package config

import (
	"errors"
	"fmt"
	"reflect"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"
)

// Validate runs every offline rule over c and returns all issues found.
// It never stops at the first problem: a user fixes the whole file in one go.
func Validate(c *Config) []Issue {
	if c == nil {
		return []Issue{{Path: "", Severity: SeverityError, Message: "the file is empty", Hint: "run `cogwiz init` to write one"}}
	}
	v := newValidator(c)
	v.top()
	v.userPool()
	v.appClients()
	v.domain()
	v.identityProviders()
	v.resourceServers()
	v.identityPool()
	v.adminQueries()
	v.functions()
	v.strayReferences()
	return v.issues
}

// ValidateDocument validates a loaded file and places every issue at its
// line and column, in file order (errors before warnings on the same spot).
func ValidateDocument(d *Document) []Problem {
	problems := d.Place(Validate(d.Config))
	SortProblems(problems)
	return problems
}

// SortProblems orders problems by line, then column, errors first.
func SortProblems(problems []Problem) {
	sort.SliceStable(problems, func(i, j int) bool {
		a, b := problems[i], problems[j]
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Col != b.Col {
			return a.Col < b.Col
		}
		return a.Severity < b.Severity
	})
}

// validator carries the config and the facts several rules need, so each
// rule reads as one sentence.
type validator struct {
	c      *Config
	issues []Issue

	// plan is the feature plan in force; an empty feature_plan means
	// Cognito's default for new pools, ESSENTIALS.
	// https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-sign-in-feature-plans.html
	plan string
	// custom maps declared custom attribute names (without prefix) to their definition.
	custom map[string]CustomAttribute
	// groups, providers and scopes are the declared names.
	groups    map[string]bool
	providers map[string]bool
	scopes    map[string]bool
	// autoVerified is the set of auto-verified attributes.
	autoVerified map[string]bool
	// refs are the paths whose rules take a ${env:NAME} reference.
	refs map[string]bool
}

func newValidator(c *Config) *validator {
	v := &validator{
		c: c, plan: c.UserPool.FeaturePlan,
		custom: map[string]CustomAttribute{}, groups: map[string]bool{},
		providers: map[string]bool{}, scopes: map[string]bool{}, autoVerified: map[string]bool{},
		refs: map[string]bool{},
	}
	if v.plan == "" {
		v.plan = planEssentials
	}
	for _, a := range c.UserPool.Attributes.Custom {
		v.custom[strings.TrimPrefix(a.Name, "custom:")] = a
	}
	for _, g := range c.UserPool.Groups {
		v.groups[g.Name] = true
	}
	for _, p := range c.IdentityProviders {
		v.providers[p.ProviderName()] = true
	}
	for _, rs := range c.ResourceServers {
		for _, s := range rs.Scopes {
			v.scopes[rs.Identifier+"/"+s.Name] = true
		}
	}
	if vf := c.UserPool.Verification; vf != nil {
		for _, a := range vf.AutoVerifiedAttributes {
			v.autoVerified[a] = true
		}
	}
	return v
}

func (v *validator) add(sev Severity, path, msg, hint string) {
	v.issues = append(v.issues, Issue{Path: path, Severity: sev, Message: msg, Hint: hint})
}

func (v *validator) errorf(path, hint, format string, args ...any) {
	v.add(SeverityError, path, fmt.Sprintf(format, args...), hint)
}

func (v *validator) warnf(path, hint, format string, args ...any) {
	v.add(SeverityWarning, path, fmt.Sprintf(format, args...), hint)
}

// advise records a warning that is advice, not a problem with the file.
func (v *validator) advise(path, hint, format string, args ...any) {
	v.warnf(path, hint, format, args...)
	v.issues[len(v.issues)-1].Advice = true
}

// label is the last segment of path: "callback_urls[0]". Messages name
// the whole path (several keys share a last segment: name is the pool's,
// a client's, a group's…); label is for what the user writes at the key.
func label(path string) string {
	if i := strings.LastIndexByte(path, '.'); i >= 0 {
		return path[i+1:]
	}
	return path
}

// value runs the named single-value rule and records a failure at path.
// It reports whether the value passed.
func (v *validator) value(path, rule, s string) bool {
	r := valueRules[rule]
	err := r.check(s)
	if err == nil {
		return true
	}
	hint := r.hint
	var ve *valueError
	if errors.As(err, &ve) && ve.hint != "" {
		hint = ve.hint
	}
	if s == "" || utf8.RuneCountInString(s) > 80 {
		v.errorf(path, hint, "%s %s", path, err)
	} else {
		v.errorf(path, hint, "%s %q %s", path, s, err)
	}
	return false
}

// reference checks a value that may also be a ${env:NAME} reference, which
// plan and apply resolve from the environment: a well-formed reference
// passes, a broken one is an error, anything else goes through rule.
func (v *validator) reference(path, rule, s string) bool {
	v.refs[path] = true
	if IsSecretRef(s) {
		return true
	}
	if strings.HasPrefix(s, "${") {
		v.errorf(path, `write ${env:NAME}, NAME made of letters, digits and _`, "%s is not a valid ${env:NAME} reference", label(path))
		return false
	}
	return v.value(path, rule, s)
}

// optional runs rule only when s is set.
func (v *validator) optional(path, rule, s string) bool {
	if s == "" {
		return true
	}
	return v.value(path, rule, s)
}

// oneOf checks s against a closed set; empty is allowed when optional.
func (v *validator) oneOf(path, s string, allowed []string, optional bool) bool {
	if s == "" && optional {
		return true
	}
	if slices.Contains(allowed, s) {
		return true
	}
	hint := "use one of " + strings.Join(allowed, ", ")
	if c := closest(s, allowed); strings.EqualFold(c, s) {
		hint = fmt.Sprintf("write %s (values are case-sensitive)", c)
	} else if c != "" {
		hint = fmt.Sprintf("did you mean %s? (one of %s)", c, strings.Join(allowed, ", "))
	}
	if s == "" {
		v.errorf(path, hint, "%s is required", path)
	} else {
		v.errorf(path, hint, "%s %q is not allowed", path, s)
	}
	return false
}

// set checks a list against a closed set, with no duplicates.
func (v *validator) set(path string, list, allowed []string) {
	seen := map[string]bool{}
	for i, s := range list {
		p := fmt.Sprintf("%s[%d]", path, i)
		if !v.oneOf(p, s, allowed, false) {
			continue
		}
		if seen[s] {
			v.errorf(p, "remove the second "+s, "%s lists %s twice", path, s)
		}
		seen[s] = true
	}
}

// unique records name in seen and reports whether it was new.
func unique(seen map[string]bool, name string) bool {
	if seen[name] {
		return false
	}
	seen[name] = true
	return true
}

// secret checks that s is a ${env:NAME} reference. A literal is an error
// whose message never repeats the value: the file may already be shared.
func (v *validator) secret(path, owner string, s string) {
	v.refs[path] = true
	if s == "" || IsSecretRef(s) {
		return
	}
	field := label(path)
	env := SecretEnvName(owner, field)
	if strings.HasPrefix(s, "${") {
		v.errorf(path, fmt.Sprintf(`write %s: "%s"`, field, SecretRef(env)),
			"%s is not a valid ${env:NAME} reference", path)
		return
	}
	v.errorf(path, fmt.Sprintf(`write %s: "%s" and export %s=... before running cogwiz`, field, SecretRef(env), env),
		"%s is a literal value; secrets are never stored in cognito.yaml", path)
}

// planAtLeastEssentials reports whether the feature plan unlocks Essentials features.
func (v *validator) planAtLeastEssentials() bool { return v.plan != planLite }

// needsPlan records that the setting at path needs ESSENTIALS or PLUS.
func (v *validator) needsPlan(path, what string) {
	if !v.planAtLeastEssentials() {
		v.errorf(path, "set user_pool.feature_plan: ESSENTIALS (or PLUS), or drop this setting",
			"%s needs the ESSENTIALS or PLUS feature plan, not LITE", what)
	}
}

// attributeKnown reports whether name is a pool attribute: a standard one,
// or custom:<declared>.
func (v *validator) attributeKnown(name string) bool {
	if slices.Contains(StandardAttributes, name) {
		return true
	}
	if rest, ok := strings.CutPrefix(name, "custom:"); ok {
		_, declared := v.custom[rest]
		return declared
	}
	return false
}

// attributeHint says how to fix an unknown attribute name.
func (v *validator) attributeHint(name string) string {
	if _, ok := v.custom[name]; ok {
		return "write custom:" + name
	}
	if rest, ok := strings.CutPrefix(name, "custom:"); ok {
		return "declare " + rest + " under user_pool.attributes.custom, or remove it"
	}
	return "use a standard attribute (" + strings.Join(StandardAttributes, ", ") + ") or custom:<name>"
}

func (v *validator) smsConfigured() bool {
	return v.c.UserPool.SMS != nil && v.c.UserPool.SMS.SNSCallerARN != ""
}

const smsHint = "add user_pool.sms with sns_caller_arn (an IAM role Cognito assumes to send SMS through SNS) and external_id"

const smsExternalIDHint = "add user_pool.sms.external_id: the sts:ExternalId the role's trust policy requires, so that only this pool can use the role"

// ValidatePartial returns the load problems of le plus the rule problems of
// what could still be read, so that a file with a typo and a wrong value
// gets both reported in one run. A rule problem at, above, below or beside
// a key that failed to load is left out: the rule saw a missing value there,
// not the one the user wrote.
func ValidatePartial(le *LoadError) []Problem {
	problems := append([]Problem(nil), le.Problems...)
	if le.Partial == nil {
		SortProblems(problems)
		return problems
	}
	near := newLoadProblemIndex(le.Problems)
	for _, p := range ValidateDocument(le.Partial) {
		if !near.covers(p.Path) {
			problems = append(problems, p)
		}
	}
	SortProblems(problems)
	return problems
}

// loadProblemIndex answers "is there a load problem at, above, below or
// beside this path?" in time proportional to the path's depth, so that a
// file with many problems does not take quadratic time.
type loadProblemIndex struct {
	all       bool            // a problem at the root or the version: nothing else is trustworthy
	at        map[string]bool // the paths of load problems
	ancestors map[string]bool // every path a load problem lies under (and the paths themselves)
	parents   map[string]bool // the parent path of each load problem
}

func newLoadProblemIndex(problems []Problem) *loadProblemIndex {
	x := &loadProblemIndex{at: map[string]bool{}, ancestors: map[string]bool{}, parents: map[string]bool{}}
	for _, lp := range problems {
		if lp.Path == "" || lp.Path == "version" {
			x.all = true
		}
		x.at[lp.Path] = true
		x.parents[parentPath(lp.Path)] = true
		for p := lp.Path; p != ""; p = parentPath(p) {
			x.ancestors[p] = true
		}
	}
	return x
}

// covers reports whether a rule problem at path is likely a consequence of
// a load problem (the value there failed to decode), and so not shown.
func (x *loadProblemIndex) covers(path string) bool {
	if len(x.at) == 0 {
		return false
	}
	if x.all || path == "" || x.ancestors[path] || x.parents[parentPath(path)] {
		return true
	}
	for p := path; p != ""; p = parentPath(p) {
		if x.at[p] {
			return true
		}
	}
	return false
}

// strayReferences reports a ${env:NAME} reference in a key that does not
// take one (once: not where a rule already reported the value). Only secrets and a few ids are read from the environment; any
// other key would reach Cognito, or an export, as the literal text.
func (v *validator) strayReferences() {
	reported := map[string]bool{}
	for _, is := range v.issues {
		reported[is.Path] = true
	}
	walkStrings(reflect.ValueOf(v.c).Elem(), "", func(path, s string) {
		if strings.Contains(s, secretRefPrefix) && !v.refs[path] && !reported[path] {
			v.errorf(path, "write the value itself; only secrets, identity provider ids and user_pool.sms.sns_caller_arn come from the environment",
				"%s takes no ${env:NAME} reference", path)
		}
	})
}

// walkStrings calls f with the path (as Validate names keys) of every
// string in v.
func walkStrings(v reflect.Value, path string, f func(path, s string)) {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			walkStrings(v.Elem(), path, f)
		}
	case reflect.String:
		f(path, v.String())
	case reflect.Struct:
		t := v.Type()
		for i := 0; i < t.NumField(); i++ {
			name, _, _ := strings.Cut(t.Field(i).Tag.Get("yaml"), ",")
			if !t.Field(i).IsExported() || name == "" || name == "-" {
				continue
			}
			p := name
			if path != "" {
				p = path + "." + name
			}
			walkStrings(v.Field(i), p, f)
		}
	case reflect.Slice, reflect.Array:
		for i := 0; i < v.Len(); i++ {
			walkStrings(v.Index(i), fmt.Sprintf("%s[%d]", path, i), f)
		}
	case reflect.Map:
		iter := v.MapRange()
		for iter.Next() {
			walkStrings(iter.Value(), path+"."+fmt.Sprint(iter.Key().Interface()), f)
		}
	}
}
