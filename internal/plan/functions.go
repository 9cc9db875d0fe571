package plan

import (
	"maps"
	"slices"
	"strings"

	"github.com/cogwiz/cogwiz/internal/aws/awsclient"
	"github.com/cogwiz/cogwiz/internal/aws/iam"
	"github.com/cogwiz/cogwiz/internal/aws/lambda"
	"github.com/cogwiz/cogwiz/internal/cognito"
	"github.com/cogwiz/cogwiz/internal/config"
	"github.com/cogwiz/cogwiz/internal/functions"
)

// Kinds of the generated functions' resources.
const (
	KindFunction           = "lambda_function"
	KindFunctionRole       = "function_role"
	KindFunctionPermission = "lambda_permission"
	KindTrigger            = "trigger"
)

// FunctionState is what exists of the functions cogwiz generates for the
// file, as apply read it.
type FunctionState struct {
	// Code is the CodeSHA256 of each generated function's package as its
	// folder holds it now, by trigger.
	Code map[string]string
	// Live are the functions cogwiz created for this file, by trigger:
	// tagged with its resource_name and the trigger.
	Live map[string]LiveFunction
	// Roles are the execution roles cogwiz created for this file (under
	// its IAM path, with its tags), by name.
	Roles map[string]iam.Role
	// Foreign maps the name of a function or role cogwiz would create
	// that exists and is not cogwiz's to what it is ("a Lambda function",
	// "an IAM role").
	Foreign map[string]string
}

// LiveFunction is one function cogwiz created and its resource policy.
type LiveFunction struct {
	Function    lambda.Function
	Permissions []lambda.Permission
}

// FunctionPath is where the plan shows the function of trigger.
func FunctionPath(trigger string) string { return "functions[" + trigger + "]" }

// WantFunctionRole is the execution role of f, allowed its actions on the pool poolARN.
func WantFunctionRole(d *config.Config, f functions.Function, poolARN string) iam.Role {
	r := iam.Role{
		Name: f.Name, Path: functions.RolePath(d.ResourceName), TrustPolicy: functions.TrustPolicy().JSON(),
		ManagedPolicyARNs: []string{functions.LoggingPolicyARN(functions.Partition(poolARN))},
		Tags:              map[string]string{cognito.TagResourceName: d.ResourceName, functions.TagFunction: f.Trigger},
		Description:       functions.Description(d.ResourceName, f),
	}
	if p, ok := functions.PoolPolicy(f, poolARN); ok {
		r.InlinePolicies = map[string]string{functions.PoolPolicyName: p.JSON()}
	}
	return r
}

// WantFunction is the function of f running as role roleARN. env holds
// the variables cogwiz sets, secrets resolved; live is the function as it
// is (nil before it exists), whose variables set by someone else are kept.
func WantFunction(d *config.Config, f functions.Function, roleARN string, env map[string]string, live *lambda.Function) lambda.Function {
	all := map[string]string{}
	if live != nil {
		managed := functions.ManagedEnv(f.Trigger)
		for k, v := range live.Env {
			if !slices.Contains(managed, k) {
				all[k] = v
			}
		}
	}
	maps.Copy(all, env)
	return lambda.Function{
		Name: f.Name, Runtime: f.Runtime, Handler: f.Handler, Role: roleARN, Timeout: functions.Timeout, Env: all,
		Description: functions.Description(d.ResourceName, f),
		Tags:        map[string]string{cognito.TagResourceName: d.ResourceName, functions.TagFunction: f.Trigger},
	}
}

// WantPermission is the statement that lets the pool poolARN invoke a
// function: the pool's ARN, and its account when the ARN carries one (an
// emulator's does not; the ARN alone names the pool already).
// https://docs.aws.amazon.com/lambda/latest/dg/permissions-resource-based.html
func WantPermission(poolARN string) lambda.Permission {
	p := lambda.Permission{Sid: functions.StatementID, Principal: functions.InvokePrincipal, Action: functions.InvokeAction, SourceARN: poolARN}
	if parts := strings.Split(poolARN, ":"); len(parts) > 4 && isAccount(parts[4]) {
		p.SourceAccount = parts[4]
	}
	return p
}

