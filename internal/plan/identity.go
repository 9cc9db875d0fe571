package plan

import (
	"maps"
	"slices"
	"strings"

	"github.com/cogwiz/cogwiz/internal/aws/cognitoidentity"
	"github.com/cogwiz/cogwiz/internal/aws/iam"
	"github.com/cogwiz/cogwiz/internal/config"
)

// Kinds of the identity pool's resources.
const (
	KindIdentityPool  = "identity_pool"
	KindRoles         = "identity_pool_roles"
	KindRole          = "iam_role"
	resIdentityPool   = "identity_pool"
	resRoleAttachment = "identity_pool.role_attachment"
)

// KnownAfterApply stands for a value that exists only once apply made its
// resource (the ARN of a role still to create).
const KnownAfterApply = "(known after apply)"

// Tags cogwiz sets on the roles it creates; with the path, they are the
// record that cogwiz made the role.
const (
	TagResourceName = cognitoidentity.TagResourceName
	TagRole         = "cogwiz:role"
)

// IdentityState is what exists of the file's identity pool and its roles.
type IdentityState struct {
	// Pool is nil when the identity pool does not exist yet.
	Pool  *cognitoidentity.Pool
	Roles cognitoidentity.Roles
	// Created are the roles cogwiz made for this file: under its IAM path
	// and tagged with its resource_name, by role name.
	Created map[string]iam.Role
	// Foreign are roles that have the name of a role cogwiz should create
	// but that cogwiz did not create (name → ARN).
	Foreign map[string]string
}

// RoleARN is the ARN of the role r: the file's for an existing role, the
// live one for a role cogwiz made, KnownAfterApply otherwise.
func (s *IdentityState) RoleARN(r config.IdentityRole) string {
	if !r.Created() {
		return r.ARN
	}
	if s != nil {
		if l, ok := s.Created[r.Name]; ok {
			return l.ARN
		}
	}
	return KnownAfterApply
}

// RolePath is where the plan shows role r.
func RolePath(r config.IdentityRole) string {
	switch r.Key {
	case config.IdentityRoleAuth:
		return "identity_pool.authenticated_role"
	case config.IdentityRoleUnauth:
		return "identity_pool.unauthenticated_role"
	}
	return "identity_pool.group_roles[" + r.Group + "]"
}

// WantRole is the role cogwiz creates for r, trusted by the identity pool poolID.
func WantRole(d *config.Config, r config.IdentityRole, poolID string) iam.Role {
	return iam.Role{
		Name: r.Name, Path: d.IdentityRolePath(), TrustPolicy: cognitoidentity.TrustPolicy(poolID, r.AMR),
		ManagedPolicyARNs: sorted(r.ManagedPolicyARNs), Tags: map[string]string{TagResourceName: d.ResourceName, TagRole: r.Key},
		Description: "Identity pool role " + r.Key + " of " + d.ResourceName + ", created by cogwiz",
	}
}

func sorted(list []string) []string {
	out := slices.Clone(list)
	slices.Sort(out)
	return out
}

// WithGroupRoles returns a copy of d with each group whose role cogwiz
// creates pointing at that role's ARN (KnownAfterApply before it exists),
// so that groups are compared and written with their role. Without a
// state (the identity pool was not read) it returns d.
func WithGroupRoles(d *config.Config, s *IdentityState) *config.Config {
	roles := d.IdentityRoles()
	if len(roles) == 0 || s == nil {
		return d
	}
	out := *d
	out.UserPool.Groups = slices.Clone(d.UserPool.Groups)
	SetGroupRoles(out.UserPool.Groups, roles, s.RoleARN)
	return &out
}

// SetGroupRoles gives each group that has a role in roles that role's ARN.
func SetGroupRoles(groups []config.Group, roles []config.IdentityRole, arn func(config.IdentityRole) string) {
	for _, r := range roles {
		if r.Group == "" {
			continue
		}
		for i := range groups {
			if groups[i].Name == r.Group {
				groups[i].RoleARN = arn(r)
			}
		}
	}
}

