// Package plan computes what apply would change: a field-level diff between
// cognito.yaml (desired) and what Cognito holds (the live state read back
// into the same model). It never prints; render formats a Plan.
//
// Rules the differ follows:
//   - A key absent from the file is not managed: apply leaves the live value
//     alone (on create, Cognito's default applies). Only what the file says
//     is compared. Inside a section (triggers, sms, email_sending,
//     verification, admin_create_user, a client's oauth) each key counts on
//     its own; a key written empty removes the live value, shown as a
//     change to (none). A list or a map (tags, factors, callback_urls) is
//     one value, compared and set whole.
//   - Create-only settings that differ are BLOCKED with the reason and the
//     way out. cogwiz never replaces a pool by itself.
//   - Clients, groups, identity providers, resource servers and the domain
//     are matched by name. One that is in Cognito but not in the file is
//     deleted only when cogwiz created it (the pool's cogwiz:managed tags
//     say so); anything else is left alone and listed as such.
//   - The identity pool's roles are cogwiz's when it created them (their
//     IAM path and tags say so): only those are changed or deleted; a
//     role the file names by ARN is only pointed at.
//   - Secrets are write-only: a client_secret is compared in memory with
//     what Cognito holds when its ${env:NAME} is set, and shown only as
//     "(sensitive)"; Apple's private_key cannot be read back and is never
//     compared.
package plan

import (
	"fmt"
	"reflect"
	"sort"
	"strings"

	"github.com/cogwiz/cogwiz/internal/cognito"
	"github.com/cogwiz/cogwiz/internal/config"
)

// Action is what happens to a resource or field; its value is its symbol.
type Action rune

// Actions, with Terraform's symbols plus Blocked.
const (
	NoOp    Action = 0
	Create  Action = '+'
	Update  Action = '~'
	Delete  Action = '-'
	Replace Action = '∓'
	Blocked Action = '!'
)

// String is the action's word, used in JSON.
func (a Action) String() string {
	switch a {
	case Create:
		return "create"
	case Update:
		return "update"
	case Delete:
		return "delete"
	case Replace:
		return "replace"
	case Blocked:
		return "blocked"
	}
	return "no-op"
}

// MarshalText writes the action's word.
func (a Action) MarshalText() ([]byte, error) { return []byte(a.String()), nil }

// Kinds of resources in a plan.
const (
	KindPool           = "user_pool"
	KindClient         = "app_client"
	KindGroup          = "group"
	KindDomain         = "domain"
	KindIdP            = "identity_provider"
	KindResourceServer = "resource_server"
)

// Sensitive stands in for a secret value in Before/After.
const Sensitive = "(sensitive)"

// Change is one line of the plan.
type Change struct {
	// Resource is the config path of the resource: user_pool,
	// app_clients[web], user_pool.groups[Admins], domain, ...
	Resource string `json:"resource"`
	Kind     string `json:"kind"`
	Name     string `json:"name"`
	// ID is the live resource's id where names are not unique (app
	// clients): apply acts on exactly this one.
	ID string `json:"id,omitempty"`
	// Path is the config key that changes (the resource itself for
	// create/delete/replace of a whole resource).
	Path   string `json:"path"`
	Before any    `json:"before,omitempty"`
	After  any    `json:"after,omitempty"`
	Action Action `json:"action"`
	// Reason says why (BLOCKED: why Cognito cannot, and the way out).
	Reason string `json:"reason,omitempty"`
}

// Plan is the whole diff.
type Plan struct {
	// PoolID is empty when the pool does not exist yet.
	PoolID   string `json:"pool_id,omitempty"`
	PoolName string `json:"pool_name"`
	// Found says why PoolID is the file's pool (its pin, or its tag and
	// name), or how the lookup came to find none.
	Found   string   `json:"found,omitempty"`
	Changes []Change `json:"changes"`
	// LeftAlone lists resources in Cognito that the file does not name and
	// cogwiz did not create: apply does not touch them.
	LeftAlone []string `json:"left_alone,omitempty"`
	// Notes are things the plan could not compare, and why.
	Notes []string `json:"notes,omitempty"`

	// ManagedKeys is the cogwiz:managed set apply records once it is done;
	// KeepKeys are entries to keep until their resources are deleted.
	ManagedKeys map[string]bool `json:"-"`
	KeepKeys    map[string]bool `json:"-"`
	// ClientIDs maps each of the file's clients that exists to its id: the
	// one pinned, or the one cogwiz recorded, never one that only shares
	// the name.
	ClientIDs map[string]string `json:"-"`
}

// HasChanges reports whether apply would do anything (blocked included).
func (p *Plan) HasChanges() bool { return len(p.Changes) > 0 }

// Blocked returns the changes Cognito cannot make.
func (p *Plan) Blocked() []Change {
	var out []Change
	for _, c := range p.Changes {
		if c.Action == Blocked {
			out = append(out, c)
		}
	}
	return out
}

