package apply

import (
	"context"
	"fmt"
	"slices"

	"github.com/cogwiz/cogwiz/internal/cognito"
	"github.com/cogwiz/cogwiz/internal/config"
	"github.com/cogwiz/cogwiz/internal/plan"
)

// The checks below run while planning, before apply's first write, so
// that a change apply could not finish is BLOCKED in the plan — with the
// reason and the way out — instead of failing half-way with a pool
// created and nothing after it. (Secrets are read, and the file's rules
// checked — Lambda ARNs included — before planning even starts.)

// probePool is a pool id no pool has: listing what is in it tells an
// endpoint that knows the operation (ResourceNotFound) from one that does
// not (cognito-local's Unsupported).
const probePool = "us-east-1_cogwizprobe"

// checkEndpoint blocks the changes that need operations the endpoint does
// not have: cognito-local has no domains, identity providers or resource
// servers. Domains are checked by checkDomain, which asks for the domain
// anyway.
func checkEndpoint(ctx context.Context, api cognito.API, st *cognito.State, p *plan.Plan) error {
	for _, k := range []struct {
		kind, what, key string
		probe           func(ctx context.Context, poolID string) error
	}{
		{plan.KindIdP, "identity providers", "identity_providers", func(ctx context.Context, poolID string) error {
			_, err := cognito.IdentityProviderExists(ctx, api, poolID, "Google")
			return err
		}},
		{plan.KindResourceServer, "resource servers", "resource_servers", func(ctx context.Context, poolID string) error {
			_, err := cognito.ResourceServerExists(ctx, api, poolID, "cogwiz-probe")
			return err
		}},
	} {
		need := slices.ContainsFunc(p.Changes, func(c plan.Change) bool { return c.Kind == k.kind && c.Action != plan.Delete })
		if !need {
			continue
		}
		var supported bool
		if st != nil {
			// Reading the pool listed them already, or noted that it could not.
			supported = !slices.Contains(st.Unsupported, k.what)
		} else {
			err := k.probe(ctx, probePool)
			if err != nil && !cognito.IsUnsupported(err) && !cognito.IsNotFound(err) {
				return fmt.Errorf("checking that the endpoint supports %s: %w", k.what, err)
			}
			supported = !cognito.IsUnsupported(err)
		}
		if !supported {
			blockUnsupported(p, k.kind, k.what, k.key)
		}
	}
	return nil
}

// blockUnsupported blocks every change of kind but deletes: the endpoint
// does not have the operations they need.
func blockUnsupported(p *plan.Plan, kind, what, key string) {
	for i, c := range p.Changes {
		if c.Kind == kind && c.Action != plan.Delete {
			p.Changes[i].Action = plan.Blocked
			p.Changes[i].Reason = fmt.Sprintf("this endpoint does not support %s (cognito-local has none): leave %s out of the file when applying here, or apply against AWS", what, key)
		}
	}
}

// checkDomain blocks a domain the plan would create when another user pool
// already holds it, so the apply stops before its first call instead of
// failing half-way with "Domain already associated with another user pool",
// and blocks every domain change on an endpoint without domains.
func checkDomain(ctx context.Context, api cognito.API, desired *config.Config, p *plan.Plan) error {
	name := cognito.DomainName(desired.Domain)
	changed := slices.ContainsFunc(p.Changes, func(c plan.Change) bool { return c.Kind == plan.KindDomain && c.Action != plan.Delete })
	if name == "" || !changed {
		return nil
	}
	owner, err := cognito.DomainOwner(ctx, api, name)
	if cognito.IsUnsupported(err) {
		blockUnsupported(p, plan.KindDomain, "domains", "domain")
		return nil
	}
	if err != nil {
		return fmt.Errorf("checking that the endpoint supports domains: %w", err)
	}
	for i, c := range p.Changes {
		if c.Kind != plan.KindDomain || (c.Action != plan.Create && c.Action != plan.Replace) {
			continue
		}
		if owner != "" && owner != p.PoolID {
			p.Changes[i].Action = plan.Blocked
			p.Changes[i].Reason = fmt.Sprintf("the domain %s already belongs to another user pool (%s); domain prefixes are shared by every AWS account — choose another domain.prefix, for example one that starts with your app's name", name, owner)
			if desired.Domain.CustomDomain != "" {
				p.Changes[i].Reason = fmt.Sprintf("the domain %s already belongs to another user pool (%s); remove it there first or choose another domain.custom_domain", name, owner)
			}
		}
		return nil
	}
	return nil
}
