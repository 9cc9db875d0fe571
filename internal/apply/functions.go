package apply

import (
	"context"
	"fmt"
	"maps"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/cogwiz/cogwiz/internal/aws/awsclient"
	"github.com/cogwiz/cogwiz/internal/aws/iam"
	"github.com/cogwiz/cogwiz/internal/aws/lambda"
	"github.com/cogwiz/cogwiz/internal/cognito"
	"github.com/cogwiz/cogwiz/internal/config"
	"github.com/cogwiz/cogwiz/internal/functions"
	"github.com/cogwiz/cogwiz/internal/plan"
)

// FunctionClients are the clients of the services behind the generated
// trigger functions: Lambda and IAM.
type FunctionClients struct {
	Lambda lambda.API
	IAM    iam.API
	// Pause paces the tries while IAM makes a new role usable and the
	// polls while Lambda sets a function up; nil is lambda.Backoff.
	Pause lambda.Pause
}

func (fc *FunctionClients) pause() lambda.Pause {
	if fc.Pause != nil {
		return fc.Pause
	}
	return lambda.Backoff
}

// Bundles are the deployment packages of the generated functions, by trigger.
type Bundles map[string]*functions.Bundle

// PrepareFunctions checks and packages the sources of every function
// cogwiz generates for the file at configFile, before any call to AWS: a
// missing source or an unreadable record of them stops plan and apply
// with nothing changed.
func PrepareFunctions(configFile string, d *config.Config) (Bundles, error) {
	dir := filepath.Dir(configFile)
	out := Bundles{}
	for _, f := range functions.Functions(d) {
		if err := functions.CheckSources(dir, d, f); err != nil {
			return nil, err
		}
		b, err := functions.BuildBundle(dir, f)
		if err != nil {
			return nil, err
		}
		out[f.Trigger] = b
	}
	return out, nil
}

// FunctionSides packages the sources of the file's generated functions
// (PrepareFunctions) and pairs them with the Lambda and IAM clients that
// clients returns: what the plan and apply commands give PrepareWith.
// Without clients (nil) the functions are not compared, and the plan
// says so.
func FunctionSides(ctx context.Context, configFile string, d *config.Config, clients func(context.Context) (lambda.API, iam.API, error)) (Sides, error) {
	bundles, err := PrepareFunctions(configFile, d)
	if err != nil {
		return Sides{}, err
	}
	l, i, err := clients(ctx)
	if err != nil {
		return Sides{}, err
	}
	sd := Sides{Bundles: bundles}
	if l != nil && i != nil {
		sd.Functions = &FunctionClients{Lambda: l, IAM: i}
	}
	return sd, nil
}

// Sides are the services a plan covers beside the user pool.
type Sides struct {
	Identity  *IdentityClients
	Functions *FunctionClients
	// Bundles are the functions' packages (PrepareFunctions).
	Bundles Bundles
	// Written is the file's Document.Written: keys of a section written
	// empty are planned as removals. Nil: nothing is written empty.
	Written func(string) bool
}

// Prepared is what PrepareWith read and planned.
type Prepared struct {
	State     *cognito.State
	Identity  *plan.IdentityState
	Functions *plan.FunctionState
	Plan      *plan.Plan
}

// PrepareWith is Prepare with the identity pool and the generated
// functions: it reads what exists of them and plans them in the same plan.
func PrepareWith(ctx context.Context, api cognito.API, sd Sides, desired *config.Config, lookupEnv func(string) (string, bool)) (*Prepared, error) {
	ident, err := ReadIdentity(ctx, sd.Identity, desired)
	if err != nil {
		return nil, err
	}
	out := &Prepared{Identity: ident}
	readFunctions := func(st *cognito.State) (*plan.FunctionState, error) {
		fs, err := ReadFunctions(ctx, sd.Functions, desired, st, sd.Bundles)
		out.Functions = fs
		return fs, err
	}
	out.State, out.Plan, err = prepare(ctx, api, desired, sd.Written, lookupEnv, ident, readFunctions)
	if err != nil {
		return nil, err
	}
	return out, nil
}

