package apply

import (
	"context"
	"fmt"
	"slices"
	"strings"

	ci "github.com/cogwiz/cogwiz/internal/aws/cognitoidentity"
	"github.com/cogwiz/cogwiz/internal/aws/iam"
	"github.com/cogwiz/cogwiz/internal/config"
	"github.com/cogwiz/cogwiz/internal/plan"
)

// ImportIdentity adds to cfg (a user pool read by cognito.ReadConfig) the
// identity pool that trusts the pool's app clients, or the one pinned by
// identityPoolID, with its roles: roles cogwiz made for the file stay
// cogwiz's, any other role is named by ARN (cogwiz will use it and never
// change it). It returns notes for the user. No identity pool trusting
// the pool is no error: cfg stays a user pool alone.
func ImportIdentity(ctx context.Context, ic *IdentityClients, cfg *config.Config, poolID, identityPoolID string) ([]string, error) {
	if ic == nil {
		return nil, nil
	}
	var pool *ci.Pool
	var notes []string
	if identityPoolID != "" {
		p, err := ci.ReadPool(ctx, ic.Identity, identityPoolID)
		if err != nil {
			return nil, err
		}
		pool = p
	} else {
		found, err := trusting(ctx, ic.Identity, poolID)
		if err != nil {
			return nil, err
		}
		switch len(found) {
		case 0:
			return nil, nil
		case 1:
			pool = found[0]
		default:
			var ids []string
			for _, p := range found {
				ids = append(ids, p.ID)
			}
			return []string{fmt.Sprintf("%d identity pools trust this user pool (%s): none imported; pass --identity-pool-id to pick one",
				len(found), strings.Join(ids, ", "))}, nil
		}
	}
	names := map[string]string{}
	for _, c := range cfg.AppClients {
		names[c.ID] = c.Name
	}
	ip := ci.Flatten(*pool, poolID, names)
	if pool.Tags[ci.TagResourceName] != cfg.ResourceName {
		notes = append(notes, fmt.Sprintf("identity pool %s was not made by cogwiz for this file, so the file pins it with identity_pool.id", pool.ID))
	} else {
		ip.ID = ""
	}
	if len(ip.AppClients) == len(cfg.AppClients) {
		ip.AppClients = nil // every client: the default
	}
	cfg.Services = config.ServicesUserPoolIdentityPool
	cfg.IdentityPool = ip

	roles, err := ci.GetRoles(ctx, ic.Identity, pool.ID)
	if err != nil {
		return nil, err
	}
	mine, err := iam.ListByPath(ctx, ic.IAM, cfg.IdentityRolePath())
	if err != nil {
		return nil, err
	}
	byARN := map[string]iam.Role{}
	for _, r := range mine {
		if r.Tags[plan.TagResourceName] == cfg.ResourceName {
			byARN[r.ARN] = r
		}
	}
	role := func(arn, defName string) *config.IdentityPoolRole {
		r, ok := byARN[arn]
		switch {
		case arn == "":
			return nil
		case !ok:
			return &config.IdentityPoolRole{ARN: arn}
		case r.Name == defName && len(r.ManagedPolicyARNs) == 0:
			return nil
		}
		out := &config.IdentityPoolRole{ManagedPolicyARNs: r.ManagedPolicyARNs}
		if r.Name != defName {
			out.Name = r.Name
		}
		return out
	}
	ip.AuthenticatedRole = role(roles.Authenticated, cfg.ResourceName+"-authRole")
	ip.UnauthenticatedRole = role(roles.Unauthenticated, cfg.ResourceName+"-unauthRole")

	// A group whose role cogwiz made is cogwiz's again (no role_arn in the
	// file); any other role stays named on the group.
	groupRoles := false
	for i, g := range cfg.UserPool.Groups {
		if r, ok := byARN[g.RoleARN]; ok && r.Tags[plan.TagRole] == config.GroupRoleKey(g.Name) {
			cfg.UserPool.Groups[i].RoleARN = ""
			groupRoles = true
		}
	}
	if !groupRoles && slices.ContainsFunc(cfg.UserPool.Groups, func(g config.Group) bool { return g.RoleARN == "" }) {
		ip.GroupRoles = config.Bool(false)
	}
	mapping := config.RoleMappingNone
	for _, m := range roles.Mappings {
		if m.Type == "Token" {
			mapping = config.RoleMappingToken
			if m.AmbiguousRoleResolution != config.AmbiguousAuthenticated {
				ip.AmbiguousRoleResolution = m.AmbiguousRoleResolution
			}
		} else {
			notes = append(notes, "the identity pool has rules-based role mappings, which cogwiz does not manage; plan will show them as changes")
		}
	}
	if mapping != cfg.EffectiveRoleMapping() {
		ip.RoleMapping = mapping // written only where the default says otherwise
	}
	return notes, nil
}

// trusting lists the identity pools that trust an app client of poolID.
func trusting(ctx context.Context, api ci.API, poolID string) ([]*ci.Pool, error) {
	ids, err := ci.ListPoolIDs(ctx, api)
	if err != nil {
		return nil, err
	}
	var out []*ci.Pool
	for _, id := range ids {
		p, err := ci.ReadPool(ctx, api, id)
		if err != nil {
			if ci.IsNotFound(err) {
				continue
			}
			return nil, err
		}
		if slices.ContainsFunc(p.Clients, func(c ci.Client) bool { return c.ProviderName == ci.ProviderName(poolID) }) {
			out = append(out, p)
		}
	}
	return out, nil
}
