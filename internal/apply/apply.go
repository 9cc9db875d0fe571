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
	"slices"
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
	// Settle is how long a new pool waits before making sure no other
	// apply created one at the same moment; 0 means DefaultSettle, a
	// negative value no wait (tests against an endpoint with exact dates).
	Settle time.Duration
	// Grace bounds how long calls under way may run on once ctx is
	// cancelled (Ctrl-C); 0 means DefaultGrace.
	Grace time.Duration
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

// DefaultGrace lets a call under way at Ctrl-C finish (creating a pool
// takes seconds), so that its outcome is known rather than left open.
const DefaultGrace = 15 * time.Second

// InterruptedError: ctx was cancelled (Ctrl-C) during apply. No call was
// started after that; the calls under way were allowed to finish. Done
// lists what apply made or changed before it stopped.
type InterruptedError struct {
	PoolID string
	Done   []string
	// Err is the error of a call cut off when the grace ran out, if any.
	Err error
}

func (e *InterruptedError) Error() string {
	if e.Err != nil {
		return "apply was interrupted: " + e.Err.Error()
	}
	return "apply was interrupted"
}

func (e *InterruptedError) Unwrap() error { return context.Canceled }

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
	if o.Settle == 0 {
		o.Settle = DefaultSettle
	}
	if o.Grace <= 0 {
		o.Grace = DefaultGrace
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
	o.Desired = plan.WithFunctionTriggers(o.Desired, o.FunctionState, o.State.Triggers())
	e := &executor{o: o, file: desired, stop: ctx, lim: newLimiter(o.RatePerSecond), created: map[string]string{}, known: map[string]bool{}, clientIDs: map[string]string{}}
	for name, id := range o.Plan.ClientIDs {
		e.clientIDs[name] = id
	}
	if o.State != nil {
		e.poolID, e.poolARN = o.State.PoolID, o.State.PoolARN
		for _, c := range o.State.Config.AppClients {
			e.known[c.ID] = true
		}
	}
	// Calls run on a context that Ctrl-C does not cancel at once: a call
	// under way finishes (within the grace), so that what exists is known;
	// e.stop keeps any new call from starting.
	calls, cancel := context.WithCancel(context.WithoutCancel(ctx))
	defer cancel()
	defer context.AfterFunc(ctx, func() { time.AfterFunc(o.Grace, cancel) })()
	err := e.run(calls)
	if ctx.Err() != nil {
		ie := &InterruptedError{PoolID: e.poolID, Done: e.done}
		if err != nil && calls.Err() != nil {
			// The grace ran out with a call still under way.
			ie.Err = err
		}
		return &Result{PoolID: e.poolID, PoolARN: e.poolARN}, ie
	}
	if err != nil {
		return &Result{PoolID: e.poolID, PoolARN: e.poolARN}, err
	}
	ctx = calls
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
	if o.State == nil {
		if err := e.onlyPool(ctx); err != nil {
			return res, err
		}
	}
	if after.HasChanges() {
		var paths []string
		for _, c := range after.Changes {
			paths = append(paths, c.Path)
		}
		err := fmt.Errorf("apply finished but Cognito still differs from the file in %d place(s): %s", len(paths), strings.Join(paths, ", "))
		// cognito-local (pool ids local_…) gives a pool created without
		// UsernameAttributes the default of its own config, [email].
		if strings.HasPrefix(e.poolID, "local_") && slices.Contains(paths, "user_pool.sign_in.username_attributes") {
			err = fmt.Errorf("%w (cognito-local adds username_attributes [email] unless its .cognito/config.json sets UserPoolDefaults.UsernameAttributes to null, as docs/getting-started.md shows)", err)
		}
		return res, err
	}
	return res, nil
}

type executor struct {
	o Options
	// file is the config as written (o.Desired has the groups' role ARNs
	// and the generated functions' live trigger wiring filled in).
	file *config.Config
	// clientIDs maps the file's clients to their ids: those the plan
	// matched and those this run made (the identity pool trusts them).
	clientIDs map[string]string
	// stop is the caller's context: once it is done (Ctrl-C), no new call
	// starts.
	stop context.Context
	// done lists what this run made or changed, for the message after an
	// interruption.
	done    []string
	lim     *limiter
	poolID  string
	poolARN string
	mu      sync.Mutex
	// created maps the name of each client this run made to its id.
	created map[string]string
	// written is the managed record as it stands in Cognito now.
	written map[string]bool
	// known holds the ids of the clients that existed before this run or
	// that it made: a client of the right name outside it, found after a
	// lost answer, is the one the create made.
	known map[string]bool
	pmu   sync.Mutex
}