// ReadFunctions reads the functions cogwiz created for the file and their
// execution roles: the functions the file asks for, those the pool's
// triggers point at under cogwiz's names, and the roles under the file's
// IAM path. A function or role counts as cogwiz's only with the file's
// resource-name tag and the trigger's function tag; one of a name cogwiz
// needs that lacks them is someone else's (Foreign). Nil, with no call
// made, when there is nothing to read (no generated function, no trigger
// pointing at one) or no client was given.
func ReadFunctions(ctx context.Context, fc *FunctionClients, d *config.Config, st *cognito.State, bundles Bundles) (*plan.FunctionState, error) {
	want := functions.Functions(d)
	live := st.Triggers()
	candidates := map[string]string{} // function name → trigger
	for _, f := range want {
		candidates[f.Name] = f.Trigger
	}
	for _, key := range config.TriggerKeys {
		if arn := live.Trigger(key); arn != "" && functionName(arn) == functions.FunctionName(d.ResourceName, key) {
			candidates[functionName(arn)] = key
		}
	}
	if len(candidates) == 0 || fc == nil {
		return nil, nil
	}
	s := &plan.FunctionState{Code: map[string]string{}, Live: map[string]plan.LiveFunction{}, Roles: map[string]iam.Role{}, Foreign: map[string]string{}}
	for key, b := range bundles {
		s.Code[key] = b.CodeSHA256
	}
	roles, err := iam.ListByPath(ctx, fc.IAM, functions.RolePath(d.ResourceName))
	if err != nil {
		return nil, err
	}
	for _, r := range roles {
		if key := r.Tags[functions.TagFunction]; r.Tags[cognito.TagResourceName] == d.ResourceName && key != "" {
			s.Roles[r.Name] = r
			candidates[r.Name] = key
		}
	}
	wanted := map[string]bool{}
	for _, f := range want {
		wanted[f.Name] = true
	}
	for _, name := range slices.Sorted(maps.Keys(candidates)) {
		key := candidates[name]
		fn, err := lambda.FindFunction(ctx, fc.Lambda, name)
		switch {
		case err != nil:
			return nil, err
		case fn == nil:
		case fn.Tags[cognito.TagResourceName] == d.ResourceName && fn.Tags[functions.TagFunction] == key:
			perms, err := lambda.Permissions(ctx, fc.Lambda, name)
			if err != nil {
				return nil, err
			}
			s.Live[key] = plan.LiveFunction{Function: *fn, Permissions: perms}
		case wanted[name]:
			s.Foreign[name] = "a Lambda function"
		}
	}
	var claims []roleClaim
	for _, f := range want {
		claims = append(claims, roleClaim{f.Name, functions.TagFunction, f.Trigger})
	}
	err = readMovedRoles(ctx, fc.IAM, d.ResourceName, claims, s.Roles, func(name string, _ *iam.Role) {
		// A Lambda function of the name, found first, is what the plan names.
		if s.Foreign[name] == "" {
			s.Foreign[name] = "an IAM role"
		}
	})
	if err != nil {
		return nil, err
	}
	return s, nil
}

// functionName is the name in a function ARN
// (arn:aws:lambda:region:account:function:name[:qualifier]).
func functionName(arn string) string {
	parts := strings.Split(arn, ":")
	if len(parts) >= 7 && parts[5] == "function" {
		return parts[6]
	}
	return ""
}

// functionChanges reports whether the plan changes anything of the functions.
func functionChanges(p *plan.Plan) bool {
	for _, c := range p.Changes {
		switch c.Kind {
		case plan.KindFunction, plan.KindFunctionRole, plan.KindFunctionPermission, plan.KindTrigger:
			return true
		}
	}
	return false
}

// functions brings each generated function up to date, in the order each
// depends on: its execution role (the function runs as it), the function
// (its code only when the hash differs), the permission that lets this
// pool invoke it, and last the pool's triggers, in one read-modify-write
// update. It runs once the pool exists: the role and the permission name
// the pool's ARN.
func (e *executor) functions(ctx context.Context) error {
	s, fc := e.o.FunctionState, e.o.Functions
	if s == nil || fc == nil || !functionChanges(e.o.Plan) {
		return nil
	}
	d := e.file
	arns := map[string]string{}
	var mu sync.Mutex
	var ts []task
	for _, f := range functions.Functions(d) {
		ts = append(ts, task{catResource, func(ctx context.Context) error {
			arn, err := e.function(ctx, f)
			mu.Lock()
			arns[f.Trigger] = arn
			mu.Unlock()
			return err
		}})
	}
	if err := e.phase(ctx, ts); err != nil {
		return err
	}
	live := e.o.State.Triggers()
	set := map[string]string{}
	for key, arn := range arns {
		if live.Trigger(key) != arn {
			set[key] = arn
		}
	}
	if len(set) == 0 {
		return nil
	}
	e.progress("pointing the triggers %s of user pool %s at their functions", strings.Join(slices.Sorted(maps.Keys(set)), ", "), e.poolID)
	if err := e.wait(catPool); err != nil {
		return err
	}
	return cognito.SetTriggers(ctx, e.o.API, e.poolID, set)
}