func isAccount(s string) bool {
	if len(s) != 12 {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// Permission returns the statement of the function's policy cogwiz
// manages, if any.
func (l LiveFunction) Permission() (lambda.Permission, bool) {
	for _, p := range l.Permissions {
		if p.Sid == functions.StatementID {
			return p, true
		}
	}
	return lambda.Permission{}, false
}

// FunctionARN is the ARN of the function of trigger: the live one, or
// KnownAfterApply.
func (s *FunctionState) FunctionARN(trigger string) string {
	if s != nil {
		if l, ok := s.Live[trigger]; ok {
			return l.Function.ARN
		}
	}
	return KnownAfterApply
}

// Deleted are the triggers whose function cogwiz created and the file no
// longer asks for, in LambdaConfig order.
func (s *FunctionState) Deleted(d *config.Config) []string {
	if s == nil {
		return nil
	}
	want := map[string]bool{}
	for _, f := range functions.Functions(d) {
		want[f.Trigger] = true
	}
	var out []string
	for _, key := range config.TriggerKeys {
		if _, ok := s.Live[key]; ok && !want[key] {
			out = append(out, key)
		}
	}
	return out
}

// WithFunctionTriggers returns a copy of d whose triggers served by
// cogwiz's functions hold what the pool should keep until apply wires
// them: the function's ARN once it exists, else the live value (an
// update of the pool's own settings then leaves the wiring alone; the
// trigger change does the rest). Without a state, or when the file has
// no triggers key (triggers are then not compared), it returns d.
func WithFunctionTriggers(d *config.Config, s *FunctionState, live *config.Triggers) *config.Config {
	if s == nil || d.UserPool.Triggers == nil {
		return d
	}
	out := *d
	t := *d.UserPool.Triggers
	out.UserPool.Triggers = &t
	for _, f := range functions.Functions(d) {
		if l, ok := s.Live[f.Trigger]; ok {
			t.SetTrigger(f.Trigger, l.Function.ARN)
		} else {
			t.SetTrigger(f.Trigger, live.Trigger(f.Trigger))
		}
	}
	for _, key := range s.Deleted(d) {
		if t.Trigger(key) == "" {
			t.SetTrigger(key, live.Trigger(key))
		}
	}
	return &out
}

// functions diffs the generated functions: for each, its execution role,
// the function, the permission that lets the pool invoke it and the
// trigger that points at it; then what cogwiz made that the file no
// longer asks for. poolARN is empty and live nil for a pool still to create.
func (df *differ) functions(d *config.Config, s *FunctionState, poolARN string, live *config.Triggers) {
	if s == nil {
		return
	}
	for _, f := range functions.Functions(d) {
		df.function(d, s, f, poolARN, live)
	}
	for _, key := range s.Deleted(d) {
		l := s.Live[key]
		name := l.Function.Name
		res := FunctionPath(key)
		if live.Trigger(key) == l.Function.ARN && d.UserPool.Triggers.Trigger(key) == "" {
			df.add(Change{Resource: res + ".trigger", Kind: KindTrigger, Name: key, Path: "user_pool.triggers." + key, Before: l.Function.ARN, Action: Delete,
				Reason: "the function goes"})
		}
		df.add(Change{Resource: res, Kind: KindFunction, Name: name, Path: res, Before: name, Action: Delete, Reason: "no capability uses it any more; cogwiz created it"})
	}
	// A role cogwiz made is kept only while its function is wanted: the
	// role of a deleted function goes with it.
	wanted := map[string]bool{}
	for _, f := range functions.Functions(d) {
		wanted[f.Name] = true
	}
	for _, name := range slices.Sorted(maps.Keys(s.Roles)) {
		if !wanted[name] {
			path := "functions.roles[" + name + "]"
			df.add(Change{Resource: path, Kind: KindFunctionRole, Name: name, Path: path, Before: name, Action: Delete, Reason: "its function is no longer in the file; cogwiz created it"})
		}
	}
}

func (df *differ) function(d *config.Config, s *FunctionState, f functions.Function, poolARN string, live *config.Triggers) {
	res := FunctionPath(f.Trigger)
	if what, ok := s.Foreign[f.Name]; ok {
		df.add(Change{Resource: res, Kind: KindFunction, Name: f.Name, Path: res + ".name", Before: f.Name, After: f.Name, Action: Blocked,
			Reason: what + " named " + f.Name + " exists and cogwiz did not create it — to use your own function, set user_pool.triggers." + f.Trigger + " to its ARN; otherwise delete it or choose another resource_name"})
		return
	}
	l, exists := s.Live[f.Trigger]

	// The execution role.
	role := WantFunctionRole(d, f, poolARN)
	if lr, ok := s.Roles[f.Name]; !ok {
		reason := "assumed by Lambda only; writes the function's logs"
		if len(f.Actions) > 0 {
			reason += "; " + strings.Join(f.Actions, ", ") + " on this user pool only"
		}
		df.add(Change{Resource: res + ".role", Kind: KindFunctionRole, Name: f.Name, Path: res + ".role", After: f.Name, Action: Create, Reason: reason})
	} else if poolARN != "" && iam.Differs(role, lr) {
		r := res + ".role"
		df.field(r, KindFunctionRole, f.Name, r+".trust_policy", canonical(lr.TrustPolicy), canonical(role.TrustPolicy))
		df.field(r, KindFunctionRole, f.Name, r+".managed_policy_arns", orNone(lr.ManagedPolicyARNs), orNone(role.ManagedPolicyARNs))
		for _, pn := range slices.Sorted(maps.Keys(merged(lr.InlinePolicies, role.InlinePolicies))) {
			df.field(r, KindFunctionRole, f.Name, r+".inline_policies."+pn, canonical(lr.InlinePolicies[pn]), canonical(role.InlinePolicies[pn]))
		}
		if !awsclient.HasTags(lr.Tags, role.Tags) {
			df.field(r, KindFunctionRole, f.Name, r+".tags", orEmpty(lr.Tags), role.Tags)
		}
	}

	// The function.
	if !exists {
		df.add(Change{Resource: res, Kind: KindFunction, Name: f.Name, Path: res, After: f.Name, Action: Create,
			Reason: f.Runtime + ", code " + f.Dir + " (sha256 " + s.Code[f.Trigger] + ")" + envSummary(f)})
	} else {
		df.functionFields(d, s, f, l)
	}

	// The permission: only this pool may invoke it.
	if poolARN == "" || !exists {
		df.add(Change{Resource: res + ".permission", Kind: KindFunctionPermission, Name: f.Name, Path: res + ".permission", After: functions.InvokePrincipal, Action: Create,
			Reason: "lets this user pool invoke the function, and nothing else"})
	} else {
		want := WantPermission(poolARN)
		if have, ok := l.Permission(); !ok {
			df.add(Change{Resource: res + ".permission", Kind: KindFunctionPermission, Name: f.Name, Path: res + ".permission", After: functions.InvokePrincipal, Action: Create,
				Reason: "lets this user pool invoke the function, and nothing else"})
		} else if have != want {
			df.add(Change{Resource: res + ".permission", Kind: KindFunctionPermission, Name: f.Name, Path: res + ".permission.source_arn", Before: have.SourceARN, After: want.SourceARN, Action: Replace,
				Reason: "a statement cannot be changed, only removed and added again"})
		}
	}

	// The trigger.
	arn := s.FunctionARN(f.Trigger)
	if before := live.Trigger(f.Trigger); before != arn {
		c := Change{Resource: res + ".trigger", Kind: KindTrigger, Name: f.Trigger, Path: "user_pool.triggers." + f.Trigger, After: arn, Action: Update}
		if before == "" {
			c.Action = Create
		} else {
			c.Before = before
		}
		df.add(c)
	}
}

// functionFields diffs a function cogwiz made against the file.
func (df *differ) functionFields(d *config.Config, s *FunctionState, f functions.Function, l LiveFunction) {
	res, k, n := FunctionPath(f.Trigger), KindFunction, f.Name
	lf := l.Function
	want := WantFunction(d, f, lf.Role, nil, &lf)
	df.field(res, k, n, res+".runtime", lf.Runtime, want.Runtime)
	df.field(res, k, n, res+".handler", lf.Handler, want.Handler)
	df.field(res, k, n, res+".timeout", lf.Timeout, want.Timeout)
	df.field(res, k, n, res+".description", lf.Description, want.Description)
	if r, ok := s.Roles[f.Name]; ok {
		df.field(res, k, n, res+".role", lf.Role, r.ARN)
	}
	if code := s.Code[f.Trigger]; code != "" {
		df.field(res, k, n, res+".code", lf.CodeSHA256, code)
	}
	wanted := map[string]bool{}
	for _, e := range f.Env {
		wanted[e.Name] = true
		path := res + ".environment." + e.Name
		name, secret := config.SecretRefName(e.Value)
		if !secret {
			df.field(res, k, n, path, lf.Env[e.Name], e.Value)
			continue
		}
		v, ok := "", false
		if df.lookupEnv != nil {
			v, ok = df.lookupEnv(name)
		}
		switch {
		case !ok:
			df.p.Notes = append(df.p.Notes, path+" was not compared: set "+name+" to compare it (apply sets it from there)")
		case lf.Env[e.Name] != v:
			df.add(Change{Resource: res, Kind: k, Name: n, Path: path, Before: Sensitive, After: Sensitive, Action: Update})
		}
	}
	for _, name := range functions.ManagedEnv(f.Trigger) {
		if _, ok := lf.Env[name]; ok && !wanted[name] {
			df.add(Change{Resource: res, Kind: k, Name: n, Path: res + ".environment." + name, Before: lf.Env[name], Action: Update, Reason: "no capability of this function reads it any more"})
		}
	}
	if !awsclient.HasTags(lf.Tags, want.Tags) {
		df.field(res, k, n, res+".tags", orEmpty(lf.Tags), want.Tags)
	}
}

// envSummary names the environment variables a new function gets; a
// secret shows as (sensitive).
func envSummary(f functions.Function) string {
	if len(f.Env) == 0 {
		return ""
	}
	var parts []string
	for _, e := range f.Env {
		v := e.Value
		if _, secret := config.SecretRefName(v); secret {
			v = Sensitive
		}
		parts = append(parts, e.Name+"="+v)
	}
	return "; environment " + strings.Join(parts, ", ")
}

func orNone(list []string) []string {
	if list == nil {
		return []string{}
	}
	return list
}

// canonical is a policy document in IAM's canonical form, so that equal
// documents show as equal ("" stays "").
func canonical(doc string) string {
	if doc == "" {
		return ""
	}
	if c, err := iam.CanonicalPolicy(doc); err == nil {
		return c
	}
	return doc
}

func merged(a, b map[string]string) map[string]string {
	out := maps.Clone(a)
	if out == nil {
		out = map[string]string{}
	}
	maps.Copy(out, b)
	return out
}