// identity diffs the identity pool, its roles and the role attachment.
// userPoolID is empty and clientIDs has no entry for what does not exist yet.
func (df *differ) identity(d *config.Config, s *IdentityState, userPoolID string, clientIDs map[string]string) {
	if d.IdentityPool == nil || s == nil {
		return
	}
	roles := d.IdentityRoles()
	if s.Pool == nil {
		df.add(Change{Resource: resIdentityPool, Kind: KindIdentityPool, Name: d.IdentityPool.Name, Path: resIdentityPool, After: d.IdentityPool.Name, Action: Create,
			Reason: "trusts app clients " + strings.Join(d.IdentityPoolClients(), ", ") + "; roles follow, each trusted by this identity pool only"})
	} else {
		df.identityPool(d, s, userPoolID, clientIDs)
	}
	df.roles(d, s, roles)
	df.roleAttachment(d, s, roles, userPoolID, clientIDs)
}

func (df *differ) identityPool(d *config.Config, s *IdentityState, userPoolID string, clientIDs map[string]string) {
	live := *s.Pool
	want := cognitoidentity.Expand(d, live, userPoolID, clientIDs)
	r, k, n := resIdentityPool, KindIdentityPool, d.IdentityPool.Name
	df.field(r, k, n, r+".name", live.Name, want.Name)
	df.field(r, k, n, r+".allow_unauthenticated", live.AllowUnauthenticated, want.AllowUnauthenticated)
	df.field(r, k, n, r+".allow_classic_flow", live.AllowClassicFlow, want.AllowClassicFlow)
	names := map[string]string{}
	for name, id := range clientIDs {
		names[id] = name
	}
	df.field(r, k, n, r+".app_clients", clientLabels(live.Clients, userPoolID, names), clientLabels(want.Clients, userPoolID, names))
	df.field(r, k, n, r+".server_side_token_check", tokenCheck(live.Clients), tokenCheck(want.Clients))
	df.field(r, k, n, r+".providers", orEmpty(live.LoginProviders), orEmpty(want.LoginProviders))
	df.field(r, k, n, r+".openid_connect_provider_arns", live.OpenIDConnectProviderARNs, want.OpenIDConnectProviderARNs)
	df.field(r, k, n, r+".saml_provider_arns", live.SAMLProviderARNs, want.SAMLProviderARNs)
	if live.DeveloperProviderName == "" {
		df.field(r, k, n, r+".developer_provider_name", live.DeveloperProviderName, want.DeveloperProviderName)
	} else {
		df.blocked(r, k, n, r+".developer_provider_name", live.DeveloperProviderName, want.DeveloperProviderName, "")
	}
}

// clientLabels names trusted clients by their app client name when they
// belong to this user pool, by provider:id otherwise.
func clientLabels(cs []cognitoidentity.Client, userPoolID string, names map[string]string) []string {
	out := []string{}
	for _, c := range cs {
		if n, ok := names[c.ClientID]; ok && c.ProviderName == cognitoidentity.ProviderName(userPoolID) {
			out = append(out, n)
		} else if strings.HasPrefix(c.ClientID, "(") {
			out = append(out, strings.TrimSuffix(strings.TrimPrefix(c.ClientID, "(id of new app client "), ")"))
		} else {
			out = append(out, c.Key())
		}
	}
	slices.Sort(out)
	return out
}

func tokenCheck(cs []cognitoidentity.Client) bool {
	for _, c := range cs {
		if c.ServerSideTokenCheck {
			return true
		}
	}
	return false
}