// wait waits for the rate limit of cat; it fails at once after Ctrl-C, so
// that no call starts after it.
func (e *executor) wait(cat string) error { return e.lim.wait(e.stop, cat) }

// doneIf records a step when err is nil, and passes err on.
func (e *executor) doneIf(err error, format string, args ...any) error {
	if err == nil {
		e.did(format, args...)
	}
	return err
}

// did records a step that is done.
func (e *executor) did(format string, args ...any) {
	e.pmu.Lock()
	defer e.pmu.Unlock()
	e.done = append(e.done, fmt.Sprintf(format, args...))
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
			if err := e.wait(t.cat); err != nil {
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
		if err := e.wait(catPool); err != nil {
			return err
		}
		if err := e.createPool(ctx, tags(p.ManagedKeys)); err != nil {
			return err
		}
		e.written = p.ManagedKeys
		id := e.poolID
		if m := d.UserPool.MFA; m != nil && m.Mode != "" && m.Mode != config.MFAOff {
			e.progress("setting MFA of user pool %s", id)
			if err := e.wait(catPool); err != nil {
				return err
			}
			if err := cognito.SetPoolMFA(ctx, e.o.API, id, &d.UserPool); err != nil {
				return err
			}
			e.did("set MFA of user pool %s", id)
		}
	} else {
		// Until deletions are done the managed tags keep the resources
		// being deleted; when nothing is added, the tags stay as they are
		// for now and step 6 rewrites them once.
		first := map[string]bool{}
		maps.Copy(first, p.ManagedKeys)
		maps.Copy(first, p.KeepKeys)
		tagsNow := !maps.Equal(first, e.o.State.Managed)
		e.written = e.o.State.Managed
		sent, err := e.updatePool(ctx, byRes["user_pool"], tags(first), tagsNow)
		if err != nil {
			return err
		}
		if sent {
			e.written = first
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

	// 3. App clients: the one the plan compared (by id), or a new one.
	ts = nil
	for i := range d.AppClients {
		c := &d.AppClients[i]
		cs := byRes["app_clients["+c.Name+"]"]
		for _, ch := range cs {
			if ch.Action != plan.Delete {
				ts = append(ts, e.clientTask(c, ch, removals(cs, ch.Resource+".")))
				break
			}
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
			id := c.ID
			dels[0] = append(dels[0], task{catClient, func(ctx context.Context) error {
				e.progress("deleting app client %s (%s)", c.Name, id)
				return e.doneIf(cognito.DeleteClient(ctx, e.o.API, e.poolID, id, c.Name), "deleted app client %s (%s)", c.Name, id)
			}})
		default:
			if d, ok := deleters[c.Kind]; ok {
				dels[1] = append(dels[1], task{catResource, func(ctx context.Context) error {
					e.progress("deleting %s %s", d.what, c.Name)
					return e.doneIf(d.del(ctx, e.o.API, e.poolID, c.Name), "deleted %s %s", d.what, c.Name)
				}})
			}
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

	// 6. Record the new clients by id and forget what was deleted. Until
	// now the managed tags kept the deleted resources, and the new clients
	// by name, so an apply cut off above finishes the job when run again.
	final := maps.Clone(p.ManagedKeys)
	for name, id := range e.created {
		delete(final, cognito.ManagedKey(cognito.KindClient, name))
		final[cognito.ManagedClientKey(id)] = true
	}
	if !maps.Equal(final, e.written) {
		e.progress("updating user pool %s tags", e.poolID)
		if err := e.wait(catPool); err != nil {
			return err
		}
		return e.doneIf(cognito.UpdatePool(ctx, e.o.API, e.poolID, d, tags(final), removals(byRes["user_pool"], "")), "recorded what cogwiz manages in user pool %s's tags", e.poolID)
	}
	return nil
}

// deleters delete a resource of the pool, by name, after the clients
// (which may refer to it).
var deleters = map[string]struct {
	what string
	del  func(ctx context.Context, api cognito.API, poolID, name string) error
}{
	plan.KindGroup:          {"group", cognito.DeleteGroup},
	plan.KindIdP:            {"identity provider", cognito.DeleteIdentityProvider},
	plan.KindResourceServer: {"resource server", cognito.DeleteResourceServer},
	plan.KindDomain:         {"domain", cognito.DeleteDomain},
}

// updatePool sends what the pool's changes need: UpdateUserPool for its
// own settings (and the managed tags), SetUserPoolMfaConfig for MFA,
// AddCustomAttributes for new custom attributes.
func (e *executor) updatePool(ctx context.Context, changes []plan.Change, tags map[string]string, tagsNow bool) (sent bool, err error) {
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
		if err := e.wait(catPool); err != nil {
			return sent, err
		}
		if err := cognito.UpdatePool(ctx, e.o.API, e.poolID, d, tags, removals(changes, "")); err != nil {
			return sent, err
		}
		sent = true
		e.did("updated the settings of user pool %s", e.poolID)
	}
	if mfa {
		e.progress("setting MFA of user pool %s", e.poolID)
		if err := e.wait(catPool); err != nil {
			return sent, err
		}
		if err := cognito.SetPoolMFA(ctx, e.o.API, e.poolID, &d.UserPool); err != nil {
			return sent, err
		}
		e.did("set MFA of user pool %s", e.poolID)
	}
	if len(custom) > 0 {
		e.progress("adding %d custom attribute(s) to user pool %s", len(custom), e.poolID)
		if err := e.wait(catPool); err != nil {
			return sent, err
		}
		if err := cognito.AddCustomAttributes(ctx, e.o.API, e.poolID, custom); err != nil {
			return sent, err
		}
		e.did("added %d custom attribute(s) to user pool %s", len(custom), e.poolID)
	}
	return sent, nil
}

// removals lists the keys the plan removes (written empty in the file: a
// change to nothing) among changes, by path without prefix.
func removals(changes []plan.Change, prefix string) cognito.Removals {
	rm := cognito.Removals{}
	for _, c := range changes {
		if c.Action == plan.Update && c.After == nil && c.Before != nil {
			rm[strings.TrimPrefix(c.Path, prefix)] = true
		}
	}
	return rm
}

// createOnce runs a create. Creates are sent once: after a failure that
// leaves open whether Cognito made the resource (a 5xx, a timeout, a lost
// answer) the resource is looked up before anything else. Found, the
// create is done; not found, apply stops and says so, and running it again
// goes on from there. It is never sent a second time blindly.
func (e *executor) createOnce(ctx context.Context, what string, create func(context.Context) error, lookup func(context.Context) (bool, error)) error {
	err := create(ctx)
	if cognito.IsAlreadyExists(err) {
		// Made since the plan was read (another apply of the same file,
		// or by hand): it is there, which is what the create was for.
		if found, lerr := lookup(ctx); lerr == nil && found {
			e.progress("%s exists already; going on", what)
			return nil
		}
		return err
	}
	if err == nil || !cognito.IsAmbiguous(err) {
		return err
	}
	found, lerr := lookup(ctx)
	switch {
	case lerr != nil:
		return fmt.Errorf("%w; looking for the %s afterwards failed too: %v", err, what, lerr)
	case found:
		e.progress("%s: Cognito's answer was lost, but it was made; going on", what)
		return nil
	}
	return fmt.Errorf("%w (looked up afterwards: the %s was not made)", err, what)
}

// createPool creates the pool; after an ambiguous failure it finds the
// pool by its tag. Then it makes sure no other apply of the same file
// created one at the same moment (claimPool).
func (e *executor) createPool(ctx context.Context, tags map[string]string) error {
	d := e.o.Desired
	err := e.createOnce(ctx, "user pool "+d.UserPool.Name,
		func(ctx context.Context) error {
			sum, err := cognito.CreatePool(ctx, e.o.API, d, tags)
			if err == nil {
				e.poolID, e.poolARN = sum.ID, sum.ARN
			}
			return err
		},
		func(ctx context.Context) (bool, error) {
			exists, id, err := cognito.PoolExists(ctx, e.o.API, d)
			if err != nil || !exists {
				return false, err
			}
			sum, err := cognito.DescribePool(ctx, e.o.API, id)
			if err != nil {
				return false, err
			}
			e.poolID, e.poolARN = id, sum.ARN
			return true, nil
		})
	if err != nil {
		return err
	}
	e.did("created user pool %s (%s)", d.UserPool.Name, e.poolID)
	return e.claimPool(ctx)
}

// DefaultSettle is how long a new pool waits before looking for twins. It
// is longer than the granularity of creation dates (whole seconds on some
// endpoints) and than the time a new pool takes to show in ListUserPools.
const DefaultSettle = time.Second

// claimPool settles two applies of one file that each created a pool at
// the same moment: there is no lock service, so each waits a moment after
// its create, lists the pools tagged with the file's resource_name, and
// applies one rule both agree on — the oldest pool (earliest creation
// date, then lowest id) is the file's pool. The waiting makes sure each
// sees every pool created within the same tick of the creation dates. The
// losing run deletes only the pool it has just made (nothing refers to it
// yet) and stops: running apply again once the other has finished goes on
// with the winner's pool.
func (e *executor) claimPool(ctx context.Context) error {
	if e.o.Settle > 0 {
		t := time.NewTimer(e.o.Settle)
		select {
		case <-t.C:
		case <-e.stop.Done():
			t.Stop()
			return e.stop.Err()
		}
	}
	pools, err := cognito.TaggedPools(ctx, e.o.API, e.o.Desired)
	if err != nil {
		return fmt.Errorf("checking for a pool made by another apply at the same moment: %w", err)
	}
	if len(pools) < 2 || pools[0].ID == e.poolID {
		return nil
	}
	mine := e.poolID
	e.progress("another apply created this file's user pool at the same moment (%s); deleting the one this run made (%s)", pools[0].ID, mine)
	if err := cognito.DeleteNewPool(ctx, e.o.API, mine); err != nil {
		return fmt.Errorf("another apply created this file's user pool at the same moment (%s), and deleting the one this run made (%s) failed: %w; delete %s yourself, then run apply again", pools[0].ID, mine, err, mine)
	}
	e.poolID, e.poolARN = "", ""
	return &RaceLostError{What: "user pool", Winner: pools[0].String(), Deleted: mine}
}

// onlyPool makes sure, before a run that created the pool calls itself
// done, that no second pool carries the file's tag. A younger one belongs
// to another apply that started at the same moment and is about to delete
// it (claimPool); it is waited for, a little while.
func (e *executor) onlyPool(ctx context.Context) error {
	deadline := time.Now().Add(e.o.Settle + 10*time.Second)
	for {
		pools, err := cognito.TaggedPools(ctx, e.o.API, e.o.Desired)
		if err != nil {
			return fmt.Errorf("verifying: %w", err)
		}
		if len(pools) <= 1 {
			return nil
		}
		if pools[0].ID != e.poolID || time.Now().After(deadline) {
			return &cognito.SeveralPoolsError{ResourceName: e.o.Desired.ResourceName, Pools: pools}
		}
		t := time.NewTimer(250 * time.Millisecond)
		select {
		case <-t.C:
		case <-ctx.Done():
			t.Stop()
			return ctx.Err()
		}
	}
}

// RaceLostError: another apply of the same file created the pool (or a
// client) at the same moment; this run removed its own and stopped.
type RaceLostError struct {
	What    string
	Winner  string
	Deleted string
}

func (e *RaceLostError) Error() string {
	return fmt.Sprintf("another cogwiz apply of this file created its %s at the same moment (%s); this run deleted the one it had just made (%s) and stopped", e.What, e.Winner, e.Deleted)
}

// Hint is the way on.
func (e *RaceLostError) Hint() string {
	return "run cogwiz apply again when the other apply has finished: it goes on from what that one made"
}

func (e *executor) idpTask(idp *config.IdentityProvider, c plan.Change) task {
	return task{catResource, func(ctx context.Context) error {
		name := idp.ProviderName()
		create := func() error {
			return e.createOnce(ctx, "identity provider "+name,
				func(ctx context.Context) error {
					return cognito.CreateIdentityProvider(ctx, e.o.API, e.poolID, idp, e.o.Secrets)
				},
				func(ctx context.Context) (bool, error) {
					return cognito.IdentityProviderExists(ctx, e.o.API, e.poolID, name)
				})
		}
		switch c.Action {
		case plan.Create:
			e.progress("creating identity provider %s", name)
			return e.doneIf(create(), "created identity provider %s", name)
		case plan.Replace:
			e.progress("replacing identity provider %s", name)
			if err := cognito.DeleteIdentityProvider(ctx, e.o.API, e.poolID, name); err != nil {
				return err
			}
			e.did("deleted identity provider %s (to create it again)", name)
			return e.doneIf(create(), "created identity provider %s", name)
		default:
			e.progress("updating identity provider %s", name)
			return e.doneIf(cognito.UpdateIdentityProvider(ctx, e.o.API, e.poolID, idp, e.o.Secrets), "updated identity provider %s", name)
		}
	}}
}

func (e *executor) rsTask(rs *config.ResourceServer, a plan.Action) task {
	return task{catResource, func(ctx context.Context) error {
		if a == plan.Create {
			e.progress("creating resource server %s", rs.Identifier)
			return e.doneIf(e.createOnce(ctx, "resource server "+rs.Identifier,
				func(ctx context.Context) error { return cognito.CreateResourceServer(ctx, e.o.API, e.poolID, rs) },
				func(ctx context.Context) (bool, error) {
					return cognito.ResourceServerExists(ctx, e.o.API, e.poolID, rs.Identifier)
				}), "created resource server %s", rs.Identifier)
		}
		e.progress("updating resource server %s", rs.Identifier)
		return e.doneIf(cognito.UpdateResourceServer(ctx, e.o.API, e.poolID, rs), "updated resource server %s", rs.Identifier)
	}}
}

func (e *executor) clientTask(c *config.AppClient, ch plan.Change, rm cognito.Removals) task {
	return task{catClient, func(ctx context.Context) error {
		if ch.Action == plan.Create {
			e.progress("creating app client %s", c.Name)
			var id string
			err := e.createOnce(ctx, "app client "+c.Name,
				func(ctx context.Context) (err error) {
					id, err = cognito.CreateClient(ctx, e.o.API, e.poolID, c)
					return err
				},
				func(ctx context.Context) (bool, error) {
					e.mu.Lock()
					known := maps.Clone(e.known)
					e.mu.Unlock()
					var err error
					id, err = cognito.FindNewClient(ctx, e.o.API, e.poolID, c.Name, known)
					return id != "", err
				})
			if err != nil {
				return err
			}
			e.mu.Lock()
			e.known[id] = true
			known := maps.Clone(e.known)
			e.mu.Unlock()
			if err := e.claimClient(ctx, c.Name, id, known); err != nil {
				return err
			}
			e.mu.Lock()
			e.created[c.Name] = id
			e.clientIDs[c.Name] = id
			e.mu.Unlock()
			e.did("created app client %s (%s)", c.Name, id)
			return nil
		}
		e.progress("updating app client %s (%s)", c.Name, ch.ID)
		return e.doneIf(cognito.UpdateClient(ctx, e.o.API, e.poolID, ch.ID, c, rm), "updated app client %s (%s)", c.Name, ch.ID)
	}}
}

// claimClient makes sure no other apply of the file made a client of the
// same name at the same moment (it found the pool this run is filling, or
// both found it): any new client of that name that this run did not make
// means this run removes its own and stops. When both runs see each
// other's, both remove theirs and stop, and the next apply makes one: never
// two clients of one name.
func (e *executor) claimClient(ctx context.Context, name, id string, known map[string]bool) error {
	rivals, err := cognito.NewClients(ctx, e.o.API, e.poolID, name, known)
	if err != nil || len(rivals) == 0 {
		return err
	}
	e.progress("another apply created app client %s at the same moment (%s); deleting the one this run made (%s)", name, strings.Join(rivals, ", "), id)
	if err := cognito.DeleteClient(ctx, e.o.API, e.poolID, id, name); err != nil {
		return fmt.Errorf("another apply created app client %s at the same moment (%s), and deleting the one this run made (%s) failed: %w", name, strings.Join(rivals, ", "), id, err)
	}
	return &RaceLostError{What: "app client " + name, Winner: rivals[0], Deleted: id}
}

func (e *executor) domainTask(d *config.Domain, c plan.Change) task {
	return task{catResource, func(ctx context.Context) error {
		name := cognito.DomainName(d)
		create := func() error {
			return e.createOnce(ctx, "domain "+name,
				func(ctx context.Context) error { return cognito.CreateDomain(ctx, e.o.API, e.poolID, d) },
				func(ctx context.Context) (bool, error) {
					owner, err := cognito.DomainOwner(ctx, e.o.API, name)
					return owner == e.poolID, err
				})
		}
		switch c.Action {
		case plan.Create:
			e.progress("creating domain %s", name)
			return e.doneIf(create(), "created domain %s", name)
		case plan.Replace:
			old, _ := c.Before.(string)
			e.progress("replacing domain %s with %s", old, name)
			if err := cognito.DeleteDomain(ctx, e.o.API, e.poolID, old); err != nil {
				return err
			}
			e.did("deleted domain %s", old)
			return e.doneIf(create(), "created domain %s", name)
		default:
			e.progress("updating domain %s", cognito.DomainName(d))
			return e.doneIf(cognito.UpdateDomain(ctx, e.o.API, e.poolID, d), "updated domain %s", name)
		}
	}}
}

func (e *executor) groupTask(g *config.Group, a plan.Action) task {
	return task{catResource, func(ctx context.Context) error {
		if a == plan.Create {
			e.progress("creating group %s", g.Name)
			return e.doneIf(e.createOnce(ctx, "group "+g.Name,
				func(ctx context.Context) error { return cognito.CreateGroup(ctx, e.o.API, e.poolID, g) },
				func(ctx context.Context) (bool, error) { return cognito.GroupExists(ctx, e.o.API, e.poolID, g.Name) }),
				"created group %s", g.Name)
		}
		e.progress("updating group %s", g.Name)
		return e.doneIf(cognito.UpdateGroup(ctx, e.o.API, e.poolID, g), "updated group %s", g.Name)
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
// does not exist yet. The plan says which pool it compared with and why.
// It first resolves the references of desired that are not secrets (see
// ResolveReferences), in place, so that the caller applies what was
// planned.
func Prepare(ctx context.Context, api cognito.API, desired *config.Config, lookupEnv func(string) (string, bool)) (*cognito.State, *plan.Plan, error) {
	return prepare(ctx, api, desired, nil, lookupEnv, nil, nil)
}

// prepare reads the pool and plans; readFunctions, when not nil, reads
// the generated functions once the pool's state is known (the triggers
// point at them). written is the file's Document.Written (nil: nothing is
// written empty).
func prepare(ctx context.Context, api cognito.API, desired *config.Config, written func(string) bool, lookupEnv func(string) (string, bool), ident *plan.IdentityState,
	readFunctions func(*cognito.State) (*plan.FunctionState, error)) (*cognito.State, *plan.Plan, error) {
	if err := ResolveReferences(desired, lookupEnv); err != nil {
		return nil, nil, err
	}
	l, err := cognito.FindPool(ctx, api, desired)
	if err != nil {
		return nil, nil, err
	}
	if l.ID == "" && desired.UserPool.ID != "" {
		return nil, nil, fmt.Errorf("user pool %s (pinned by user_pool.id or --pool-id) does not exist here: check the id, --region and --profile, or remove the pin to create a new pool", desired.UserPool.ID)
	}
	var st *cognito.State
	if l.ID != "" {
		if st, err = cognito.ReadState(ctx, api, l.ID); err != nil {
			return nil, nil, err
		}
	}
	var fns *plan.FunctionState
	if readFunctions != nil {
		if fns, err = readFunctions(st); err != nil {
			return nil, nil, err
		}
	}
	p := plan.Compute(plan.Input{Desired: desired, State: st, LookupEnv: lookupEnv, Written: written, Identity: ident, Functions: fns})
	p.Found = l.How
	if st == nil {
		p.Found = fmt.Sprintf("no pool in this account and region is tagged %s=%s (%s listed, %d described)", cognito.TagResourceName, desired.ResourceName, count(l.Listed, "pool"), l.Described)
		blockTwins(p, desired, l.Twins)
	}
	if err := checkEndpoint(ctx, api, st, p); err != nil {
		return nil, nil, err
	}
	if err := checkDomain(ctx, api, desired, p); err != nil {
		return nil, nil, err
	}
	return st, p, nil
}

// blockTwins refuses to create the pool while a pool of the same name
// exists without cogwiz's tag: most likely this file's pool after its tag
// was removed (a console edit, an update-user-pool call, a tag policy), and
// a second pool would split the users between two. The way out is to adopt
// it, or to name this pool differently.
func blockTwins(p *plan.Plan, desired *config.Config, twins []cognito.PoolRef) {
	if len(twins) == 0 {
		return
	}
	ids := make([]string, len(twins))
	for i, t := range twins {
		ids[i] = t.String()
	}
	for i, c := range p.Changes {
		if c.Kind == plan.KindPool && c.Action == plan.Create {
			p.Changes[i].Action = plan.Blocked
			p.Changes[i].Reason = fmt.Sprintf("a user pool named %s already exists without the %s tag: %s. Creating this file's pool would make a second one with the same name. If it is this file's pool, adopt it: pin it with user_pool.id: %s (or --pool-id), or write a file from it with `cogwiz import pool %s`; otherwise give this file's pool another user_pool.name",
				desired.UserPool.Name, cognito.TagResourceName, strings.Join(ids, "; "), twins[0].ID, twins[0].ID)
		}
	}
}

// count writes n things, singular or plural.
func count(n int, thing string) string {
	if n == 1 {
		return "1 " + thing
	}
	return fmt.Sprintf("%d %ss", n, thing)
}