// Summary counts resources to add, change and delete, and blocked changes.
// A replaced resource counts as one added and one deleted.
func (p *Plan) Summary() (add, change, del, blocked int) {
	type acts struct{ create, update, delete, replace bool }
	seen := map[string]*acts{}
	var order []string
	for _, c := range p.Changes {
		if c.Action == Blocked {
			blocked++
			continue
		}
		a := seen[c.Resource]
		if a == nil {
			a = &acts{}
			seen[c.Resource] = a
			order = append(order, c.Resource)
		}
		switch c.Action {
		case Create:
			a.create = true
		case Update:
			a.update = true
		case Delete:
			a.delete = true
		case Replace:
			a.replace = true
		}
	}
	for _, r := range order {
		a := seen[r]
		switch {
		case a.replace:
			add++
			del++
		case a.create:
			add++
		case a.delete:
			del++
		case a.update:
			change++
		}
	}
	return
}

// Input is what Compute needs.
type Input struct {
	Desired *config.Config
	// State is the live pool; nil when it does not exist yet.
	State *cognito.State
	// LookupEnv reads an environment variable (os.LookupEnv), for
	// comparing secrets in memory. Nil: secrets are not compared.
	LookupEnv func(string) (string, bool)
	// Written reports whether the file writes a key (config.Document's
	// Written): a key of a section written empty removes what Cognito
	// has, a key left out leaves it alone. Nil: nothing is written empty.
	Written func(path string) bool
	// Identity is the live identity pool and its roles; nil when they were
	// not read (the file has no identity pool, or no client was given).
	Identity *IdentityState
	// Functions is what exists of the generated trigger functions; nil
	// when they were not read (none to compare, or no client was given).
	Functions *FunctionState
}

// Compute diffs desired against the live state.
func Compute(in Input) *Plan {
	// Groups are compared with the roles cogwiz makes for them; the
	// identity pool's roles are planned from the file as written.
	file := in.Desired
	d := WithGroupRoles(file, in.Identity)
	d = WithFunctionTriggers(d, in.Functions, in.State.Triggers())
	p := &Plan{PoolName: d.UserPool.Name, ManagedKeys: desiredKeys(d), KeepKeys: map[string]bool{}}
	p.Notes = append(p.Notes, unmanagedNotes(file, in.Identity != nil, in.Functions != nil)...)
	if in.State == nil {
		createAll(p, d)
		(&differ{p: p}).identity(file, in.Identity, "", map[string]string{})
		(&differ{p: p}).functions(file, in.Functions, "", nil)
		return p
	}
	p.PoolID = in.State.PoolID
	for _, u := range in.State.Unsupported {
		p.Notes = append(p.Notes, fmt.Sprintf("%s were not compared: the endpoint does not support them", u))
	}
	df := &differ{p: p, state: in.State, lookupEnv: in.LookupEnv, written: in.Written, clientIndex: map[string]int{}, clientIDs: map[string]string{}}
	for i, c := range d.AppClients {
		df.clientIndex[c.Name] = i
	}
	df.pool(d, in.State.Config)
	df.clients(d, in.State.Config)
	df.groups(d, in.State.Config)
	df.identityProviders(d, in.State.Config)
	df.resourceServers(d, in.State.Config)
	df.domain(d, in.State.Config)
	// The identity pool trusts the file's clients as matched above (by
	// pinned id or by what cogwiz recorded), never a client made by hand
	// that only shares a name.
	df.identity(file, in.Identity, in.State.PoolID, df.clientIDs)
	p.ClientIDs = df.clientIDs
	df.functions(file, in.Functions, in.State.PoolARN, in.State.Triggers())
	// The cogwiz:managed record is bookkeeping: it rides along with real
	// changes but never makes a plan dirty on its own. A pool adopted with
	// `cogwiz import pool` therefore plans clean; the resources it already
	// had are simply not recorded as created by cogwiz, so removing one of
	// them from the file leaves it alone instead of deleting it.
	if len(p.Changes) > 0 {
		df.managedTags()
	}
	return p
}

// desiredKeys is the managed set the file describes, before the clients
// are matched: a client is recorded by name until its id is known (see
// clientKeys).
func desiredKeys(d *config.Config) map[string]bool {
	k := map[string]bool{}
	for _, c := range d.AppClients {
		k[cognito.ManagedKey(cognito.KindClient, c.Name)] = true
	}
	for _, g := range d.UserPool.Groups {
		k[cognito.ManagedKey(cognito.KindGroup, g.Name)] = true
	}
	for _, i := range d.IdentityProviders {
		k[cognito.ManagedKey(cognito.KindIdP, i.ProviderName())] = true
	}
	for _, r := range d.ResourceServers {
		k[cognito.ManagedKey(cognito.KindResourceServer, r.Identifier)] = true
	}
	if cognito.DomainName(d.Domain) != "" {
		// A pool has one domain; its key does not change when it is renamed.
		k[cognito.ManagedKey(cognito.KindDomain, "")] = true
	}
	return k
}