// roles diffs the roles cogwiz creates; a role it made that the file no
// longer asks for is deleted, a role named by ARN is never touched.
func (df *differ) roles(d *config.Config, s *IdentityState, roles []config.IdentityRole) {
	want := map[string]bool{}
	byKey := map[string]iam.Role{}
	for _, l := range s.Created {
		byKey[l.Tags[TagRole]] = l
	}
	for _, r := range roles {
		if !r.Created() {
			continue
		}
		path := RolePath(r)
		live, ok := s.Created[r.Name]
		if !ok {
			if old, renamed := byKey[r.Key]; renamed {
				want[old.Name] = true
				df.blocked(path, KindRole, r.Name, path+".name", old.Name, r.Name, registryWhy("identity_pool.authenticated_role.name"))
				continue
			}
			if arn, taken := s.Foreign[r.Name]; taken {
				df.add(Change{Resource: path, Kind: KindRole, Name: r.Name, Path: path + ".name", Before: arn, After: r.Name, Action: Blocked,
					Reason: "an IAM role named " + r.Name + " exists and cogwiz did not create it — to use it, name it by arn; otherwise choose another name"})
				continue
			}
			reason := "no permissions"
			if len(r.ManagedPolicyARNs) > 0 {
				reason = "with " + strings.Join(r.ManagedPolicyARNs, ", ")
			}
			df.add(Change{Resource: path, Kind: KindRole, Name: r.Name, Path: path, After: r.Name, Action: Create,
				Reason: "trusted by this identity pool only (amr " + r.AMR + "); " + reason})
			continue
		}
		want[r.Name] = true
		if s.Pool == nil {
			continue
		}
		w := WantRole(d, r, s.Pool.ID)
		if !iam.Differs(w, live) {
			continue
		}
		df.field(path, KindRole, r.Name, path+".trust_policy", live.TrustPolicy, w.TrustPolicy)
		df.field(path, KindRole, r.Name, path+".managed_policy_arns", live.ManagedPolicyARNs, w.ManagedPolicyARNs)
		if len(live.InlinePolicies) > 0 {
			df.field(path, KindRole, r.Name, path+".inline_policies", slices.Sorted(maps.Keys(live.InlinePolicies)), []string{})
		}
	}
	for _, name := range slices.Sorted(maps.Keys(s.Created)) {
		if !want[name] {
			path := "identity_pool.roles[" + name + "]"
			df.add(Change{Resource: path, Kind: KindRole, Name: name, Path: path, Before: name, Action: Delete, Reason: "no longer in the file; cogwiz created it"})
		}
	}
}

func registryWhy(key string) string {
	if st, ok := config.Lookup(key); ok {
		return st.CreateOnlyWhy
	}
	return ""
}

// WantRoles is the identity pool's role attachment the file asks for,
// with ARNs as RoleARN resolves them.
func WantRoles(d *config.Config, s *IdentityState, p cognitoidentity.Pool, roles []config.IdentityRole) cognitoidentity.Roles {
	arns := map[string]string{}
	for _, r := range roles {
		arns[r.Key] = s.RoleARN(r)
	}
	return cognitoidentity.ExpandRoles(d, p, arns)
}

func (df *differ) roleAttachment(d *config.Config, s *IdentityState, roles []config.IdentityRole, userPoolID string, clientIDs map[string]string) {
	r, k, n := resRoleAttachment, KindRoles, d.IdentityPool.Name
	if s.Pool == nil {
		why := "everyone signed in gets the authenticated role"
		if d.EffectiveRoleMapping() == config.RoleMappingToken {
			why = "token role mapping: a user gets the role of their group (cognito:preferred_role)"
		}
		df.add(Change{Resource: r, Kind: k, Name: n, Path: r, After: "roles", Action: Create, Reason: why})
		return
	}
	p := cognitoidentity.Expand(d, *s.Pool, userPoolID, clientIDs)
	want := WantRoles(d, s, p, roles)
	df.field(r, k, n, r+".authenticated", s.Roles.Authenticated, want.Authenticated)
	df.field(r, k, n, r+".unauthenticated", s.Roles.Unauthenticated, want.Unauthenticated)
	names := map[string]string{}
	for name, id := range clientIDs {
		names[cognitoidentity.ProviderName(userPoolID)+":"+id] = name
	}
	df.field(r, k, n, r+".role_mapping", mappingLabels(s.Roles.Mappings, names), mappingLabels(want.Mappings, names))
}

// mappingLabels shows role mappings per client name: "web: Token, AuthenticatedRole".
func mappingLabels(m map[string]cognitoidentity.Mapping, names map[string]string) map[string]string {
	out := map[string]string{}
	for key, v := range m {
		label := key
		if n, ok := names[key]; ok {
			label = n
		} else if i := strings.Index(key, ":(id of new app client "); i >= 0 {
			label = strings.TrimSuffix(key[i+len(":(id of new app client "):], ")")
		}
		out[label] = v.Type + ", " + v.AmbiguousRoleResolution
	}
	return out
}
