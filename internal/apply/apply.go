// Package apply turns a plan into ordered Cognito calls: the pool first,
// then identity providers and resource servers (clients refer to both),
// then clients, then the domain and groups, and deletions last. Calls
// that do not depend on each other run in parallel under a small bound
// and a per-category rate limit. After the calls it reads the pool back
// and plans again: anything still different is an error, not a success.
package apply

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"strings"
	"sync"
	"time"

	"github.com/cogwiz/cogwiz/internal/cognito"
	"github.com/cogwiz/cogwiz/internal/config"
	"github.com/cogwiz/cogwiz/internal/plan"
)

// Options are the inputs of Run.
type Options struct {
	API     cognito.API
	Desired *config.Config
	// State is the live pool as read before planning; nil when the pool
	// does not exist yet.
	State *cognito.State
	Plan  *plan.Plan
	// Secrets resolves ${env:NAME} references; see ResolveSecrets.
	Secrets cognito.Secrets
	// Progress receives one line per step (for stderr). Optional.
	Progress func(string)
	// Parallel bounds concurrent calls; 0 means 4.
	Parallel int
	// RatePerSecond limits calls per category (pool, clients, other
	// resources); 0 means 10, below Cognito's 15 RPS defaults so other
	// tools in the account keep headroom. Negative turns the limit off.
	// https://docs.aws.amazon.com/cognito/latest/developerguide/quotas.html
	RatePerSecond float64
	// LookupEnv is passed to the verifying plan (secret comparison).
	LookupEnv func(string) (string, bool)
	// Identity and IdentityState are the identity pool's clients and its
	// state as read before planning (PrepareAll); nil without an identity pool.
	Identity      *IdentityClients
	IdentityState *plan.IdentityState
	// Functions, FunctionState and Bundles are the generated functions'
	// clients, their state as read before planning and their packages
	// (PrepareWith); nil without generated functions.
	Functions     *FunctionClients
	FunctionState *plan.FunctionState
	Bundles       Bundles
}

// Result is what apply produced.
type Result struct {
	PoolID  string
	PoolARN string
	// State is the pool as read back after the changes.
	State *cognito.State
	// Identity is the identity pool and its roles as read back (nil
	// without an identity pool).
	Identity *plan.IdentityState
	// Functions are the generated functions as read back (nil without any).
	Functions *plan.FunctionState
}

// Run executes the plan. It refuses a plan with blocked changes before
// making any call.
func Run(ctx context.Context, o Options) (*Result, error) {
	if b := o.Plan.Blocked(); len(b) > 0 {
		return nil, fmt.Errorf("the plan has %d blocked change(s) (first: %s): nothing was changed", len(b), b[0].Path)
	}
	if o.Parallel <= 0 {
		o.Parallel = 4
	}
	if o.RatePerSecond == 0 {
		o.RatePerSecond = 10
	}
	if o.Secrets == nil {
		o.Secrets = func(ref string) (string, error) { return "", fmt.Errorf("no value for %s", ref) }
	}
	if o.State != nil && !o.Plan.HasChanges() {
		// Nothing to do: the state the plan was made from was read just
		// now, so reading it back again would verify nothing new.
		return &Result{PoolID: o.State.PoolID, PoolARN: o.State.PoolARN, State: o.State, Identity: o.IdentityState, Functions: o.FunctionState}, nil
	}
	// Groups whose role cogwiz makes are written with that role's ARN; the
	// identity phase fills in the ARNs of roles it creates.
	desired := o.Desired
	o.Desired = plan.WithGroupRoles(o.Desired, o.IdentityState)
	// Triggers served by generated functions keep their wiring until the
	// functions phase sets it.
	o.Desired = plan.WithFunctionTriggers(o.Desired, o.FunctionState, liveTriggers(o.State))
	e := &executor{o: o, file: desired, lim: newLimiter(o.RatePerSecond), clientIDs: map[string]string{}}
	if o.State != nil {
		e.poolID, e.poolARN = o.State.PoolID, o.State.PoolARN
		for _, c := range o.State.Config.AppClients {
			e.clientIDs[c.Name] = c.ID
		}
	}
	if err := e.run(ctx); err != nil {
		return &Result{PoolID: e.poolID, PoolARN: e.poolARN}, err
	}
	e.progress("verifying: reading the pool back")
	st, err := cognito.ReadState(ctx, o.API, e.poolID)
	if err != nil {
		return &Result{PoolID: e.poolID, PoolARN: e.poolARN}, fmt.Errorf("verifying: %w", err)
	}
	var ident *plan.IdentityState
	if o.IdentityState != nil {
		ident, err = ReadIdentity(ctx, o.Identity, desired)
	}
	if err != nil {
		return &Result{PoolID: e.poolID, PoolARN: e.poolARN}, fmt.Errorf("verifying: %w", err)
	}
	fns, err := ReadFunctions(ctx, o.Functions, desired, st, o.Bundles)
	if err != nil {
		return &Result{PoolID: e.poolID, PoolARN: e.poolARN}, fmt.Errorf("verifying: %w", err)
	}
	after := plan.Compute(plan.Input{Desired: desired, State: st, LookupEnv: o.LookupEnv, Identity: ident, Functions: fns})
	res := &Result{PoolID: e.poolID, PoolARN: st.PoolARN, State: st, Identity: ident, Functions: fns}
	if after.HasChanges() {
		var paths []string
		for _, c := range after.Changes {
			paths = append(paths, c.Path)
		}
		return res, fmt.Errorf("apply finished but Cognito still differs from the file in %d place(s): %s", len(paths), strings.Join(paths, ", "))
	}
	return res, nil
}