// function makes one function as the file wants it and returns its ARN.
func (e *executor) function(ctx context.Context, f functions.Function) (string, error) {
	s, fc, d := e.o.FunctionState, e.o.Functions, e.file
	bundle := e.o.Bundles[f.Trigger]
	if bundle == nil {
		return "", fmt.Errorf("function %s: its sources were not packaged before apply", f.Name)
	}

	// 1. The execution role.
	role := plan.WantFunctionRole(d, f, e.poolARN)
	roleARN := ""
	if lr, ok := s.Roles[f.Name]; !ok {
		e.progress("creating role %s", f.Name)
		arn, err := iam.CreateRole(ctx, fc.IAM, role)
		if err != nil {
			return "", err
		}
		roleARN = arn
	} else {
		roleARN = lr.ARN
		if iam.Differs(role, lr) {
			e.progress("updating role %s", f.Name)
			if err := iam.UpdateRole(ctx, fc.IAM, role, lr); err != nil {
				return "", err
			}
		}
	}

	// 2. The function.
	env := map[string]string{}
	for _, v := range f.Env {
		val := v.Value
		if _, secret := config.SecretRefName(val); secret {
			var err error
			if val, err = e.o.Secrets(val); err != nil {
				return "", fmt.Errorf("function %s, %s: %w", f.Name, v.Name, err)
			}
		}
		env[v.Name] = val
	}
	l, exists := s.Live[f.Trigger]
	var fn *lambda.Function
	if !exists {
		e.progress("creating function %s", f.Name)
		var err error
		if fn, err = lambda.CreateFunction(ctx, fc.Lambda, plan.WantFunction(d, f, roleARN, env, nil), bundle.Zip, fc.pause()); err != nil {
			return "", err
		}
	} else {
		fn = &l.Function
		if fn.CodeSHA256 != bundle.CodeSHA256 {
			e.progress("updating the code of function %s", f.Name)
			var err error
			if fn, err = lambda.UpdateCode(ctx, fc.Lambda, f.Name, bundle.Zip, fc.pause()); err != nil {
				return "", err
			}
		}
		want := plan.WantFunction(d, f, roleARN, env, fn)
		if configDiffers(want, *fn) {
			e.progress("updating the configuration of function %s", f.Name)
			updated, err := lambda.UpdateConfiguration(ctx, fc.Lambda, want, fc.pause())
			if err != nil {
				return "", err
			}
			fn = updated
		}
		if !awsclient.HasTags(fn.Tags, want.Tags) {
			e.progress("tagging function %s", f.Name)
			if err := lambda.Tag(ctx, fc.Lambda, fn.ARN, want.Tags); err != nil {
				return "", err
			}
		}
	}

	// 3. The permission: only this pool may invoke the function.
	want := plan.WantPermission(e.poolARN)
	have, ok := l.Permission()
	if exists && ok && have == want {
		return fn.ARN, nil
	}
	if exists && ok {
		e.progress("replacing the invoke permission of function %s", f.Name)
		if err := lambda.RemovePermission(ctx, fc.Lambda, f.Name, want.Sid); err != nil {
			return "", err
		}
	} else {
		e.progress("letting user pool %s invoke function %s", e.poolID, f.Name)
	}
	return fn.ARN, lambda.AddPermission(ctx, fc.Lambda, f.Name, want)
}

// configDiffers reports whether UpdateFunctionConfiguration would change
// anything.
func configDiffers(want, live lambda.Function) bool {
	return want.Runtime != live.Runtime || want.Handler != live.Handler || want.Role != live.Role ||
		want.Timeout != live.Timeout || want.Description != live.Description || !maps.Equal(want.Env, live.Env)
}

// functionDeletes removes what cogwiz made for functions the file no
// longer asks for: first the trigger that points at one (a pool never
// calls a deleted function), then the function, then the roles.
func (e *executor) functionDeletes(ctx context.Context) error {
	s, fc := e.o.FunctionState, e.o.Functions
	if s == nil || fc == nil {
		return nil
	}
	unset := map[string]string{}
	var fns, roles []string
	for _, c := range e.o.Plan.Changes {
		if c.Action != plan.Delete {
			continue
		}
		switch c.Kind {
		case plan.KindTrigger:
			unset[c.Name] = ""
		case plan.KindFunction:
			fns = append(fns, c.Name)
		case plan.KindFunctionRole:
			roles = append(roles, c.Name)
		}
	}
	if len(unset) > 0 {
		e.progress("removing the triggers %s of user pool %s", strings.Join(slices.Sorted(maps.Keys(unset)), ", "), e.poolID)
		if err := e.wait(catPool); err != nil {
			return err
		}
		if err := cognito.SetTriggers(ctx, e.o.API, e.poolID, unset); err != nil {
			return err
		}
	}
	for _, name := range fns {
		e.progress("deleting function %s", name)
		if err := lambda.DeleteFunction(ctx, fc.Lambda, name); err != nil {
			return err
		}
	}
	for _, name := range roles {
		e.progress("deleting role %s", name)
		if err := iam.DeleteRole(ctx, fc.IAM, name); err != nil {
			return err
		}
	}
	return nil
}

// DestroyFunctions deletes the functions cogwiz created for the file and
// their roles, once the pool that called them is gone. Only what carries
// cogwiz's tags for this file is in s: a function named by ARN in the
// file is never touched.
func DestroyFunctions(ctx context.Context, fc *FunctionClients, s *plan.FunctionState, progress func(string)) error {
	if s == nil || fc == nil {
		return nil
	}
	for _, key := range slices.Sorted(maps.Keys(s.Live)) {
		name := s.Live[key].Function.Name
		progress("deleting function " + name)
		if err := lambda.DeleteFunction(ctx, fc.Lambda, name); err != nil {
			return err
		}
	}
	for _, name := range slices.Sorted(maps.Keys(s.Roles)) {
		progress("deleting role " + name)
		if err := iam.DeleteRole(ctx, fc.IAM, name); err != nil {
			return err
		}
	}
	return nil
}