func createAll(p *Plan, d *config.Config) {
	add := func(resource, kind, name string) {
		p.Changes = append(p.Changes, Change{Resource: resource, Kind: kind, Name: name, Path: resource, After: name, Action: Create})
	}
	add("user_pool", KindPool, d.UserPool.Name)
	p.Changes[len(p.Changes)-1].Reason = createOnlySummary(d)
	for _, i := range d.IdentityProviders {
		add(idpPath(i.ProviderName()), KindIdP, i.ProviderName())
	}
	for _, r := range d.ResourceServers {
		add(rsPath(r.Identifier), KindResourceServer, r.Identifier)
	}
	for _, c := range d.AppClients {
		add(clientPath(c.Name), KindClient, c.Name)
	}
	if n := cognito.DomainName(d.Domain); n != "" {
		add("domain", KindDomain, n)
	}
	for _, g := range d.UserPool.Groups {
		add(groupPath(g.Name), KindGroup, g.Name)
	}
}

// unmanagedNotes says which parts of the file apply records but does not
// create, so that nothing is silently skipped.
func unmanagedNotes(d *config.Config, identityRead, functionsRead bool) []string {
	var notes []string
	if d.IdentityPool != nil && !identityRead {
		notes = append(notes, "identity_pool was not compared: this endpoint has no identity pools (cognito-local has none)")
	}
	if d.IdentityPool != nil {
		for _, pr := range d.IdentityPool.Providers {
			if len(pr.ExtraAudiences) > 0 {
				notes = append(notes, "identity_pool.providers["+pr.Type+"].extra_audiences are recorded, not created: make an IAM OpenID Connect provider with them and list its ARN under identity_pool.openid_connect_provider_arns")
			}
		}
	}
	if d.AdminQueries != nil && d.AdminQueries.Enabled {
		notes = append(notes, "admin_queries is recorded but not created: it is Amplify's API Gateway + Lambda, not a Cognito setting")
	}
	if n := len(config.GeneratedTriggers(d)); n > 0 && !functionsRead {
		notes = append(notes, fmt.Sprintf("the %d generated trigger function(s) were not compared, and apply does not deploy them: Lambda is not reached beside a local Cognito endpoint (without --endpoint-url, AWS_ENDPOINT_URL_LAMBDA and AWS_ENDPOINT_URL_IAM point them at one)", n))
	}
	return notes
}

// createOnlySummary names the choices a new pool fixes for its lifetime,
// so that the plan shows them once more before they become permanent.
// https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pool-updating.html
func createOnlySummary(d *config.Config) string {
	si := d.UserPool.SignIn
	signIn := "a username"
	switch {
	case len(si.UsernameAttributes) > 0:
		signIn = strings.Join(si.UsernameAttributes, " or ")
	case len(si.AliasAttributes) > 0:
		signIn = "a username or " + strings.Join(si.AliasAttributes, " or ")
	}
	cs := "case-sensitive"
	if si.CaseSensitive != nil && !*si.CaseSensitive {
		cs = "case-insensitive"
	}
	req := "none"
	if len(d.UserPool.Attributes.Required) > 0 {
		req = strings.Join(d.UserPool.Attributes.Required, ", ")
	}
	s := fmt.Sprintf("fixed for the life of the pool: sign-in with %s (%s); required attributes: %s", signIn, cs, req)
	if n := len(d.UserPool.Attributes.Custom); n > 0 {
		names := make([]string, 0, n)
		for _, c := range d.UserPool.Attributes.Custom {
			names = append(names, "custom:"+c.Name)
		}
		s += "; custom attributes (can be added to, never changed): " + strings.Join(names, ", ")
	}
	return s
}

func clientPath(name string) string { return "app_clients[" + name + "]" }
func groupPath(name string) string  { return "user_pool.groups[" + name + "]" }
func idpPath(name string) string    { return "identity_providers[" + name + "]" }
func rsPath(id string) string       { return "resource_servers[" + id + "]" }

// equal compares normalised values: nil and empty slices and maps are the same.
func equal(a, b any) bool {
	return reflect.DeepEqual(norm(a), norm(b))
}

func norm(v any) any {
	switch x := v.(type) {
	case []string:
		if len(x) == 0 {
			return []string{}
		}
	case map[string]string:
		if len(x) == 0 {
			return map[string]string{}
		}
	}
	return v
}

// set returns a sorted copy, for order-insensitive lists.
func set(list []string) []string {
	out := append([]string{}, list...)
	sort.Strings(out)
	return out
}
