package apply

import (
	"context"
	"fmt"
	"maps"
	"reflect"
	"slices"
	"sync"

	"github.com/cogwiz/cogwiz/internal/aws/cognitoidentity"
	"github.com/cogwiz/cogwiz/internal/aws/iam"
	"github.com/cogwiz/cogwiz/internal/cognito"
	"github.com/cogwiz/cogwiz/internal/config"
	"github.com/cogwiz/cogwiz/internal/plan"
)

// IdentityClients are the clients of the services behind an identity
// pool: Cognito identity pools and IAM.
type IdentityClients struct {
	Identity cognitoidentity.API
	IAM      iam.API
}

// NewIdentityClients bundles the clients; nil when there are none (the
// file has no identity pool).
func NewIdentityClients(ip cognitoidentity.API, im iam.API) *IdentityClients {
	if ip == nil || im == nil {
		return nil
	}
	return &IdentityClients{Identity: ip, IAM: im}
}

// ReadIdentity reads the file's identity pool, its role attachment, the
// roles cogwiz made for the file (its IAM path, its tags), and whether a
// role cogwiz would create has a name someone else's role already has.
// Nil when the file has no identity pool, ic is nil, or the endpoint has
// no identity pools.
func ReadIdentity(ctx context.Context, ic *IdentityClients, d *config.Config) (*plan.IdentityState, error) {
	if d.IdentityPool == nil || ic == nil {
		return nil, nil
	}
	s := &plan.IdentityState{Created: map[string]iam.Role{}, Foreign: map[string]string{}}
	pool, err := cognitoidentity.FindPool(ctx, ic.Identity, d)
	if cognito.IsUnsupported(err) {
		// An emulator without identity pools (cognito-local): the user
		// pool is managed alone, and the plan says so.
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	if pool != nil {
		s.Pool = pool
		if s.Roles, err = cognitoidentity.GetRoles(ctx, ic.Identity, pool.ID); err != nil {
			return nil, err
		}
	}
	roles, err := iam.ListByPath(ctx, ic.IAM, d.IdentityRolePath())
	if err != nil {
		return nil, err
	}
	for _, r := range roles {
		if r.Tags[plan.TagResourceName] == d.ResourceName {
			s.Created[r.Name] = r
		}
	}
	var claims []roleClaim
	for _, r := range d.IdentityRoles() {
		if r.Created() {
			claims = append(claims, roleClaim{r.Name, plan.TagRole, r.Key})
		}
	}
	err = readMovedRoles(ctx, ic.IAM, d.ResourceName, claims, s.Created, func(name string, r *iam.Role) { s.Foreign[name] = r.ARN })
	if err != nil {
		return nil, err
	}
	return s, nil
}

// PrepareAll is Prepare with the identity pool: it also reads the
// identity pool and its roles (when the file has one and ic is given) and
// plans them in the same plan.
func PrepareAll(ctx context.Context, api cognito.API, ic *IdentityClients, desired *config.Config, lookupEnv func(string) (string, bool)) (*cognito.State, *plan.IdentityState, *plan.Plan, error) {
	ident, err := ReadIdentity(ctx, ic, desired)
	if err != nil {
		return nil, nil, nil, err
	}
	st, p, err := prepare(ctx, api, desired, nil, lookupEnv, ident, nil)
	return st, ident, p, err
}

// identityChanges reports whether the plan changes anything of the identity pool.
func identityChanges(p *plan.Plan) bool {
	for _, c := range p.Changes {
		switch c.Kind {
		case plan.KindIdentityPool, plan.KindRoles, plan.KindRole:
			return true
		}
	}
	return false
}

// identity creates or updates the identity pool, then its roles, then
// the role attachment, in that order (see package cognitoidentity), and
// points the groups at their roles. It runs after the app clients (the
// pool trusts their ids) and before the groups (they take the roles' ARNs).
func (e *executor) identity(ctx context.Context) error {
	d, s, ic := e.o.Desired, e.o.IdentityState, e.o.Identity
	if d.IdentityPool == nil || s == nil || ic == nil || !identityChanges(e.o.Plan) {
		return nil
	}
	e.mu.Lock()
	clientIDs := maps.Clone(e.clientIDs)
	e.mu.Unlock()

	// 1. The identity pool.
	var live cognitoidentity.Pool
	if s.Pool != nil {
		live = *s.Pool
	}
	want := cognitoidentity.Expand(d, live, e.poolID, clientIDs)
	if s.Pool == nil {
		e.progress("creating identity pool %s", d.IdentityPool.Name)
		if err := e.wait(catResource); err != nil {
			return err
		}
		id, err := cognitoidentity.CreatePool(ctx, ic.Identity, want)
		if err != nil {
			return err
		}
		want.ID = id
	} else if !reflect.DeepEqual(want, live) {
		e.progress("updating identity pool %s", live.ID)
		if err := e.wait(catResource); err != nil {
			return err
		}
		if err := cognitoidentity.UpdatePool(ctx, ic.Identity, want); err != nil {
			return err
		}
	}

	// 2. The roles: their trust policy names the pool by id.
	roles := e.file.IdentityRoles()
	arns := map[string]string{}
	var mu sync.Mutex
	var ts []task
	for _, r := range roles {
		if !r.Created() {
			arns[r.Key] = r.ARN
			continue
		}
		w := plan.WantRole(d, r, want.ID)
		l, exists := s.Created[r.Name]
		if exists && !iam.Differs(w, l) {
			arns[r.Key] = l.ARN
			continue
		}
		ts = append(ts, task{catResource, func(ctx context.Context) error {
			if exists {
				e.progress("updating role %s", r.Name)
				mu.Lock()
				arns[r.Key] = l.ARN
				mu.Unlock()
				return iam.UpdateRole(ctx, ic.IAM, w, l)
			}
			e.progress("creating role %s", r.Name)
			arn, err := iam.CreateRole(ctx, ic.IAM, w)
			mu.Lock()
			arns[r.Key] = arn
			mu.Unlock()
			return err
		}})
	}
	if err := e.phase(ctx, ts); err != nil {
		return err
	}

	// 3. The role attachment.
	wantRoles := cognitoidentity.ExpandRoles(d, want, arns)
	if s.Pool == nil || !reflect.DeepEqual(wantRoles, s.Roles) {
		e.progress("setting the roles of identity pool %s", want.ID)
		if err := e.wait(catResource); err != nil {
			return err
		}
		if err := cognitoidentity.SetRoles(ctx, ic.Identity, want.ID, wantRoles); err != nil {
			return err
		}
	}

	// 4. Groups take their roles' ARNs (the groups phase sends them).
	plan.SetGroupRoles(d.UserPool.Groups, roles, func(r config.IdentityRole) string { return arns[r.Key] })
	return nil
}

// identityDeletes deletes the roles cogwiz made that the file no longer
// asks for; roles named by ARN never appear here.
func (e *executor) identityDeletes(ctx context.Context) error {
	var ts []task
	for _, c := range e.o.Plan.Changes {
		if c.Kind != plan.KindRole || c.Action != plan.Delete {
			continue
		}
		ts = append(ts, task{catResource, func(ctx context.Context) error {
			e.progress("deleting role %s", c.Name)
			return iam.DeleteRole(ctx, e.o.Identity.IAM, c.Name)
		}})
	}
	return e.phase(ctx, ts)
}

// DestroyIdentity deletes the file's identity pool and the roles cogwiz
// made for it; a role named by ARN in the file is never deleted (it is
// not under cogwiz's path with cogwiz's tags). The pool goes first, so no
// pool is ever left pointing at a deleted role.
func DestroyIdentity(ctx context.Context, ic *IdentityClients, s *plan.IdentityState, progress func(string)) error {
	if s == nil {
		return nil
	}
	if s.Pool != nil {
		progress(fmt.Sprintf("deleting identity pool %s (%s)", s.Pool.Name, s.Pool.ID))
		if err := cognitoidentity.DeletePool(ctx, ic.Identity, s.Pool.ID); err != nil {
			return err
		}
	}
	for _, name := range slices.Sorted(maps.Keys(s.Created)) {
		progress("deleting role " + name)
		if err := iam.DeleteRole(ctx, ic.IAM, name); err != nil {
			return err
		}
	}
	return nil
}

// ReadLive finds the pool the file describes as plan does (user_pool.id,
// or the resource-name tag) and reads it, with the identity pool and its
// roles, changing nothing: what `cogwiz outputs` writes from. A pool that
// does not exist yet is a NotFoundError.
func ReadLive(ctx context.Context, api cognito.API, ic *IdentityClients, desired *config.Config) (*cognito.State, *plan.IdentityState, error) {
	id, err := cognito.FindPoolID(ctx, api, desired)
	if err != nil {
		return nil, nil, err
	}
	st, err := cognito.ReadState(ctx, api, id)
	if err != nil {
		return nil, nil, err
	}
	ident, err := ReadIdentity(ctx, ic, desired)
	if err != nil {
		return nil, nil, err
	}
	return st, ident, nil
}