type executor struct {
	o Options
	// file is the config as written (o.Desired has the groups' role ARNs
	// and the generated functions' live trigger wiring filled in).
	file      *config.Config
	lim       *limiter
	poolID    string
	poolARN   string
	mu        sync.Mutex
	clientIDs map[string]string
	pmu       sync.Mutex
}

// progress reports a step; calls from parallel tasks are serialised.
func (e *executor) progress(format string, args ...any) {
	if e.o.Progress != nil {
		e.pmu.Lock()
		defer e.pmu.Unlock()
		e.o.Progress(fmt.Sprintf(format, args...))
	}
}

// Rate-limit categories, after Cognito's quota categories.
const (
	catPool     = "pool"
	catClient   = "client"
	catResource = "resource"
)

type task struct {
	cat string
	run func(ctx context.Context) error
}

// phase runs tasks in parallel under the bound; all run to the end and
// every error is returned, so one failure does not hide another.
func (e *executor) phase(ctx context.Context, tasks []task) error {
	sem := make(chan struct{}, e.o.Parallel)
	var wg sync.WaitGroup
	var mu sync.Mutex
	var errs []error
	for _, t := range tasks {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			if err := e.lim.wait(ctx, t.cat); err != nil {
				mu.Lock()
				errs = append(errs, err)
				mu.Unlock()
				return
			}
			if err := t.run(ctx); err != nil {
				mu.Lock()
				errs = append(errs, err)
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	return errors.Join(errs...)
}

func (e *executor) run(ctx context.Context) error {
	p, d := e.o.Plan, e.o.Desired
	byRes := map[string][]plan.Change{}
	for _, c := range p.Changes {
		byRes[c.Resource] = append(byRes[c.Resource], c)
	}
	tags := func(keys ...map[string]bool) map[string]string {
		all := map[string]bool{}
		for _, k := range keys {
			maps.Copy(all, k)
		}
		return cognito.ManagedTags(d.ResourceName, all)
	}

	// 1. The pool.
	if e.o.State == nil {
		e.progress("creating user pool %s", d.UserPool.Name)
		if err := e.lim.wait(ctx, catPool); err != nil {
			return err
		}
		id, arn, err := cognito.CreatePool(ctx, e.o.API, d, tags(p.ManagedKeys))
		if err != nil {
			return err
		}
		e.poolID, e.poolARN = id, arn
		if m := d.UserPool.MFA; m != nil && m.Mode != "" && m.Mode != config.MFAOff {
			e.progress("setting MFA of user pool %s", id)
			if err := cognito.SetPoolMFA(ctx, e.o.API, id, &d.UserPool); err != nil {
				return err
			}
		}
	} else {
		// Until deletions are done the managed tags keep the resources
		// being deleted; when nothing is added, the tags stay as they are
		// for now and step 6 rewrites them once.
		first := map[string]bool{}
		maps.Copy(first, p.ManagedKeys)
		maps.Copy(first, p.KeepKeys)
		tagsNow := !maps.Equal(first, e.o.State.Managed)
		if err := e.updatePool(ctx, byRes["user_pool"], tags(first), tagsNow); err != nil {
			return err
		}
	}

	// 2. Identity providers and resource servers: clients refer to both.
	var ts []task
	for i := range d.IdentityProviders {
		idp := &d.IdentityProviders[i]
		for _, c := range byRes["identity_providers["+idp.ProviderName()+"]"] {
			ts = append(ts, e.idpTask(idp, c))
			break
		}
	}
	for i := range d.ResourceServers {
		rs := &d.ResourceServers[i]
		if cs := byRes["resource_servers["+rs.Identifier+"]"]; len(cs) > 0 {
			ts = append(ts, e.rsTask(rs, cs[0].Action))
		}
	}
	if err := e.phase(ctx, ts); err != nil {
		return err
	}

	// 3. App clients.
	ts = nil
	for i := range d.AppClients {
		c := &d.AppClients[i]
		if cs := byRes["app_clients["+c.Name+"]"]; len(cs) > 0 {
			ts = append(ts, e.clientTask(c, cs[0].Action))
		}
	}
	if err := e.phase(ctx, ts); err != nil {
		return err
	}

	// 3b. The identity pool, its roles and their attachment: after the
	// clients it trusts, before the groups that take the roles' ARNs.
	if err := e.identity(ctx); err != nil {
		return err
	}

	// 4. Domain and groups.
	ts = nil
	if cs := byRes["domain"]; len(cs) > 0 && cs[0].Action != plan.Delete {
		ts = append(ts, e.domainTask(d.Domain, cs[0]))
	}
	for i := range d.UserPool.Groups {
		g := &d.UserPool.Groups[i]
		if cs := byRes["user_pool.groups["+g.Name+"]"]; len(cs) > 0 {
			ts = append(ts, e.groupTask(g, cs[0].Action))
		}
	}
	if err := e.phase(ctx, ts); err != nil {
		return err
	}

	// 4b. The generated trigger functions and their wiring: the pool
	// exists, and the groups a function adds users to do too.
	if err := e.functions(ctx); err != nil {
		return err
	}

	// 5. Deletions, clients first (they may refer to providers and scopes).
	var dels [2][]task
	for _, c := range p.Changes {
		if c.Action != plan.Delete {
			continue
		}
		c := c
		switch c.Kind {
		case plan.KindClient:
			id := e.clientIDs[c.Name]
			dels[0] = append(dels[0], task{catClient, func(ctx context.Context) error {
				e.progress("deleting app client %s", c.Name)
				return cognito.DeleteClient(ctx, e.o.API, e.poolID, id, c.Name)
			}})
		case plan.KindGroup:
			dels[1] = append(dels[1], task{catResource, func(ctx context.Context) error {
				e.progress("deleting group %s", c.Name)
				return cognito.DeleteGroup(ctx, e.o.API, e.poolID, c.Name)
			}})
		case plan.KindIdP:
			dels[1] = append(dels[1], task{catResource, func(ctx context.Context) error {
				e.progress("deleting identity provider %s", c.Name)
				return cognito.DeleteIdentityProvider(ctx, e.o.API, e.poolID, c.Name)
			}})
		case plan.KindResourceServer:
			dels[1] = append(dels[1], task{catResource, func(ctx context.Context) error {
				e.progress("deleting resource server %s", c.Name)
				return cognito.DeleteResourceServer(ctx, e.o.API, e.poolID, c.Name)
			}})
		case plan.KindDomain:
			dels[1] = append(dels[1], task{catResource, func(ctx context.Context) error {
				e.progress("deleting domain %s", c.Name)
				return cognito.DeleteDomain(ctx, e.o.API, e.poolID, c.Name)
			}})
		}
	}
	for _, ts := range dels {
		if err := e.phase(ctx, ts); err != nil {
			return err
		}
	}
	if err := e.identityDeletes(ctx); err != nil {
		return err
	}
	if err := e.functionDeletes(ctx); err != nil {
		return err
	}

	// 6. Forget what was deleted. Until now the managed tags kept the
	// deleted resources, so an apply cut off above finishes the job when
	// run again.
	if len(p.KeepKeys) > 0 {
		e.progress("updating user pool %s tags", e.poolID)
		if err := e.lim.wait(ctx, catPool); err != nil {
			return err
		}
		return cognito.UpdatePool(ctx, e.o.API, e.poolID, d, tags(p.ManagedKeys))
	}
	return nil
}

// updatePool sends what the pool's changes need: UpdateUserPool for its
// own settings (and the managed tags), SetUserPoolMfaConfig for MFA,
// AddCustomAttributes for new custom attributes.
func (e *executor) updatePool(ctx context.Context, changes []plan.Change, tags map[string]string, tagsNow bool) error {
	var update, mfa bool
	var custom []config.CustomAttribute
	for _, c := range changes {
		switch {
		case strings.HasPrefix(c.Path, "user_pool.attributes.custom["):
			if ca, ok := c.After.(config.CustomAttribute); ok {
				custom = append(custom, ca)
			}
		case c.Path == "user_pool.tags["+cognito.TagManaged+"]":
			update = update || tagsNow
		case strings.HasPrefix(c.Path, "user_pool.mfa."):
			mfa = true
			if c.Path == "user_pool.mfa.sms_message" {
				update = true
			}
		default:
			update = true
		}
	}
	d := e.o.Desired
	if update {
		e.progress("updating user pool %s", e.poolID)
		if err := e.lim.wait(ctx, catPool); err != nil {
			return err
		}
		if err := cognito.UpdatePool(ctx, e.o.API, e.poolID, d, tags); err != nil {
			return err
		}
	}
	if mfa {
		e.progress("setting MFA of user pool %s", e.poolID)
		if err := e.lim.wait(ctx, catPool); err != nil {
			return err
		}
		if err := cognito.SetPoolMFA(ctx, e.o.API, e.poolID, &d.UserPool); err != nil {
			return err
		}
	}
	if len(custom) > 0 {
		e.progress("adding %d custom attribute(s) to user pool %s", len(custom), e.poolID)
		if err := e.lim.wait(ctx, catPool); err != nil {
			return err
		}
		if err := cognito.AddCustomAttributes(ctx, e.o.API, e.poolID, custom); err != nil {
			return err
		}
	}
	return nil
}

func (e *executor) idpTask(idp *config.IdentityProvider, c plan.Change) task {
	return task{catResource, func(ctx context.Context) error {
		name := idp.ProviderName()
		switch c.Action {
		case plan.Create:
			e.progress("creating identity provider %s", name)
			return cognito.CreateIdentityProvider(ctx, e.o.API, e.poolID, idp, e.o.Secrets)
		case plan.Replace:
			e.progress("replacing identity provider %s", name)
			if err := cognito.DeleteIdentityProvider(ctx, e.o.API, e.poolID, name); err != nil {
				return err
			}
			return cognito.CreateIdentityProvider(ctx, e.o.API, e.poolID, idp, e.o.Secrets)
		default:
			e.progress("updating identity provider %s", name)
			return cognito.UpdateIdentityProvider(ctx, e.o.API, e.poolID, idp, e.o.Secrets)
		}
	}}
}

func (e *executor) rsTask(rs *config.ResourceServer, a plan.Action) task {
	return task{catResource, func(ctx context.Context) error {
		if a == plan.Create {
			e.progress("creating resource server %s", rs.Identifier)
			return cognito.CreateResourceServer(ctx, e.o.API, e.poolID, rs)
		}
		e.progress("updating resource server %s", rs.Identifier)
		return cognito.UpdateResourceServer(ctx, e.o.API, e.poolID, rs)
	}}
}

func (e *executor) clientTask(c *config.AppClient, a plan.Action) task {
	return task{catClient, func(ctx context.Context) error {
		if a == plan.Create {
			e.progress("creating app client %s", c.Name)
			id, err := cognito.CreateClient(ctx, e.o.API, e.poolID, c)
			if err != nil {
				return err
			}
			e.mu.Lock()
			e.clientIDs[c.Name] = id
			e.mu.Unlock()
			return nil
		}
		e.mu.Lock()
		id := e.clientIDs[c.Name]
		e.mu.Unlock()
		if c.ID != "" {
			id = c.ID
		}
		e.progress("updating app client %s", c.Name)
		return cognito.UpdateClient(ctx, e.o.API, e.poolID, id, c)
	}}
}

func (e *executor) domainTask(d *config.Domain, c plan.Change) task {
	return task{catResource, func(ctx context.Context) error {
		switch c.Action {
		case plan.Create:
			e.progress("creating domain %s", cognito.DomainName(d))
			return cognito.CreateDomain(ctx, e.o.API, e.poolID, d)
		case plan.Replace:
			old, _ := c.Before.(string)
			e.progress("replacing domain %s with %s", old, cognito.DomainName(d))
			if err := cognito.DeleteDomain(ctx, e.o.API, e.poolID, old); err != nil {
				return err
			}
			return cognito.CreateDomain(ctx, e.o.API, e.poolID, d)
		default:
			e.progress("updating domain %s", cognito.DomainName(d))
			return cognito.UpdateDomain(ctx, e.o.API, e.poolID, d)
		}
	}}
}

func (e *executor) groupTask(g *config.Group, a plan.Action) task {
	return task{catResource, func(ctx context.Context) error {
		if a == plan.Create {
			e.progress("creating group %s", g.Name)
			return cognito.CreateGroup(ctx, e.o.API, e.poolID, g)
		}
		e.progress("updating group %s", g.Name)
		return cognito.UpdateGroup(ctx, e.o.API, e.poolID, g)
	}}
}

// limiter spaces calls of one category at least 1/rate apart.
type limiter struct {
	mu    sync.Mutex
	every time.Duration
	next  map[string]time.Time
}

func newLimiter(rate float64) *limiter {
	l := &limiter{next: map[string]time.Time{}}
	if rate > 0 {
		l.every = time.Duration(float64(time.Second) / rate)
	}
	return l
}

func (l *limiter) wait(ctx context.Context, cat string) error {
	if l.every == 0 {
		return ctx.Err()
	}
	l.mu.Lock()
	now := time.Now()
	at := l.next[cat]
	if at.Before(now) {
		at = now
	}
	l.next[cat] = at.Add(l.every)
	l.mu.Unlock()
	if d := time.Until(at); d > 0 {
		t := time.NewTimer(d)
		defer t.Stop()
		select {
		case <-t.C:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	return ctx.Err()
}

// Prepare finds the pool the file describes (pinned id, or the
// resource-name tag), reads it, and plans. The state is nil when the pool
// does not exist yet. It first resolves the references of desired that
// are not secrets (see ResolveReferences), in place, so that the caller
// applies what was planned.
func Prepare(ctx context.Context, api cognito.API, desired *config.Config, lookupEnv func(string) (string, bool)) (*cognito.State, *plan.Plan, error) {
	return prepare(ctx, api, desired, lookupEnv, nil, nil)
}

// prepare reads the pool and plans; readFunctions, when not nil, reads
// the generated functions once the pool's state is known (the triggers
// point at them).
func prepare(ctx context.Context, api cognito.API, desired *config.Config, lookupEnv func(string) (string, bool), ident *plan.IdentityState,
	readFunctions func(*cognito.State) (*plan.FunctionState, error)) (*cognito.State, *plan.Plan, error) {
	if err := ResolveReferences(desired, lookupEnv); err != nil {
		return nil, nil, err
	}
	exists, id, err := cognito.PoolExists(ctx, api, desired)
	if err != nil {
		return nil, nil, err
	}
	if !exists && desired.UserPool.ID != "" {
		return nil, nil, fmt.Errorf("user pool %s (pinned by user_pool.id or --pool-id) does not exist here: check the id, --region and --profile, or remove the pin to create a new pool", desired.UserPool.ID)
	}
	var st *cognito.State
	if exists {
		if st, err = cognito.ReadState(ctx, api, id); err != nil {
			return nil, nil, err
		}
	}
	var fns *plan.FunctionState
	if readFunctions != nil {
		if fns, err = readFunctions(st); err != nil {
			return nil, nil, err
		}
	}
	p := plan.Compute(plan.Input{Desired: desired, State: st, LookupEnv: lookupEnv, Identity: ident, Functions: fns})
	if err := checkDomain(ctx, api, desired, p); err != nil {
		return nil, nil, err
	}
	return st, p, nil
}
